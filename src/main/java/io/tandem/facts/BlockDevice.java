package io.tandem.facts;

import java.util.ArrayList;
import java.util.List;

/**
 * A block device from {@code lsblk -J -b -O}, with what sits on it as {@code children}: partitions
 * and holders (a DRBD device on its backing disk, LVM volumes on a physical volume, an md array on
 * its members). Text fields are null when lsblk does not know them; without a running udev (many
 * containers) it knows no filesystem type, label or UUID at all, so a null {@code fsType} is no
 * proof of a blank disk: ask {@code wipefs} too.
 */
public record BlockDevice(
        String name,
        String path,
        long sizeBytes,
        String type,
        String fsType,
        String label,
        String uuid,
        List<String> mountpoints,
        String serial,
        String model,
        String wwn,
        String transport,
        String ptType,
        boolean rotational,
        boolean readOnly,
        List<BlockDevice> children) {

    public BlockDevice {
        mountpoints = List.copyOf(mountpoints);
        children = List.copyOf(children);
    }

    public boolean isPartition() {
        return "part".equals(type);
    }

    /**
     * Why this device must not be given to DRBD, in words for the user; empty when nothing shows
     * that it is in use.
     */
    public List<String> inUse() {
        List<String> reasons = new ArrayList<>();
        long partitions = children.stream().filter(BlockDevice::isPartition).count();
        if (partitions > 0) {
            reasons.add("has " + partitions + (partitions == 1 ? " partition" : " partitions"));
        }
        List<String> holders = children.stream().filter(c -> !c.isPartition()).map(BlockDevice::name).toList();
        if (!holders.isEmpty()) {
            reasons.add("is held by " + String.join(", ", holders));
        }
        if (ptType != null && partitions == 0) {
            reasons.add("has " + article(ptType) + " partition table");
        }
        if (fsType != null) {
            reasons.add(describeSignature(fsType));
        }
        if (!mountpoints.isEmpty()) {
            reasons.add("is mounted on " + String.join(", ", mountpoints));
        }
        return List.copyOf(reasons);
    }

    /** Wording for a signature found by lsblk or wipefs: {@code has an ext4 filesystem}, {@code is an LVM physical volume}. */
    static String describeSignature(String type) {
        return switch (type) {
            case "LVM2_member" -> "is an LVM physical volume";
            case "linux_raid_member" -> "is a software RAID member";
            case "drbd" -> "has DRBD metadata";
            case "swap" -> "is swap space";
            case "crypto_LUKS" -> "is LUKS-encrypted";
            case "dos", "gpt", "PMBR" -> "has " + article(type) + " partition table";
            default -> "has " + article(type) + " filesystem";
        };
    }

    private static String article(String word) {
        return ("aeiou".indexOf(Character.toLowerCase(word.charAt(0))) >= 0 ? "an " : "a ") + word;
    }
}
