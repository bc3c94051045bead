package io.tandem.gui.wizard;

import io.tandem.model.Problem;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Disks step on the demo without a screen: the server's own devices are never a choice,
 * volumes can be added and removed, and skipping the initial sync needs disks seen blank.
 */
class DisksStepSafetyTest {

    @TempDir
    Path dir;
    private WizardViewModel wizard;
    private DisksStep disks;

    @BeforeEach
    void toDisks() {
        wizard = TestWizards.discoveredDemo(new TestWizards.AnsweringDialogs(), dir);
        wizard.next();
        wizard.next();
        disks = wizard.step(DisksStep.class);
        assertThat(wizard.currentStep()).isSameAs(disks);
    }

    private DisksStep.DeviceChoice choice(int n, String path) {
        return disks.choice(n, path).orElseThrow();
    }

    @Test
    void theSystemDiskItsPartitionsAndSwapAreShownWithTheReasonButNeverChosen() {
        assertThat(choice(0, "/dev/vda1").refusal()).isEqualTo("is mounted on /");
        assertThat(choice(0, "/dev/vda1").label()).contains("/dev/vda1", "NOT AVAILABLE: is mounted on /");
        assertThat(choice(0, "/dev/vda2").refusal()).isEqualTo("is in use as swap");
        assertThat(choice(0, "/dev/vda").refusal()).contains("holds /dev/vda1, which is mounted on /");
        assertThat(choice(0, "/dev/vdb").refused()).isFalse();
        assertThat(choice(1, "/dev/vdc").refused()).as("an old filesystem: destroyable after confirmation").isFalse();

        assertThat(disks.select(0, 0, "/dev/vda1")).isFalse();
        assertThat(disks.selected(0, 0)).isEqualTo("/dev/vdb");
        assertThat(disks.metadataChoices(0)).doesNotContain("/dev/vda1", "/dev/vda2", "/dev/vda");
    }

    @Test
    void aSystemDeviceInTheProjectBlocksTheStepAndTypingItsPathDoesNotHelp() {
        wizard.draft().set(disks.diskPath(0, 0), "/dev/vda1");
        wizard.changedByStep(disks.diskPath(0, 0));
        assertThat(disks.refusal(0, 0)).startsWith("node1's /dev/vda1 is mounted on /: the server itself uses it");
        assertThat(disks.needsConfirmation(0, 0)).as("no confirmation can make it acceptable").isFalse();
        disks.confirmation(0, 0).set("/dev/vda1");
        disks.confirmation(1, 1).set("/dev/vdc");
        assertThat(disks.isValid()).isFalse();
        assertThat(disks.blockersProperty().get()).contains("node1's /dev/vda1 is mounted on /", "Choose another device");
        assertThat(disks.select(0, 0, "/dev/vdb")).isTrue();
        assertThat(disks.isValid()).as(disks.blockersProperty().get()).isTrue();
    }

    @Test
    void aVolumeCanBeRemovedSoOneSpareDiskPerServerIsEnough() {
        assertThat(disks.isValid()).as("node2's vdc holds an old filesystem").isFalse();
        assertThat(disks.removalBlocker(0)).as("the client's filesystem is on the first LUN")
                .contains("client keeps its filesystem (/mnt/iscsi) on volume r0 (LUN 0)");
        assertThat(disks.removeVolume(0)).isFalse();
        assertThat(disks.removalBlocker(1)).isEmpty();
        assertThat(disks.removeVolume(1)).isTrue();

        assertThat(disks.resourceCount()).isEqualTo(1);
        assertThat(wizard.draft().size("$.target.luns")).as("its LUN went with it").isEqualTo(1);
        assertThat(wizard.draft().text("$.target.luns[0].resource")).isEqualTo("r0");
        assertThat(disks.isValid()).as(disks.blockersProperty().get()).isTrue();
        assertThat(wizard.problems()).noneMatch(Problem::isError);
        assertThat(disks.removalBlocker(0)).startsWith("Volume r0 is the only one");
        assertThat(disks.removeVolume(0)).isFalse();
    }

    @Test
    void anAddedVolumeContinuesTheNamesNumbersAndSerials() {
        disks.removeVolume(1);
        disks.addVolume();
        assertThat(disks.resourceCount()).isEqualTo(2);
        assertThat(wizard.draft().text("$.replication.resources[1].name")).isEqualTo("r1");
        assertThat(wizard.draft().text("$.replication.resources[1].minor")).isEqualTo("1");
        assertThat(wizard.draft().text("$.replication.resources[1].port")).isEqualTo("7790");
        assertThat(wizard.draft().text("$.target.luns[1].number")).isEqualTo("1");
        assertThat(wizard.draft().text("$.target.luns[1].serial")).isEqualTo("5a7c00000002");
        assertThat(wizard.draft().text("$.target.luns[1].productId")).isEqualTo("tandem-r1");
        assertThat(disks.selected(1, 0)).as("node1's other free disk").isEqualTo("/dev/vdc");
        assertThat(disks.selected(1, 1)).as("node2 has no free disk left").isEmpty();
        assertThat(disks.isValid()).isFalse();
        assertThat(disks.blockersProperty().get()).contains("Volume r1 has no device on node2 yet: choose one, or remove the volume.");

        disks.addVolume();
        assertThat(wizard.draft().text("$.replication.resources[2].name")).isEqualTo("r2");
        assertThat(wizard.draft().text("$.replication.resources[2].port")).isEqualTo("7791");
        assertThat(wizard.draft().text("$.target.luns[2].serial")).isEqualTo("5a7c00000003");
        disks.removeVolume(1);
        disks.addVolume();
        assertThat(wizard.draft().text("$.replication.resources[2].name")).as("the lowest free name").isEqualTo("r1");
        assertThat(wizard.draft().text("$.replication.resources[2].minor")).as("never a minor in use").isEqualTo("3");
        assertThat(wizard.draft().text("$.target.luns[2].serial")).isEqualTo("5a7c00000004");
    }

    @Test
    void withTgtTheFirstAddedLunIsOne() {
        wizard.draft().set("$.target.implementation", "tgt");
        wizard.draft().set("$.target.luns", java.util.List.of());
        assertThat(VolumeNumbering.next(wizard.draft()).lun()).isEqualTo(1);
        assertThat(VolumeNumbering.nextSerial(java.util.Set.of())).matches("[0-9a-f]{12}");
    }

    @Test
    void removingAVolumeKeepsTheConfirmationsOfTheOthers() {
        disks.addVolume();
        disks.confirmation(1, 1).set("/dev/vdc");
        disks.removeVolume(2);
        assertThat(disks.confirmation(1, 1).get()).isEqualTo("/dev/vdc");
        disks.confirmation(1, 1).set("");
        wizard.draft().set("$.initiators[0].filesystem.lun", 1);
        assertThat(disks.removalBlocker(0)).as("the filesystem names LUN 1 now").isEmpty();
        disks.confirmation(1, 1).set("/dev/vdc");
        assertThat(disks.removeVolume(0)).isTrue();
        assertThat(disks.confirmation(0, 1).get()).as("r1 is volume 0 now, its confirmation moved with it").isEqualTo("/dev/vdc");
    }

    @Test
    void skippingTheInitialSyncIsRefusedUnlessBothSidesWereSeenBlank() {
        ReplicationStep replication = wizard.step(ReplicationStep.class);
        wizard.draft().set("$.replication.initialSync", "skip-new-disks");
        wizard.changedByStep("$.replication.initialSync");
        assertThat(replication.skipSyncRefusal()).contains("node2's /dev/vdc has an ext4 filesystem", "full initial sync")
                .doesNotContain("node1's");
        assertThat(replication.isValid()).isFalse();

        disks.removeVolume(1);
        assertThat(disks.notProvablyBlank()).isEmpty();
        assertThat(replication.skipSyncRefusal()).isEmpty();
        assertThat(replication.isValid()).as(replication.blockersProperty().get()).isTrue();

        wizard.draft().set("$.replication.initialSync", "full");
        disks.addVolume();
        assertThat(replication.skipSyncRefusal()).as("only asked when skipping").isEmpty();
        wizard.draft().set("$.replication.initialSync", "skip-new-disks");
        assertThat(replication.skipSyncRefusal()).contains("node2's device of volume r1 was not seen by discovery");
    }
}
