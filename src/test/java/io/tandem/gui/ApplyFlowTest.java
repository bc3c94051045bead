package io.tandem.gui;

import io.tandem.gui.apply.ApplyViewModel;
import io.tandem.gui.apply.LogLine;
import io.tandem.gui.wizard.NodesStep;
import io.tandem.gui.wizard.PlanReview;
import io.tandem.gui.wizard.ReviewStep;
import io.tandem.gui.wizard.WizardViewModel;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo applied from the wizard, headless at 1366×768: Review's plan and confirmations, the
 * apply screen running, failed (an injected missing package) and done, the home screen; closing
 * during an apply asks; thousands of log lines reach the screen in a few batches.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(240)
class ApplyFlowTest {

    @TempDir
    static Path dir;
    private WizardViewModel wizard;
    private WizardView view;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        Path app = dir.resolve("app-" + System.nanoTime());
        wizard = WizardFx.appWizard(stage, app);
        wizard.useDemoPace(0.25);
        view = new WizardView(wizard);
        stage.setScene(new Scene(view.root(), 1366, 768));
        stage.setOnCloseRequest(e -> {
            if (!view.mayClose()) {
                e.consume();
            }
        });
        stage.show();
    }

    /** An apply a failed test left running would write its journal while the folder is deleted. */
    @org.junit.jupiter.api.AfterEach
    void stopTheApply() {
        ApplyViewModel apply = wizard.applyProperty().get();
        if (apply != null && apply.isRunning()) {
            Platform.runLater(apply::cancel);
            waitUntil(() -> !apply.isRunning(), 60, "the apply stopped");
        }
    }

    private static void waitUntil(BooleanSupplier condition, int seconds, String what) {
        WizardFx.waitUntil(condition, seconds, what);
    }

    /** A copy made on the FX thread of what the FX thread changes. */
    private static <T> List<T> copy(java.util.List<T> live) {
        try {
            return WaitForAsyncUtils.asyncFx(() -> List.copyOf(live)).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private void shot(String name) {
        WaitForAsyncUtils.waitForFxEvents();
        Screenshots.save(stage.getScene().getRoot(), name);
    }

    /** Welcome → demo → both nodes discovered → node2's vdc confirmed on Disks → … → Review with its plan made. */
    private PlanReview toReview(FxRobot robot) {
        robot.interact(() -> robot.lookup("#welcome-demo").queryButton().fire());
        for (int n = 0; n < 2; n++) {
            String id = "#discover-" + n;
            waitUntil(() -> robot.lookup(id).tryQuery().isPresent(), 20, "the Nodes step shows");
            robot.interact(() -> robot.lookup(id).queryButton().fire());
            WizardFx.trustHostKey(robot);
        }
        waitUntil(() -> wizard.facts().containsKey(NodesStep.key(1)), 20, "node 2 is discovered");
        WizardFx.next(robot);
        WizardFx.next(robot);
        WizardFx.demoFromDisksToInitiators(robot);
        WizardFx.next(robot);
        PlanReview plan = wizard.step(ReviewStep.class).plan();
        waitUntil(() -> plan.statusProperty().get() == PlanReview.Status.READY, 30, "the plan is made");
        return plan;
    }

    private ApplyViewModel applyNow(FxRobot robot) {
        Button apply = robot.lookup("#apply").queryButton();
        waitUntil(() -> !apply.isDisabled(), 10, "Apply is enabled; blocked by: " + robot.lookup("#apply-blockers").queryAs(Label.class).getText());
        robot.interact(apply::fire);
        waitUntil(() -> wizard.screenProperty().get() == WizardViewModel.Screen.APPLY, 10, "the apply screen shows");
        return wizard.applyProperty().get();
    }

    @Test
    void theDemoGoesFromWelcomeThroughApplyToTheHomeScreen(FxRobot robot) {
        wizard.useDemoPace(1.0); // the app's own pace: the run's length is measured
        PlanReview plan = toReview(robot);
        assertThat(plan.overviewProperty().get()).contains("node2's /dev/vdc will be erased", "Apply will run");
        assertThat(plan.confirmations()).singleElement().satisfies(c -> assertThat(c.fromDisks()).as("typed on Disks").isTrue());
        assertThat(plan.lines()).anySatisfy(l -> assertThat(l.text()).startsWith("node1 — "))
                .anySatisfy(l -> assertThat(l.step().flatMap(s -> s.destroys())).contains("/dev/vdc"));
        shot("apply-0-review-plan");
        ApplyViewModel apply = applyNow(robot);
        assertThat(robot.lookup("#demo-badge").queryAs(Label.class).isVisible()).as("the DEMO badge stays").isTrue();
        long started = System.nanoTime();
        waitUntil(() -> copy(apply.syncSamples()).size() >= 3 || apply.state() != ApplyViewModel.State.RUNNING, 120, "the sync is drawn");
        assertThat(apply.state()).isEqualTo(ApplyViewModel.State.RUNNING);
        shot("apply-1-running");
        assertThat(copy(apply.rows())).anySatisfy(r -> assertThat(r.stateProperty().get()).isEqualTo(io.tandem.gui.apply.StepRow.State.DONE));
        assertThat(copy(apply.log())).anySatisfy(l -> assertThat(l.text()).contains("Setting up"));
        waitUntil(() -> apply.state() == ApplyViewModel.State.DONE, 150, "the apply is done");
        System.out.printf("demo apply at the app's pace: %.1f s%n", (System.nanoTime() - started) / 1e9);
        assertThat(copy(apply.rows())).allSatisfy(r -> assertThat(r.stateProperty().get().finished()).isTrue());
        assertThat(copy(apply.log())).noneSatisfy(l -> assertThat(l.text()).contains(wizard.draft().text("$.replication.sharedSecret")));
        shot("apply-3-done");
        waitUntil(() -> wizard.screenProperty().get() == WizardViewModel.Screen.HOME, 10, "the home screen shows");
        waitUntil(() -> wizard.homeProperty().get().snapshotProperty().get() != null, 10, "the status is read");
        var snapshot = wizard.homeProperty().get().snapshotProperty().get();
        assertThat(snapshot.healthy()).as(snapshot.toString()).isTrue();
        assertThat(snapshot.sessions()).singleElement().asString().contains("client is logged in to");
        // The demo project has no fencing: the monitoring says "at risk" for it, never "healthy".
        waitUntil(() -> wizard.homeProperty().get().verdictProperty().get() != null, 10, "the verdict");
        assertThat(robot.lookup("#home-headline").queryAs(Label.class).getText()).contains("is at risk: No fencing is configured");
        assertThat(robot.lookup("#demo-badge").queryAs(Label.class).isVisible()).isTrue();
        shot("home-1-demo");
        robot.clickOn("#home-edit-setup");
        assertThat(wizard.screenProperty().get()).isEqualTo(WizardViewModel.Screen.WIZARD);
        waitUntil(() -> plan.statusProperty().get() == PlanReview.Status.READY, 30, "the plan is made again");
        assertThat(plan.messageProperty().get()).isEqualTo("Nothing to do: the servers already match this project.");
        assertThat(robot.lookup("#apply").queryButton().isDisabled()).isTrue();
    }

    @Test
    void anInjectedFailureShowsItsMessageAndRetrySucceeds(FxRobot robot) {
        toReview(robot);
        robot.interact(() -> robot.lookup("#demo-fail-package").queryAs(javafx.scene.control.CheckBox.class).setSelected(true));
        ApplyViewModel apply = applyNow(robot);
        waitUntil(() -> apply.state() != ApplyViewModel.State.RUNNING, 60, "the apply stops");
        assertThat(apply.state()).isEqualTo(ApplyViewModel.State.FAILED);
        assertThat(robot.lookup("#apply-failure-title").queryAs(Label.class).getText()).contains("on node2", "Install");
        assertThat(robot.lookup("#apply-failure-what").queryAs(Label.class).getText())
                .contains("the host's repositories have no package drbd-utils");
        assertThat(robot.lookup("#apply-failure-next").queryAs(Label.class).getText()).startsWith("What to do: ");
        assertThat(apply.row("packages:node2").orElseThrow().state()).isEqualTo(io.tandem.gui.apply.StepRow.State.FAILED);
        shot("apply-2-failed");
        robot.clickOn("#apply-retry");
        waitUntil(() -> apply.state() == ApplyViewModel.State.DONE, 150, "the retried apply is done");
        assertThat(apply.row("packages:node2").orElseThrow().state()).isEqualTo(io.tandem.gui.apply.StepRow.State.DONE);
    }

    @Test
    void applyStaysDisabledUntilTheErasedDeviceIsTyped(FxRobot robot) {
        PlanReview plan = toReview(robot);
        // Back to Disks, the confirmation taken back, then straight to Review again (the sidebar allows it).
        robot.interact(() -> wizard.goTo(3));
        robot.interact(() -> robot.lookup("#confirm-1-1").queryAs(TextField.class).setText(""));
        robot.interact(() -> wizard.goTo(8));
        waitUntil(() -> plan.statusProperty().get() == PlanReview.Status.READY, 30, "the plan is made");
        assertThat(plan.confirmations()).singleElement().satisfies(c -> assertThat(c.fromDisks()).isFalse());
        Button apply = robot.lookup("#apply").queryButton();
        assertThat(apply.isDisabled()).isTrue();
        assertThat(robot.lookup("#apply-blockers").queryAs(Label.class).getText()).contains("Type /dev/vdc to confirm that node2's /dev/vdc will be erased");
        TextField typed = robot.lookup("#confirm-destroy-node2-_dev_vdc").queryAs(TextField.class);
        robot.interact(() -> typed.setText("/dev/vdb"));
        assertThat(apply.isDisabled()).as("another device's path").isTrue();
        robot.interact(plan::apply);
        assertThat(wizard.screenProperty().get()).as("apply() refuses too").isEqualTo(WizardViewModel.Screen.WIZARD);
        robot.interact(() -> typed.setText("/dev/vdc"));
        assertThat(apply.isDisabled()).isFalse();
        assertThat(plan.confirmed()).containsExactly("node2:/dev/vdc");
    }

    @Test
    void closingTheWindowDuringAnApplyAsksFirst(FxRobot robot) {
        toReview(robot);
        ApplyViewModel apply = applyNow(robot);
        Platform.runLater(() -> stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST)));
        waitUntil(() -> robot.lookup("#close-during-apply-dialog").tryQuery().isPresent(), 10, "the question is shown");
        robot.clickOn("Keep applying");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(stage.isShowing()).isTrue();
        assertThat(apply.isRunning()).isTrue();
        Platform.runLater(() -> stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST)));
        waitUntil(() -> robot.lookup("#close-during-apply-dialog").tryQuery().isPresent(), 10, "the question is shown again");
        robot.clickOn("Stop and close");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(apply.state()).isIn(ApplyViewModel.State.CANCELLING, ApplyViewModel.State.CANCELLED);
        if (robot.lookup("#unsaved-dialog").tryQuery().isPresent()) {
            robot.clickOn("Discard changes");
        }
        waitUntil(() -> apply.state() == ApplyViewModel.State.CANCELLED, 60, "the apply stopped at a safe point");
        assertThat(apply.outcomeProperty().get()).startsWith("Stopped at a safe point").contains("Not run:");
    }

    /** Records the gaps between consecutive pulses of the FX thread. */
    private static final class PulseRecorder extends AnimationTimer {
        final List<Long> gaps = java.util.Collections.synchronizedList(new ArrayList<>());
        private long last;

        @Override
        public void handle(long now) {
            if (last != 0) {
                gaps.add(now - last);
            }
            last = now;
        }
    }

    /**
     * Thousands of lines from the engine's threads reach the screen in a few batches, not one FX-thread task
     * a line (with one {@code runLater} a line the FX thread once fell 10 s behind). Asserted on the count of
     * the log's updates, which does not depend on the machine's speed; the pulse gaps meanwhile are printed
     * as a figure, not asserted (a loaded machine stalls the FX thread on its own).
     */
    @Test
    void thousandsOfLogLinesReachTheScreenInAFewBatches(FxRobot robot) throws Exception {
        toReview(robot);
        ApplyViewModel apply = applyNow(robot);
        // The run stopped, the screen stays: the lines below are all the FX thread gets besides its own pulses.
        robot.interact(apply::cancel);
        waitUntil(() -> !apply.isRunning(), 60, "the apply stopped");
        java.util.concurrent.atomic.AtomicInteger updates = new java.util.concurrent.atomic.AtomicInteger();
        javafx.collections.ListChangeListener<LogLine> counter = change -> updates.incrementAndGet();
        robot.interact(() -> apply.log().addListener(counter));
        PulseRecorder pulses = new PulseRecorder();
        robot.interact(pulses::start);
        var listener = apply.listenerForTests();
        int lines = 5000;
        int before = apply.log().size();
        Thread streamer = Thread.ofPlatform().start(() -> {
            for (int i = 0; i < lines; i++) {
                listener.output("node1", "packages:node1", "Setting up libstress" + i + " (1.0) ...");
                if (i % 100 == 99) {
                    try {
                        Thread.sleep(2);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }
        });
        streamer.join();
        waitUntil(() -> copy(apply.log()).stream().filter(l -> l.text().contains("libstress")).count() == lines, 30, "every line is shown");
        robot.interact(() -> apply.log().removeListener(counter));
        robot.interact(pulses::stop);
        long worst = new ArrayList<>(pulses.gaps).stream().mapToLong(Long::longValue).max().orElse(0);
        System.out.printf("%d log lines streamed in: %d updates of the log, %d pulses, worst pulse gap %.1f ms, log now %d lines (was %d)%n",
                lines, updates.get(), pulses.gaps.size(), worst / 1e6, apply.log().size(), before);
        // The streamer sleeps 50 times: a batch per burst, some split by the drain's time limit, stays far below this.
        assertThat(updates.get()).as("updates of the log for %d lines", lines).isPositive().isLessThan(lines / 10);
    }
}
