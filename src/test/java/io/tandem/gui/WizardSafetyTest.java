package io.tandem.gui;

import io.tandem.gui.wizard.DisksStep;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a first-time user hit before Apply, driven on the demo at 1366×768 as they would: the
 * system disk, volumes, skipping the sync, the NICs of two bonds, a mistyped address, switching
 * fencing types, saving the demo. Screenshots of each fix go to target/screenshots/safety-*.png.
 */
@ExtendWith(ApplicationExtension.class)
class WizardSafetyTest {

    @TempDir
    static Path dir;
    private WizardFx fx;

    @Start
    void start(Stage stage) {
        fx = new WizardFx(stage, dir.resolve("app-" + System.nanoTime()));
        stage.setWidth(1366);
        stage.setHeight(768);
    }

    private void shot(FxRobot robot, String name) {
        WaitForAsyncUtils.waitForFxEvents();
        Screenshots.save(robot.lookup("#step-content").query().getScene().getRoot(), "safety-" + name);
    }

    private void discovered(FxRobot robot) {
        fx.discoverDemo(robot);
    }

    private void toDisks(FxRobot robot) {
        discovered(robot);
        WizardFx.next(robot);
        WizardFx.next(robot);
        assertThat(fx.wizard.currentStep().title()).isEqualTo("Disks");
    }

    private boolean nextDisabled(FxRobot robot) {
        fx.settled();
        return robot.lookup("#next").queryButton().isDisabled();
    }

    private String blockers(FxRobot robot) {
        fx.settled();
        return robot.lookup("#blockers").queryAs(Label.class).getText();
    }

    /** The cell of the open list that shows {@code path} (the list reuses cells; a hidden one may have shown it before). */
    @SuppressWarnings("unchecked")
    private static ListCell<DisksStep.DeviceChoice> shownCell(FxRobot robot, String path) {
        return robot.lookup("#disk-choice-" + path.replace('/', '-')).queryAll().stream()
                .map(n -> (ListCell<DisksStep.DeviceChoice>) n)
                .filter(c -> c.isVisible() && c.getItem() != null && c.getItem().path().equals(path)).findFirst().orElse(null);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theSystemDiskIsGreyedWithItsReasonAndCannotBeChosen(FxRobot robot) {
        toDisks(robot);
        ComboBox<DisksStep.DeviceChoice> disk = robot.lookup("#disk-0-0").query();
        robot.clickOn(disk);
        WizardFx.waitUntil(() -> shownCell(robot, "/dev/vda1") != null, "the list of node1's devices is open");
        ListCell<DisksStep.DeviceChoice> root = shownCell(robot, "/dev/vda1");
        assertThat(root.isDisabled()).isTrue();
        assertThat(root.getText()).contains("/dev/vda1", "NOT AVAILABLE: is mounted on /");
        ListCell<DisksStep.DeviceChoice> swap = shownCell(robot, "/dev/vda2");
        assertThat(swap.isDisabled()).isTrue();
        assertThat(swap.getText()).contains("is in use as swap");
        ListCell<DisksStep.DeviceChoice> free = shownCell(robot, "/dev/vdc");
        assertThat(free.isDisabled()).isFalse();
        Screenshots.save(root.getScene().getRoot(), "safety-disks-list-system-disk-greyed");
        robot.clickOn(root);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx.wizard.draft().text("$.replication.resources[0].backing[0].disk")).isEqualTo("/dev/vdb");
        robot.interact(disk::hide);

        // A project that names the system disk (opened from a file) cannot go on, however the path is typed.
        robot.interact(() -> {
            fx.wizard.draft().set("$.replication.resources[0].backing[0].disk", "/dev/vda1");
            fx.wizard.changedByStep("$.replication.resources[0].backing[0].disk");
        });
        robot.clickOn("#back");
        WizardFx.next(robot);
        assertThat(robot.lookup("#confirm-0-0").query().isVisible()).as("no confirmation makes it acceptable").isFalse();
        assertThat(nextDisabled(robot)).isTrue();
        assertThat(blockers(robot)).contains("node1's /dev/vda1 is mounted on /", "Choose another device");
        shot(robot, "disks-system-disk-refused");
    }

    @Test
    void aVolumeCanBeRemovedButNotTheLastOne(FxRobot robot) {
        toDisks(robot);
        assertThat(nextDisabled(robot)).as("node2's vdc holds an old filesystem").isTrue();
        Button removeFirst = robot.lookup("#remove-volume-0").queryButton();
        assertThat(removeFirst.isDisabled()).isTrue();
        assertThat(robot.lookup("#remove-volume-why-0").queryAs(Label.class).getText()).contains("client keeps its filesystem");
        robot.clickOn("#remove-volume-1");
        assertThat(robot.lookup("#disk-1-1").tryQuery()).isEmpty();
        assertThat(nextDisabled(robot)).as("one spare disk per server is enough").isFalse();
        assertThat(robot.lookup("#remove-volume-0").queryButton().isDisabled()).isTrue();
        assertThat(robot.lookup("#remove-volume-why-0").queryAs(Label.class).getText()).contains("the only one");
        shot(robot, "disks-one-volume");
        robot.clickOn("#add-volume");
        assertThat(robot.lookup("#disk-1-0").tryQuery()).isPresent();
        assertThat(fx.wizard.draft().text("$.target.luns[1].serial")).isEqualTo("5a7c00000002");
        assertThat(nextDisabled(robot)).as("node2 has no second free disk").isTrue();
    }

    @Test
    void skippingTheSyncIsRefusedWhileNode2sDiskHoldsAFilesystem(FxRobot robot) {
        toDisks(robot);
        WizardFx.clickIntoView(robot, "#confirm-1-1").write("/dev/vdc");
        WizardFx.next(robot);
        assertThat(fx.wizard.currentStep().title()).isEqualTo("Replication");
        robot.interact(() -> {
            fx.wizard.draft().set("$.replication.initialSync", "skip-new-disks");
            fx.wizard.changedByStep("$.replication.initialSync");
        });
        assertThat(nextDisabled(robot)).isTrue();
        assertThat(blockers(robot)).contains("node2's /dev/vdc has an ext4 filesystem", "full initial sync");
        shot(robot, "replication-skip-sync-refused");
        robot.clickOn("#back");
        robot.clickOn("#remove-volume-1");
        WizardFx.next(robot);
        assertThat(nextDisabled(robot)).as("both remaining disks were seen blank: " + blockers(robot)).isFalse();
    }

    @Test
    void aNicOfTheOtherBondIsGreyedWithTheReasonAndBoxesShowTheSavedState(FxRobot robot) {
        discovered(robot);
        WizardFx.next(robot);
        CheckBox clientEth2 = robot.lookup("#nic-0-0-eth2").query();
        CheckBox replicationEth2 = robot.lookup("#nic-0-1-eth2").query();
        assertThat(clientEth2.isDisabled()).isTrue();
        assertThat(clientEth2.getText()).contains("used by the replication bond");
        // Fired rather than clicked: the network picture and NIC table may put the boxes below the fold at 768 px.
        robot.interact(clientEth2::fire);
        assertThat(clientEth2.isSelected()).isFalse();
        assertThat(replicationEth2.isSelected()).isTrue();

        CheckBox replicationEth3 = robot.lookup("#nic-0-1-eth3").query();
        robot.interact(replicationEth3::fire);
        fx.settled();
        assertThat(nextDisabled(robot)).isTrue();
        Label problem = robot.lookup("#bond-problem-0-1").queryAs(Label.class);
        assertThat(problem.getText()).contains("Replication bond: a bond needs at least two NICs").doesNotContain("$.");
        CheckBox clientEth3 = robot.lookup("#nic-0-0-eth3").query();
        assertThat(clientEth3.isDisabled()).as("free now").isFalse();
        shot(robot, "network-nic-of-other-bond-greyed");
        robot.interact(replicationEth3::fire);
        fx.settled();
        assertThat(nextDisabled(robot)).isFalse();
        assertThat(problem.getText()).isEmpty();
        assertThat(fx.wizard.draft().get("$.nodes[0].links[1].bond.slaves").toString()).isEqualTo("[\"eth2\",\"eth3\"]");
    }

    @Test
    void aMistypedAddressIsRefusedAtTheField(FxRobot robot) {
        robot.clickOn("#welcome-demo");
        TextField address = robot.lookup("#nodes-0-ssh-address").queryAs(TextField.class);
        robot.doubleClickOn(address);
        robot.interact(address::selectAll);
        robot.write("192.168.50.311");
        fx.settled();
        Label problem = robot.lookup("#nodes-0-ssh-address-problem").queryAs(Label.class);
        assertThat(problem.getText()).containsIgnoringCase("the SSH address '192.168.50.311' is not a valid IPv4 address");
        robot.interact(robot.lookup("#discover-0").queryButton()::fire); // below the fold at 768 px
        WizardFx.waitUntil(() -> robot.lookup("#status-0").queryAs(Label.class).getText().contains("is not a valid IPv4 address"),
                "Discover refuses the mistyped address before connecting");
        assertThat(robot.lookup("#host-key-dialog").tryQuery()).as("no connection was tried").isEmpty();
        shot(robot, "nodes-dotted-address");
    }

    @Test
    @SuppressWarnings("unchecked")
    void switchingFencingAwayAndBackKeepsTheBmcLogins(FxRobot robot) {
        toDisks(robot);
        WizardFx.clickIntoView(robot, "#confirm-1-1").write("/dev/vdc");
        WizardFx.next(robot);
        WizardFx.next(robot);
        var fencing = (ComboBox<io.tandem.gui.wizard.FencingChoices.Choice>) robot.lookup("#stonith-type").query();
        Runnable ipmi = () -> fencing.getSelectionModel().select(fencing.getItems().stream()
                .filter(c -> c.type().equals("fence_ipmilan")).findFirst().orElseThrow());
        robot.interact(ipmi);
        robot.clickOn("#cluster-stonith-devices-0-address").write("10.0.0.30");
        robot.clickOn("#cluster-stonith-devices-0-user").write("admin");
        robot.clickOn("#cluster-stonith-devices-0-password").write("Bm7cP4ssw0rdX1");
        robot.interact(() -> fencing.getSelectionModel().select(fencing.getItems().stream()
                .filter(c -> c.type().equals("none")).findFirst().orElseThrow()));
        robot.interact(ipmi);
        assertThat(robot.lookup("#cluster-stonith-devices-0-address").queryAs(TextField.class).getText()).isEqualTo("10.0.0.30");
        assertThat(robot.lookup("#cluster-stonith-devices-0-user").queryAs(TextField.class).getText()).isEqualTo("admin");
        assertThat(robot.lookup("#cluster-stonith-devices-0-password").queryAs(TextField.class).getText()).isEqualTo("Bm7cP4ssw0rdX1");
        shot(robot, "cluster-ipmi-kept");
    }

    @Test
    void aSavedDemoReopensAsTheDemo(FxRobot robot) throws Exception {
        discovered(robot);
        Path file = dir.resolve("demo-" + System.nanoTime() + ".tandem.json");
        // Not interact(): saving waits in the dialog until the robot answers it.
        Platform.runLater(() -> {
            try {
                fx.wizard.saveAs(file);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        WizardFx.waitUntil(() -> robot.lookup("#demo-save-dialog").tryQuery().isPresent(), "the demo-save dialog is shown");
        javafx.scene.Node dialog = robot.lookup("#demo-save-dialog").query();
        Screenshots.save(dialog.getScene().getRoot(), "safety-demo-save-dialog");
        robot.clickOn("Keep it a demo");
        WizardFx.waitUntil(() -> Files.exists(file), "the demo is saved");
        assertThat(Files.readString(file)).contains("\"demo\" : true");

        robot.interact(() -> fx.wizard.startNew());
        assertThat(robot.lookup("#demo-badge").queryAs(Label.class).isVisible()).isFalse();
        robot.interact(() -> assertThat(fx.wizard.open(file)).isEmpty());
        robot.interact(() -> fx.wizard.goTo(1));
        assertThat(robot.lookup("#demo-badge").queryAs(Label.class).isVisible()).isTrue();
        robot.clickOn("#discover-0");
        WizardFx.trustHostKey(robot);
        WizardFx.waitUntil(() -> robot.lookup("#status-0").queryAs(Label.class).getText().startsWith("Discovered node1"),
                "node1 is discovered");
        assertThat(robot.lookup("#status-0").queryAs(Label.class).getText()).contains("demo host");
        shot(robot, "demo-reopened");
    }
}
