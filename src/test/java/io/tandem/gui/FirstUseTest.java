package io.tandem.gui;

import io.tandem.gui.wizard.ClusterStep;
import io.tandem.gui.wizard.DisksStep;
import io.tandem.gui.wizard.NodesStep;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListCell;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a first-time user hit before Apply, walked at 1366×768 (a common laptop screen): plain
 * words, choices instead of text boxes, "Required" only when due, orientation, and a layout that
 * holds. Screenshots of the changed screens go to target/screenshots/first-use-*.png.
 */
@ExtendWith(ApplicationExtension.class)
class FirstUseTest {

    private static final List<String> NOT_ON_SCREEN = List.of("$.", "tutorial", "project file", "p_vip");

    @TempDir
    static Path dir;
    private WizardFx fx;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        fx = new WizardFx(stage, dir.resolve("app-" + System.nanoTime()));
        stage.setWidth(1366);
        stage.setHeight(768);
    }

    private void shot(FxRobot robot, String name) {
        WaitForAsyncUtils.waitForFxEvents();
        Screenshots.save(stage.getScene().getRoot(), "first-use-" + name);
    }

    private Parent root() {
        return stage.getScene().getRoot();
    }

    private static <T extends Node> T find(FxRobot robot, String id) {
        return robot.lookup(id).query();
    }

    /** The demo with both nodes discovered, on step {@code index} (2 = Network … 8 = Initiators). */
    private void demoAt(FxRobot robot, int index) {
        robot.clickOn("#welcome-demo");
        robot.interact(() -> fx.wizard.step(NodesStep.class).discover(0));
        WizardFx.trustHostKey(robot);
        robot.interact(() -> fx.wizard.step(NodesStep.class).discover(1));
        WizardFx.trustHostKey(robot);
        WizardFx.waitUntil(() -> fx.wizard.facts().size() == 2, "both demo nodes are discovered");
        for (int step = 2; step <= index; step++) {
            WizardFx.next(robot);
            if (step == 3) {
                robot.interact(() -> fx.wizard.step(DisksStep.class).confirmation(1, 1).set("/dev/vdc"));
            }
            if (step == 5) {
                robot.interact(() -> fx.wizard.step(ClusterStep.class).acceptNoFencingProperty().set(true));
            }
        }
        fx.settled();
    }

    /** Scrolls the step so that the node {@code id} is near the top, for a screenshot of it. */
    private void scrollTo(FxRobot robot, String id) {
        robot.interact(() -> {
            ScrollPane content = find(robot, "#step-content");
            Node target = find(robot, id);
            double y = content.getContent().sceneToLocal(target.localToScene(0, 0)).getY();
            double room = content.getContent().getBoundsInLocal().getHeight() - content.getViewportBounds().getHeight();
            content.setVvalue(room <= 0 ? 0 : Math.min(1, Math.max(0, (y - 120) / room)));
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Every text a user can read in the window: labels, cells, drawings, the footer. */
    private List<String> visibleTexts() {
        List<String> texts = new ArrayList<>();
        List<Node> stack = new ArrayList<>(List.of(root()));
        while (!stack.isEmpty()) {
            Node node = stack.removeLast();
            if (!node.isVisible()) {
                continue;
            }
            if (node instanceof Labeled l && l.getText() != null) {
                texts.add(l.getText());
            } else if (node instanceof Text t && t.getText() != null) {
                texts.add(t.getText());
            }
            if (node instanceof Parent p) {
                stack.addAll(p.getChildrenUnmodifiable());
            }
        }
        return texts;
    }

    private void assertPlainAndWhole(String where) {
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(ScreenChecks.cutOff(root())).as(where + ": nothing cut off with …").isEmpty();
        assertThat(visibleTexts()).as(where + ": no JSON path, file advice, tutorial or resource id")
                .allSatisfy(t -> assertThat(t).doesNotContain(NOT_ON_SCREEN.toArray(String[]::new)));
    }

    @Test
    void welcomeSaysWhatIsNeeded(FxRobot robot) {
        Node checklist = find(robot, "#welcome-checklist");
        assertThat(ScreenChecks.shown(checklist)).isTrue();
        assertThat(visibleTexts()).anySatisfy(t -> assertThat(t).contains("One empty disk in each server, both of the same size"))
                .anySatisfy(t -> assertThat(t).contains("Two servers"))
                .anySatisfy(t -> assertThat(t).contains("Four network ports"))
                .anySatisfy(t -> assertThat(t).contains("A fencing device"));
        assertPlainAndWhole("Welcome");
        shot(robot, "1-welcome");
    }

    @Test
    void requiredShowsOnlyAfterTheFieldWasVisitedOrNextWasTried(FxRobot robot) {
        robot.clickOn("#welcome-new");
        fx.settled();
        Label first = find(robot, "#nodes-0-ssh-address-problem");
        Label second = find(robot, "#nodes-1-ssh-address-problem");
        assertThat(first.isVisible()).as("a new project: nothing typed yet, nothing red").isFalse();
        assertThat(second.isVisible()).isFalse();
        shot(robot, "2-nodes-new");

        robot.clickOn("#nodes-0-ssh-address");
        robot.clickOn("#nodes-0-ssh-user");
        fx.settled();
        assertThat(first.isVisible()).as("node 1's address was visited").isTrue();
        assertThat(first.getText()).isEqualTo("Required.");
        assertThat(second.isVisible()).isFalse();

        robot.clickOn("#next-holder"); // the greyed Next
        fx.settled();
        assertThat(fx.wizard.currentStep().title()).isEqualTo("Nodes");
        assertThat(second.isVisible()).as("Next was tried").isTrue();
        assertThat(robot.lookup("#blockers").queryAs(Label.class).getText()).contains("Still to fill in: Address (node 1)")
                .doesNotContain("$.");
        assertPlainAndWhole("Nodes, new project");
        shot(robot, "2-nodes-next-tried");
    }

    @Test
    void theNetworkStepDrawsTheNetworksShowsTheNicsAndUpdatesLive(FxRobot robot) {
        demoAt(robot, 2);
        assertThat(fx.wizard.currentStep().title()).isEqualTo("Network");
        assertThat(ScreenChecks.shown(find(robot, "#network-picture"))).isTrue();
        assertThat(visibleTexts()).contains("virtual IP 192.168.50.100", "replication network 192.168.60.0/24");
        Node nics = find(robot, "#nic-facts-0");
        assertThat(ScreenChecks.shown(nics)).isTrue();
        assertThat(visibleTexts()).contains("MAC", "Link").anySatisfy(t -> assertThat(t).matches("([0-9a-f]{2}:){5}[0-9a-f]{2}"));
        assertThat(robot.lookup("#nic-ssh-0").queryAs(Label.class).getText()).contains("eth0 carries Tandem's SSH connection");

        TextField vip = find(robot, "#networks-client-virtualIp");
        robot.interact(() -> vip.setText("192.168.50.200"));
        assertThat(visibleTexts()).as("the picture follows the field").contains("virtual IP 192.168.50.200");

        Label warning = find(robot, "#address-warning-0");
        assertThat(ScreenChecks.shown(warning)).as("node1 keeps the address Tandem uses").isFalse();
        TextField address = find(robot, "#nodes-0-links-0-address");
        robot.interact(() -> address.setText("192.168.50.31"));
        fx.settled();
        assertThat(ScreenChecks.shown(warning)).as("without leaving the step").isTrue();
        assertThat(warning.getText()).contains("moves that NIC to 192.168.50.31", "restores its old network by itself");
        assertPlainAndWhole("Network, address moves");
        shot(robot, "3-network-address-moves");
        robot.interact(() -> address.setText("192.168.50.11"));
        fx.settled();
        assertThat(ScreenChecks.shown(warning)).isFalse();
    }

    @Test
    void aVirtualIpEqualToANodeAddressKeepsTheNetworkGridReadable(FxRobot robot) {
        demoAt(robot, 2);
        TextField vip = find(robot, "#networks-client-virtualIp");
        robot.interact(() -> vip.setText("192.168.50.11"));
        fx.settled();
        assertThat(robot.lookup("#nodes-0-links-0-address-problem").queryAs(Label.class).isVisible()).isTrue();
        for (String id : List.of("#nodes-0-links-0-interfaceName", "#nodes-0-links-0-address", "#nodes-1-links-0-interfaceName",
                "#nodes-0-links-1-interfaceName")) {
            TextField field = find(robot, id);
            assertThat(field.getWidth()).as(id + " keeps a usable width").isGreaterThan(120);
        }
        Label bondName = (Label) robot.lookup("#nodes-0-links-0-interfaceName").query().getParent().getChildrenUnmodifiable().getFirst();
        assertThat(bondName.getText()).isEqualTo("Client bond name");
        assertThat(bondName.getHeight()).as("the label is not stacked letter by letter").isLessThan(3 * bondName.getFont().getSize() * 1.6);
        assertThat(robot.lookup("#blockers").queryAs(Label.class).getText()).contains("Client address (node 1): this node address is the virtual IP");
        assertPlainAndWhole("Network, VIP equals a node address");
        scrollTo(robot, "#nodes-0-links-0-address");
        shot(robot, "3-network-vip-collision");
    }

    @Test
    void replicationOffersChoicesWithTheRecommendedOneAndSaysTheRatesUnit(FxRobot robot) {
        demoAt(robot, 4);
        assertThat(fx.wizard.currentStep().title()).isEqualTo("Replication");
        ComboBox<?> primary = find(robot, "#cluster-preferredNode");
        assertThat(primary.getValue().toString()).isEqualTo("node1 (recommended: the first node)");
        ComboBox<?> sync = find(robot, "#replication-initialSync");
        assertThat(sync.getValue().toString()).isEqualTo("Copy everything once (recommended)");
        assertThat(fx.wizard.draft().has("$.replication.initialSync")).as("shown, not written").isFalse();
        TitledPane advanced = find(robot, "#advanced-replication-tuning");
        assertThat(advanced.isExpanded()).as("rare settings folded away").isFalse();
        robot.interact(() -> advanced.setExpanded(true));
        ComboBox<?> protocol = find(robot, "#replication-protocol");
        assertThat(protocol.getValue().toString()).isEqualTo("C — synchronous (recommended)");
        TextField rate = find(robot, "#replication-dynamicResync-maxRate");
        @SuppressWarnings("unchecked")
        ComboBox<String> unit = (ComboBox<String>) robot.lookup("#replication-dynamicResync-maxRate-unit").query();
        assertThat(rate.getText()).isEqualTo("400");
        assertThat(unit.getValue()).isEqualTo("MiB/s");
        robot.interact(() -> unit.setValue("GiB/s"));
        assertThat(fx.wizard.draft().text("$.replication.dynamicResync.maxRate")).isEqualTo("400G");
        robot.interact(() -> unit.setValue("MiB/s"));
        robot.interact(() -> {
            ScrollPane content = find(robot, "#step-content");
            content.setVvalue(1);
        });
        assertPlainAndWhole("Replication");
        shot(robot, "5-replication-advanced");
        WizardFx.next(robot);
        ScrollPane content = find(robot, "#step-content");
        assertThat(content.getVvalue()).as("the next step opens at its top").isZero();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theTargetImplementationIsAChoiceAndItsConflictIsSaidInWords(FxRobot robot) {
        demoAt(robot, 6);
        assertThat(fx.wizard.currentStep().title()).isEqualTo("Target");
        ComboBox<Object> implementation = (ComboBox<Object>) robot.lookup("#target-implementation").query();
        assertThat(implementation.getValue().toString()).isEqualTo("LIO, the Linux kernel's target (recommended)");
        robot.interact(() -> implementation.getSelectionModel().select(1));
        fx.settled();
        assertThat(fx.wizard.draft().text("$.target.implementation")).isEqualTo("lio-t");
        assertThat(robot.lookup("#next").queryButton().isDisabled()).isTrue();
        assertThat(robot.lookup("#blockers").queryAs(Label.class).getText()).startsWith("Mutual CHAP: mutual CHAP is not configured");
        assertThat(((TitledPane) find(robot, "#advanced-session-parameters")).isExpanded()).isFalse();
        assertPlainAndWhole("Target, lio-t");
        shot(robot, "7-target-choice");
        robot.interact(() -> implementation.getSelectionModel().select(0));
        fx.settled();
        assertThat(robot.lookup("#next").queryButton().isDisabled()).isFalse();
    }

    @Test
    void theClusterStepsPreviewSpeaksOfTheVirtualIp(FxRobot robot) {
        io.tandem.testing.RealTools.require("crm_simulate");
        demoAt(robot, 5);
        robot.clickOn("#failover-preview");
        Label result = find(robot, "#preview-result");
        WizardFx.waitUntil(() -> result.getText().contains("If node1 fails"), "the preview answers");
        assertThat(result.getText()).contains("the virtual IP 192.168.50.100 moves to node2").doesNotContain("p_", "drbd_");
        assertPlainAndWhole("Cluster, preview");
        shot(robot, "6-cluster-preview");
    }

    @Test
    void theInitiatorsStepExplainsItselfAndItsTimeoutAdviceAgrees(FxRobot robot) {
        demoAt(robot, 7);
        assertThat(fx.wizard.currentStep().title()).isEqualTo("Initiators");
        assertThat(visibleTexts()).anySatisfy(t -> assertThat(t).startsWith("An initiator is a machine that uses the storage"));
        String advice = robot.lookup("#timeout-advice").queryAs(Label.class).getText();
        assertThat(advice).contains("up to about 66 s", "suggests 140 s");
        robot.interact(() -> robot.lookup("#add-manual-initiator").queryButton().fire()); // below the fold at 768 px
        fx.settled();
        TextField timeout = find(robot, "#initiators-1-timeouts-replacementTimeout");
        assertThat(timeout.getText()).as("the field says what the text suggests").isEqualTo("140");
        Label note = find(robot, "#timeout-note-1");
        assertThat(note.getText()).isEqualTo("140 s outlasts a failover (about 66 s).");
        robot.interact(() -> timeout.setText("60"));
        assertThat(note.getText()).as("follows the field as it is typed").startsWith("60 s is shorter than a failover (about 66 s)");
        robot.interact(() -> timeout.setText("140"));
        assertThat(robot.lookup("#initiators-1-iqn-problem").queryAs(Label.class).isVisible()).as("not visited yet").isFalse();
        for (String id : List.of("#initiators-1-name", "#initiators-1-iqn", "#initiators-1-timeouts-replacementTimeout")) {
            assertThat(robot.lookup(id).queryAs(TextField.class).getWidth()).as(id + " keeps a usable width").isGreaterThan(150);
        }
        robot.clickOn("#next-holder");
        fx.settled();
        assertThat(robot.lookup("#initiators-1-iqn-problem").queryAs(Label.class).getText()).isEqualTo("Required.");
        assertThat(robot.lookup("#manual-settings-1").queryAs(javafx.scene.control.TextArea.class).getText())
                .contains("for 140 s", "enter 120 there");
        assertPlainAndWhole("Initiators");
        scrollTo(robot, "#initiators-1-iqn");
        shot(robot, "8-initiators");
    }

    @Test
    void theSidebarGreysWhatCannotBeOpenedAndHighlightsOnlyTheCurrentStep(FxRobot robot) {
        robot.clickOn("#welcome-demo");
        fx.settled();
        javafx.scene.control.ListView<?> navigator = find(robot, "#navigator");
        ListCell<?> disks = robot.lookup("#navigator .list-cell").queryAllAs(ListCell.class).stream()
                .filter(c -> "4. Disks".equals(c.getText())).findFirst().orElseThrow();
        assertThat(disks.isDisabled()).as("nodes not discovered yet").isTrue();
        robot.clickOn(disks);
        assertThat(fx.wizard.currentStep().title()).isEqualTo("Nodes");
        assertThat(navigator.getSelectionModel().getSelectedIndex()).isEqualTo(1);
        ListCell<?> welcome = robot.lookup("#navigator .list-cell").queryAllAs(ListCell.class).stream()
                .filter(c -> "1. Welcome".equals(c.getText())).findFirst().orElseThrow();
        assertThat(welcome.isDisabled()).isFalse();
        shot(robot, "sidebar");
    }

    @Test
    void ctrlQQuits(FxRobot robot) {
        assertThat(stage.isShowing()).isTrue();
        robot.press(KeyCode.CONTROL, KeyCode.Q).release(KeyCode.Q, KeyCode.CONTROL);
        WizardFx.waitUntil(() -> !stage.isShowing(), "the window closes");
    }

    @Test
    void theSaveDialogFitsA768PixelScreenAndSaves(FxRobot robot) {
        robot.clickOn("#welcome-demo");
        fx.settled();
        robot.press(KeyCode.CONTROL, KeyCode.S).release(KeyCode.S, KeyCode.CONTROL);
        // The demo's first save asks first whether it stays a demo (WizardSafetyTest covers that question).
        WizardFx.waitUntil(() -> robot.lookup("#demo-save-dialog").tryQuery().isPresent(), "the demo-save question is shown");
        robot.clickOn("Keep it a demo");
        WizardFx.waitUntil(() -> robot.lookup("#save-dialog").tryQuery().isPresent(), "the save dialog is shown");
        Node pane = find(robot, "#save-dialog");
        Window dialog = pane.getScene().getWindow();
        assertThat(dialog.getHeight()).as("fits a 768 px screen with room to spare").isLessThan(400);
        Screenshots.save(pane.getScene().getRoot(), "first-use-save-dialog");
        TextField folder = find(robot, "#save-folder");
        TextField name = find(robot, "#save-name");
        robot.interact(() -> {
            folder.setText(dir.toString());
            name.setText("mine");
        });
        robot.clickOn("Save");
        WizardFx.waitUntil(() -> dir.resolve("mine.tandem.json").toFile().isFile(), "the project is saved");
        assertThat(fx.wizard.fileProperty().get()).isEqualTo(dir.resolve("mine.tandem.json"));
    }

    @Test
    void aLongDiscoveryFailureWrapsInFull(FxRobot robot) {
        robot.clickOn("#welcome-new");
        robot.interact(() -> {
            robot.lookup("#nodes-0-ssh-address").queryAs(TextField.class).setText("127.0.0.1");
            robot.lookup("#nodes-0-ssh-port").queryAs(TextField.class).setText("1");
            robot.lookup("#nodes-0-ssh-user").queryAs(TextField.class).setText("root");
        });
        robot.clickOn("#discover-0");
        Label status = find(robot, "#status-0");
        WizardFx.waitUntil(() -> !status.getText().startsWith("Connecting") && !status.getText().startsWith("Not discovered"),
                "discovery fails");
        assertThat(status.getText().length()).as("a long message: " + status.getText()).isGreaterThan(40);
        assertPlainAndWhole("Nodes, discovery failed");
        shot(robot, "2-nodes-discovery-failed");
    }
}
