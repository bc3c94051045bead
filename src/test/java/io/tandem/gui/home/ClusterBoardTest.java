package io.tandem.gui.home;

import io.tandem.gui.Background;
import io.tandem.monitor.Scenario;
import io.tandem.monitor.VmLabScenarios;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/** The list of monitored clusters: added and shown, the same project replaced in its place, removed with its polling stopped. */
class ClusterBoardTest {

    /** Holds the monitors' start: nothing polls. */
    private static final Background HELD = new Background() {
        @Override
        public <T> Job run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
            return () -> { };
        }
    };

    private static HomeViewModel model() {
        Scenario s = VmLabScenarios.healthy();
        return new HomeViewModel(s.project(), s.source(), HELD, false);
    }

    @Test
    void theSameProjectIsReplacedInItsPlaceAndARemovedOneStopsPolling() {
        ClusterBoard board = new ClusterBoard();
        HomeViewModel a = model();
        HomeViewModel b = model();
        board.show(Path.of("/p/a.tandem.json"), a);
        board.show(Path.of("/p/b.tandem.json"), b);
        assertThat(board.entries()).extracting(ClusterBoard.Entry::model).containsExactly(a, b);
        assertThat(board.shownProperty().get().model()).isSameAs(b);
        assertThat(a.isPolling()).isTrue();

        HomeViewModel again = model();
        board.show(Path.of("/p/a.tandem.json"), again);
        assertThat(board.entries()).extracting(ClusterBoard.Entry::model).as("replaced where it was").containsExactly(again, b);
        assertThat(a.isPolling()).as("the replaced model stopped").isFalse();

        List<ClusterBoard.Entry> before = new ArrayList<>(board.entries());
        board.remove(before.get(1));
        assertThat(b.isPolling()).isFalse();
        assertThat(board.shownProperty().get().model()).as("another is shown").isSameAs(again);
        board.stopAll();
        assertThat(again.isPolling()).isFalse();
    }
}
