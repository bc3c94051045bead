package io.tandem.plan;

import io.tandem.facts.PartitionTable;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The partition table a rendered sfdisk script asks for (io.tandem.render.modern.PartitionTableRenderer),
 * read back so that what {@code sfdisk -J} reports can be compared with it: the label, and per
 * partition its start, type and name; a partition without a size runs to the end of the disk. Only
 * what the renderer writes is understood: anything else is a programming error, not a user's.
 */
record SfdiskScript(String label, List<Wanted> partitions) {

    /** GPT's "Linux filesystem" type, sfdisk's alias {@code linux}. */
    static final String LINUX_GUID = "0FC63DAF-8483-4772-8E79-3D69D8477DE4";
    private static final long MIB = 1L << 20;

    /** One partition line: {@code startBytes} from {@code start=1MiB}, the type as a GUID, the GPT name. */
    record Wanted(long startBytes, String type, String name) {
    }

    static SfdiskScript parse(String script) {
        String label = null;
        List<Wanted> partitions = new ArrayList<>();
        for (String raw : script.lines().toList()) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("label:")) {
                label = line.substring("label:".length()).strip();
                continue;
            }
            Map<String, String> fields = new LinkedHashMap<>();
            for (String field : line.split(",")) {
                int eq = field.indexOf('=');
                if (eq < 0) {
                    throw new IllegalArgumentException("sfdisk script line without key=value: " + line);
                }
                fields.put(field.substring(0, eq).strip(), field.substring(eq + 1).strip());
            }
            if (!List.of("start", "type", "name").containsAll(fields.keySet())) {
                throw new IllegalArgumentException("sfdisk script field not understood: " + line);
            }
            partitions.add(new Wanted(start(fields.getOrDefault("start", "1MiB")), type(fields.getOrDefault("type", "linux")),
                    unquote(fields.get("name"))));
        }
        if (label == null) {
            throw new IllegalArgumentException("sfdisk script without a label");
        }
        return new SfdiskScript(label, partitions);
    }

    private static long start(String value) {
        if (value.endsWith("MiB")) {
            return Long.parseLong(value.substring(0, value.length() - 3)) * MIB;
        }
        throw new IllegalArgumentException("sfdisk start not in MiB: " + value);
    }

    private static String type(String value) {
        return value.equals("linux") ? LINUX_GUID : value.toUpperCase(Locale.ROOT);
    }

    private static String unquote(String value) {
        return value != null && value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"") ? value.substring(1, value.length() - 1) : value;
    }

    /**
     * How {@code actual} differs from this script's table, in words; empty when it is the same. The
     * last partition (no size in the script) must reach to within 1 MiB of the disk's last usable
     * sector: sfdisk aligns its end down to the 1 MiB grain (a 64 MiB disk: end 129023, lastlba 131038).
     */
    List<String> differences(PartitionTable actual) {
        List<String> out = new ArrayList<>();
        if (!actual.label().equals(label)) {
            out.add("the partition table is " + actual.label() + ", not " + label);
            return out;
        }
        if (actual.partitions().size() != partitions.size()) {
            out.add("it has " + actual.partitions().size() + " partition(s), not " + partitions.size());
            return out;
        }
        for (int i = 0; i < partitions.size(); i++) {
            Wanted want = partitions.get(i);
            PartitionTable.Partition have = actual.partitions().get(i);
            String which = "partition " + (i + 1);
            if (have.start() * actual.sectorSize() != want.startBytes()) {
                out.add(which + " starts at byte " + have.start() * actual.sectorSize() + ", not " + want.startBytes());
            }
            if (!have.type().equals(want.type())) {
                out.add(which + " has type " + have.type() + ", not " + want.type());
            }
            if (want.name() != null && !want.name().equals(have.name())) {
                out.add(which + " is named " + (have.name() == null ? "nothing" : "\"" + have.name() + "\"") + ", not \"" + want.name() + "\"");
            }
            boolean last = i == partitions.size() - 1;
            if (last && (actual.lastLba() - have.end()) * actual.sectorSize() >= MIB) {
                out.add(which + " ends at sector " + have.end() + ", more than 1 MiB before the disk's last usable sector " + actual.lastLba());
            }
        }
        return out;
    }
}
