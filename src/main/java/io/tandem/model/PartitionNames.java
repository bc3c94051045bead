package io.tandem.model;

import java.util.regex.Pattern;

/**
 * The name the kernel (and udev) gives the first partition of a disk: {@code /dev/vdb1},
 * {@code /dev/nvme0n1p1} (a name ending in a digit gets a "p"), {@code …/by-id/X-part1} for the
 * udev symlinks. Checked against util-linux's own naming by the real-tool tests.
 */
public final class PartitionNames {

    private static final Pattern WHOLE_DISK_LINK = Pattern.compile("/dev/disk/by-(id|path)/.+");
    /** sdb1, vdc2, xvda3, hdb1: classic names of partitions, not disks. */
    private static final Pattern CLASSIC_PARTITION = Pattern.compile("/dev/(sd|vd|xvd|hd)[a-z]+[0-9]+");
    private static final Pattern NUMBERED_PARTITION = Pattern.compile("/dev/(nvme[0-9]+n[0-9]+|mmcblk[0-9]+|loop[0-9]+|md[0-9]+)p[0-9]+");

    private PartitionNames() {
    }

    public static String firstPartition(String disk) {
        if (WHOLE_DISK_LINK.matcher(disk).matches()) {
            return disk + "-part1";
        }
        return Character.isDigit(disk.charAt(disk.length() - 1)) ? disk + "p1" : disk + "1";
    }

    /** True when {@code device} is recognisably a partition already (it cannot get a partition table of its own). */
    public static boolean isPartition(String device) {
        return CLASSIC_PARTITION.matcher(device).matches() || NUMBERED_PARTITION.matcher(device).matches()
                || (WHOLE_DISK_LINK.matcher(device).matches() && device.matches(".*-part[0-9]+"));
    }
}
