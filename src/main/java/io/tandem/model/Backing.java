package io.tandem.model;

/**
 * The lower-level device of a DRBD resource on one node, and where its metadata lives:
 * {@code "internal"}, or an external device with an optional index (8.4 indexed meta-disk).
 * {@code layout} says whether DRBD uses {@code disk} itself (the default) or a GPT partition
 * Tandem creates on it.
 */
public record Backing(
        String node,
        String disk,
        String metaDisk,
        @OptionalField Integer metaIndex,
        @OptionalField DiskLayout layout) {

    public static final String INTERNAL = "internal";

    public Backing(String node, String disk, String metaDisk, Integer metaIndex) {
        this(node, disk, metaDisk, metaIndex, null);
    }

    public DiskLayout layoutOrDefault() {
        return layout == null ? DiskLayout.WHOLE_DEVICE : layout;
    }

    /** The device DRBD writes to: {@code disk}, or the partition Tandem makes on it. */
    public String drbdDisk() {
        return layoutOrDefault() == DiskLayout.GPT_PARTITION ? PartitionNames.firstPartition(disk) : disk;
    }

    public boolean internalMetadata() {
        return INTERNAL.equals(metaDisk);
    }

    /** The {@code meta-disk} value as DRBD writes it: {@code internal}, {@code /dev/x} or {@code /dev/x[index]}. */
    public String metaDiskSpec() {
        if (internalMetadata()) {
            return INTERNAL;
        }
        return metaIndex == null ? metaDisk : metaDisk + "[" + metaIndex + "]";
    }
}
