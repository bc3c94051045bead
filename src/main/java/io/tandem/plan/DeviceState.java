package io.tandem.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a block device holds, as a read-only probe sees it: the signatures {@code blkid -p} finds
 * (filesystem, partition table, LVM, RAID, DRBD metadata), its mounts and holders, and its size.
 * This is what decides whether writing to it destroys data.
 */
public record DeviceState(boolean exists, List<String> signatures, List<String> mounts, List<String> holders, long sizeBytes) {

    /**
     * True (exit 0) when the first 128 KiB of {@code $d} are zeros. drbdmeta's create-md refuses a
     * device with anything there ("Found some data"; measured: a byte at 64 KiB counts, one at
     * 128 KiB does not), so a device whose start holds data without a known signature holds data.
     */
    static final String START_IS_ZERO = "cmp -s -n 131072 /dev/zero \"$d\"";

    /**
     * True (exit 0) when {@code blkid -p} names something in {@code $d}: a filesystem, RAID or LVM
     * member, DRBD metadata ({@code TYPE=}) or a partition table ({@code PTTYPE=}). Not just any
     * output: on a partition blkid always prints the parent table's {@code PART_ENTRY_*} lines, so a
     * new, blank partition would count as holding data.
     */
    static final String HAS_SIGNATURE = "blkid -c /dev/null -p -o export \"$d\" 2>/dev/null | grep -qE '^(PT)?TYPE='";

    /** The "signature" of data blkid cannot name. */
    static final String UNRECOGNISED = "unrecognised data in its first 128 KiB";

    /**
     * Read-only: {@code blkid -p} with no cache, {@code findmnt}, the holders and size from sysfs
     * ({@code blockdev} where sysfs has no size). The shell filters and prefixes the lines itself and
     * resolves the name only for a symlink: each process costs up to 0.4 s on an emulated host.
     */
    public static String probe(String quotedDevice) {
        return "d=" + quotedDevice + "\n"
                + "if [ ! -b \"$d\" ]; then echo NODEV; else\n"
                + "s=$(blkid -c /dev/null -p -o export \"$d\" 2>/dev/null)\n"
                + "m=$(findmnt -rn -S \"$d\" -o TARGET 2>/dev/null)\n"
                // Only the signature lines: a partition's blkid output always has its table entry (PART_ENTRY_*).
                + "k=\nwhile IFS= read -r l; do case $l in TYPE=*|PTTYPE=*) printf '%s\\n' \"$l\"; k=1;; esac; done <<TANDEM_BLKID\n$s\nTANDEM_BLKID\n"
                // No signature: data without one still counts when it is where drbdmeta and mkfs look for it.
                + "[ -z \"$k\" ] && ! " + START_IS_ZERO + " && echo DATA=start\n"
                + "while IFS= read -r l; do [ -n \"$l\" ] && printf 'MOUNT=%s\\n' \"$l\"; done <<TANDEM_MOUNTS\n$m\nTANDEM_MOUNTS\n"
                // The kernel's name of the device: only the last component matters, and it changes only when it is a symlink.
                + "if [ -L \"$d\" ]; then r=$(readlink -f \"$d\"); else r=$d; fi\nn=${r##*/}\n"
                + "for h in \"/sys/class/block/$n/holders/\"*; do [ -e \"$h\" ] && printf 'HOLDER=%s\\n' \"${h##*/}\"; done\n"
                // sysfs counts 512-byte sectors whatever the device's block size, as blockdev --getsize64 reports bytes.
                + "if [ -r \"/sys/class/block/$n/size\" ] && read z < \"/sys/class/block/$n/size\"; then echo \"SIZE=$((z * 512))\"; "
                + "else echo \"SIZE=$(blockdev --getsize64 \"$d\")\"; fi\nfi";
    }

    public static Optional<DeviceState> parse(String output) {
        if (output.strip().equals("NODEV")) {
            return Optional.of(new DeviceState(false, List.of(), List.of(), List.of(), 0));
        }
        List<String> signatures = new ArrayList<>();
        List<String> mounts = new ArrayList<>();
        List<String> holders = new ArrayList<>();
        long size = -1;
        for (String line : output.strip().split("\n")) {
            int eq = line.indexOf('=');
            if (eq < 0) {
                continue;
            }
            String key = line.substring(0, eq);
            String value = line.substring(eq + 1);
            switch (key) {
                case "TYPE" -> signatures.add(value);
                case "PTTYPE" -> signatures.add("partition table " + value);
                case "DATA" -> signatures.add(UNRECOGNISED);
                case "MOUNT" -> mounts.add(value);
                case "HOLDER" -> holders.add(value);
                case "SIZE" -> size = value.matches("\\d+") ? Long.parseLong(value) : -1;
                default -> { }
            }
        }
        return size < 0 ? Optional.empty() : Optional.of(new DeviceState(true, signatures, mounts, holders, size));
    }

    public boolean hasDrbdMetadata() {
        return signatures.contains("drbd");
    }

    /** Why writing to it would destroy something, in words; empty when it is provably unused (no signature, mount or holder). */
    public List<String> inUse() {
        List<String> reasons = new ArrayList<>();
        signatures.forEach(s -> reasons.add(s.equals(UNRECOGNISED) ? "holds " + s + " (no known signature)"
                : s.startsWith("partition table") ? "holds a " + s : "holds a " + s + " signature"));
        mounts.forEach(m -> reasons.add("is mounted on " + m));
        holders.forEach(h -> reasons.add("is in use by " + h));
        return reasons;
    }
}
