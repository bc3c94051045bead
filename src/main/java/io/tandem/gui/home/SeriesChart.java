package io.tandem.gui.home;

import atlantafx.base.theme.Styles;
import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import io.fair_acc.chartfx.axes.spi.format.DefaultTimeFormatter;
import io.fair_acc.chartfx.plugins.XValueIndicator;
import io.fair_acc.chartfx.renderer.ErrorStyle;
import io.fair_acc.chartfx.renderer.LineStyle;
import io.fair_acc.chartfx.renderer.spi.ErrorDataSetRenderer;
import io.fair_acc.dataset.spi.DoubleDataSet;
import io.tandem.monitor.ChartMarker;
import io.tandem.monitor.SeriesWindow;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One chart of the latency section, drawn by ChartFX (a canvas per chart, built for long live
 * series; JavaFX's LineChart makes a node per point and stalls the UI thread: ChartPulseBench):
 * a line per series with gaps where nothing was measured, lost samples (no reply, a stalled disk)
 * as red marks along the top, events as labelled vertical lines, and each series' p50 / p99 /
 * max beside the chart in the series' colour.
 */
final class SeriesChart {

    /** Series colours, in the order the series came: the legend beside the chart uses the same. */
    static final List<String> COLOURS = List.of("#0969da", "#bc4c00", "#1a7f37", "#8250df", "#bf3989", "#6e7781");
    private static final String LOST_COLOUR = "#cf222e";

    private final DefaultNumericAxis time = new DefaultNumericAxis("");
    private final DefaultNumericAxis values;
    private final XYChart chart;
    private final ErrorDataSetRenderer lines = new ErrorDataSetRenderer();
    private final ErrorDataSetRenderer lostMarks = new ErrorDataSetRenderer();
    private final DoubleDataSet lost = new DoubleDataSet("lost");
    private final Map<String, DoubleDataSet> series = new HashMap<>();
    /** Each series' figures beside the chart; rebuilt only when the series change, else only their text. */
    private final Map<String, Label> numbers = new HashMap<>();
    private List<String> shownNames = List.of();
    private final List<EventLine> events = new ArrayList<>();
    private List<ChartMarker> shownMarkers = List.of();
    private final VBox figures = new VBox(6);
    private final Label empty = new Label("No value yet.");
    private final VBox root;

    /** An event on the time axis: a thin coloured line with its words at the top, not draggable. */
    private static final class EventLine extends XValueIndicator {
        /** {@code row}: events close together put their words on different heights, so that they stay readable. */
        EventLine(DefaultNumericAxis axis, ChartMarker marker, int row) {
            super(axis, marker.at().toEpochMilli() / 1000.0, marker.text());
            setEditable(false);
            setLabelPosition(0.96 - 0.09 * row);
            setLabelHorizontalAnchor(javafx.geometry.HPos.RIGHT); // left of its line: a new event is at the right edge
            Color colour = Color.web(switch (marker.kind()) {
                case FAULT -> "#cf222e";
                case RECOVERY -> "#1a7f37";
                case MOVE -> "#8250df";
                case TEST -> "#0969da";
            });
            line.setStroke(colour);
            line.setStrokeWidth(1.5);
            line.getStrokeDashArray().setAll(4.0, 3.0);
            label.setStyle("-fx-background-color: rgba(255,255,255,0.85); -fx-text-fill: " + toWeb(colour) + "; -fx-font-size: 10px;");
        }
    }

    SeriesChart(String id, String title, String unit) {
        values = new DefaultNumericAxis("", unit);
        // The chart's heading names the unit: the axes' own labels ("[ms]", "[]") would only take room.
        for (DefaultNumericAxis axis : List.of(time, values)) {
            axis.getAxisLabel().setVisible(false);
            axis.getAxisLabel().setStyle("visibility: hidden;");
        }
        values.setForceZeroInRange(true);
        // Rounding the range rounds a round trip's 0.3 ms up to 1 and leaves one tick label: the range is padded instead.
        values.setAutoRangeRounding(false);
        values.setAutoRangePadding(0.1);
        time.setTimeAxis(true);
        time.setAutoRanging(false);
        if (time.getAxisLabelFormatter() instanceof DefaultTimeFormatter f) {
            f.setTimeZoneOffset(ZoneId.systemDefault().getRules().getOffset(java.time.Instant.now()));
        }
        chart = new XYChart(time, values);
        chart.setAnimated(false);
        // ChartFX's stylesheet derives its grid from Modena's -fx-background, which the AtlantaFX theme does not define; it
        // also sizes a chart 600 × 450, and a stylesheet wins over setters: the size is set inline too.
        chart.setStyle("-fx-background: -color-bg-default; -fx-min-height: 170px; -fx-pref-height: 200px; -fx-max-height: 200px; "
                + "-fx-min-width: 200px; -fx-pref-width: 460px;");
        chart.setLegendVisible(false);
        chart.setTitle(null);
        lines.setDrawMarker(false);
        lines.setAllowNaNs(true);
        lines.setErrorStyle(ErrorStyle.NONE); // an error band is a filled polygon: the software renderer's heaviest work here
        lostMarks.setPolyLineStyle(LineStyle.NONE);
        lostMarks.setDrawMarker(true);
        lostMarks.setErrorStyle(ErrorStyle.NONE);
        lost.setStyle("-fx-marker-color: " + LOST_COLOUR + "; -fx-marker-type: rectangle; -fx-marker-size: 2.5;");
        lostMarks.getDatasets().add(lost);
        chart.getRenderers().setAll(lines, lostMarks);
        empty.getStyleClass().add(Styles.TEXT_MUTED);
        StackPane plot = new StackPane(chart, empty);
        HBox.setHgrow(plot, Priority.ALWAYS);
        figures.setMinWidth(170);
        figures.setPrefWidth(190);
        figures.setPadding(new Insets(18, 0, 0, 0));
        Label heading = new Label(title + " (" + unit + ")");
        heading.getStyleClass().add(Styles.TEXT_BOLD);
        HBox body = new HBox(8, plot, figures);
        root = new VBox(4, heading, body);
        root.setId(id);
        root.getStyleClass().add("latency-chart");
        root.setPadding(new Insets(10));
        root.setStyle("-fx-background-color: -color-bg-subtle; -fx-background-radius: 6; -fx-border-color: -color-border-default; -fx-border-radius: 6;");
    }

    Node root() {
        return root;
    }

    XYChart chart() {
        return chart;
    }

    /** Shows one frame's chart: the window's range, each series' samples, the lost ones, the events and the figures. */
    void show(LatencyChartsViewModel.Chart c, LatencyChartsViewModel.Frame f) {
        time.set(f.from().toEpochMilli() / 1000.0, f.to().toEpochMilli() / 1000.0);
        empty.setVisible(c.lines().stream().allMatch(l -> l.samples().size() == 0));
        List<String> names = c.lines().stream().map(LatencyChartsViewModel.Line::name).toList();
        if (!names.equals(shownNames)) {
            series.values().forEach(lines.getDatasets()::remove);
            series.clear();
            numbers.clear();
            figures.getChildren().clear();
            for (int i = 0; i < c.lines().size(); i++) {
                LatencyChartsViewModel.Line line = c.lines().get(i);
                String colour = COLOURS.get(i % COLOURS.size());
                DoubleDataSet data = new DoubleDataSet(line.name());
                data.setStyle("-fx-line-color: " + colour + "; -fx-line-width: 1.2;");
                lines.getDatasets().add(data);
                series.put(line.name(), data);
                Label figure = new Label();
                numbers.put(line.name(), figure);
                figures.getChildren().add(figure(line, colour, figure));
            }
            shownNames = names;
        }
        int lostCount = c.lines().stream().mapToInt(l -> l.stats().lost()).sum();
        double[] lostAt = new double[lostCount];
        int lostIndex = 0;
        double top = 0;
        for (LatencyChartsViewModel.Line line : c.lines()) {
            SeriesWindow w = line.samples();
            double[] xs = new double[w.size()];
            double[] ys = new double[w.size()];
            for (int k = 0; k < w.size(); k++) {
                xs[k] = w.times()[k] / 1000.0;
                double v = w.values()[k];
                ys[k] = Double.isFinite(v) ? v : Double.NaN;
                if (SeriesWindow.lost(v) && lostIndex < lostAt.length) {
                    lostAt[lostIndex++] = xs[k];
                } else if (Double.isFinite(v)) {
                    top = Math.max(top, v);
                }
            }
            series.get(line.name()).set(xs, ys, xs.length, false);
            Label figure = numbers.get(line.name());
            if (!figure.getText().equals(line.figures())) {
                figure.setText(line.figures());
            }
        }
        // A chart of zeros (no resync) gets a range of its own: ChartFX would centre a flat line on a range around 0.
        if (top > 0) {
            values.setAutoRanging(true);
        } else {
            values.setAutoRanging(false);
            values.set(0, 1);
        }
        // Lost samples have no value: they are marked along the top of the values there are.
        double[] lostY = new double[lostIndex];
        java.util.Arrays.fill(lostY, top > 0 ? top * 1.05 : 1);
        lost.set(java.util.Arrays.copyOf(lostAt, lostIndex), lostY, lostIndex, false);
        markers(c.markers());
    }

    private static Node figure(LatencyChartsViewModel.Line line, String colour, Label numbers) {
        Rectangle swatch = new Rectangle(10, 10, Color.web(colour));
        Label name = new Label(line.label());
        name.getStyleClass().add(Styles.TEXT_BOLD);
        HBox head = new HBox(5, swatch, name);
        head.setAlignment(Pos.CENTER_LEFT);
        numbers.setWrapText(true);
        numbers.setMinHeight(Region.USE_PREF_SIZE);
        numbers.getStyleClass().addAll("latency-figures", Styles.TEXT_SMALL);
        return new VBox(1, head, numbers);
    }

    /** The events as vertical lines; redrawn only when they changed, a ChartFX plugin per event. */
    private void markers(List<ChartMarker> markers) {
        if (markers.equals(shownMarkers)) {
            return;
        }
        chart.getPlugins().removeAll(events);
        events.clear();
        // Events of the same moment (a round that saw a bond and DRBD go down) are one line with their words joined.
        java.util.LinkedHashMap<java.time.Instant, ChartMarker> byMoment = new java.util.LinkedHashMap<>();
        for (ChartMarker m : markers) {
            byMoment.merge(m.at(), m, (a, b) -> new ChartMarker(a.at(), a.kind() == ChartMarker.Kind.FAULT ? a.kind() : b.kind(),
                    a.text() + "; " + b.text()));
        }
        List<ChartMarker> lines = List.copyOf(byMoment.values());
        // The newest 30: more would be a wall of lines; the CSV export has them all.
        List<ChartMarker> shown = lines.subList(Math.max(0, lines.size() - 30), lines.size());
        for (int i = 0; i < shown.size(); i++) {
            events.add(new EventLine(time, shown.get(i), (shown.size() - 1 - i) % 4));
        }
        chart.getPlugins().addAll(events);
        shownMarkers = markers;
    }

    private static String toWeb(Color c) {
        return String.format("#%02x%02x%02x", Math.round(c.getRed() * 255), Math.round(c.getGreen() * 255), Math.round(c.getBlue() * 255));
    }
}
