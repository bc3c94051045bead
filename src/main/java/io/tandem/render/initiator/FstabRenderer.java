package io.tandem.render.initiator;

import io.tandem.model.Filesystem;
import io.tandem.model.Initiator;
import io.tandem.model.Lun;
import io.tandem.model.Profile;
import io.tandem.model.Project;
import io.tandem.render.FileRenderer;
import io.tandem.render.Header;
import io.tandem.render.Placement;
import io.tandem.render.RenderedFile;
import io.tandem.render.SecretBook;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The initiator's {@code /etc/fstab} line for the iSCSI filesystem. By UUID once it is known;
 * before that by the stable by-path name of the LUN behind the virtual IP. Modern entries get
 * {@code _netdev} so boot waits for the network instead of hanging on a missing disk.
 */
public final class FstabRenderer implements FileRenderer {

    @Override
    public List<RenderedFile> render(Project project, SecretBook secrets) {
        List<RenderedFile> files = new ArrayList<>();
        for (Initiator initiator : project.managedInitiators()) {
            Filesystem fs = initiator.filesystem();
            if (fs == null) {
                continue;
            }
            String line = source(project, fs) + "\t" + fs.mountPoint() + "\t" + fs.type() + "\t" + options(project, fs) + "\t0\t0\n";
            String content = project.profile() == Profile.LEGACY ? line : Header.BEGIN_BLOCK + "\n" + line + Header.END_BLOCK + "\n";
            files.add(new RenderedFile(initiator.name(), "/etc/fstab", content, 0644, Placement.MANAGED_BLOCK,
                    "Mounts the iSCSI filesystem at " + fs.mountPoint() + " at boot."));
        }
        return files;
    }

    private static String source(Project project, Filesystem fs) {
        if (fs.uuid() != null) {
            return "UUID=" + fs.uuid();
        }
        Lun lun = fs.lun() == null ? project.target().luns().getFirst()
                : project.target().luns().stream().filter(l -> l.number().equals(fs.lun())).findFirst().orElseThrow();
        return "/dev/disk/by-path/ip-" + project.networks().client().virtualIp() + ":" + project.target().portalPort()
                + "-iscsi-" + project.target().iqn() + "-lun-" + lun.number() + "-part1";
    }

    private static String options(Project project, Filesystem fs) {
        if (project.profile() == Profile.LEGACY) {
            return fs.options();
        }
        Set<String> options = new LinkedHashSet<>(Arrays.asList(fs.options().split(",")));
        options.remove("defaults");
        options.add("_netdev");
        return String.join(",", options);
    }
}
