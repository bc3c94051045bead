package io.tandem.facts;

/**
 * A signature {@code wipefs} found: a filesystem, RAID or LVM superblock, a partition table.
 * {@code offset} is in bytes from the start of {@code device}; uuid and label are null when the
 * signature has none.
 */
public record Signature(String device, long offset, String type, String uuid, String label) {

    /** The same words {@link BlockDevice#inUse()} uses, e.g. {@code has an ext4 filesystem}. */
    public String describe() {
        return BlockDevice.describeSignature(type);
    }
}
