package io.tandem.render.initiator;

import io.tandem.model.Project;
import io.tandem.render.FileRenderer;
import io.tandem.render.RenderedFile;
import io.tandem.render.SecretBook;

import java.util.List;

/** {@code /etc/iscsi/initiatorname.iscsi}: the IQN the target's ACL and CHAP are bound to. */
public final class InitiatorNameRenderer implements FileRenderer {

    @Override
    public List<RenderedFile> render(Project project, SecretBook secrets) {
        return project.managedInitiators().stream()
                .map(i -> RenderedFile.whole(i.name(), "/etc/iscsi/initiatorname.iscsi", "InitiatorName=" + i.iqn() + "\n",
                        "The initiator's iSCSI name; the target admits this name only."))
                .toList();
    }
}
