package io.tandem.render.modern;

import io.tandem.model.Project;
import io.tandem.render.FileRenderer;
import io.tandem.render.Header;
import io.tandem.render.RenderedFile;
import io.tandem.render.SecretBook;

import java.util.List;

/** Loads the bonding and DRBD modules at boot, before networking and Pacemaker need them. */
public final class ModulesLoadRenderer implements FileRenderer {

    @Override
    public List<RenderedFile> render(Project project, SecretBook secrets) {
        String content = Header.hash(project, "Kernel modules the cluster needs at boot.") + "bonding\ndrbd\n";
        return project.nodes().stream()
                .map(node -> RenderedFile.whole(node.name(), "/etc/modules-load.d/tandem.conf", content,
                        "Loads the bonding and DRBD kernel modules at boot."))
                .toList();
    }
}
