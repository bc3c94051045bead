package io.tandem.verify;

import io.tandem.model.Project;
import io.tandem.render.FileSet;
import io.tandem.render.Renderers;
import io.tandem.render.modern.QdeviceStartRenderer;
import io.tandem.testing.Examples;
import io.tandem.testing.RealTools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static io.tandem.verify.RealToolChecksTest.replace;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The quorum device's start drop-in for corosync.service, loaded by the real systemd-analyze with the
 * packaged corosync and corosync-qdevice units (scripts/install-test-deps installs both).
 */
class SystemdDropInCheckTest {

    private static final Project QDEVICE = Examples.read(Examples.VM_LAB_QDEVICE);

    private static List<CheckResult> check(Project project, FileSet files, Path work) {
        RealTools.require("systemd-analyze", "corosync", "corosync-qdevice");
        return new SystemdDropInCheck().run(project, files, work);
    }

    @Test
    void withAQuorumDeviceEveryStartOfCorosyncStartsTheQdeviceToo(@TempDir Path work) {
        FileSet files = Renderers.render(QDEVICE);
        assertThat(files.find("node1", QdeviceStartRenderer.PATH)).hasValueSatisfying(f ->
                assertThat(f.content()).contains("[Unit]\nWants=corosync-qdevice.service\n"));

        assertThat(check(QDEVICE, files, work)).hasSize(2).allSatisfy(r -> {
            assertThat(r.outcome()).as(r.describe()).isEqualTo(CheckResult.Outcome.PASS);
            assertThat(r.detail()).isEqualTo("loaded with corosync.service; wants corosync-qdevice.service");
        });
    }

    @Test
    void whatSystemdWouldIgnoreOrNotFindFails(@TempDir Path work) {
        FileSet files = Renderers.render(QDEVICE);
        // systemd only warns about an unknown key and goes on: the drop-in would do nothing.
        FileSet misspelt = replace(files, "node1", QdeviceStartRenderer.PATH, c -> c.replace("Wants=", "Want="));
        CheckResult node1 = check(QDEVICE, misspelt, work.resolve("a")).getFirst();
        assertThat(node1.outcome()).isEqualTo(CheckResult.Outcome.FAIL);
        assertThat(node1.detail()).contains("tandem-qdevice.conf", "Unknown key", "Want");

        FileSet otherUnit = replace(files, "node2", QdeviceStartRenderer.PATH, c -> c.replace("corosync-qdevice.service", "corosync-qnetd.service"));
        CheckResult node2 = check(QDEVICE, otherUnit, work.resolve("b")).get(1);
        assertThat(node2.outcome()).isEqualTo(CheckResult.Outcome.FAIL);
        assertThat(node2.detail()).isEqualTo("wants [corosync-qnetd.service], the quorum device needs corosync-qdevice.service");
    }

    @Test
    void withoutAQuorumDeviceThereIsNoDropInAndNothingToCheck(@TempDir Path work) {
        Project sbd = Examples.read(Examples.VM_LAB_SBD);
        FileSet files = Renderers.render(sbd);
        assertThat(files.find("node1", QdeviceStartRenderer.PATH)).isEmpty();
        assertThat(new SystemdDropInCheck().run(sbd, files, work)).isEmpty();
    }

    @Test
    void theUnitsOfAWantsLineAreReadOnlyFromTheUnitSection() {
        assertThat(SystemdDropInCheck.wants("# c\n[Unit]\nWants=a.service  b.service\n[Service]\nWants=c.service\n[Unit]\nWants=d.service\n"))
                .containsExactly("a.service", "b.service", "d.service");
    }
}
