package io.tandem.facts;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code /proc/drbd} as DRBD 8.4 writes it (the format of the kernel's drbd_proc.c):
 * <pre>
 *  0: cs:SyncSource ro:Primary/Secondary ds:UpToDate/Inconsistent C r-----
 *     ns:… oos:574396
 * 	[========&gt;...........] sync'ed: 45.3% (574396/1048508)K
 * 	finish: 0:00:14 speed: 39,508 (39,508) K/sec
 * </pre>
 * Each piece is matched on its own, because older kernels printed {@code finish:} on the same
 * line as an {@code M} total. Empty output is an unloaded module: no devices. DRBD 9 prints only
 * the version lines here (its state is in {@code drbdsetup events2}), so it gives no devices
 * either.
 */
public final class ProcDrbdParser {

    public static final String FACT = "/proc/drbd";
    public static final String COMMAND = "cat /proc/drbd 2>/dev/null; true";

    private static final Pattern DEVICE = Pattern.compile(
            "\\s*(\\d+): cs:(\\S+)(?:\\s+ro:([^/\\s]+)/(\\S+)\\s+ds:([^/\\s]+)/(\\S+).*)?");
    private static final Pattern OUT_OF_SYNC = Pattern.compile("\\boos:(\\d{1,19})");
    private static final Pattern PROGRESS = Pattern.compile(
            "(sync'ed|verified):\\s*(\\d{1,3}(?:\\.\\d)?)%\\s*\\((\\d{1,15})/(\\d{1,15})\\)([KM])");
    private static final Pattern FINISH = Pattern.compile("finish: (\\d{1,9}):(\\d{2}):(\\d{2})\\s+speed: ([\\d,]{1,20})");
    /** Lines of the header: in-kernel builds, out-of-tree builds, DRBD 9. */
    private static final List<String> HEADER_LINES = List.of("srcversion:", "GIT-hash:", "build by", "Transports");

    private ProcDrbdParser() {
    }

    public static List<DrbdDeviceState> parse(String output) throws FactParseException {
        List<DrbdDeviceState> devices = new ArrayList<>();
        Builder current = null;
        boolean headerSeen = false;
        for (String line : output.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            if (!headerSeen) {
                if (!line.startsWith("version: ")) {
                    throw new FactParseException(FACT, "expected 'version:' first, got: " + line.strip());
                }
                headerSeen = true;
                continue;
            }
            Matcher device = DEVICE.matcher(line);
            if (device.matches()) {
                add(devices, current);
                current = new Builder(device);
                continue;
            }
            if (!Character.isWhitespace(line.charAt(0))) {
                if (HEADER_LINES.stream().anyMatch(line::startsWith)) {
                    continue;
                }
                throw new FactParseException(FACT, "unexpected line: " + line.strip());
            }
            if (current != null) {
                current.read(line);
            }
        }
        add(devices, current);
        return List.copyOf(devices);
    }

    private static void add(List<DrbdDeviceState> devices, Builder builder) throws FactParseException {
        if (builder != null) {
            devices.add(builder.build());
        }
    }

    private static final class Builder {
        private final int minor;
        private final String connection;
        private final String role;
        private final String peerRole;
        private final String disk;
        private final String peerDisk;
        private long outOfSync;
        private MatchResult progress;
        private MatchResult finish;

        Builder(Matcher device) throws FactParseException {
            this.minor = parseInt(device.group(1));
            this.connection = device.group(2);
            this.role = device.group(3);
            this.peerRole = device.group(4);
            this.disk = device.group(5);
            this.peerDisk = device.group(6);
        }

        void read(String line) throws FactParseException {
            Matcher oos = OUT_OF_SYNC.matcher(line);
            if (oos.find()) {
                outOfSync = parseLong(oos.group(1));
            }
            Matcher p = PROGRESS.matcher(line);
            if (p.find()) {
                progress = p.toMatchResult();
            }
            Matcher f = FINISH.matcher(line);
            if (f.find()) {
                finish = f.toMatchResult();
            }
        }

        DrbdDeviceState build() throws FactParseException {
            DrbdDeviceState.SyncProgress sync = null;
            if (progress != null) {
                long unit = progress.group(5).equals("M") ? 1024 : 1;
                Duration left = finish == null ? null : Duration.ofHours(parseLong(finish.group(1)))
                        .plusMinutes(parseLong(finish.group(2))).plusSeconds(parseLong(finish.group(3)));
                long speed = finish == null ? 0 : parseLong(finish.group(4).replace(",", ""));
                sync = new DrbdDeviceState.SyncProgress(progress.group(1).equals("verified"),
                        Double.parseDouble(progress.group(2)),
                        parseLong(progress.group(3)) * unit, parseLong(progress.group(4)) * unit, left, speed);
            }
            return new DrbdDeviceState(minor, connection, role, peerRole, disk, peerDisk, outOfSync, sync);
        }
    }

    private static long parseLong(String digits) throws FactParseException {
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            throw new FactParseException(FACT, "number out of range: " + digits, e);
        }
    }

    private static int parseInt(String digits) throws FactParseException {
        long value = parseLong(digits);
        if (value > Integer.MAX_VALUE) {
            throw new FactParseException(FACT, "minor out of range: " + digits);
        }
        return (int) value;
    }
}
