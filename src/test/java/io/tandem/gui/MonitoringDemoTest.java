package io.tandem.gui;

import io.tandem.apply.DemoFault;
import io.tandem.gui.home.HomeViewModel;
import io.tandem.gui.wizard.WizardViewModel;
import io.tandem.monitor.Finding;
import io.tandem.monitor.Verdict;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The monitoring view on the demo cluster, headless at 1366×768: each simulated problem gives its
 * verdict, reason and fix on screen and clears when the problem ends; the split-brain dialog
 * refuses the serving side, stays shut until the typed words match, then recovers and shows the
 * resync. Screenshots of each state go to docs/screenshots (monitor-*).
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(240)
class MonitoringDemoTest {

    @TempDir
    static Path dir;
    private WizardViewModel wizard;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        wizard = WizardFx.demoWindow(stage, dir.resolve("app-" + System.nanoTime()), 0.5);
    }

    @org.junit.jupiter.api.AfterEach
    void stopPolling() {
        wizard.board().stopAll();
    }

    private void shot(String name) {
        WaitForAsyncUtils.waitForFxEvents();
        Screenshots.save(stage.getScene().getRoot(), name);
    }

    private HomeViewModel openDemoMonitoring(FxRobot robot) {
        robot.interact(() -> robot.lookup("#welcome-demo-monitoring").queryButton().fire());
        WizardFx.waitUntil(() -> wizard.screenProperty().get() == WizardViewModel.Screen.HOME, 10, "the monitoring view shows");
        HomeViewModel home = wizard.homeProperty().get();
        WizardFx.waitUntil(() -> home.verdictProperty().get() != null, 20, "the first round");
        return home;
    }

    /** Read on the FX thread: the view rebuilds its cards and the model its lists there every round. */
    private static <T> T onFx(java.util.concurrent.Callable<T> read) {
        try {
            return WaitForAsyncUtils.asyncFx(read).get(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static Set<String> codes(HomeViewModel home) {
        return onFx(() -> home.problems().stream().map(Finding::code).collect(Collectors.toSet()));
    }

    private static String text(FxRobot robot, String id) {
        return onFx(() -> robot.lookup(id).queryAs(Label.class).getText());
    }

    private static void toggle(FxRobot robot, DemoFault fault) {
        MenuButton menu = robot.lookup("#demo-problems").queryAs(MenuButton.class);
        String id = "demo-problem-" + fault.name().toLowerCase(Locale.ROOT).replace('_', '-');
        CheckMenuItem item = (CheckMenuItem) menu.getItems().stream().filter(i -> id.equals(i.getId())).findFirst().orElseThrow();
        robot.interact(() -> {
            item.setSelected(!item.isSelected());
            item.fire();
        });
    }

    @Test
    void eachSimulatedProblemIsShownWithItsVerdictReasonAndFixThenClears(FxRobot robot) {
        HomeViewModel home = openDemoMonitoring(robot);
        // The demo project has no fencing: a standing risk, shown as such and never as "healthy".
        assertThat(codes(home)).containsExactly("fencing.none");
        assertThat(text(robot, "#home-verdict")).isEqualTo("AT RISK");
        assertThat(text(robot, "#home-headline")).startsWith("Cluster " + home.project().clusterName() + " is at risk: No fencing is configured");
        assertThat(onFx(() -> robot.lookup("#cluster-list-entries").tryQuery().isPresent())).isTrue();
        assertThat(onFx(() -> robot.lookup("#home-nodes").tryQuery().isPresent())).isTrue();
        shot("monitor-1-demo");

        record Case(DemoFault fault, String code, String reasonStart, String fixPart, String shot) {
        }
        for (Case c : List.of(
                new Case(DemoFault.REPLICATION_LINK_DOWN, "drbd.disconnected", "Replication link down for r0", "bond1", "monitor-2-replication-link-down"),
                new Case(DemoFault.BOND_SLAVE_DOWN, "bond.slave-down", "bond0 on node1 runs on one NIC", "eth0", "monitor-3-bond-nic-down"),
                new Case(DemoFault.NODE_LOST, "node.offline", "node2 is not in the cluster", "node2", "monitor-4-node-lost"))) {
            toggle(robot, c.fault());
            WizardFx.waitUntil(() -> codes(home).contains(c.code()), 20, () -> c.fault() + " shows " + c.code() + "; now " + codes(home));
            Finding f = onFx(() -> home.problems().stream().filter(x -> x.code().equals(c.code())).findFirst().orElseThrow());
            assertThat(f.reason()).startsWith(c.reasonStart());
            assertThat(f.fix()).contains(c.fixPart());
            WaitForAsyncUtils.waitForFxEvents();
            List<String> shown = onFx(() -> robot.lookup(".home-finding").queryAll().stream()
                    .flatMap(n -> ((javafx.scene.layout.VBox) n).getChildren().stream())
                    .filter(n -> n instanceof javafx.scene.text.Text).map(n -> ((javafx.scene.text.Text) n).getText()).toList());
            assertThat(shown).as("the reason and its fix are on screen").contains(f.reason(), "What to do: " + f.fix());
            shot(c.shot());
            toggle(robot, c.fault());
            WizardFx.waitUntil(() -> codes(home).equals(Set.of("fencing.none")), 30, () -> c.fault() + " clears; now " + codes(home));
        }
        assertThat(onFx(() -> List.copyOf(home.events()))).extracting(e -> e.code()).contains("drbd.disconnected", "bond.slave-down", "node.offline");
    }

    @Test
    void theSplitBrainDialogRefusesTheServingSideAndWaitsForTheTypedWords(FxRobot robot) {
        HomeViewModel home = openDemoMonitoring(robot);
        toggle(robot, DemoFault.SPLIT_BRAIN);
        WizardFx.waitUntil(() -> codes(home).contains("drbd.split-brain"), 20, "the split brain shows");
        assertThat(home.verdictProperty().get()).isEqualTo(Verdict.AT_RISK);
        assertThat(text(robot, "#home-headline")).as("what just broke comes before the standing risk")
                .startsWith("Cluster " + home.project().clusterName() + " is at risk: Split brain on r");
        shot("monitor-5-split-brain");
        WizardFx.waitUntil(() -> onFx(() -> robot.lookup("#home-resolve-split-brain").tryQuery().isPresent()), 10, "the resolve button");
        robot.interact(() -> robot.lookup("#home-resolve-split-brain").queryButton().fire());
        WizardFx.waitUntil(() -> onFx(() -> robot.lookup("#split-brain-discard-node2").tryQuery().isPresent()), 10, "the dialog shows both sides");
        Button recover = robot.lookup("#split-brain-recover").queryButton();
        assertThat(recover.isDisabled()).isTrue();

        robot.interact(() -> robot.lookup("#split-brain-discard-node1").queryAs(javafx.scene.control.RadioButton.class).fire());
        assertThat(text(robot, "#split-brain-refusal")).startsWith("node1 serves the target now");
        assertThat(robot.lookup("#split-brain-typed").queryAs(TextField.class).isDisabled()).isTrue();

        robot.interact(() -> robot.lookup("#split-brain-discard-node2").queryAs(javafx.scene.control.RadioButton.class).fire());
        assertThat(text(robot, "#split-brain-refusal")).isEmpty();
        assertThat(text(robot, "#split-brain-ask")).isEqualTo("To confirm, type: discard node2 r0");
        robot.interact(() -> robot.lookup("#split-brain-typed").queryAs(TextField.class).setText("discard node2"));
        assertThat(recover.isDisabled()).as("not the words asked").isTrue();
        robot.interact(() -> robot.lookup("#split-brain-typed").queryAs(TextField.class).setText("discard node2 r0"));
        assertThat(recover.isDisabled()).isFalse();
        WaitForAsyncUtils.waitForFxEvents();
        Screenshots.save(robot.lookup("#split-brain-dialog").query(), "monitor-6-split-brain-dialog");

        robot.interact(recover::fire);
        WizardFx.waitUntil(() -> text(robot, "#split-brain-status").startsWith("Done: r0 is connected and up to date on both nodes"), 60,
                () -> "the recovery and resync; status: " + text(robot, "#split-brain-status"));
        assertThat(recover.isDisabled()).as("it runs once").isTrue();
        WaitForAsyncUtils.waitForFxEvents();
        Screenshots.save(robot.lookup("#split-brain-dialog").query(), "monitor-7-split-brain-recovered");
        WizardFx.waitUntil(() -> codes(home).equals(Set.of("fencing.none")), 30, () -> "back to the demo's standing risk; now " + codes(home));
    }
}
