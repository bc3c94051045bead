package io.tandem.render.modern;

import io.tandem.model.Backing;
import io.tandem.model.DiskLayout;
import io.tandem.model.DrbdResource;
import io.tandem.model.Project;
import io.tandem.render.FileRenderer;
import io.tandem.render.RenderedFile;
import io.tandem.render.SecretBook;

import java.util.ArrayList;
import java.util.List;

/**
 * For each backing device with the GPT layout, the partition table as an sfdisk script: one
 * Linux partition from 1 MiB to the end, named {@code tandem-<resource>}. Apply feeds it to
 * {@code sfdisk}; kept on the node, it records what was written.
 */
public final class PartitionTableRenderer implements FileRenderer {

    /** GPT names are at most 36 characters; resource names are shorter (ValuePatterns.RESOURCE_NAME). */
    public static String label(DrbdResource resource) {
        return "tandem-" + resource.name();
    }

    /** Where the script is kept on the node. */
    public static String path(DrbdResource resource) {
        return "/var/lib/tandem/partitions/" + resource.name() + ".sfdisk";
    }

    @Override
    public List<RenderedFile> render(Project project, SecretBook secrets) {
        List<RenderedFile> files = new ArrayList<>();
        for (DrbdResource resource : project.replication().resources()) {
            for (Backing backing : resource.backing()) {
                if (backing.layoutOrDefault() == DiskLayout.GPT_PARTITION) {
                    files.add(RenderedFile.whole(backing.node(), path(resource),
                            script(resource, backing), "The partition table for " + backing.disk() + " (sfdisk input): one "
                                    + "partition, " + backing.drbdDisk() + ", for DRBD resource " + resource.name() + "."));
                }
            }
        }
        return files;
    }

    public static String script(DrbdResource resource, Backing backing) {
        // sfdisk reads '#' lines as comments; no size: the partition runs to the end of the disk.
        return "# Tandem: partition table of " + backing.disk() + " for DRBD resource " + resource.name() + ".\n"
                + "# Applied with: sfdisk " + backing.disk() + " < this file (replaces the disk's partition table).\n"
                + "label: gpt\n"
                + "start=1MiB, type=linux, name=\"" + label(resource) + "\"\n";
    }
}
