package io.tandem.gui.home;

import javafx.scene.Node;
import javafx.scene.layout.BorderPane;

import java.util.function.Function;

/**
 * The window's monitoring screen: the list of monitored clusters on the left, the shown one's
 * view in the middle. Switching clusters only swaps the view: every cluster keeps polling.
 */
public final class MonitorScreen {

    private final BorderPane root = new BorderPane();

    /** {@code actions}: what the buttons of a cluster's view do (editing its setup belongs to the window). */
    public MonitorScreen(ClusterBoard board, Function<ClusterBoard.Entry, HomeView.Actions> actions, Runnable addProject) {
        root.setId("monitor-screen");
        root.setLeft(new ClusterListView(board, addProject).root());
        Runnable show = () -> {
            ClusterBoard.Entry entry = board.shownProperty().get();
            root.setCenter(entry == null ? null : new HomeView(entry.model(), actions.apply(entry)).root());
        };
        board.shownProperty().addListener((obs, old, now) -> show.run());
        show.run();
    }

    public Node root() {
        return root;
    }
}
