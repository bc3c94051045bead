package io.tandem.plan;

import io.tandem.model.Backing;
import io.tandem.model.DiskLayout;
import io.tandem.model.DrbdResource;
import io.tandem.model.Project;
import io.tandem.text.ByteSize;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * What the plan can tell from the backing devices' sizes before anything is written: a device too
 * small for DRBD's internal metadata and some data (apply refuses the plan), and the two sides of
 * a resource of clearly different sizes (a note). Sizes come from the probes the disk steps send
 * anyway; a backing whose device was not probed (external metadata: the probe reads the metadata
 * device) or did not answer is not judged.
 */
final class BackingSizes {

    private static final long SECTOR = 512;
    private static final long MIB = 1L << 20;
    /** The GPT layout's partition is the disk less 1 MiB in front and at most 1 MiB at the end (backup GPT, end aligned down to 1 MiB). */
    static final long GPT_OVERHEAD = 2 * MIB;
    /** Less data than this after the metadata is no use as a LUN; it also keeps a device DRBD would refuse out of the plan. */
    static final long MIN_DATA = MIB;

    private BackingSizes() {
    }

    /**
     * DRBD 8.4's internal metadata for a lower device of {@code deviceBytes}: the formula of the DRBD
     * 8.4 User's Guide ("Estimating meta data size"), Ms = ceil(Cs / 2^18) × 8 + 72 sectors of 512
     * bytes: a 4 KiB superblock and a 32 KiB activity log (72 sectors), and the bitmap, one bit per
     * 4 KiB of the device in whole 4 KiB blocks (8 sectors per 2^18 sectors, i.e. per 128 MiB).
     * drbdmeta's v08 create-md agrees (md_size_sect measured on loop devices: 100 MiB → 80,
     * 1 GiB → 136, 1 GiB + 4 KiB → 144, 10 GiB → 712).
     */
    static long internalMetadataBytes(long deviceBytes) {
        long sectors = Math.ceilDiv(deviceBytes, SECTOR);
        return (Math.ceilDiv(sectors, 1L << 18) * 8 + 72) * SECTOR;
    }

    /** The size of the device DRBD will use for {@code backing}, as the plan's probes saw it; empty when not seen. */
    static OptionalLong dataDeviceBytes(Backing backing, ProbeResults probed) {
        if (backing.layoutOrDefault() == DiskLayout.GPT_PARTITION) {
            return probed.text(PartitionSteps.tableProbe(backing)).flatMap(PartitionSteps::disk).filter(DeviceState::exists)
                    .map(d -> OptionalLong.of(Math.max(0, d.sizeBytes() - GPT_OVERHEAD))).orElse(OptionalLong.empty());
        }
        if (!backing.internalMetadata()) {
            return OptionalLong.empty();
        }
        return probed.text(DrbdSteps.deviceProbe(backing.node(), backing.disk())).flatMap(DeviceState::parse).filter(DeviceState::exists)
                .map(d -> OptionalLong.of(d.sizeBytes())).orElse(OptionalLong.empty());
    }

    static String field(DrbdResource resource, Backing backing) {
        return "replication.resources[" + resource.name() + "].backing[" + backing.node() + "]";
    }

    /** Backing devices DRBD cannot use: too small for its internal metadata and {@link #MIN_DATA} of data. */
    static List<String> refusals(Project project, ProbeResults probed) {
        List<String> out = new ArrayList<>();
        for (DrbdResource resource : project.replication().resources()) {
            for (Backing backing : resource.backing()) {
                if (!backing.internalMetadata()) {
                    continue;
                }
                OptionalLong size = dataDeviceBytes(backing, probed);
                if (size.isEmpty()) {
                    continue;
                }
                long metadata = internalMetadataBytes(size.getAsLong());
                if (size.getAsLong() < metadata + MIN_DATA) {
                    out.add(field(resource, backing) + ": " + backing.disk() + " on " + backing.node() + " is too small for DRBD: "
                            + (backing.layoutOrDefault() == DiskLayout.GPT_PARTITION ? "its partition would be " : "it is ")
                            + ByteSize.describe(size.getAsLong()) + ", and DRBD's internal metadata alone takes " + metadata / 1024
                            + " KiB, leaving less than 1 MiB for data. Choose a bigger device for " + resource.name() + " on " + backing.node());
                }
            }
        }
        return out;
    }

    /**
     * A note when the two sides of a resource differ by more than 1 % (the threshold discovery's
     * "matching disks" check uses). Not an error: DRBD agrees on the smaller side's size when the
     * nodes connect and simply leaves the rest of the bigger device unused, which is what a storage
     * engineer expects from disks of two makes (480 vs 500 GB); it only wastes space. A wrong disk
     * chosen by mistake shows here too, which is why the note names both devices and sizes.
     */
    static List<String> notes(Project project, ProbeResults probed) {
        List<String> out = new ArrayList<>();
        for (DrbdResource resource : project.replication().resources()) {
            if (resource.backing().size() != 2) {
                continue;
            }
            Backing a = resource.backing().get(0);
            Backing b = resource.backing().get(1);
            OptionalLong sa = dataDeviceBytes(a, probed);
            OptionalLong sb = dataDeviceBytes(b, probed);
            if (sa.isEmpty() || sb.isEmpty()) {
                continue;
            }
            long small = Math.min(sa.getAsLong(), sb.getAsLong());
            long big = Math.max(sa.getAsLong(), sb.getAsLong());
            if ((big - small) * 100 > big) {
                Backing bigger = sa.getAsLong() == big ? a : b;
                out.add("replication.resources[" + resource.name() + "].backing: " + a.node() + "'s " + a.disk() + " gives DRBD "
                        + ByteSize.approximate(sa.getAsLong()) + ", " + b.node() + "'s " + b.disk() + " " + ByteSize.approximate(sb.getAsLong())
                        + ": DRBD uses the smaller, so " + ByteSize.approximate(big - small) + " of " + bigger.node() + "'s " + bigger.disk()
                        + " stay unused. Fine if intended; otherwise choose devices of the same size");
            }
        }
        return out;
    }
}
