package io.tandem.gui.home;

import atlantafx.base.theme.Styles;
import io.tandem.monitor.ClusterSnapshot;
import io.tandem.monitor.Finding;
import io.tandem.monitor.MonitorEvent;
import io.tandem.monitor.Verdict;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.text.Text;
import javafx.util.StringConverter;
import org.kordamp.ikonli.javafx.FontIcon;

import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * One cluster's monitoring view: the verdict in a coloured banner, each reason with what to do,
 * cards with the facts (nodes, replication, bonds, target, clients, fencing), the latency charts
 * ({@link LatencyChartsView}) and the event log.
 * Actions the window owns (edit the setup, resolve a split brain, the demo's simulated problems)
 * come in as {@link Actions}.
 */
public final class HomeView {

    /** What the buttons do beyond this view. {@code extraTools}: nodes placed in the tool bar (the demo's problem menu). */
    public record Actions(Runnable editSetup, java.util.function.Consumer<Finding> resolveSplitBrain, java.util.function.Consumer<javafx.stage.Window> exportEvents,
                          List<Node> extraTools) {
    }

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());
    private static final List<Duration> INTERVALS = List.of(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(5),
            Duration.ofSeconds(10), Duration.ofSeconds(30));

    private final HomeViewModel model;
    private final Actions actions;
    private final VBox root = new VBox(10);
    private final VBox banner = new VBox(2);
    private final Label verdictWord = new Label();
    private final VBox findings = new VBox(8);
    private final FlowPane cards = new FlowPane(12, 12);

    public HomeView(HomeViewModel model, Actions actions) {
        this.model = model;
        this.actions = actions;
        root.setId("home-view");
        root.setPadding(new Insets(14, 16, 14, 16));
        Node latency = new LatencyChartsView(model.latency(), model.background(), model.project().clusterName()).root();
        VBox content = new VBox(12, banner(), findings, cards, latency, eventsCard());
        content.setPadding(new Insets(0, 4, 8, 0));
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        findings.setId("home-findings");
        root.getChildren().addAll(toolBar(), scroll);
        model.snapshotProperty().addListener((obs, old, now) -> show());
        model.problems().addListener((ListChangeListener<Finding>) c -> showFindings());
        model.notes().addListener((ListChangeListener<Finding>) c -> showFindings());
        model.verdictProperty().addListener((obs, old, now) -> paintBanner(now));
        paintBanner(model.verdictProperty().get());
        show();
        showFindings();
    }

    public Node root() {
        return root;
    }

    private Node toolBar() {
        Label title = new Label("Cluster " + model.project().clusterName());
        title.getStyleClass().add(Styles.TITLE_2);
        ComboBox<Duration> every = new ComboBox<>();
        every.setId("home-interval");
        every.getItems().setAll(INTERVALS);
        every.setValue(model.intervalProperty().get());
        every.setConverter(new StringConverter<>() {
            @Override
            public String toString(Duration d) {
                return d == null ? "" : "every " + d.toSeconds() + " s";
            }

            @Override
            public Duration fromString(String s) {
                return null;
            }
        });
        every.valueProperty().addListener((obs, old, now) -> {
            if (now != null) {
                model.setInterval(now);
            }
        });
        every.setTooltip(new javafx.scene.control.Tooltip("How often Tandem reads the servers (one SSH round trip per host)"));
        Button refresh = new Button("Refresh", new FontIcon("mdi2r-refresh"));
        refresh.setId("home-refresh");
        refresh.setOnAction(e -> model.refresh());
        Button export = new Button("Export events…", new FontIcon("mdi2f-file-export-outline"));
        export.setId("home-export-events");
        export.setOnAction(e -> actions.exportEvents().accept(root.getScene() == null ? null : root.getScene().getWindow()));
        Button edit = new Button("Edit setup", new FontIcon("mdi2p-pencil"));
        edit.setId("home-edit-setup");
        edit.setOnAction(e -> actions.editSetup().run());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox top = new HBox(10, title, spacer);
        top.getChildren().addAll(actions.extraTools());
        top.getChildren().addAll(every, refresh, export, edit);
        top.setAlignment(Pos.CENTER_LEFT);
        return top;
    }

    private Node banner() {
        banner.setId("home-banner");
        banner.setPadding(new Insets(10, 14, 10, 14));
        verdictWord.setId("home-verdict");
        verdictWord.getStyleClass().add(Styles.TITLE_3);
        Label headline = new Label();
        headline.setId("home-headline");
        headline.setWrapText(true);
        headline.textProperty().bind(model.headlineProperty());
        headline.setMinHeight(Region.USE_PREF_SIZE);
        Label round = new Label();
        round.setId("home-round");
        round.textProperty().bind(model.roundInfoProperty());
        round.getStyleClass().add(Styles.TEXT_MUTED);
        banner.getChildren().addAll(verdictWord, headline, round);
        return banner;
    }

    /** The banner's colour says the verdict before a word is read: green, amber, orange, red; grey while the first round runs. */
    private void paintBanner(Verdict v) {
        String[] colours = switch (v == null ? "none" : v.name()) {
            case "HEALTHY" -> new String[] {"#dafbe1", "#1a7f37"};
            case "DEGRADED" -> new String[] {"#fff8c5", "#9a6700"};
            case "AT_RISK" -> new String[] {"#ffe8cc", "#bc4c00"};
            case "DOWN" -> new String[] {"#ffebe9", "#cf222e"};
            default -> new String[] {"-color-bg-subtle", "-color-border-default"};
        };
        banner.setStyle("-fx-background-color: " + colours[0] + "; -fx-background-radius: 6; -fx-border-color: " + colours[1]
                + "; -fx-border-radius: 6; -fx-border-width: 0 0 0 6;");
        verdictWord.setText(v == null ? "Reading the servers…" : v.word().toUpperCase(java.util.Locale.ROOT));
        verdictWord.setTextFill(v == null ? Color.GRAY : Color.web(colours[1]));
    }

    private void showFindings() {
        findings.getChildren().clear();
        if (model.problems().isEmpty() && model.notes().isEmpty()) {
            return;
        }
        if (!model.problems().isEmpty()) {
            Label heading = new Label("What needs attention");
            heading.getStyleClass().add(Styles.TITLE_4);
            findings.getChildren().add(heading);
            model.problems().forEach(f -> findings.getChildren().add(finding(f)));
        }
        if (!model.notes().isEmpty()) {
            Label heading = new Label("Notes");
            heading.getStyleClass().addAll(Styles.TITLE_4, Styles.TEXT_MUTED);
            findings.getChildren().add(heading);
            model.notes().forEach(f -> findings.getChildren().add(finding(f)));
        }
    }

    private Node finding(Finding f) {
        Label severity = new Label(f.severity() == Verdict.HEALTHY ? "note" : f.severity().word());
        severity.setMinWidth(Region.USE_PREF_SIZE);
        severity.setStyle("-fx-padding: 1 6; -fx-background-radius: 4; -fx-font-weight: bold; -fx-text-fill: white; -fx-background-color: "
                + switch (f.severity()) {
                    case HEALTHY -> "#6e7781";
                    case DEGRADED -> "#9a6700";
                    case AT_RISK -> "#bc4c00";
                    case DOWN -> "#cf222e";
                } + ";");
        Label subject = new Label(f.subject());
        subject.getStyleClass().add(Styles.TEXT_BOLD);
        subject.setMinWidth(Region.USE_PREF_SIZE);
        HBox head = new HBox(8, severity, subject);
        head.setAlignment(Pos.CENTER_LEFT);
        Text reason = new Text(f.reason());
        Text fix = new Text("What to do: " + f.fix());
        fix.setStyle("-fx-font-style: italic;");
        VBox box = new VBox(4, head, reason, fix);
        box.getStyleClass().add("home-finding");
        box.setPadding(new Insets(8, 10, 8, 10));
        box.setStyle("-fx-background-color: -color-bg-subtle; -fx-background-radius: 6;");
        reason.wrappingWidthProperty().bind(findings.widthProperty().subtract(40));
        fix.wrappingWidthProperty().bind(findings.widthProperty().subtract(40));
        if (f.code().equals("drbd.split-brain")) {
            Button resolve = new Button("Resolve the split brain of " + f.subject() + "…", new FontIcon("mdi2s-source-branch"));
            resolve.setId("home-resolve-split-brain");
            resolve.getStyleClass().add(Styles.DANGER);
            resolve.setOnAction(e -> actions.resolveSplitBrain().accept(f));
            box.getChildren().add(resolve);
        }
        return box;
    }

    private void show() {
        cards.getChildren().clear();
        ClusterSnapshot s = model.snapshotProperty().get();
        if (s == null) {
            return;
        }
        Map<String, java.time.Instant> stale = model.staleProperty().get();
        var project = model.project();
        cards.getChildren().addAll(card("home-nodes", "Nodes", StatusRows.nodes(project, s, stale)),
                card("home-drbd", "Replication (DRBD)", StatusRows.replication(s, stale)));
        List<StatusRows.Row> bonds = StatusRows.bonds(project, s);
        if (!bonds.isEmpty()) {
            cards.getChildren().add(card("home-bonds", "Bonds", bonds));
        }
        cards.getChildren().addAll(card("home-resources", "Resources", s.resources().isEmpty()
                        ? List.of(new StatusRows.Row(StatusRows.Mark.BAD, "none", "Pacemaker reported no resources"))
                        : s.resources().stream().map(r -> new StatusRows.Row(r.running() && !r.failed() ? StatusRows.Mark.GOOD : StatusRows.Mark.BAD,
                        r.id(), (r.failed() ? "FAILED, " : "") + r.where())).toList()),
                card("home-target", "Target and sessions", StatusRows.target(project, s)),
                card("home-clients", "Clients", StatusRows.initiators(project, s, stale)),
                card("home-fencing", "Fencing", StatusRows.fencing(project, s)));
    }

    private Node eventsCard() {
        TableView<MonitorEvent> table = new TableView<>(model.events());
        table.setId("home-events");
        table.setPlaceholder(new Label("No change seen yet."));
        table.getColumns().add(column("Time", 80, e -> TIME.format(e.at())));
        table.getColumns().add(column("Level", 80, e -> e.kind().equals("cleared") || e.kind().equals("back") ? "cleared" : e.severity().word()));
        table.getColumns().add(column("Subject", 140, MonitorEvent::subject));
        TableColumn<MonitorEvent, String> text = column("What happened", 600, MonitorEvent::text);
        table.getColumns().add(text);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPrefHeight(200);
        Label heading = new Label("Events");
        heading.getStyleClass().add(Styles.TITLE_4);
        return new VBox(6, heading, table);
    }

    private static TableColumn<MonitorEvent, String> column(String title, double width, java.util.function.Function<MonitorEvent, String> value) {
        TableColumn<MonitorEvent, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(cell -> new SimpleStringProperty(value.apply(cell.getValue())));
        c.setSortable(false);
        return c;
    }

    /** A card of rows. Rows are HBoxes in a VBox, not a GridPane: a state that wraps then makes its row, and the card, taller. */
    private static Node card(String id, String title, List<StatusRows.Row> rows) {
        Label heading = new Label(title);
        heading.getStyleClass().addAll(Styles.TITLE_4);
        VBox card = new VBox(6, heading);
        rows.forEach(r -> card.getChildren().add(row(r)));
        card.setId(id);
        card.setPadding(new Insets(10));
        card.setPrefWidth(CARD_WIDTH);
        card.setMaxWidth(CARD_WIDTH);
        card.setMinHeight(Region.USE_PREF_SIZE);
        card.setStyle("-fx-background-color: -color-bg-subtle; -fx-background-radius: 6; -fx-border-color: -color-border-default; -fx-border-radius: 6;");
        return card;
    }

    /** Two cards side by side in a 1366-pixel window, one under the other when narrower. */
    private static final double CARD_WIDTH = 520;

    private static Node row(StatusRows.Row row) {
        String[] look = switch (row.mark()) {
            case GOOD -> new String[] {"mdi2c-check-circle", "#1a7f37"};
            case WARN -> new String[] {"mdi2a-alert", "#9a6700"};
            case BAD -> new String[] {"mdi2a-alert-circle", "#cf222e"};
            case UNKNOWN -> new String[] {"mdi2h-help-circle-outline", "#6e7781"};
        };
        FontIcon icon = new FontIcon(look[0]);
        icon.setIconColor(Color.web(look[1]));
        Label n = new Label(row.name());
        n.getStyleClass().add(Styles.TEXT_BOLD);
        n.setMinWidth(Region.USE_PREF_SIZE); // a long state wraps; the name is never cut to "…"
        Label v = new Label(row.state());
        v.setWrapText(true);
        v.setMinHeight(Region.USE_PREF_SIZE);
        v.getStyleClass().add("home-row-state");
        HBox.setHgrow(v, Priority.ALWAYS);
        v.setMaxWidth(Double.MAX_VALUE);
        HBox line = new HBox(8, icon, n, v);
        line.setAlignment(Pos.TOP_LEFT);
        line.setMinHeight(Region.USE_PREF_SIZE);
        return line;
    }
}
