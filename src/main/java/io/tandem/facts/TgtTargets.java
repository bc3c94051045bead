package io.tandem.facts;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code tgtadm --lld iscsi --mode target --op show} (tgt 1.0.x): per {@code Target N: IQN}
 * its state, the I_T nexus list (one per logged-in session: the initiator's name and the addresses
 * of its connections) and its LUNs (LUN 0 is tgt's controller, the others are disks with a backing
 * store). Nothing printed is no target. Without a running tgtd, tgtadm prints only to stderr and
 * exits 107; the caller tells that from the exit status.
 */
public final class TgtTargets {

    public static final String FACT = "tgtadm --op show";
    public static final String COMMAND = "tgtadm --lld iscsi --mode target --op show";

    private static final Pattern TARGET = Pattern.compile("Target (\\d{1,9}): (\\S+)");
    private static final Pattern KEY_VALUE = Pattern.compile("([A-Za-z_ ]+?):\\s*(.*)");
    private static final Pattern INITIATOR = Pattern.compile("(\\S+)(?: alias: .*)?");

    private TgtTargets() {
    }

    public record Target(int tid, String iqn, String state, List<Nexus> sessions, List<Lun> luns) {
        public Target {
            sessions = List.copyOf(sessions);
            luns = List.copyOf(luns);
        }

        /** The LUNs that are disks (tgt's controller, LUN 0, left out). */
        public List<Lun> disks() {
            return luns.stream().filter(l -> !"controller".equals(l.type())).toList();
        }
    }

    /** A logged-in session: the initiator's IQN and the address of each of its connections. */
    public record Nexus(int id, String initiator, List<String> addresses) {
        public Nexus {
            addresses = List.copyOf(addresses);
        }
    }

    public record Lun(int number, String type, String backingStore) {
    }

    public static List<Target> parse(String output) throws FactParseException {
        List<Target> targets = new ArrayList<>();
        Builder current = null;
        String section = "";
        for (String raw : output.split("\n")) {
            if (raw.isBlank()) {
                continue;
            }
            String line = raw.strip();
            Matcher t = TARGET.matcher(raw);
            if (t.matches()) {
                if (current != null) {
                    targets.add(current.build());
                }
                current = new Builder(Integer.parseInt(t.group(1)), t.group(2));
                section = "";
                continue;
            }
            if (current == null) {
                throw new FactParseException(FACT, "expected 'Target N: IQN' first, got: " + line);
            }
            if (line.endsWith(" information:")) {
                section = line;
                continue;
            }
            Matcher kv = KEY_VALUE.matcher(line);
            if (kv.matches()) {
                current.read(section, kv.group(1), kv.group(2).strip());
            }
        }
        if (current != null) {
            targets.add(current.build());
        }
        return List.copyOf(targets);
    }

    public static Optional<Target> of(List<Target> targets, String iqn) {
        return targets.stream().filter(t -> t.iqn().equals(iqn)).findFirst();
    }

    /** The target {@code iqn} in the terms every target software shares: absent, or its disks and sessions. */
    public static TargetState state(List<Target> targets, String iqn) {
        return of(targets, iqn).map(t -> new TargetState(true, "ready".equals(t.state()), t.disks().stream().map(Lun::number).toList(),
                t.sessions().stream().map(n -> new TargetState.Session(n.initiator(), null, n.addresses())).toList()))
                .orElse(TargetState.ABSENT);
    }

    private static final class Builder {
        private final int tid;
        private final String iqn;
        private String state;
        private final List<Nexus> sessions = new ArrayList<>();
        private final List<Lun> luns = new ArrayList<>();
        private Integer nexus;
        private String initiator;
        private final List<String> addresses = new ArrayList<>();
        private Integer lun;
        private String type;
        private String backing;

        Builder(int tid, String iqn) {
            this.tid = tid;
            this.iqn = iqn;
        }

        void read(String section, String key, String value) throws FactParseException {
            switch (section) {
                case "System information:" -> {
                    if (key.equals("State")) {
                        state = value;
                    }
                }
                case "I_T nexus information:" -> {
                    switch (key) {
                        case "I_T nexus" -> {
                            endNexus();
                            nexus = number(value);
                        }
                        case "Initiator" -> {
                            Matcher m = INITIATOR.matcher(value);
                            initiator = m.matches() ? m.group(1) : value;
                        }
                        case "IP Address" -> addresses.add(value);
                        default -> {
                        }
                    }
                }
                case "LUN information:" -> {
                    switch (key) {
                        case "LUN" -> {
                            endLun();
                            lun = number(value);
                        }
                        case "Type" -> type = value;
                        case "Backing store path" -> backing = value.equals("None") ? null : value;
                        default -> {
                        }
                    }
                }
                default -> {
                }
            }
        }

        private static int number(String value) throws FactParseException {
            if (!value.matches("\\d{1,9}")) {
                throw new FactParseException(FACT, "not a number: " + value);
            }
            return Integer.parseInt(value);
        }

        private void endNexus() {
            if (nexus != null) {
                sessions.add(new Nexus(nexus, initiator, addresses));
            }
            nexus = null;
            initiator = null;
            addresses.clear();
        }

        private void endLun() {
            if (lun != null) {
                luns.add(new Lun(lun, type, backing));
            }
            lun = null;
            type = null;
            backing = null;
        }

        Target build() {
            endNexus();
            endLun();
            return new Target(tid, iqn, state, sessions, luns);
        }
    }
}
