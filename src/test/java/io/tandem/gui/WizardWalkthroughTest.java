package io.tandem.gui;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The whole wizard on the demo cluster, headless, as a user clicks through it; a screenshot of every step. */
@ExtendWith(ApplicationExtension.class)
class WizardWalkthroughTest {

    @TempDir
    static Path dir;
    private WizardFx fx;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        fx = new WizardFx(stage, dir.resolve("app-" + System.nanoTime()));
    }

    private void shot(FxRobot robot, String name) {
        WaitForAsyncUtils.waitForFxEvents();
        Screenshots.save(robot.lookup("#step-content").query().getScene().getRoot(), name);
    }

    private void toDisks(FxRobot robot) {
        fx.discoverDemo(robot);
        WizardFx.next(robot);
        WizardFx.next(robot);
    }

    @Test
    void walksTheDemoFromWelcomeToReviewAndExportsTheBundle(FxRobot robot) {
        shot(robot, "wizard-1-welcome");
        robot.clickOn("#welcome-demo");
        fx.settled();
        assertThat(robot.lookup("#demo-badge").queryAs(Label.class).isVisible()).isTrue();
        assertThat(robot.lookup("#next").queryButton().isDisabled()).as("nodes not discovered yet").isTrue();
        robot.clickOn("#discover-0");
        WizardFx.trustHostKey(robot);
        robot.clickOn("#discover-1");
        WizardFx.trustHostKey(robot);
        WizardFx.waitUntil(() -> fx.wizard.facts().size() == 2, "both nodes are discovered");
        assertThat(robot.lookup("#status-1").queryAs(Label.class).getText()).contains("Discovered node2", "demo host");
        shot(robot, "wizard-2-nodes");
        WizardFx.next(robot);
        assertThat(robot.lookup("#nic-0-0-eth0").tryQuery()).isPresent();
        shot(robot, "wizard-3-network");
        WizardFx.next(robot);
        fx.settled();
        assertThat(robot.lookup("#next").queryButton().isDisabled()).as("node2's vdc holds an old filesystem").isTrue();
        WizardFx.clickIntoView(robot, "#confirm-1-1").write("/dev/vdc");
        shot(robot, "wizard-4-disks");
        WizardFx.next(robot);
        shot(robot, "wizard-5-replication");
        WizardFx.next(robot);
        fx.settled();
        assertThat(robot.lookup("#next").queryButton().isDisabled()).as("no fencing, not acknowledged").isTrue();
        robot.interact(() -> robot.lookup("#accept-no-fencing").queryAs(javafx.scene.control.CheckBox.class).setSelected(true));
        shot(robot, "wizard-6-cluster");
        WizardFx.next(robot);
        shot(robot, "wizard-7-target");
        WizardFx.next(robot);
        shot(robot, "wizard-8-initiators");
        WizardFx.next(robot);
        WizardFx.waitUntil(() -> !robot.lookup("#review-content").queryAs(javafx.scene.control.TextArea.class).getText().isEmpty(),
                "a file is shown");
        shot(robot, "wizard-9-review");
        robot.interact(() -> robot.lookup("#review-tabs").queryAs(javafx.scene.control.TabPane.class).getSelectionModel().select(1));
        var hosts = fx.wizard.step(io.tandem.gui.wizard.ReviewStep.class).files().stream()
                .filter(f -> f.host().equals("node1") && f.path().equals("/etc/hosts")).findFirst().orElseThrow();
        robot.interact(() -> robot.lookup("#review-files").queryListView().getSelectionModel().select(hosts));
        robot.clickOn("#review-show-changes");
        assertThat(robot.lookup("#review-diff").<io.tandem.gui.wizard.DiffRow>queryListView().getItems())
                .as("the demo's stock /etc/hosts gets Tandem's block").anySatisfy(r -> assertThat(r.kind()).isEqualTo(io.tandem.gui.wizard.DiffRow.Kind.ADDED));
        shot(robot, "wizard-9-review-changes");
        secretsAreMaskedInTheFileThatHoldsOne(robot);
        TextField directory = robot.lookup("#export-directory").queryAs(TextField.class);
        robot.interact(() -> directory.setText(dir.resolve("bundle").toString()));
        robot.clickOn("#export");
        WizardFx.waitUntil(() -> robot.lookup("#export-status").queryAs(Label.class).getText().startsWith("Exported"), "the export finished");
        assertThat(dir.resolve("bundle/SUMMARY.md")).exists();
        assertThat(robot.lookup("#next").queryButton().isDisabled()).isTrue();
    }

    /** node1's DRBD resource holds the project's shared secret: Review shows its place, never its value. */
    private void secretsAreMaskedInTheFileThatHoldsOne(FxRobot robot) {
        String secret = fx.wizard.draft().text("$.replication.sharedSecret");
        assertThat(secret).as("the demo's DRBD shared secret").hasSizeGreaterThanOrEqualTo(12);
        var resource = fx.wizard.step(io.tandem.gui.wizard.ReviewStep.class).files().stream()
                .filter(f -> f.host().equals("node1") && f.path().equals("/etc/drbd.d/r0.res")).findFirst().orElseThrow();
        robot.interact(() -> robot.lookup("#review-files").queryListView().getSelectionModel().select(resource));
        assertThat(robot.lookup("#review-diff").<io.tandem.gui.wizard.DiffRow>queryListView().getItems())
                .as("the changes against node1: the secret as its mask").extracting(io.tandem.gui.wizard.DiffRow::text)
                .anySatisfy(t -> assertThat(t).contains("shared-secret \"" + io.tandem.facts.SecretMasker.token(secret) + "\";"))
                .noneSatisfy(t -> assertThat(t).contains(secret));
        robot.clickOn("#review-show-full");
        assertThat(robot.lookup("#review-content").queryAs(javafx.scene.control.TextArea.class).getText()).as("the full file")
                .contains("shared-secret \"<redacted:drbd-shared-secret>\";").doesNotContain(secret);
    }

    @Test
    void aClientTickedAsQuorumWitnessBecomesTheQuorumDevice(FxRobot robot) {
        toDisks(robot);
        WizardFx.clickIntoView(robot, "#confirm-1-1").write("/dev/vdc");
        WizardFx.next(robot);
        WizardFx.next(robot);
        fx.settled();
        robot.interact(() -> robot.lookup("#accept-no-fencing").queryAs(javafx.scene.control.CheckBox.class).setSelected(true));
        WizardFx.next(robot);
        WizardFx.next(robot);
        fx.settled();
        javafx.scene.control.CheckBox witness = robot.lookup("#witness-0").queryAs(javafx.scene.control.CheckBox.class);
        assertThat(witness.isSelected()).isFalse();
        assertThat(witness.getText()).contains("corosync-qnetd", "third vote");
        WizardFx.clickIntoView(robot, "#witness-0");
        fx.settled();
        assertThat(robot.lookup("#witness-0").queryAs(javafx.scene.control.CheckBox.class).isSelected()).as("shown ticked after the rebuild").isTrue();
        assertThat(fx.wizard.draft().text("$.cluster.quorumDevice.host")).isEqualTo(fx.wizard.draft().text("$.initiators[0].name"));
        assertThat(fx.wizard.draft().text("$.cluster.twoNode")).isEqualTo("false");
        assertThat(nextDisabled(robot)).as("a witness is a valid choice").isFalse();
        WizardFx.clickIntoView(robot, "#witness-0");
        fx.settled();
        assertThat(fx.wizard.draft().has("$.cluster.quorumDevice")).isFalse();
        assertThat(fx.wizard.draft().text("$.cluster.twoNode")).isEqualTo("true");
    }

    @Test
    @SuppressWarnings("unchecked")
    void fencingChoicesShowTheirSentenceAndFields(FxRobot robot) {
        toDisks(robot);
        WizardFx.clickIntoView(robot, "#confirm-1-1").write("/dev/vdc");
        WizardFx.next(robot);
        WizardFx.next(robot);
        fx.settled();
        var fencing = (javafx.scene.control.ComboBox<io.tandem.gui.wizard.FencingChoices.Choice>) robot.lookup("#stonith-type").query();
        robot.interact(() -> fencing.getSelectionModel().select(fencing.getItems().stream()
                .filter(c -> c.type().equals("fence_sbd")).findFirst().orElseThrow()));
        assertThat(robot.lookup("#stonith-explanation").queryAs(Label.class).getText()).contains("watchdog");
        assertThat(nextDisabled(robot)).as("no SBD disk yet").isTrue();
        TextField disks = robot.lookup("#cluster-stonith-sbd-devices").queryAs(TextField.class);
        robot.interact(() -> disks.setText("/dev/disk/by-id/wwn-0x6001405d3a8f0c2b"));
        assertThat(nextDisabled(robot)).isFalse();
        assertThat(ScreenChecks.shown(robot.lookup("#cluster-stonith-devices-0-plug").query())).isFalse();
        shot(robot, "wizard-6-cluster-sbd");
        robot.interact(() -> fencing.getSelectionModel().select(fencing.getItems().stream()
                .filter(c -> c.type().equals("fence_virsh")).findFirst().orElseThrow()));
        assertThat(ScreenChecks.shown(robot.lookup("#cluster-stonith-devices-0-plug").query())).isTrue();
        assertThat(ScreenChecks.shown(robot.lookup("#cluster-stonith-sbd-devices").query())).isFalse();
        assertThat(nextDisabled(robot)).as("no libvirt host yet").isTrue();
        shot(robot, "wizard-6-cluster-libvirt");
    }

    @Test
    void aClientIsDiscoveredOnTheInitiatorsStepAndAnotherIsSetUpByHand(FxRobot robot) {
        toDisks(robot);
        WizardFx.demoFromDisksToInitiators(robot);
        assertThat(fx.wizard.currentStep().title()).isEqualTo("Initiators");
        robot.clickOn("#discover-initiator-0");
        WizardFx.trustHostKey(robot);
        WizardFx.waitUntil(() -> robot.lookup("#status-initiator-0").queryAs(Label.class).getText().startsWith("Discovered client"),
                "the demo client is discovered");
        TextField iqn = robot.lookup("#initiators-0-iqn").queryAs(TextField.class);
        assertThat(iqn.getText()).as("the client's own initiator name").isEqualTo("iqn.1993-08.org.debian:01:5f3c9a7e21d4");
        assertThat(robot.lookup("#report-initiator-0").queryListView().getItems()).isNotEmpty();
        robot.clickOn("#add-manual-initiator");
        assertThat(nextDisabled(robot)).as("the new initiator's IQN is still empty").isTrue();
        TextField otherIqn = robot.lookup("#initiators-1-iqn").queryAs(TextField.class);
        robot.interact(() -> otherIqn.setText("iqn.1991-05.com.microsoft:win1.test.lab"));
        assertThat(nextDisabled(robot)).isFalse();
        assertThat(robot.lookup("#manual-settings-1").queryAs(javafx.scene.control.TextArea.class).getText())
                .contains("iqn.1991-05.com.microsoft:win1.test.lab", "MaxRequestHoldTime");
        assertThat(robot.lookup("#initiators-1-ssh-address").tryQuery()).as("no SSH for a client set up by hand").isEmpty();
        shot(robot, "wizard-8-initiators-discovered");
    }

    /** Whether Next is disabled once the last change is validated. */
    private boolean nextDisabled(FxRobot robot) {
        fx.settled();
        return robot.lookup("#next").queryButton().isDisabled();
    }

    @Test
    void invalidInputKeepsNextDisabledAndExplainsItAtTheField(FxRobot robot) {
        toDisks(robot);
        robot.clickOn("#back");
        TextField vip = robot.lookup("#networks-client-virtualIp").queryAs(TextField.class);
        robot.interact(() -> vip.setText("192.168.7.300"));
        fx.settled();
        Label problem = robot.lookup("#networks-client-virtualIp-problem").queryAs(Label.class);
        assertThat(problem.isVisible()).isTrue();
        assertThat(problem.getText()).contains("not an IPv4 address");
        assertThat(robot.lookup("#next").queryButton().isDisabled()).isTrue();
        robot.interact(() -> vip.setText("192.168.50.100"));
        fx.settled();
        assertThat(robot.lookup("#next").queryButton().isDisabled()).isFalse();
        assertThat(problem.isVisible()).isFalse();
    }

    @Test
    void aDeviceHoldingDataNeedsItsExactPathTyped(FxRobot robot) {
        toDisks(robot);
        Button next = robot.lookup("#next").queryButton();
        fx.settled();
        assertThat(next.isDisabled()).isTrue();
        WizardFx.clickIntoView(robot, "#confirm-1-1").write("/dev/vd");
        fx.settled();
        assertThat(next.isDisabled()).isTrue();
        robot.write("c");
        fx.settled();
        assertThat(next.isDisabled()).isFalse();
        robot.clickOn("#back");
        robot.clickOn("#next");
        assertThat(fx.wizard.currentStep().title()).isEqualTo("Disks");
    }

    @Test
    void closingWithUnsavedChangesAsksFirst(FxRobot robot) {
        toDisks(robot);
        robot.clickOn("#back");
        TextField domain = robot.lookup("#domain").queryAs(TextField.class);
        robot.interact(() -> domain.setText("other.example.org"));
        // Not interact(): the close handler waits in the dialog until the robot answers it.
        javafx.application.Platform.runLater(() -> stage.fireEvent(new javafx.stage.WindowEvent(stage,
                javafx.stage.WindowEvent.WINDOW_CLOSE_REQUEST)));
        WizardFx.waitUntil(() -> robot.lookup("#unsaved-dialog").tryQuery().isPresent(), "the unsaved-changes dialog is shown");
        robot.clickOn("Cancel");
        assertThat(stage.isShowing()).isTrue();
        assertThat(fx.wizard.draft().text("$.domain")).isEqualTo("other.example.org");
    }
}
