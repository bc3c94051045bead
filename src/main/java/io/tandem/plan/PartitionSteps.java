package io.tandem.plan;

import io.tandem.facts.FactParseException;
import io.tandem.facts.PartitionTable;
import io.tandem.facts.SfdiskParser;
import io.tandem.model.Backing;
import io.tandem.model.DrbdResource;
import io.tandem.render.modern.PartitionTableRenderer;
import io.tandem.ssh.ExecResult;
import io.tandem.ssh.RemoteCommand;
import io.tandem.text.ShellQuote;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The GPT layout: before DRBD metadata is made, the backing disk gets the rendered partition table
 * (one partition {@code tandem-RES}, from 1 MiB to the end) and DRBD uses that partition
 * ({@link Backing#drbdDisk()}). Done when {@code sfdisk -J} reads the same table back and the
 * partition's device exists. The disk is checked again right before writing like every device
 * Tandem overwrites ({@link DestructiveWrite}), including its size against the plan's.
 */
public final class PartitionSteps {

    /** Splits the table probe's output: the disk's state, {@code sfdisk -J}, whether the partition's device exists. */
    static final String TABLE_MARK = "#tandem-sfdisk";
    static final String PARTITION_MARK = "#tandem-partition";
    static final int NO_DEVICE = 6;
    static final int BUSY = 5;
    private static final Duration SHORT = Duration.ofMinutes(2);

    private PartitionSteps() {
    }

    /** Read-only: {@link DeviceState#probe} of the disk, {@code sfdisk -J} of it (nothing when it has no table), and "present" when the partition is a block device. */
    static Probe tableProbe(Backing backing) {
        return new Probe(backing.node(), "gpt-" + FileWrite.sha256(backing.disk()).substring(0, 12), DeviceState.probe(ShellQuote.quote(backing.disk()))
                + "\necho '" + TABLE_MARK + "'\n[ -b \"$d\" ] && sfdisk -J \"$d\" 2>/dev/null\necho '" + PARTITION_MARK + "'\n"
                + "[ -b " + ShellQuote.quote(backing.drbdDisk()) + " ] && echo present\ntrue");
    }

    /** What the probe saw of the disk itself. */
    static Optional<DeviceState> disk(String probeOutput) {
        int mark = probeOutput.indexOf(TABLE_MARK + "\n");
        return mark < 0 ? Optional.empty() : DeviceState.parse(probeOutput.substring(0, mark));
    }

    /** The disk's partition table; empty when it has none (or the output is not sfdisk's). */
    static Optional<PartitionTable> table(String probeOutput) {
        int from = probeOutput.indexOf(TABLE_MARK + "\n");
        int to = probeOutput.indexOf(PARTITION_MARK + "\n");
        if (from < 0 || to < from) {
            return Optional.empty();
        }
        String json = probeOutput.substring(from + TABLE_MARK.length() + 1, to);
        if (json.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(SfdiskParser.parse(json));
        } catch (FactParseException e) {
            return Optional.empty();
        }
    }

    static boolean partitionPresent(String probeOutput) {
        int mark = probeOutput.indexOf(PARTITION_MARK + "\n");
        return mark >= 0 && probeOutput.substring(mark).lines().anyMatch(l -> l.equals("present"));
    }

    /** Why the disk is not as the script says, in words; empty when the table is the script's and the partition's device exists. */
    static List<String> differences(String probeOutput, SfdiskScript wanted, Backing backing) {
        Optional<PartitionTable> table = table(probeOutput);
        if (table.isEmpty()) {
            return List.of(backing.disk() + " has no partition table sfdisk reads");
        }
        List<String> out = new java.util.ArrayList<>(wanted.differences(table.get()));
        if (out.isEmpty() && !partitionPresent(probeOutput)) {
            out.add(backing.drbdDisk() + " does not exist (the kernel or udev has not made the partition's device)");
        }
        return out;
    }

    /**
     * Writes {@code script} (the rendered sfdisk input for {@code backing}) as the disk's partition
     * table. {@code sfdisk --wipe always --wipe-partitions always} also clears signatures left in the
     * new partition's range by what the disk held before: the disk's destruction was confirmed (or it
     * held nothing), and a stale signature there would make the DRBD metadata step refuse the partition.
     * sfdisk wipes only signatures it knows, so when the disk held data and its destruction was
     * confirmed, the partition's first 128 KiB (where blkid and drbdmeta look) are zeroed too. When the
     * disk held nothing, data found further in was never confirmed: it stays, and the metadata step
     * refuses the partition and names it.
     */
    public static Step table(DrbdResource resource, Backing backing, String script, ProbeResults probed) {
        String node = backing.node();
        String disk = backing.disk();
        String partition = backing.drbdDisk();
        SfdiskScript wanted = SfdiskScript.parse(script);
        Probe probe = tableProbe(backing);
        Check check = Check.of(disk + " on " + node + " holds the GPT of " + resource.name() + " (one partition "
                + PartitionTableRenderer.label(resource) + " from 1 MiB to the end) and " + partition + " exists", probe,
                out -> differences(out, wanted, backing).isEmpty());
        Optional<DeviceState> seen = probed.text(probe).flatMap(PartitionSteps::disk);
        List<String> inUse = seen.map(DeviceState::inUse).orElse(List.of());
        long plannedSize = seen.filter(DeviceState::exists).map(DeviceState::sizeBytes).orElse(DestructiveWrite.UNKNOWN_SIZE);

        String q = ShellQuote.quote(disk);
        String write = "d=" + q + "\nwiped=\n"
                + "[ -b \"$d\" ] || { echo \"$d is not a block device on " + node + "\" >&2; exit " + NO_DEVICE + "; }\n"
                + DestructiveWrite.sizeGuard(plannedSize)
                // A mounted partition, or anything stacked on the disk (LVM, RAID, dm), cannot be repartitioned under it: refused even when confirmed.
                + "if lsblk -nr -o TYPE,MOUNTPOINT \"$d\" 2>/dev/null | awk '$2 != \"\" || ($1 != \"disk\" && $1 != \"part\" && $1 != \"loop\")' | grep -q .; then\n"
                + "  echo \"$d or a partition of it is mounted or in use (lsblk $d): unmount or stop what uses it first\" >&2; exit " + BUSY + "\nfi\n"
                + DestructiveWrite.guard("[ -n \"$(ls \"/sys/class/block/$(basename \"$(readlink -f \"$d\")\")/holders\" 2>/dev/null)\" ]", true,
                "a signature, a partition table, a mount or a holder")
                + "sfdisk --quiet --wipe always --wipe-partitions always \"$d\" || exit $?\n"
                // udev makes the partition's device and by-id links; a kernel without the GPT parser (or a busy re-read) needs partx to add it.
                + "if command -v udevadm >/dev/null; then udevadm settle --timeout=30 || true; fi\n"
                + "p=" + ShellQuote.quote(partition) + "\n"
                + "if [ ! -b \"$p\" ]; then partx -u \"$d\" || partx -a \"$d\" || true\n"
                + "  if command -v udevadm >/dev/null; then udevadm settle --timeout=30 || true; fi\nfi\n"
                // The disk held data and its destruction was confirmed (at plan time, or by the guard above): that data may reach
                // past the table into the partition, with no signature sfdisk would wipe, and the metadata step would refuse it.
                + (inUse.isEmpty() ? "" : "[ \"$TANDEM_CONFIRMED\" = yes ] && wiped=yes\n")
                + "if [ \"$wiped\" = yes ] && [ -b \"$p\" ]; then " + DestructiveWrite.zeroStart("p") + " || exit $?; fi\n";
        RemoteCommand shown = RemoteCommand.script("sfdisk --wipe always --wipe-partitions always " + disk + " < partitions/" + resource.name() + ".sfdisk");
        Action action = new Action(node, "check that " + disk + " holds nothing and is still " + (plannedSize < 0 ? "the disk planned"
                : io.tandem.text.ByteSize.approximate(plannedSize)) + " (again), " + (inUse.isEmpty() ? "" : "wipe its signatures (confirmed), ")
                + "sfdisk " + disk + " < the rendered /var/lib/tandem/partitions/" + resource.name() + ".sfdisk (on stdin), udevadm settle, "
                + (inUse.isEmpty() ? "" : "zero the first 128 KiB of " + partition + " (what the disk held may reach into it), ")
                + "read the table back", remote -> {
            DestructiveWrite.run(remote, disk, plannedSize, write, script.getBytes(StandardCharsets.UTF_8),
                    new StepFailure(disk + " on " + node + " holds data now (it did not when the plan was made); nothing was written",
                            "Look at it (lsblk -f " + disk + "); if it may be overwritten, run apply again with --confirm-destroy " + node + ":" + disk),
                    shown);
            ExecResult back = remote.run(RemoteCommand.script(probe.script()), new byte[0], SHORT, l -> { });
            List<String> wrong = differences(back.stdout(), wanted, backing);
            if (!wrong.isEmpty()) {
                throw new StepFailure("sfdisk wrote " + disk + " on " + node + ", but reading it back: " + String.join("; ", wrong),
                        "Look at it (sfdisk --dump " + disk + "; lsblk " + disk + "; dmesg | tail); run apply again when the partition is there");
            }
        });
        Step step = Step.on(node, Phase.DISKS, "partitions:" + resource.name() + ":" + node, "Write the partition table of " + resource.name()
                        + " on " + disk + " (one GPT partition " + PartitionTableRenderer.label(resource) + ", " + partition + ")"
                        + (inUse.isEmpty() ? (seen.isPresent() ? ": it holds nothing" : "") : ": this DESTROYS what it holds (" + String.join(", ", inUse) + ")"),
                check, "not undoable: the new table replaced whatever " + disk + " held at its start and end", action);
        return inUse.isEmpty() ? step : step.destroying(disk);
    }
}
