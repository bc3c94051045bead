package io.tandem.render.modern;

import io.tandem.model.Project;
import io.tandem.model.Sbd;
import io.tandem.model.StonithType;
import io.tandem.render.FileRenderer;
import io.tandem.render.Header;
import io.tandem.render.RenderedFile;
import io.tandem.render.SecretBook;

import java.util.List;

/** Loads the bonding and DRBD modules at boot, before networking and Pacemaker need them; softdog for SBD without a hardware watchdog. */
public final class ModulesLoadRenderer implements FileRenderer {

    @Override
    public List<RenderedFile> render(Project project, SecretBook secrets) {
        var stonith = project.cluster().stonith();
        boolean softdog = stonith.type() == StonithType.SBD && stonith.sbd().softdog();
        // sbd.service starts after systemd-modules-load, so /dev/watchdog exists when it arms it.
        String content = Header.hash(project, "Kernel modules the cluster needs at boot.") + "bonding\ndrbd\n"
                + (softdog ? Sbd.SOFTDOG + "\n" : "");
        String purpose = softdog ? "Loads the bonding, DRBD and softdog (watchdog for SBD) kernel modules at boot."
                : "Loads the bonding and DRBD kernel modules at boot.";
        return project.nodes().stream()
                .map(node -> RenderedFile.whole(node.name(), "/etc/modules-load.d/tandem.conf", content, purpose))
                .toList();
    }
}
