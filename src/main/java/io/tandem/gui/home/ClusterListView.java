package io.tandem.gui.home;

import atlantafx.base.theme.Styles;
import io.tandem.monitor.Verdict;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import org.kordamp.ikonli.javafx.FontIcon;

/** The list of monitored clusters beside the monitoring view: each with its verdict's colour and word; a click shows it. */
public final class ClusterListView {

    private final VBox root = new VBox(8);

    public ClusterListView(ClusterBoard board, Runnable addProject) {
        root.setId("cluster-list");
        root.setPadding(new Insets(14, 8, 14, 12));
        root.setPrefWidth(230);
        Label heading = new Label("Clusters");
        heading.getStyleClass().add(Styles.TITLE_4);
        ListView<ClusterBoard.Entry> list = new ListView<>(board.entries());
        list.setId("cluster-list-entries");
        list.setCellFactory(v -> new EntryCell(board));
        VBox.setVgrow(list, Priority.ALWAYS);
        list.getSelectionModel().select(board.shownProperty().get());
        board.shownProperty().addListener((obs, old, now) -> list.getSelectionModel().select(now));
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null) {
                board.shownProperty().set(now);
            }
        });
        Button add = new Button("Add a cluster…", new FontIcon("mdi2p-plus"));
        add.setId("cluster-list-add");
        add.setMaxWidth(Double.MAX_VALUE);
        add.setTooltip(new Tooltip("Monitor another project's cluster here too: open its saved project; the logins remembered for it are used"));
        add.setOnAction(e -> addProject.run());
        root.getChildren().addAll(heading, list, add);
    }

    public Node root() {
        return root;
    }

    static Color colour(Verdict v) {
        return v == null ? Color.GRAY : switch (v) {
            case HEALTHY -> Color.web("#1a7f37");
            case DEGRADED -> Color.web("#9a6700");
            case AT_RISK -> Color.web("#bc4c00");
            case DOWN -> Color.web("#cf222e");
        };
    }

    /** A cluster's name and verdict, kept current while its model polls. */
    private static final class EntryCell extends ListCell<ClusterBoard.Entry> {
        private final ClusterBoard board;

        EntryCell(ClusterBoard board) {
            this.board = board;
        }

        @Override
        protected void updateItem(ClusterBoard.Entry entry, boolean empty) {
            super.updateItem(entry, empty);
            if (empty || entry == null) {
                setGraphic(null);
                setText(null);
                setContextMenu(null);
                return;
            }
            Circle dot = new Circle(6);
            dot.fillProperty().bind(Bindings.createObjectBinding(() -> colour(entry.model().verdictProperty().get()),
                    entry.model().verdictProperty()));
            Label name = new Label(entry.name());
            name.getStyleClass().add(Styles.TEXT_BOLD);
            Label verdict = new Label();
            verdict.textProperty().bind(Bindings.createStringBinding(() -> {
                Verdict v = entry.model().verdictProperty().get();
                boolean stale = !entry.model().staleProperty().get().isEmpty();
                return (v == null ? "reading…" : v.word()) + (stale ? ", stale data" : "");
            }, entry.model().verdictProperty(), entry.model().staleProperty()));
            verdict.getStyleClass().add(Styles.TEXT_MUTED);
            HBox line = new HBox(8, dot, new VBox(0, name, verdict));
            line.setAlignment(Pos.CENTER_LEFT);
            line.setId("cluster-entry-" + entry.name());
            setText(null);
            setGraphic(line);
            javafx.scene.control.MenuItem stop = new javafx.scene.control.MenuItem("Stop monitoring " + entry.name());
            stop.setOnAction(e -> board.remove(entry));
            setContextMenu(new javafx.scene.control.ContextMenu(stop));
        }
    }
}
