package io.tandem.failover;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;

/**
 * The report's chart as a PNG, drawn without a display (the command line has none): every I/O's
 * latency on a log scale over the test's time, errors as red crosses, each fault's longest pause
 * shaded with its length, and each phase a dashed marker. A log scale keeps the 10 ms of normal I/O
 * and a pause of a minute readable on one chart.
 */
final class LatencyChart {

    static final int WIDTH = 1200;
    static final int HEIGHT = 440;
    private static final int LEFT = 70;
    private static final int RIGHT = 20;
    private static final int TOP = 40;
    private static final int BOTTOM = 50;
    private static final Color WRITE = new Color(0x1f, 0x77, 0xb4);
    private static final Color READ = new Color(0x2c, 0xa0, 0x2c);
    private static final Color ERROR = new Color(0xd6, 0x27, 0x28);
    private static final Color PAUSE = new Color(0xd6, 0x27, 0x28, 40);
    private static final Color MARKER = new Color(0x55, 0x55, 0x55);

    private LatencyChart() {
    }

    static byte[] png(FailoverReport report) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            draw(g, report);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void draw(Graphics2D g, FailoverReport report) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, HEIGHT);
        double t0 = report.ios().stream().mapToDouble(ProbeLog.Io::start).min().orElse(report.startedAt());
        double t1 = Math.max(report.ios().stream().mapToDouble(ProbeLog.Io::end).max().orElse(t0 + 1), t0 + 1);
        double maxMs = Math.max(1000, report.ios().stream().mapToDouble(ProbeLog.Io::latencyMs).max().orElse(1));
        Scale x = new Scale(t0, t1, LEFT, WIDTH - RIGHT, false);
        Scale y = new Scale(0.1, Math.pow(10, Math.ceil(Math.log10(maxMs))), HEIGHT - BOTTOM, TOP, true);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        g.setColor(report.passed() ? new Color(0x1a, 0x7f, 0x37) : ERROR);
        g.drawString(report.cluster() + " - " + report.scenarioTitle() + " - " + (report.passed() ? "PASS" : "FAIL")
                + report.longestPause().map(p -> String.format(Locale.ROOT, " - longest pause %.1f s", p.seconds())).orElse(""), LEFT, 24);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        for (Timeline leg : report.legs()) {
            leg.longestPause().ifPresent(p -> {
                int a = x.at(p.from());
                int b = Math.max(a + 1, x.at(p.to()));
                g.setColor(PAUSE);
                g.fillRect(a, TOP, b - a, HEIGHT - TOP - BOTTOM);
                g.setColor(ERROR);
                g.drawString(String.format(Locale.ROOT, "pause %.1f s", p.seconds()), a + 3, TOP + 14);
            });
        }
        axes(g, x, y);
        for (ProbeLog.Io io : report.ios()) {
            int px = x.at(io.end());
            int py = y.at(Math.max(0.1, io.latencyMs()));
            if (io.ok()) {
                g.setColor(io.op() == 'w' ? WRITE : READ);
                g.fillOval(px - 2, py - 2, 4, 4);
            } else {
                g.setColor(ERROR);
                g.drawLine(px - 3, py - 3, px + 3, py + 3);
                g.drawLine(px - 3, py + 3, px + 3, py - 3);
            }
        }
        g.setStroke(new BasicStroke(1, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1, new float[]{4, 4}, 0));
        int row = 0;
        for (Timeline leg : report.legs()) {
            for (Timeline.Phase phase : leg.phases()) {
                int px = x.at(phase.at());
                g.setColor(MARKER);
                g.drawLine(px, TOP, px, HEIGHT - BOTTOM);
                g.drawString(phase.name(), px + 2, TOP + 28 + 12 * (row++ % 8));
            }
        }
        g.setStroke(new BasicStroke());
        g.setColor(Color.DARK_GRAY);
        g.drawString("latency per I/O, ms (log scale); blue: 4 KiB O_DIRECT|O_DSYNC writes, green: reads, red: errors", LEFT, HEIGHT - 8);
    }

    private static void axes(Graphics2D g, Scale x, Scale y) {
        g.setColor(Color.GRAY);
        g.drawRect(LEFT, TOP, WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM);
        for (double ms = 0.1; ms <= y.to * 1.001; ms *= 10) {
            int py = y.at(ms);
            g.setColor(new Color(0xe0, 0xe0, 0xe0));
            g.drawLine(LEFT + 1, py, WIDTH - RIGHT - 1, py);
            g.setColor(Color.DARK_GRAY);
            g.drawString(ms < 1 ? "0.1" : String.format(Locale.ROOT, "%.0f", ms), 8, py + 4);
        }
        double span = x.to - x.from;
        double step = span <= 60 ? 10 : span <= 300 ? 30 : span <= 900 ? 60 : 300;
        for (double s = 0; s <= span; s += step) {
            int px = x.at(x.from + s);
            g.setColor(Color.DARK_GRAY);
            g.drawLine(px, HEIGHT - BOTTOM, px, HEIGHT - BOTTOM + 4);
            g.drawString(String.format(Locale.ROOT, "%.0f s", s), px - 10, HEIGHT - BOTTOM + 17);
        }
    }

    /** Maps a value to a pixel, linearly or on a log scale. */
    private record Scale(double from, double to, int pixelFrom, int pixelTo, boolean log) {
        int at(double v) {
            double f = log ? (Math.log10(v) - Math.log10(from)) / (Math.log10(to) - Math.log10(from)) : (v - from) / (to - from);
            f = Math.max(0, Math.min(1, f));
            return (int) Math.round(pixelFrom + f * (pixelTo - pixelFrom));
        }
    }
}
