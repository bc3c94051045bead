package io.tandem.plan;

import io.tandem.facts.HostFilesParser;
import io.tandem.model.DemoProject;
import io.tandem.render.RenderedFile;
import io.tandem.render.Renderers;
import io.tandem.testing.Variants;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every path a renderer writes on a host (modern and legacy profiles, nodes and initiators) is one
 * that discovery reads, so Review can compare it; a new renderer with a new path fails here until
 * {@link HostFilesParser} reads it too. Cluster-wide files are not on one host's disk.
 */
class DiscoveryReadsEveryRenderedPathTest {

    @Test
    void everyHostPathOfEveryVariantIsRead() {
        List<RenderedFile> files = new ArrayList<>(Renderers.render(DemoProject.withFreshSecrets()).files());
        Variants.all().forEach(v -> files.addAll(Renderers.render(v.project()).files()));
        files.addAll(Renderers.render(withGptLayout()).files());
        files.addAll(Renderers.render(io.tandem.testing.Examples.read(io.tandem.testing.Examples.VM_LAB_QDEVICE)).files());

        assertThat(files).extracting(RenderedFile::path).contains("/etc/netplan/60-tandem.yaml", "/etc/heartbeat/authkeys",
                "/etc/systemd/system/corosync.service.d/tandem-qdevice.conf",
                "/etc/network/interfaces.d/bond0", "/etc/iscsi/iscsid.conf", "/var/lib/tandem/partitions/r0.sfdisk");
        assertThat(files).filteredOn(f -> !f.host().equals(RenderedFile.CLUSTER))
                .allSatisfy(f -> assertThat(HostFilesParser.looksAt(f.path())).as(f.host() + ":" + f.path()).isTrue());
    }

    private static io.tandem.model.Project withGptLayout() {
        try {
            return io.tandem.testing.JsonEdit.of(io.tandem.testing.Examples.MODERN)
                    .set("$.replication.resources[0].backing[0].layout", "gpt-partition").project();
        } catch (io.tandem.model.ProjectFileException e) {
            throw new AssertionError(e.problems().toString(), e);
        }
    }
}
