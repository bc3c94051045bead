package io.tandem.verify;

import io.tandem.model.Project;
import io.tandem.render.FileSet;
import io.tandem.render.RenderedFile;
import io.tandem.render.Renderers;
import io.tandem.render.modern.CibRenderer;
import io.tandem.testing.Examples;
import io.tandem.testing.RealTools;
import io.tandem.testing.Variants;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static io.tandem.verify.RealToolChecksTest.replace;
import static org.assertj.core.api.Assertions.assertThat;

/** Tier 2: node ids, names and addresses agree between corosync.conf, the CIB, /etc/hosts and DRBD. */
class ClusterConsistencyRealToolsTest {

    @BeforeEach
    void tools() {
        RealTools.require("/usr/lib/drbd/drbdadm-84", "drbdadm", "getent", "unshare");
    }

    private static CheckResult check(Project project, FileSet files, Path work) {
        List<CheckResult> results = new ClusterConsistencyCheck().run(project, files, work);
        assertThat(results).hasSize(1);
        return results.getFirst();
    }

    @Test
    void theRenderedFilesAgreeWithDrbd84And9(@TempDir Path work) {
        for (Project project : List.of(Examples.modern(), Variants.drbd9UbuntuTgtStonith())) {
            CheckResult result = check(project, Renderers.render(project), work.resolve(project.nodes().getFirst().drbdVersion().name()));
            assertThat(result.outcome()).as(result.describe()).isEqualTo(CheckResult.Outcome.PASS);
        }
    }

    @Test
    void corosyncNodeIdsSwappedAgainstTheCibFail(@TempDir Path work) {
        Project project = Examples.modern();
        FileSet files = Renderers.render(project);
        for (String node : List.of("node1", "node2")) {
            files = replace(files, node, "/etc/corosync/corosync.conf",
                    c -> c.replace("nodeid: 1", "nodeid: X").replace("nodeid: 2", "nodeid: 1").replace("nodeid: X", "nodeid: 2"));
        }
        CheckResult result = check(project, files, work);
        assertThat(result.outcome()).isEqualTo(CheckResult.Outcome.FAIL);
        assertThat(result.detail()).isEqualTo("cib.xml gives node1 node id 1, corosync.conf gives it 2; "
                + "cib.xml gives node2 node id 2, corosync.conf gives it 1");
    }

    @Test
    void nodeListsThatDifferBetweenTheNodesFail(@TempDir Path work) {
        Project project = Examples.modern();
        FileSet files = replace(Renderers.render(project), "node2", "/etc/corosync/corosync.conf",
                c -> c.replace("ring1_addr: 192.168.60.11", "ring1_addr: 192.168.60.21"));
        assertThat(check(project, files, work).detail()).isEqualTo("corosync.conf on node2 lists other nodes than on node1");
    }

    @Test
    void hostsDrbdAndCibThatDisagreeWithCorosyncFail(@TempDir Path work) {
        Project project = Examples.modern();
        FileSet files = replace(Renderers.render(project), "client", "/etc/hosts",
                c -> c.replace("192.168.60.12   node2-repl", "192.168.60.22   node2-repl"));
        files = replace(files, "node2", "/etc/drbd.d/r1.res", c -> c.replace("address 192.168.60.11:7790", "address 192.168.50.11:7790"));
        files = replace(files, RenderedFile.CLUSTER, CibRenderer.PATH, c -> c.replace("uname=\"node2\"", "uname=\"node-2\""));
        CheckResult result = check(project, files, work);
        assertThat(result.outcome()).isEqualTo(CheckResult.Outcome.FAIL);
        assertThat(result.detail()).isEqualTo("cib.xml names the nodes [node1, node-2], the project [node1, node2]; "
                + "/etc/hosts on client resolves node2-repl to 192.168.60.22, corosync.conf uses 192.168.60.12; "
                + "node2's DRBD resource r1 replicates with node1 at 192.168.50.11, corosync.conf has it at 192.168.60.11 on the replication link");
    }

    @Test
    void corosyncConfsNodeListIsReadFromItsBlocks() {
        var nodes = ClusterConsistencyCheck.corosyncNodes("""
                totem {
                    interface {
                        linknumber: 0
                    }
                }
                # nodelist { node { name: commented } }
                nodelist {
                    node {
                        ring0_addr: 10.0.0.1
                        name: a
                        nodeid: 7
                    }
                    node {
                        name: b
                        nodeid: 8
                        ring0_addr: 10.0.0.2
                        ring1_addr: 10.1.0.2
                    }
                }
                """);
        assertThat(nodes).containsExactly(new ClusterConsistencyCheck.CorosyncNode("a", "7", "10.0.0.1", null),
                new ClusterConsistencyCheck.CorosyncNode("b", "8", "10.0.0.2", "10.1.0.2"));
    }
}
