package io.tandem.facts;

import java.util.List;

/**
 * A disk's partition table as {@code sfdisk -J} reports it: the label ({@code gpt}, {@code dos}),
 * the sector size, the last usable sector (GPT only; 0 for dos), and the partitions in sectors.
 */
public record PartitionTable(String label, int sectorSize, long lastLba, List<Partition> partitions) {

    public PartitionTable {
        partitions = List.copyOf(partitions);
    }

    /**
     * One partition. {@code type} is the GPT type GUID in upper case (or the MBR type byte as sfdisk
     * prints it); {@code name} is the GPT partition name, null for dos.
     */
    public record Partition(String node, long start, long size, String type, String name) {

        /** The last sector of the partition. */
        public long end() {
            return start + size - 1;
        }
    }
}
