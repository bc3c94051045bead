package io.tandem.failover;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The failover probe's output as it ran on the initiator (probe.py): one line per I/O, then the
 * read-back's verdict. Also reads the hand-built lab's probe logs, which have the first three fields
 * only (every line a write). Times stay in the initiator's clock; {@link #shifted} moves them.
 */
public record ProbeLog(List<Io> ios, Optional<ReadBack> readBack) {

    /** One I/O: when it started (epoch seconds), how long it took, and how it ended. */
    public record Io(double start, double latencyMs, String error, char op, long sequence) {
        public boolean ok() {
            return error == null;
        }

        /** When the I/O completed, epoch seconds. */
        public double end() {
            return start + latencyMs / 1000.0;
        }
    }

    /** The read-back of every acknowledged write after the test. */
    public record ReadBack(long acknowledged, long lost, long corrupt, long unreadable) {
        /** True when every acknowledged write was found as written. */
        public boolean intact() {
            return lost == 0 && corrupt == 0 && unreadable == 0;
        }
    }

    private static final Pattern IO = Pattern.compile("(\\d{9,11}\\.\\d+) (\\d+(?:\\.\\d+)?) (OK|ERR:[A-Za-z0-9_]+)(?: ([wr]) (\\d+))?");
    private static final Pattern VERIFY = Pattern.compile("VERIFY acked=(\\d+) lost=(\\d+) corrupt=(\\d+) unreadable=(\\d+)");

    public ProbeLog {
        ios = List.copyOf(ios);
    }

    /** Lines that are neither an I/O nor the verdict (the header, a torn last line) are skipped. */
    public static ProbeLog parse(String text) {
        List<Io> ios = new ArrayList<>();
        ReadBack readBack = null;
        for (String line : text.split("\n")) {
            String l = line.strip();
            Matcher io = IO.matcher(l);
            if (io.matches()) {
                String result = io.group(3);
                ios.add(new Io(Double.parseDouble(io.group(1)), Double.parseDouble(io.group(2)),
                        result.equals("OK") ? null : result.substring(4), io.group(4) == null ? 'w' : io.group(4).charAt(0),
                        io.group(5) == null ? ios.size() : Long.parseLong(io.group(5))));
                continue;
            }
            Matcher v = VERIFY.matcher(l);
            if (v.matches()) {
                readBack = new ReadBack(Long.parseLong(v.group(1)), Long.parseLong(v.group(2)), Long.parseLong(v.group(3)),
                        Long.parseLong(v.group(4)));
            }
        }
        return new ProbeLog(ios, Optional.ofNullable(readBack));
    }

    /** The same log with every time moved by {@code seconds} (from the initiator's clock to ours: minus its offset). */
    public ProbeLog shifted(double seconds) {
        return new ProbeLog(ios.stream().map(i -> new Io(i.start() + seconds, i.latencyMs(), i.error(), i.op(), i.sequence())).toList(),
                readBack);
    }

    public List<Io> errors() {
        return ios.stream().filter(i -> !i.ok()).toList();
    }

    public long writes() {
        return ios.stream().filter(i -> i.op() == 'w').count();
    }

    public long reads() {
        return ios.stream().filter(i -> i.op() == 'r').count();
    }
}
