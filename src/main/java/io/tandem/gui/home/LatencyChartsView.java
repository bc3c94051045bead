package io.tandem.gui.home;

import atlantafx.base.theme.Styles;
import io.fair_acc.chartfx.utils.WriteFxImage;
import io.tandem.files.AtomicFile;
import io.tandem.gui.Background;
import io.tandem.monitor.SeriesNames;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import javafx.util.Duration;
import javafx.util.StringConverter;
import org.kordamp.ikonli.javafx.FontIcon;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * The monitoring view's "Latency" section: the window (1 to 60 minutes), Pause / Live, a slider and
 * arrows to scroll back through the hour kept, Export PNG and Export CSV, then the four charts two
 * by two ({@link SeriesChart}). A timeline asks the model a few times a second whether there is
 * something new to draw; the model computes off the UI thread and the charts only take its arrays.
 */
public final class LatencyChartsView {

    /** How often the view asks for a new frame: the charts' fastest series, 5 samples a second. */
    private static final Duration TICK = Duration.millis(200);

    private final LatencyChartsViewModel model;
    private final Background background;
    private final String cluster;
    private final List<SeriesChart> charts = new ArrayList<>();
    private final GridPane grid = new GridPane(12, 12);
    private final VBox root = new VBox(8);
    private final Label status = new Label();
    private final Slider back = new Slider(0, 1, 0);
    private boolean movingSlider;
    /** Where an export goes: asks the user by default; tests answer themselves. */
    private BiFunction<Window, String, Optional<Path>> askWhere = LatencyChartsView::chooseFile;

    public LatencyChartsView(LatencyChartsViewModel model, Background background, String cluster) {
        this.model = model;
        this.background = background;
        this.cluster = cluster;
        root.setId("home-latency");
        root.getProperties().put(LatencyChartsView.class, this);
        for (SeriesNames.Group g : SeriesNames.Group.values()) {
            charts.add(new SeriesChart("latency-" + g.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'), g.title(), g.unit()));
        }
        ColumnConstraints half = new ColumnConstraints();
        half.setPercentWidth(50);
        grid.getColumnConstraints().setAll(half, half);
        for (int i = 0; i < charts.size(); i++) {
            grid.add(charts.get(i).root(), i % 2, i / 2);
        }
        grid.setId("latency-charts");
        Label heading = new Label("Latency");
        heading.getStyleClass().add(Styles.TITLE_4);
        status.setId("latency-position");
        status.getStyleClass().add(Styles.TEXT_MUTED);
        status.textProperty().bind(model.positionProperty());
        root.getChildren().addAll(new HBox(10, heading, status), toolBar(), grid);
        ((HBox) root.getChildren().getFirst()).setAlignment(Pos.BASELINE_LEFT);
        model.frameProperty().addListener((obs, old, now) -> show(now));
        // Ticks only while the view is in a window: a cluster not shown, or removed from the list, costs nothing and is not
        // kept alive by a running timeline.
        Timeline ticks = new Timeline(new KeyFrame(TICK, e -> model.tick()));
        ticks.setCycleCount(Timeline.INDEFINITE);
        root.sceneProperty().addListener((obs, old, now) -> {
            if (now == null) {
                ticks.stop();
            } else {
                ticks.play();
            }
        });
        model.tick();
    }

    public Node root() {
        return root;
    }

    /** The view shown in {@code root}, as the view put it there. */
    public static LatencyChartsView of(Node root) {
        return (LatencyChartsView) root.getProperties().get(LatencyChartsView.class);
    }

    /** Where exports are written, instead of asking with a file dialog (tests: a headless window has none). */
    public void answerExportsWith(BiFunction<Window, String, Optional<Path>> where) {
        this.askWhere = where;
    }

    private Node toolBar() {
        ComboBox<java.time.Duration> window = new ComboBox<>();
        window.setId("latency-window");
        window.getItems().setAll(LatencyChartsViewModel.WINDOWS);
        window.valueProperty().bindBidirectional(model.windowProperty());
        window.setConverter(new StringConverter<>() {
            @Override
            public String toString(java.time.Duration d) {
                return d == null ? "" : "last " + LatencyChartsViewModel.words(d);
            }

            @Override
            public java.time.Duration fromString(String s) {
                return null;
            }
        });
        window.setTooltip(new Tooltip("How much time the charts show"));
        ToggleButton pause = new ToggleButton("Pause", new FontIcon("mdi2p-pause"));
        pause.setId("latency-pause");
        pause.setSelected(model.pausedProperty().get());
        pause.selectedProperty().addListener((obs, was, now) -> {
            if (now) {
                model.pause();
            } else {
                model.live();
            }
        });
        model.pausedProperty().addListener((obs, was, now) -> {
            pause.setSelected(now);
            pause.setText(now ? "Live" : "Pause");
            pause.setGraphic(new FontIcon(now ? "mdi2p-play" : "mdi2p-pause"));
        });
        Button earlier = new Button(null, new FontIcon("mdi2c-chevron-left"));
        earlier.setId("latency-earlier");
        earlier.setTooltip(new Tooltip("Half a window back"));
        earlier.setOnAction(e -> model.step(true));
        Button later = new Button(null, new FontIcon("mdi2c-chevron-right"));
        later.setId("latency-later");
        later.setTooltip(new Tooltip("Half a window forward; at the end, live again"));
        later.setOnAction(e -> model.step(false));
        back.setId("latency-scroll");
        back.setTooltip(new Tooltip("Scroll back through the hour kept (left: older)"));
        back.setMinWidth(160);
        HBox.setHgrow(back, Priority.ALWAYS);
        // The slider runs from the oldest window kept (0) to now (1).
        back.setValue(1);
        back.valueProperty().addListener((obs, old, now) -> {
            if (movingSlider) {
                return;
            }
            if (now.doubleValue() >= 0.999) {
                model.live();
            } else {
                model.scrollTo(java.time.Duration.ofMillis(Math.round((1 - now.doubleValue()) * model.history().toMillis())));
            }
        });
        Button png = new Button("Export PNG…", new FontIcon("mdi2i-image-outline"));
        png.setId("latency-export-png");
        png.setOnAction(e -> askWhere.apply(window(), model.exportName(cluster, "png")).ifPresent(this::exportPng));
        Button csv = new Button("Export CSV…", new FontIcon("mdi2f-file-delimited-outline"));
        csv.setId("latency-export-csv");
        csv.setOnAction(e -> askWhere.apply(window(), model.exportName(cluster, "csv")).ifPresent(this::exportCsv));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.SOMETIMES);
        HBox bar = new HBox(8, window, pause, earlier, back, later, spacer, png, csv);
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }

    private void show(LatencyChartsViewModel.Frame frame) {
        if (frame == null) {
            return;
        }
        for (int i = 0; i < charts.size(); i++) {
            charts.get(i).show(frame.charts().get(i), frame);
        }
        movingSlider = true;
        java.time.Duration history = model.history();
        back.setValue(history.isZero() ? 1 : 1 - (double) model.back().toMillis() / history.toMillis());
        movingSlider = false;
    }

    /** The four charts as they are on screen, as a PNG: the picture is taken here, encoded and written in the background. */
    void exportPng(Path target) {
        WritableImage image = grid.snapshot(null, null);
        background.run(() -> {
            ByteBuffer png = WriteFxImage.encode(image);
            byte[] bytes = new byte[png.remaining()];
            png.get(bytes);
            AtomicFile.write(target, bytes, AtomicFile.OWNER_ONLY);
            return target;
        }, done -> status.textProperty().bind(model.positionProperty().concat("  ·  saved " + done.getFileName())),
                failure -> exportFailed(target, failure));
    }

    void exportCsv(Path target) {
        background.run(() -> {
            model.exportCsv(target);
            return target;
        }, done -> status.textProperty().bind(model.positionProperty().concat("  ·  saved " + done.getFileName())),
                failure -> exportFailed(target, failure));
    }

    private void exportFailed(Path target, Throwable failure) {
        status.textProperty().unbind();
        status.setText("Could not write " + target + ": " + (failure instanceof IOException io ? io.getMessage() : failure.toString())
                + ". Choose a folder you can write to.");
    }

    private static Optional<Path> chooseFile(Window owner, String name) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export the latency charts");
        chooser.setInitialFileName(name);
        String extension = name.substring(name.lastIndexOf('.') + 1);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(extension.toUpperCase(java.util.Locale.ROOT), "*." + extension));
        return Optional.ofNullable(chooser.showSaveDialog(owner)).map(java.io.File::toPath);
    }

    List<SeriesChart> charts() {
        return charts;
    }
}
