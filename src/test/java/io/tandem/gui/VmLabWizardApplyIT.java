package io.tandem.gui;

import io.tandem.gui.apply.ApplyViewModel;
import io.tandem.gui.apply.StepRow;
import io.tandem.gui.home.HomeViewModel;
import io.tandem.gui.wizard.HostLogin;
import io.tandem.gui.wizard.InitiatorsStep;
import io.tandem.gui.wizard.NodesStep;
import io.tandem.gui.wizard.PlanReview;
import io.tandem.gui.wizard.ReviewStep;
import io.tandem.gui.wizard.WizardViewModel;
import io.tandem.model.Project;
import io.tandem.model.ProjectFile;
import io.tandem.monitor.ClusterSnapshot;
import io.tandem.testing.LabEnv;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The wizard applies a real project to the VM lab's clean VMs, driven as a user would, headless:
 * open the project, log in and discover both nodes and the client, walk the steps, type the
 * confirmation for the one disk that holds data on Review (Apply is disabled until then), press
 * Apply, wait for the home screen, and check what its status read (over SSH) says: both nodes
 * online, every DRBD device connected and up to date, every resource running on the preferred node,
 * the target served and the client logged in. Opening the project again then goes straight to the
 * home screen. Run by {@code lab/vm e2e --gui}, which then checks the cluster from the client.
 *
 * <p>Inputs (environment): {@code TANDEM_GUI_E2E_PROJECT} (default the tgt example, mutual CHAP),
 * {@code TANDEM_GUI_E2E_CONFIRM} ({@code host:device} the run must ask to confirm, or empty) and
 * {@code TANDEM_GUI_E2E_OUT} (where the apply log, saved with the apply screen's own Save, and the
 * figures go).
 */
@ExtendWith(ApplicationExtension.class)
class VmLabWizardApplyIT {

    private static final int APPLY_MINUTES = 120;

    @TempDir
    static Path dir;
    private WizardFx fx;
    private Stage stage;
    private Path out;
    private final List<String> figures = new ArrayList<>();

    @Start
    void start(Stage stage) {
        this.stage = stage;
        fx = new WizardFx(stage, dir.resolve("app"));
        stage.setWidth(1366);
        stage.setHeight(768);
    }

    @AfterEach
    void figuresAndLog() throws Exception {
        if (out == null) {
            return;
        }
        ApplyViewModel apply = fx.wizard.applyProperty().get();
        if (apply != null) {
            if (apply.isRunning()) {
                Platform.runLater(apply::cancel);
                waitUntil(() -> !apply.isRunning(), 1800, "the apply stopped after the test's end");
            }
            Path log = out.resolve("apply.txt");
            Platform.runLater(() -> apply.saveLog(log));
            waitUntil(() -> apply.logStatusProperty().get().startsWith("Log saved") || apply.logStatusProperty().get().startsWith("Cannot"),
                    60, "the log is saved");
            figures.add("log: " + apply.logStatusProperty().get());
        }
        Files.write(out.resolve("gui-figures.txt"), figures);
        figures.forEach(f -> System.out.println("VmLabWizardApplyIT: " + f));
    }

    private static String env(String name, String otherwise) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? otherwise : value;
    }

    private static void waitUntil(BooleanSupplier condition, int seconds, String what) {
        WizardFx.waitUntil(condition, seconds, what);
    }

    private static void waitUntil(BooleanSupplier condition, int seconds, Supplier<String> what) {
        WizardFx.waitUntil(condition, seconds, what);
    }

    private <T> T onFx(java.util.concurrent.Callable<T> read) {
        try {
            return WaitForAsyncUtils.asyncFx(read).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private void shot(String name) {
        WaitForAsyncUtils.waitForFxEvents();
        Screenshots.save(stage.getScene().getRoot(), name);
    }

    /** Logs in to one host with the lab's key (typed into its key-file field) and discovers it, trusting its new host key. */
    private void discover(FxRobot robot, String suffix, HostLogin login, String what) {
        LabEnv lab = LabEnv.requireVmLab();
        robot.interact(() -> robot.lookup("#key-file" + suffix).queryAs(TextField.class).setText(lab.key().toString()));
        long started = System.nanoTime();
        robot.interact(() -> robot.lookup("#discover" + suffix).queryButton().fire());
        waitUntil(() -> robot.lookup("#host-key-dialog").tryQuery().isPresent() || login.factsProperty().get() != null
                || !login.running.get(), 120, () -> "the host-key dialog for " + what + " (status: " + login.status.get() + ")");
        if (robot.lookup("#host-key-dialog").tryQuery().isPresent()) {
            robot.clickOn("Trust this key");
        }
        waitUntil(() -> login.factsProperty().get() != null || !login.running.get(), 180, () -> what + " is discovered");
        assertThat(login.factsProperty().get()).as(what + ": " + login.status.get()).isNotNull();
        figures.add("discovered " + what + " in " + (System.nanoTime() - started) / 1_000_000 + " ms (" + login.status.get() + ")");
    }

    private void next(FxRobot robot) {
        Button next = robot.lookup("#next").queryButton();
        waitUntil(() -> !next.isDisabled() && !fx.wizard.validationPendingProperty().get(), 60,
                () -> "Next is enabled on step " + fx.wizard.currentProperty().get() + "; blocked by: "
                        + robot.lookup("#blockers").queryAs(Label.class).getText());
        robot.interact(next::fire);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void theWizardBuildsTheClusterFromCleanVmsAndItsHomeScreenReadsItHealthy(FxRobot robot) throws Exception {
        LabEnv lab = LabEnv.requireVmLab();
        out = Files.createDirectories(Path.of(env("TANDEM_GUI_E2E_OUT", "target/gui-e2e")));
        Path source = Path.of(env("TANDEM_GUI_E2E_PROJECT", "examples/vm-lab-tgt.tandem.json"));
        String confirm = env("TANDEM_GUI_E2E_CONFIRM", "");
        Project project = ProjectFile.read(source);
        Path file = dir.resolve("cluster.tandem.json");
        Files.copy(source, file);
        WizardViewModel wizard = fx.wizard;

        // Open, as the Welcome screen's Open does once its file dialog returned.
        robot.interact(() -> {
            assertThat(wizard.open(file)).isEmpty();
            wizard.goTo(1);
            wizard.checkJournalAfterOpen();
        });
        assertThat(wizard.screenProperty().get()).as("a project never applied opens in the wizard").isEqualTo(WizardViewModel.Screen.WIZARD);
        NodesStep nodes = wizard.step(NodesStep.class);
        discover(robot, "-0", nodes.login(0), "node1");
        discover(robot, "-1", nodes.login(1), "node2");
        assertThat(lab.node1()).isEqualTo(project.nodes().get(0).ssh().address());
        CheckBox anyway = robot.lookup("#accept-failures").queryAs(CheckBox.class);
        if (anyway.isVisible()) {
            figures.add("compatibility failures accepted: " + nodes.login(0).report + " / " + nodes.login(1).report);
            robot.interact(() -> anyway.setSelected(true));
        }
        shot("vmlab-wizard-nodes");

        InitiatorsStep initiators = wizard.step(InitiatorsStep.class);
        int review = wizard.steps().size() - 1;
        while (wizard.currentProperty().get() < review) {
            if (wizard.steps().get(wizard.currentProperty().get()) == initiators) {
                discover(robot, "-initiator-0", initiators.login(0), "the client");
            }
            next(robot);
        }

        PlanReview plan = wizard.step(ReviewStep.class).plan();
        long planning = System.nanoTime();
        waitUntil(() -> plan.statusProperty().get() == PlanReview.Status.READY || plan.statusProperty().get() == PlanReview.Status.FAILED, 600,
                "the plan is made");
        assertThat(plan.statusProperty().get()).as(plan.messageProperty().get()).isEqualTo(PlanReview.Status.READY);
        int steps = onFx(() -> plan.planProperty().get().steps().size());
        figures.add("plan from clean VMs: " + steps + " steps in " + (System.nanoTime() - planning) / 1_000_000 + " ms");
        List<String> asked = onFx(() -> plan.confirmations().stream().map(c -> c.host() + ":" + c.device()).toList());
        assertThat(asked).as("the devices the plan erases that hold data").containsExactlyElementsOf(confirm.isEmpty() ? List.of() : List.of(confirm));
        Button apply = robot.lookup("#apply").queryButton();
        if (!confirm.isEmpty()) {
            assertThat(apply.isDisabled()).as("Apply waits for the typed confirmation").isTrue();
            assertThat(robot.lookup("#apply-blockers").queryAs(Label.class).getText()).contains(confirm.substring(confirm.indexOf(':') + 1));
            String[] hostDevice = confirm.split(":", 2);
            String id = "#confirm-destroy-" + hostDevice[0] + "-" + hostDevice[1].replaceAll("[^A-Za-z0-9]", "_");
            robot.interact(() -> robot.lookup(id).queryAs(TextField.class).setText(hostDevice[1] + "x"));
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(apply.isDisabled()).as("a wrong path does not confirm").isTrue();
            robot.interact(() -> robot.lookup(id).queryAs(TextField.class).setText(hostDevice[1]));
        }
        // Discovery filled values in: the journal is kept with the saved project, so the user saves first.
        assertThat(robot.lookup("#apply-blockers").queryAs(Label.class).getText()).contains("Save the project first");
        robot.interact(() -> {
            try {
                assertThat(wizard.save()).isTrue();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        shot("vmlab-review");
        waitUntil(() -> !apply.isDisabled(), 30, () -> "Apply is enabled; blocked by: " + robot.lookup("#apply-blockers").queryAs(Label.class).getText());
        robot.interact(apply::fire);
        waitUntil(() -> wizard.screenProperty().get() == WizardViewModel.Screen.APPLY, 30, "the apply screen shows");
        ApplyViewModel run = wizard.applyProperty().get();
        assertThat(run.isDemo()).isFalse();

        long started = System.nanoTime();
        boolean syncShot = false;
        while (onFx(run::isRunning)) {
            if (System.nanoTime() - started > TimeUnit.MINUTES.toNanos(APPLY_MINUTES)) {
                throw new AssertionError("the apply did not end within " + APPLY_MINUTES + " min");
            }
            if (!syncShot && onFx(() -> run.syncSamples().size() >= 3)) {
                shot("vmlab-apply-sync");
                syncShot = true;
            }
            Thread.sleep(2000);
        }
        long applied = (System.nanoTime() - started) / 1_000_000_000L;
        Map<String, Double> perPhase = onFx(() -> {
            Map<String, Double> sums = new TreeMap<>();
            for (StepRow row : run.rows()) {
                String d = row.durationProperty().get();
                if (d != null && d.endsWith(" s")) {
                    sums.merge(row.step().phase().name().toLowerCase(java.util.Locale.ROOT), Double.parseDouble(d.replace(" s", "")), Double::sum);
                }
            }
            return sums;
        });
        long done = onFx(() -> run.rows().stream().filter(r -> r.state() == StepRow.State.DONE).count());
        long skipped = onFx(() -> run.rows().stream().filter(r -> r.state() == StepRow.State.SKIPPED).count());
        figures.add("apply from the wizard: " + applied + " s, " + done + " steps done, " + skipped + " already done; step time per phase (s): " + perPhase);
        shot("vmlab-apply-finished");
        assertThat(run.state()).as(run.failureTitleProperty().get() + " " + run.outcomeProperty().get()
                + (run.failureProperty().get() == null ? "" : "\n" + run.failureProperty().get().describe())).isEqualTo(ApplyViewModel.State.DONE);

        // Done: the window moves to the home screen and reads the cluster's status over SSH.
        waitUntil(() -> wizard.screenProperty().get() == WizardViewModel.Screen.HOME, 30, "the home screen shows");
        ClusterSnapshot snapshot = healthySnapshot(wizard.homeProperty().get());
        shot("vmlab-home");
        assertThat(snapshot.nodes()).extracting(ClusterSnapshot.NodeLine::name).containsExactlyInAnyOrder("node1", "node2");
        assertThat(snapshot.drbd()).hasSize(2 * project.replication().resources().size());
        String preferred = project.cluster().preferredNode();
        assertThat(snapshot.resources()).filteredOn(r -> r.id().startsWith("p_lun") || r.id().equals("p_vip") || r.id().equals("p_target"))
                .isNotEmpty().allSatisfy(r -> assertThat(r.where()).isEqualTo(preferred));
        if (project.chap().outgoing() != null && project.target().implementation() == io.tandem.model.TargetImplementation.TGT) {
            assertThat(snapshot.resources()).extracting(ClusterSnapshot.ResourceLine::id).contains("p_mutual_chap");
        }
        assertThat(snapshot.target()).contains(project.target().iqn());
        io.tandem.model.Initiator client = project.initiators().getFirst();
        assertThat(snapshot.sessions()).as("the client is logged in through the virtual IP under its own name").anySatisfy(s -> assertThat(s)
                .contains(client.name() + " is logged in to " + project.target().iqn() + " via " + project.networks().client().virtualIp() + ":"
                        + project.target().portalPort()).contains("as " + client.iqn()));
        figures.add("home screen: " + wizard.homeProperty().get().headlineProperty().get());
        figures.add("home screen sessions: " + snapshot.sessions());
        // The monitoring rules on the same read: a cluster the wizard just built is served; anything they find is reported.
        io.tandem.monitor.Assessment judged = io.tandem.monitor.HealthRules.judge(project, snapshot);
        figures.add("health rules: " + judged.verdict() + " " + judged.findings().stream().map(f -> f.code() + " (" + f.subject() + ")").toList());
        assertThat(judged.verdict()).as(judged.findings().toString()).isNotEqualTo(io.tandem.monitor.Verdict.DOWN);

        // The app started again (a new window on the same app folder) opens the applied project straight on its
        // home screen, and reads it with the logins remembered from this session: no key path is typed.
        WizardViewModel again = onFx(() -> new WizardFx(new Stage(), dir.resolve("app")).wizard);
        robot.interact(() -> {
            assertThat(again.open(file)).isEmpty();
            again.goTo(1);
            again.checkJournalAfterOpen();
        });
        assertThat(again.screenProperty().get()).as("an applied project opens on its home screen").isEqualTo(WizardViewModel.Screen.HOME);
        assertThat(again.step(NodesStep.class).login(0).keyFile.get()).isEqualTo(lab.key().toString());
        healthySnapshot(again.homeProperty().get());
        figures.add("reopened in a new window: home screen " + again.homeProperty().get().headlineProperty().get());
    }

    /** Waits for the home screen's status read and returns it, healthy (or fails with what it said). */
    private ClusterSnapshot healthySnapshot(HomeViewModel home) {
        waitUntil(() -> !home.readingProperty().get() && home.snapshotProperty().get() != null
                || home.headlineProperty().get().startsWith("Could not"), 180, "the status is read");
        ClusterSnapshot snapshot = onFx(() -> home.snapshotProperty().get());
        assertThat(snapshot).as(home.headlineProperty().get()).isNotNull();
        assertThat(snapshot.healthy()).as(home.headlineProperty().get() + "\n" + snapshot).isTrue();
        return snapshot;
    }
}
