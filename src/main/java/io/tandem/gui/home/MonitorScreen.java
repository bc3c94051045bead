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
        // One view per cluster, made once: a view listens to its model for as long as the model lives.
        java.util.Map<ClusterBoard.Entry, Node> views = new java.util.IdentityHashMap<>();
        Runnable show = () -> {
            views.keySet().removeIf(e -> board.entries().stream().noneMatch(x -> x == e)); // replaced or removed clusters
            ClusterBoard.Entry entry = board.shownProperty().get();
            root.setCenter(entry == null ? null : views.computeIfAbsent(entry, e -> new HomeView(e.model(), actions.apply(e)).root()));
        };
        board.shownProperty().addListener((obs, old, now) -> show.run());
        show.run();
    }

    public Node root() {
        return root;
    }
}
