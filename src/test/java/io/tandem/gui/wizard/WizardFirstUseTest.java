package io.tandem.gui.wizard;

import io.tandem.gui.Background;
import io.tandem.gui.Dialogs;
import io.tandem.model.FailoverEstimate;
import io.tandem.model.Project;
import io.tandem.verify.FailoverPreview;
import io.tandem.verify.ResourcePlacement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What a first-time user meets, without a screen: when "Required" shows, one timeout story, the failover in words. */
class WizardFirstUseTest {

    @TempDir
    Path dir;
    private WizardViewModel wizard;

    @BeforeEach
    void create() {
        TestWizards.AnsweringDialogs dialogs = new TestWizards.AnsweringDialogs();
        dialogs.unsaved = Dialogs.UnsavedChoice.DISCARD;
        wizard = TestWizards.create(Background.IMMEDIATE, dialogs, dir);
    }

    private static FieldBinding field(StepViewModel step, String path) {
        return step.fields().stream().filter(f -> f.path().equals(path)).findFirst().orElseThrow();
    }

    @Test
    void requiredWaitsUntilTheFieldIsTouchedOrNextIsTried() {
        wizard.startNew();
        wizard.next();
        NodesStep nodes = wizard.step(NodesStep.class);
        FieldBinding address = field(nodes, "$.nodes[0].ssh.address");
        FieldBinding other = field(nodes, "$.nodes[1].ssh.address");
        assertThat(address.message().get()).as("a new project's empty field").isEmpty();
        assertThat(nodes.blockersProperty().get()).as("the footer names what is left, calmly")
                .contains("Still to fill in: Address (node 1), Address (node 2).").doesNotContain("$.");

        address.touchedProperty().set(true);
        assertThat(address.message().get()).isEqualTo("Required.");
        assertThat(other.message().get()).isEmpty();

        wizard.next(); // Next with the step incomplete stays here and shows every field's problem
        assertThat(wizard.currentStep()).isSameAs(nodes);
        assertThat(other.message().get()).isEqualTo("Required.");

        wizard.startNew(); // a new project starts quiet again
        assertThat(field(nodes, "$.nodes[1].ssh.address").message().get()).isEmpty();
    }

    @Test
    void aTypedValueShowsItsProblemAtOnce() {
        wizard.startDemo();
        FieldBinding vip = field(wizard.step(NetworkStep.class), "$.networks.client.virtualIp");
        vip.value().set("192.168.7.300");
        assertThat(vip.message().get()).startsWith("'192.168.7.300' is not");
        vip.value().set("");
        assertThat(vip.message().get()).as("emptied by the user: touched").isNotEmpty().doesNotContain("Add \"virtualIp\"");
    }

    @Test
    void theInitiatorsTimeoutFieldSuggestionAndTextTellOneStory() {
        wizard.startDemo();
        InitiatorsStep initiators = wizard.step(InitiatorsStep.class);
        int failover = initiators.failoverSeconds();
        Project project = wizard.draft().toProject().project();
        assertThat(failover).as("the validator's figure").isEqualTo(FailoverEstimate.seconds(project.cluster())).isEqualTo(66);
        assertThat(initiators.suggestedReplacementTimeout()).isEqualTo(140);

        initiators.addManual();
        int added = initiators.count() - 1;
        assertThat(wizard.draft().text("$.initiators[" + added + "].timeouts.replacementTimeout")).as("a new initiator's default")
                .isEqualTo("140");
        assertThat(initiators.timeoutAdvice()).contains("up to about 66 s", "at least 66 s", "suggests 140 s",
                "ESXi accepts at most 120 s: enter 120 there, which still outlasts the 66 s");
        assertThat(initiators.manualSettings(added)).contains("for 140 s", "enter 120 there", "still outlasts a failover here (about 66 s)");
        assertThat(initiators.timeoutNote(0)).isEqualTo("180 s outlasts a failover (about 66 s).");

        wizard.draft().set("$.initiators[0].timeouts.replacementTimeout", 60);
        assertThat(initiators.timeoutNote(0)).startsWith("60 s is shorter than a failover (about 66 s)");
        wizard.draft().set("$.cluster.tokenMs", 30000);
        wizard.draft().set("$.cluster.operationTimeoutSeconds", 180);
        assertThat(initiators.failoverSeconds()).isEqualTo(150);
        assertThat(initiators.timeoutAdvice()).contains("less than a failover here").doesNotContain("enter 120");
    }

    @Test
    void theFailoverPreviewSpeaksOfTheVirtualIpNotPacemakerIds() {
        wizard.startDemo();
        Project project = wizard.draft().toProject().project();
        List<ResourcePlacement> start = List.of(new ResourcePlacement("drbd_r0", "Promoted", "node1"),
                new ResourcePlacement("drbd_r0", "Unpromoted", "node2"), new ResourcePlacement("drbd_r1", "Promoted", "node1"),
                new ResourcePlacement("p_block", "Started", "node1"), new ResourcePlacement("p_vip", "Started", "node1"),
                new ResourcePlacement("p_target", "Started", "node1"), new ResourcePlacement("p_lun0", "Started", "node1"),
                new ResourcePlacement("p_lun1", "Started", "node1"), new ResourcePlacement("p_unblock", "Started", "node1"));
        List<ResourcePlacement> after = start.stream().map(p -> new ResourcePlacement(p.resource(), p.role().equals("Unpromoted")
                ? "Promoted" : p.role(), "node2")).toList();
        String text = ClusterStep.describe(new FailoverPreview.Result(start, "node1", after), project);
        assertThat(text).isEqualTo("Now: node1 serves the clients — the virtual IP 192.168.50.100, the iSCSI target, LUN 0 and LUN 1; "
                + "it is the primary of volumes r0 and r1. node2 keeps a copy of every volume.\n"
                + "If node1 fails: the virtual IP 192.168.50.100 moves to node2, with the iSCSI target, LUN 0 and LUN 1; it is the "
                + "primary of volumes r0 and r1. Initiators reconnect to the same address.");
        assertThat(ClusterStep.describe(new FailoverPreview.Result(start, "node1", List.of()), project))
                .endsWith("If node1 fails: nothing takes over; the clients wait until node1 is back.");
    }

    @Test
    void theSidebarOpensOnlyWhatGoToWould() {
        assertThat(wizard.steps().get(1).openableProperty().get()).as("no project yet").isFalse();
        wizard.startDemo();
        wizard.next();
        assertThat(wizard.steps().get(1).openableProperty().get()).isTrue();
        assertThat(wizard.steps().get(2).openableProperty().get()).as("nodes not discovered").isFalse();
        assertThat(wizard.steps().get(5).openableProperty().get()).isFalse();
        assertThat(wizard.steps().get(0).openableProperty().get()).isTrue();
    }
}
