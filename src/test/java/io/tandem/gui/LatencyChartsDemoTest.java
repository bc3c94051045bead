package io.tandem.gui;

import io.tandem.apply.DemoFault;
import io.tandem.apply.SimulatedCluster;
import io.tandem.gui.home.HomeViewModel;
import io.tandem.gui.home.LatencyChartsView;
import io.tandem.gui.home.LatencyChartsViewModel;
import io.tandem.gui.wizard.WizardViewModel;
import io.tandem.monitor.ChartMarker;
import io.tandem.monitor.SeriesNames;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The latency charts on the demo cluster, headless at 1366×768: the simulated hosts' I/O latency and
 * round trips drawn live with their p50 / p99 / max; the replication link cut shows as lost
 * pings on the replication chart with the event marked on the time axis; a split brain's resync
 * draws its rate; pause holds the window; PNG and CSV exports of what is shown. Screenshots:
 * monitor-8-latency, monitor-9-latency-replication-link-down, monitor-10-latency-resync.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(240)
class LatencyChartsDemoTest {

    @TempDir
    static Path dir;
    private WizardViewModel wizard;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        wizard = WizardFx.demoWindow(stage, dir.resolve("app-" + System.nanoTime()), 0.5);
    }

    @AfterEach
    void stopPolling() {
        wizard.board().stopAll();
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> read) {
        try {
            return WaitForAsyncUtils.asyncFx(read).get(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** The demo's problem menu, as a user switches a problem on or off. */
    private static void toggle(FxRobot robot, DemoFault fault) {
        javafx.scene.control.MenuButton menu = robot.lookup("#demo-problems").queryAs(javafx.scene.control.MenuButton.class);
        String id = "demo-problem-" + fault.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        javafx.scene.control.CheckMenuItem item = (javafx.scene.control.CheckMenuItem) menu.getItems().stream().filter(i -> id.equals(i.getId()))
                .findFirst().orElseThrow();
        robot.interact(() -> {
            item.setSelected(!item.isSelected());
            item.fire();
        });
    }

    private static LatencyChartsViewModel.Chart chart(HomeViewModel home, SeriesNames.Group group) {
        return onFx(() -> {
            LatencyChartsViewModel.Frame f = home.latency().frameProperty().get();
            return f == null ? new LatencyChartsViewModel.Chart(group, List.of(), List.of()) : f.charts().get(group.ordinal());
        });
    }

    private static boolean drawn(HomeViewModel home, SeriesNames.Group group, int values) {
        return chart(home, group).lines().stream().anyMatch(l -> l.stats().measured() >= values);
    }

    /** Scrolls the monitoring view down to the charts and saves the window. */
    private void shot(FxRobot robot, String name) {
        robot.interact(() -> {
            Node latency = robot.lookup("#home-latency").query();
            ScrollPane scroll = (ScrollPane) robot.lookup("#home-view .scroll-pane").query();
            double content = scroll.getContent().getBoundsInLocal().getHeight() - scroll.getViewportBounds().getHeight();
            scroll.setVvalue(Math.min(1, latency.getBoundsInParent().getMinY() / Math.max(1, content)));
        });
        WaitForAsyncUtils.waitForFxEvents();
        Screenshots.save(stage.getScene().getRoot(), name);
    }

    @Test
    void theDemosLatencyAndRoundTripsAreDrawnAndACutLinkShowsOnItsChart(FxRobot robot) throws Exception {
        robot.interact(() -> robot.lookup("#welcome-demo-monitoring").queryButton().fire());
        WizardFx.waitUntil(() -> wizard.screenProperty().get() == WizardViewModel.Screen.HOME, 10, "the monitoring view shows");
        HomeViewModel home = wizard.homeProperty().get();
        SimulatedCluster demo = wizard.demoCluster().orElseThrow();
        robot.interact(() -> home.setInterval(Duration.ofSeconds(1)));
        robot.interact(() -> home.latency().windowProperty().set(Duration.ofMinutes(1)));
        WizardFx.waitUntil(() -> drawn(home, SeriesNames.Group.LATENCY, 6) && drawn(home, SeriesNames.Group.CLIENT_RTT, 6)
                && drawn(home, SeriesNames.Group.REPLICATION_RTT, 6), 60, "six rounds of latency and round trips drawn");

        LatencyChartsViewModel.Chart latency = chart(home, SeriesNames.Group.LATENCY);
        assertThat(latency.lines()).extracting(LatencyChartsViewModel.Line::label).allSatisfy(l -> assertThat(l).matches("\\S+ sd[b-z]"));
        assertThat(latency.lines().getFirst().stats().p50()).isBetween(0.1, 10.0);
        assertThat(chart(home, SeriesNames.Group.REPLICATION_RTT).lines()).extracting(LatencyChartsViewModel.Line::label)
                .containsExactlyInAnyOrder("from node1", "from node2");
        List<String> figures = onFx(() -> robot.lookup(".latency-figures").queryAllAs(Label.class).stream().map(Label::getText).toList());
        assertThat(figures).anySatisfy(t -> assertThat(t).startsWith("p50 ").contains(" · p99 ", " · max "));
        shot(robot, "monitor-8-latency");

        toggle(robot, DemoFault.REPLICATION_LINK_DOWN);
        WizardFx.waitUntil(() -> chart(home, SeriesNames.Group.REPLICATION_RTT).lines().stream().allMatch(l -> l.stats().lost() >= 3)
                && chart(home, SeriesNames.Group.REPLICATION_RTT).markers().stream()
                .anyMatch(m -> m.kind() == ChartMarker.Kind.FAULT && m.text().startsWith("replication link down")), 40,
                () -> "lost replication pings and the event marked; now " + chart(home, SeriesNames.Group.REPLICATION_RTT));
        assertThat(chart(home, SeriesNames.Group.CLIENT_RTT).lines()).as("the client network still answers")
                .allSatisfy(l -> assertThat(l.stats().measured()).isPositive());
        assertThat(onFx(() -> robot.lookup(".latency-figures").queryAllAs(Label.class).stream().map(Label::getText).toList()))
                .anySatisfy(t -> assertThat(t).contains(" no reply"));
        shot(robot, "monitor-9-latency-replication-link-down");

        robot.interact(() -> robot.lookup("#latency-pause").queryAs(javafx.scene.control.ToggleButton.class).fire());
        WizardFx.waitUntil(() -> onFx(() -> !home.latency().frameProperty().get().live()), 10, "the charts paused");
        java.time.Instant held = onFx(() -> home.latency().frameProperty().get().to());
        Thread.sleep(2500);
        assertThat(onFx(() -> home.latency().frameProperty().get().to())).as("paused, the window holds still").isEqualTo(held);
        // Scrolling back is LatencyChartsViewModelTest's: the demo has run for less than a window, so there is nothing before it yet.

        LatencyChartsView view = onFx(() -> LatencyChartsView.of(robot.lookup("#home-latency").query()));
        Path png = dir.resolve("charts.png");
        Path csv = dir.resolve("charts.csv");
        robot.interact(() -> view.answerExportsWith((owner, name) -> Optional.of(name.endsWith(".png") ? png : csv)));
        robot.interact(() -> robot.lookup("#latency-export-png").queryButton().fire());
        robot.interact(() -> robot.lookup("#latency-export-csv").queryButton().fire());
        WizardFx.waitUntil(() -> Files.exists(png) && Files.exists(csv), 20, "both exports written");
        byte[] header = java.util.Arrays.copyOf(Files.readAllBytes(png), 8);
        assertThat(header).containsExactly(0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a);
        javafx.scene.image.Image image = new javafx.scene.image.Image(png.toUri().toString());
        assertThat(image.getWidth()).isGreaterThan(600);
        assertThat(Files.readAllLines(csv)).first().isEqualTo("time_utc,time_local,series,value,unit,state,event");
        assertThat(Files.readAllLines(csv)).anySatisfy(l -> assertThat(l).contains(",latency ", ",ms,measured,"));
        robot.interact(() -> robot.lookup("#latency-pause").queryAs(javafx.scene.control.ToggleButton.class).fire());
        WizardFx.waitUntil(() -> onFx(() -> home.latency().frameProperty().get().live()), 10, "live again");

        // A split brain, its discard, and the resync that follows: its rate is drawn while it runs.
        toggle(robot, DemoFault.REPLICATION_LINK_DOWN);
        toggle(robot, DemoFault.SPLIT_BRAIN);
        WizardFx.waitUntil(() -> onFx(() -> home.problems().stream().anyMatch(f -> f.code().equals("drbd.split-brain"))), 30, "the split brain shows");
        demo.discardChangesOf(demo.project().nodes().get(1).name());
        WizardFx.waitUntil(() -> chart(home, SeriesNames.Group.RESYNC).lines().stream().anyMatch(l -> l.stats().max() > 0), 40,
                () -> "the resync rate drawn; now " + chart(home, SeriesNames.Group.RESYNC));
        shot(robot, "monitor-10-latency-resync");
    }
}
