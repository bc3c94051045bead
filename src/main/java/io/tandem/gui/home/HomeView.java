package io.tandem.gui.home;

import atlantafx.base.theme.Styles;
import io.tandem.monitor.ClusterSnapshot;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.List;

/** The home screen: a card per subject (nodes, replication, resources, target and sessions), Refresh and Edit setup. */
public final class HomeView {

    private final HomeViewModel model;
    private final VBox root = new VBox(12);
    private final FlowPane cards = new FlowPane(12, 12);

    public HomeView(HomeViewModel model, Runnable editSetup) {
        this.model = model;
        root.setId("home-view");
        root.setPadding(new Insets(14, 16, 14, 16));
        Label title = new Label("Cluster " + model.project().clusterName());
        title.getStyleClass().add(Styles.TITLE_2);
        Label headline = new Label();
        headline.setId("home-headline");
        headline.setWrapText(true);
        headline.textProperty().bind(model.headlineProperty());
        headline.setMinHeight(Region.USE_PREF_SIZE);
        Button refresh = new Button("Refresh", new FontIcon("mdi2r-refresh"));
        refresh.setId("home-refresh");
        refresh.disableProperty().bind(model.readingProperty());
        refresh.setOnAction(e -> model.refresh());
        Button edit = new Button("Edit setup", new FontIcon("mdi2p-pencil"));
        edit.setId("home-edit-setup");
        edit.setOnAction(e -> editSetup.run());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox top = new HBox(10, title, spacer, refresh, edit);
        top.setAlignment(Pos.CENTER_LEFT);
        Label note = new Label(model.isDemo() ? "Demo cluster: this status comes from the simulated servers."
                : "One status read over SSH (crm_mon, /proc/drbd, iscsiadm). Live monitoring, alerts and failover tests come next.");
        note.getStyleClass().add(Styles.TEXT_MUTED);
        note.setWrapText(true);
        ScrollPane scroll = new ScrollPane(cards);
        scroll.setFitToWidth(true);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        root.getChildren().addAll(top, headline, note, scroll);
        model.snapshotProperty().addListener((obs, old, now) -> show(now));
        show(model.snapshotProperty().get());
    }

    public Node root() {
        return root;
    }

    private void show(ClusterSnapshot s) {
        cards.getChildren().clear();
        if (s == null) {
            return;
        }
        cards.getChildren().addAll(
                card("home-nodes", "Nodes", s.nodes().stream().map(n -> row(n.online(), n.name(), n.online() ? "online, " + n.role() : "OFFLINE")).toList()),
                card("home-drbd", "Replication (DRBD)", s.drbd().stream().map(d -> row(d.healthy(), d.resource() + " on " + d.node(),
                        d.connection() + ", " + d.roles() + ", " + d.disks() + (d.syncPercent() >= 0 ? String.format(", %.1f %% synced", d.syncPercent()) : ""))).toList()),
                card("home-resources", "Resources", s.resources().isEmpty() ? one(row(false, "none", "Pacemaker reported no resources"))
                        : s.resources().stream().map(r -> row(r.running() && !r.failed(), r.id(), (r.failed() ? "FAILED, " : "") + r.where())).toList()),
                card("home-target", "Target and sessions", java.util.stream.Stream.concat(
                        java.util.stream.Stream.<Node[]>of(row(!s.target().contains("nowhere"), "Target", s.target())),
                        s.sessions().isEmpty() ? java.util.stream.Stream.<Node[]>of(row(false, "Sessions", "no client is logged in"))
                                : s.sessions().stream().map(x -> row(true, "Session", x))).toList()));
    }

    private static List<Node[]> one(Node[] row) {
        List<Node[]> rows = new java.util.ArrayList<>();
        rows.add(row);
        return rows;
    }

    private static Node card(String id, String title, List<Node[]> rows) {
        Label heading = new Label(title);
        heading.getStyleClass().addAll(Styles.TITLE_4);
        GridPane grid = new GridPane(8, 4);
        for (int i = 0; i < rows.size(); i++) {
            grid.addRow(i, rows.get(i));
        }
        VBox card = new VBox(8, heading, grid);
        card.setId(id);
        card.setPadding(new Insets(10));
        card.setPrefWidth(640);
        card.setStyle("-fx-background-color: -color-bg-subtle; -fx-background-radius: 6; -fx-border-color: -color-border-default; -fx-border-radius: 6;");
        return card;
    }

    private static Node[] row(boolean good, String name, String state) {
        FontIcon icon = new FontIcon(good ? "mdi2c-check-circle" : "mdi2a-alert-circle");
        icon.getStyleClass().add(good ? Styles.SUCCESS : Styles.DANGER);
        icon.setIconColor(javafx.scene.paint.Color.web(good ? "#1a7f37" : "#cf222e"));
        Label n = new Label(name);
        n.getStyleClass().add(Styles.TEXT_BOLD);
        n.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // a long state wraps; the name is never cut to "…"
        Label v = new Label(state);
        v.setWrapText(true);
        v.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        return new Node[] {icon, n, v};
    }
}
