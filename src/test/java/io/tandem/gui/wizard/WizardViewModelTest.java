package io.tandem.gui.wizard;

import io.tandem.discovery.DemoHostConnector;
import io.tandem.discovery.HostConnector;
import io.tandem.gui.Background;
import io.tandem.plan.FileChange;
import io.tandem.model.ProjectFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The wizard's logic without a screen: background work runs at once, dialogs answer from the test. */
class WizardViewModelTest {

    @TempDir
    Path dir;
    private final TestWizards.AnsweringDialogs dialogs = new TestWizards.AnsweringDialogs();
    private WizardViewModel wizard;

    @BeforeEach
    void create() {
        wizard = TestWizards.create(Background.IMMEDIATE, dialogs, dir);
    }

    private void discoverBoth() {
        wizard.step(NodesStep.class).discover(0);
        wizard.step(NodesStep.class).discover(1);
    }

    private void confirmNode2sOldDisk() {
        DisksStep disks = wizard.step(DisksStep.class);
        for (int r = 0; r < disks.resourceCount(); r++) {
            if (disks.needsConfirmation(r, 1)) {
                disks.confirmation(r, 1).set(disks.selected(r, 1));
            }
        }
    }

    @Test
    void theDemoWalksFromWelcomeToReviewAndExports() throws Exception {
        assertThat(wizard.canGoNextProperty().get()).as("nothing chosen yet").isFalse();
        wizard.startDemo();
        assertThat(wizard.isDemo()).isTrue();
        wizard.next();
        assertThat(wizard.currentStep()).isInstanceOf(NodesStep.class);
        assertThat(wizard.canGoNextProperty().get()).as("not discovered yet").isFalse();
        discoverBoth();
        assertThat(dialogs.keysShown).hasSize(2).allSatisfy(k -> assertThat(k.fingerprint()).startsWith("SHA256:"));
        assertThat(wizard.step(NodesStep.class).login(0).report).isNotEmpty();
        wizard.next();
        assertThat(wizard.currentStep()).isInstanceOf(NetworkStep.class);
        assertThat(wizard.step(NetworkStep.class).nics(0)).hasSize(5);
        wizard.next();
        assertThat(wizard.currentStep()).isInstanceOf(DisksStep.class);
        confirmNode2sOldDisk();
        wizard.next();
        assertThat(wizard.step(ReplicationStep.class).expectedSyncTime()).contains("GiB", "10000 Mb/s");
        wizard.next();
        assertThat(wizard.currentStep()).isInstanceOf(ClusterStep.class);
        assertThat(wizard.canGoNextProperty().get()).as("no fencing, not acknowledged").isFalse();
        wizard.step(ClusterStep.class).acceptNoFencingProperty().set(true);
        wizard.next();
        wizard.next();
        assertThat(wizard.currentStep()).isInstanceOf(InitiatorsStep.class);
        wizard.next();
        ReviewStep review = wizard.step(ReviewStep.class);
        assertThat(wizard.currentStep()).isSameAs(review);
        assertThat(review.files()).extracting(f -> f.path()).contains("/etc/corosync/corosync.conf", "/cib.xml");
        review.exportDirectoryProperty().set(dir.resolve("audit").toString());
        review.export();
        assertThat(review.exportStatusProperty().get()).startsWith("Exported");
        assertThat(dir.resolve("audit/MANIFEST.sha256")).exists();
        assertThat(review.contentProperty().get()).isNotEmpty();
    }

    /** The demo, both nodes discovered, through Disks (node2's old disk confirmed) to Replication. */
    private void toReplication() {
        wizard.startDemo();
        wizard.next();
        discoverBoth();
        wizard.next();
        wizard.next();
        confirmNode2sOldDisk();
        wizard.next();
    }

    private ReviewStep toReview() {
        toReplication();
        wizard.next();
        wizard.step(ClusterStep.class).acceptNoFencingProperty().set(true);
        wizard.next();
        wizard.next();
        wizard.next();
        ReviewStep review = wizard.step(ReviewStep.class);
        assertThat(wizard.currentStep()).isSameAs(review);
        return review;
    }

    private static io.tandem.render.RenderedFile file(ReviewStep review, String host, String path) {
        return review.files().stream().filter(f -> f.host().equals(host) && f.path().equals(path)).findFirst().orElseThrow();
    }

    @Test
    void reviewComparesEachFileWithTheDemoHostsStockFiles() {
        ReviewStep review = toReview();

        assertThat(review.change(file(review, "node1", "/etc/hosts")).label()).matches("changed \\(\\+7 \u22120\\)");
        assertThat(review.change(file(review, "node1", "/etc/corosync/corosync.conf")).status()).isEqualTo(FileChange.Status.NEW);
        assertThat(review.change(file(review, "node2", "/etc/drbd.d/global_common.conf")).status()).isEqualTo(FileChange.Status.CHANGED);
        assertThat(review.change(file(review, "client", "/etc/iscsi/iscsid.conf")).reason())
                .isEqualTo("client has not been discovered (step Initiators)");
        assertThat(review.change(file(review, "cluster", "/cib.xml")).status()).isEqualTo(FileChange.Status.UNKNOWN);
        assertThat(review.summaryProperty().get()).contains("Against the hosts as discovered:", " new, ", " changed, ", " unknown");
    }

    @Test
    void theChangesViewShowsTheHostsLinesAndTheNewOnesNumberedWithSecretsMasked() {
        ReviewStep review = toReview();
        review.selectedProperty().set(file(review, "node1", "/etc/hosts"));
        review.showChangesProperty().set(true);

        assertThat(review.changesAvailableProperty().get()).isTrue();
        assertThat(review.changesTitleProperty().get()).matches("Changes against node1 \\(as discovered at \\d\\d:\\d\\d\\)");
        assertThat(review.diffRows().getFirst().kind()).isEqualTo(DiffRow.Kind.HUNK);
        assertThat(review.diffRows()).filteredOn(r -> r.kind() == DiffRow.Kind.SAME).extracting(DiffRow::text)
                .contains("ff02::2 ip6-allrouters");
        assertThat(review.diffRows()).filteredOn(r -> r.kind() == DiffRow.Kind.ADDED).first()
                .satisfies(r -> {
                    assertThat(r.text()).isEqualTo("# BEGIN TANDEM MANAGED BLOCK");
                    assertThat(r.newNumber()).isEqualTo("8");
                    assertThat(r.oldNumber()).isEmpty();
                });
        assertThat(review.changesNoteProperty().get()).contains("Changed (+7", "managed block");

        String drbdSecret = wizard.draft().text("$.replication.sharedSecret");
        review.selectedProperty().set(review.files().stream().filter(f -> f.path().endsWith(".res")).findFirst().orElseThrow());
        assertThat(review.changesNoteProperty().get()).startsWith("Not on node1 yet");
        assertThat(review.diffRows()).extracting(DiffRow::text).anySatisfy(t -> assertThat(t).containsPattern("shared-secret \"\\{masked:"))
                .noneSatisfy(t -> assertThat(t).contains(drbdSecret));
        assertThat(review.contentProperty().get()).contains("<redacted:").doesNotContain(drbdSecret);

        review.selectedProperty().set(file(review, "client", "/etc/fstab"));
        assertThat(review.changesAvailableProperty().get()).isFalse();
        assertThat(review.diffRows()).isEmpty();
        assertThat(review.changesNoteProperty().get()).isEqualTo("No comparison: client has not been discovered (step Initiators).");

        // Once the client is discovered, its files are compared too, CHAP secrets masked on both sides.
        wizard.step(InitiatorsStep.class).discover(0);
        review.render();
        review.selectedProperty().set(file(review, "client", "/etc/iscsi/iscsid.conf"));
        assertThat(review.change(file(review, "client", "/etc/iscsi/iscsid.conf")).status()).isEqualTo(FileChange.Status.CHANGED);
        assertThat(review.changesTitleProperty().get()).startsWith("Changes against client (as discovered at ");
        String chap = wizard.draft().text("$.chap.incoming.secret");
        assertThat(review.diffRows()).extracting(DiffRow::text).anySatisfy(t -> assertThat(t).contains("{masked:"))
                .noneSatisfy(t -> assertThat(t).contains(chap));
    }

    @Test
    void theClusterStepPreviewsAFailoverWithPacemakersScheduler() {
        io.tandem.testing.RealTools.require("crm_simulate");
        wizard.startDemo();
        ClusterStep cluster = wizard.step(ClusterStep.class);
        cluster.runPreview();
        assertThat(cluster.previewProperty().get()).contains("Now: node1 serves the clients", "the virtual IP 192.168.50.100",
                "the primary of volumes r0 and r1", "If node1 fails: the virtual IP 192.168.50.100 moves to node2");
        assertThat(cluster.previewProperty().get()).as("in words, not Pacemaker's resource ids").doesNotContain("Now: node2", "p_", "drbd_");
    }

    @Test
    void theDemoScanFindsTheDemoHostsAndFillsAnAddress() {
        wizard.startDemo();
        wizard.next();
        NodesStep nodes = wizard.step(NodesStep.class);
        nodes.scanSubnetProperty().set("192.168.50.0/24");
        nodes.scan();
        assertThat(nodes.scanResults()).containsExactly("192.168.50.11", "192.168.50.12", "192.168.50.20");
        nodes.use(1, "192.168.50.20");
        assertThat(wizard.draft().text("$.nodes[1].ssh.address")).isEqualTo("192.168.50.20");
        nodes.scanSubnetProperty().set("10.0.0.0/8");
        nodes.scan();
        assertThat(nodes.scanStatusProperty().get()).isNotEmpty();
    }

    @Test
    void invalidInputHoldsTheStepBackWithAMessageAtTheField() {
        wizard.startDemo();
        wizard.next();
        discoverBoth();
        wizard.next();
        NetworkStep network = wizard.step(NetworkStep.class);
        FieldBinding vip = network.fields().stream().filter(f -> f.path().equals("$.networks.client.virtualIp")).findFirst().orElseThrow();
        vip.value().set("192.168.99.7");
        assertThat(wizard.canGoNextProperty().get()).isFalse();
        assertThat(vip.message().get()).contains("not a host address in 192.168.50.0/24");
        assertThat(network.blockersProperty().get()).as("the field by its label, not its JSON path")
                .contains("Virtual IP for initiators: the virtual IP 192.168.99.7 is not a host address").doesNotContain("$.");
        vip.value().set("192.168.50.100");
        assertThat(wizard.canGoNextProperty().get()).isTrue();
        assertThat(vip.message().get()).isEmpty();
    }

    @Test
    void backAndNextKeepEnteredDataAndLaterStepsAreMarkedForReview() {
        toReplication();
        wizard.back();
        wizard.back();
        FieldBinding domain = wizard.step(NetworkStep.class).fields().getFirst();
        domain.value().set("storage.example.org");
        wizard.next();
        wizard.back();
        assertThat(wizard.draft().text("$.domain")).isEqualTo("storage.example.org");
        assertThat(domain.value().get()).isEqualTo("storage.example.org");
        assertThat(wizard.steps().get(4).stateProperty().get()).isEqualTo(StepState.NEEDS_REVIEW);
    }

    @Test
    void aDeviceThatHoldsDataCannotBeChosenWithoutTypingItsPath() {
        wizard.startDemo();
        wizard.next();
        discoverBoth();
        wizard.next();
        wizard.next();
        DisksStep disks = wizard.step(DisksStep.class);
        disks.select(0, 1, "/dev/vdc");
        assertThat(disks.needsConfirmation(0, 1)).isTrue();
        assertThat(wizard.canGoNextProperty().get()).isFalse();
        assertThat(disks.blockersProperty().get()).contains("/dev/vdc holds data");
        disks.confirmation(0, 1).set("/dev/vd");
        assertThat(wizard.canGoNextProperty().get()).isFalse();
        disks.confirmation(0, 1).set("/dev/vdc");
        // r1 on node 2 now needs another device: vdc is taken by r0 (same device twice is an error).
        disks.select(1, 1, "/dev/vdb");
        assertThat(wizard.canGoNextProperty().get()).isTrue();
        wizard.next();
        assertThat(wizard.currentStep()).isInstanceOf(ReplicationStep.class);
        disks.select(0, 1, "/dev/vdc");
        assertThat(disks.confirmation(0, 1).get()).as("a new choice needs a new confirmation").isEmpty();
    }

    @Test
    void savingWritesAPrivateProjectAndClosingAsksAboutUnsavedChanges() throws Exception {
        wizard.startDemo();
        assertThat(wizard.mayClose()).as("nothing changed since start").isTrue();
        wizard.step(NetworkStep.class).fields().getFirst().value().set("changed.example.org");
        assertThat(wizard.dirtyProperty().get()).isTrue();
        assertThat(wizard.mayClose()).isFalse();
        assertThat(dialogs.unsavedAsked).isEqualTo(1);
        assertThat(dir.resolve("draft.tandem.json")).as("autosaved draft").exists();

        Path file = dir.resolve("mine.tandem.json");
        wizard.saveAs(file);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(ProjectFile.read(file).domain()).isEqualTo("changed.example.org");
        assertThat(wizard.dirtyProperty().get()).isFalse();
        assertThat(wizard.mayClose()).isTrue();
        assertThat(wizard.recent()).containsExactly(file.toAbsolutePath());
        assertThat(dir.resolve("draft.tandem.json")).as("the draft is gone once saved").doesNotExist();
    }

    @Test
    void aNewProjectStartsWithoutAnybodysAddressesAndCanBeSavedHalfFilled() throws Exception {
        wizard.startNew();
        assertThat(wizard.isDemo()).isFalse();
        assertThat(wizard.draft().text("$.nodes[0].ssh.address")).isEmpty();
        assertThat(wizard.draft().text("$.chap.incoming.secret")).hasSize(16);
        wizard.next();
        assertThat(wizard.canGoNextProperty().get()).isFalse();
        Path file = dir.resolve("half.tandem.json");
        wizard.saveAs(file);
        WizardViewModel reopened = new WizardViewModel(Background.IMMEDIATE, null, AppPaths.under(dir.resolve("b")), HostConnector.SSH,
                new DemoHostConnector(Duration.ZERO));
        assertThat(reopened.open(file)).isEmpty();
        assertThat(reopened.draft().text("$.nodes[0].ssh.address")).isEmpty();
        assertThat(reopened.draft().text("$.chap.incoming.secret")).isEqualTo(wizard.draft().text("$.chap.incoming.secret"));
    }

    @Test
    void aClientIsDiscoveredLikeANodeAndChecked() {
        wizard.startDemo();
        InitiatorsStep initiators = wizard.step(InitiatorsStep.class);
        assertThat(initiators.managed(0)).isTrue();
        wizard.draft().set("$.initiators[0].name", "renamed");
        initiators.discover(0);
        HostLogin login = initiators.login(0);
        assertThat(login.status.get()).contains("Discovered client", "demo host");
        assertThat(login.factsProperty().get().hostname()).isEqualTo("client");
        assertThat(wizard.draft().text("$.initiators[0].name")).as("filled from the host").isEqualTo("client");
        assertThat(login.report).anySatisfy(c -> assertThat(c.title() + ": " + c.reason()).startsWith("open-iscsi: installed ("));
        assertThat(login.report).anySatisfy(c -> assertThat(c.title() + ": " + c.reason())
                .isEqualTo("initiator name: keeps its own: iqn.1993-08.org.debian:01:5f3c9a7e21d4"));
        assertThat(wizard.draft().text("$.initiators[0].iqn")).as("the client's own name replaces the suggestion")
                .isEqualTo("iqn.1993-08.org.debian:01:5f3c9a7e21d4");
        assertThat(wizard.problems()).noneMatch(p -> p.isError() && p.path().startsWith("$.initiators"));
    }

    @Test
    void aManagedClientCanBeTheQuorumWitness() {
        wizard.startDemo();
        InitiatorsStep initiators = wizard.step(InitiatorsStep.class);
        int withDelay = initiators.failoverSeconds();
        initiators.setWitness(0, true);
        assertThat(initiators.witness(0)).isTrue();
        assertThat(wizard.draft().text("$.cluster.quorumDevice.host")).isEqualTo(wizard.draft().text("$.initiators[0].name"));
        assertThat(wizard.draft().text("$.cluster.twoNode")).as("corosync refuses two_node with a device").isEqualTo("false");
        assertThat(wizard.problems()).noneMatch(p -> p.isError() && (p.path().startsWith("$.cluster") || p.path().startsWith("$.initiators")));
        if (!wizard.draft().text("$.cluster.stonith.type").equals("none")) {
            assertThat(initiators.failoverSeconds()).as("no fence delay with a witness").isLessThan(withDelay);
        }
        // Renamed, the witness is no client any more: the error is shown on this step, in words.
        wizard.draft().set("$.initiators[0].name", "renamed");
        wizard.revalidate();
        assertThat(wizard.problems()).anySatisfy(p -> {
            assertThat(p.path()).isEqualTo("$.cluster.quorumDevice.host");
            assertThat(p.isError()).isTrue();
        });
        assertThat(initiators.witness(0)).isFalse();
        wizard.draft().set("$.initiators[0].name", "client");
        wizard.revalidate();
        // Removing the witness takes the quorum device with it, and two_node comes back.
        initiators.remove(0);
        assertThat(wizard.draft().has("$.cluster.quorumDevice")).isFalse();
        assertThat(wizard.draft().text("$.cluster.twoNode")).isEqualTo("true");
    }

    @Test
    void anInitiatorSetUpByHandIsAdmittedAndGetsItsSettingsToType() {
        wizard.startDemo();
        InitiatorsStep initiators = wizard.step(InitiatorsStep.class);
        initiators.addManual();
        assertThat(initiators.count()).isEqualTo(2);
        assertThat(initiators.managed(1)).isFalse();
        assertThat(initiators.fieldsOf(1)).extracting(FieldBinding::path).noneMatch(p -> p.contains(".ssh."));
        assertThat(wizard.problems()).as("its IQN must be typed").anyMatch(p -> p.isError() && p.path().equals("$.initiators[1].iqn"));
        initiators.fieldsOf(1).stream().filter(f -> f.path().endsWith(".iqn")).findFirst().orElseThrow()
                .value().set("iqn.1991-05.com.microsoft:win1.test.lab");
        assertThat(wizard.problems()).noneMatch(p -> p.isError() && p.path().startsWith("$.initiators"));
        assertThat(initiators.manualSettings(1)).contains("iqn.1991-05.com.microsoft:win1.test.lab", "192.168.50.100:3260",
                "iqn.2024-01.test.lab:store", "MaxRequestHoldTime");
        assertThat(initiators.manualSettings(1)).as("the demo's 140 s exceed what ESXi accepts").contains("ESXi accepts at most 120 s");
        // Mutual and discovery CHAP: said whether on, with the user, never the secret (the text may be copied).
        wizard.draft().set("$.chap.outgoing", java.util.Map.of("user", "demotarget", "secret", "Sq8vR2mK5tW9xJ4b"));
        wizard.draft().remove("$.chap.discovery");
        assertThat(initiators.manualSettings(1)).contains("Mutual CHAP (the target proves itself): enabled, target user demotarget",
                "Discovery CHAP: off").doesNotContain("Sq8vR2mK5tW9xJ4b", wizard.draft().text("$.chap.incoming.secret"));
        wizard.draft().remove("$.chap.outgoing");
        wizard.draft().set("$.chap.discovery", java.util.Map.of("user", "demodisc", "secret", "Hn3cV7pQ2wZ8kD5f"));
        assertThat(initiators.manualSettings(1)).contains("Mutual CHAP: off", "Discovery CHAP: enabled, user demodisc")
                .doesNotContain("Hn3cV7pQ2wZ8kD5f");
        initiators.fieldsOf(1).stream().filter(f -> f.path().endsWith(".replacementTimeout")).findFirst().orElseThrow().value().set("110");
        assertThat(initiators.manualSettings(1)).doesNotContain("at most");
        ReviewStep review = wizard.step(ReviewStep.class);
        review.render();
        assertThat(review.files()).extracting(f -> f.host()).doesNotContain("other2");
        initiators.remove(1);
        assertThat(initiators.count()).isEqualTo(1);
    }

    @Test
    void theDisksStepOffersAPartitionLayoutAndExternalMetadataWithSafeDefaults() {
        wizard.startDemo();
        wizard.next();
        discoverBoth();
        DisksStep disks = wizard.step(DisksStep.class);
        assertThat(disks.layout(0, 0)).as("default").isEqualTo(io.tandem.model.DiskLayout.WHOLE_DEVICE);
        assertThat(disks.metadata(0, 0)).as("default").isEqualTo("internal");
        String device = disks.selected(0, 0);
        assertThat(disks.layoutAvailable(0, 0)).isTrue();
        disks.setLayout(0, 0, io.tandem.model.DiskLayout.GPT_PARTITION);
        assertThat(wizard.draft().text("$.replication.resources[0].backing[0].layout")).isEqualTo("gpt-partition");
        assertThat(disks.layoutNote(0, 0)).contains(device + "1", "tandem-r0");

        assertThat(disks.metadataChoices(0)).as("both free disks hold data volumes: only internal is left")
                .containsExactly("internal");
        disks.setMetadata(0, 0, "/dev/vdd");
        assertThat(wizard.draft().text("$.replication.resources[0].backing[0].metaIndex")).as("its own slot").isEqualTo("0");
        assertThat(wizard.problems()).noneMatch(p -> p.isError() && p.path().startsWith("$.replication"));
        disks.setMetadata(0, 0, "internal");
        assertThat(wizard.draft().has("$.replication.resources[0].backing[0].metaIndex")).isFalse();

        // A partition chosen as the device cannot get a table: the layout falls back to the device as it is.
        // (The demo's partitions are its root and swap, never a choice: a partition discovery did not see.)
        assertThat(disks.choices(0).stream().filter(DisksStep.DeviceChoice::partition)).allMatch(DisksStep.DeviceChoice::refused);
        disks.setLayout(0, 0, io.tandem.model.DiskLayout.GPT_PARTITION);
        assertThat(disks.select(0, 0, "/dev/vdb1")).isTrue();
        assertThat(disks.layoutAvailable(0, 0)).isFalse();
        assertThat(disks.layout(0, 0)).isEqualTo(io.tandem.model.DiskLayout.WHOLE_DEVICE);
    }

    @Test
    void startingAnotherProjectForgetsTheHostsOfTheLastOne() {
        wizard.startDemo();
        discoverBoth();
        wizard.step(InitiatorsStep.class).discover(0);
        assertThat(wizard.step(InitiatorsStep.class).login(0).factsProperty().get()).isNotNull();
        wizard.startDemo();
        assertThat(wizard.facts()).isEmpty();
        assertThat(wizard.step(NodesStep.class).login(0).report).isEmpty();
        assertThat(wizard.step(NodesStep.class).login(0).status.get()).isEqualTo("Not discovered yet.");
        assertThat(wizard.step(InitiatorsStep.class).login(0).factsProperty().get()).as("its files must not be compared with this project's").isNull();
        ReviewStep review = wizard.step(ReviewStep.class);
        review.render();
        assertThat(review.change(review.files().stream().filter(f -> f.host().equals("client")).findFirst().orElseThrow()).status())
                .isEqualTo(FileChange.Status.UNKNOWN);
    }
}
