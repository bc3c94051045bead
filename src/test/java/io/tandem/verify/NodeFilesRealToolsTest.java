package io.tandem.verify;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tandem.model.Filesystem;
import io.tandem.model.Project;
import io.tandem.render.FileSet;
import io.tandem.render.Renderers;
import io.tandem.testing.Examples;
import io.tandem.testing.JsonEdit;
import io.tandem.testing.RealTools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static io.tandem.verify.RealToolChecksTest.replace;
import static org.assertj.core.api.Assertions.assertThat;

/** chrony, fstab and /etc/hosts: tier 1 on the tools' captured outputs, tier 2 with the tools. */
class NodeFilesRealToolsTest {

    private static final Path LOCAL = Path.of("src/test/resources/fixtures/local");

    @Test
    void chronydsParsedDirectivesAreComparedWithTheProject() throws Exception {
        Project project = JsonEdit.of(Examples.MODERN).set("$.time.servers", List.of("10.20.30.1", "ntp.example.test"))
                .set("$.networks.replication.cidr", "172.16.5.0/24")
                .set("$.nodes[1].links[1].address", "172.16.5.12").set("$.nodes[0].links[1].address", "172.16.5.11").project();
        String printed = Files.readString(LOCAL.resolve("chronyd_p.tandem_fragment.txt"));

        assertThat(ChronyCheck.differences(project, project.nodes().getFirst(), printed)).isEmpty();
        assertThat(ChronyCheck.differences(project, project.nodes().get(1), printed))
                .containsExactly("peer [172.16.5.12], the peer node's replication address is 172.16.5.11");
        assertThat(ChronyCheck.differences(project, project.nodes().getFirst(), printed.replace("local stratum 10 orphan\n", "")
                .replace("server ntp.example.test iburst\n", ""))).containsExactly(
                "servers [10.20.30.1], the project says [10.20.30.1, ntp.example.test]", "orphan mode (local stratum 10 orphan) is off");
    }

    @Test
    void chronydRefusesAnUnknownDirectiveAndNoticesAWrongPeer(@TempDir Path work) {
        RealTools.require("chronyd");
        Project project = Examples.modern();
        assertThat(new ChronyCheck().run(project, Renderers.render(project), work))
                .allSatisfy(r -> assertThat(r.outcome()).as(r.describe()).isEqualTo(CheckResult.Outcome.PASS));
        FileSet broken = replace(Renderers.render(project), "node1", ChronyCheck.PATH, c -> c.replace("local stratum 10 orphan", "orphan yes"));
        CheckResult refused = new ChronyCheck().run(project, broken, work.resolve("broken")).getFirst();
        assertThat(refused.outcome()).isEqualTo(CheckResult.Outcome.FAIL);
        assertThat(refused.detail()).contains("Invalid directive");
        FileSet ownAddress = replace(Renderers.render(project), "node2", ChronyCheck.PATH, c -> c.replace("peer 192.168.60.11", "peer 192.168.60.12"));
        CheckResult self = new ChronyCheck().run(project, ownAddress, work.resolve("self")).get(1);
        assertThat(self.detail()).isEqualTo("peer [192.168.60.12], the peer node's replication address is 192.168.60.11");
    }

    @Test
    void findmntsFindingsAboutThisMachineAreSetAsideTheOthersCount() throws IOException {
        assertThat(FstabCheck.findings(Files.readString(LOCAL.resolve("findmnt_verify_verbose.uuid_elsewhere.txt")))).isEmpty();
        assertThat(FstabCheck.findings(Files.readString(LOCAL.resolve("findmnt_verify_verbose.broken.txt")))).containsExactly(
                "findmnt: fstab.bad: parse error at line 2 -- ignored", "1 parse error, 2 errors, 1 warning", "[E] unsupported source tag: WWN=abc");
    }

    @Test
    void theEntryFindmntReadsIsComparedWithTheProject() throws IOException {
        Project project = Examples.modern();
        var entries = new ObjectMapper().readTree(Files.readString(LOCAL.resolve("findmnt_json.uuid.txt"))).path("filesystems");
        Filesystem same = new Filesystem(null, "xfs", "/srv/iscsi", "defaults,noatime", "5d1e1c1e-8c43-4b55-9d43-0d8c0a7e5a11");
        assertThat(FstabCheck.differences(project, same, entries)).isEmpty();
        Filesystem other = new Filesystem(null, "ext4", "/srv/data", "noatime,nodev", "5d1e1c1e-8c43-4b55-9d43-0d8c0a7e5a12");
        assertThat(FstabCheck.differences(project, other, entries)).containsExactly(
                "mount point: read /srv/iscsi, the project says /srv/data", "filesystem type: read xfs, the project says ext4",
                "source: read UUID=5d1e1c1e-8c43-4b55-9d43-0d8c0a7e5a11, the project says UUID=5d1e1c1e-8c43-4b55-9d43-0d8c0a7e5a12",
                "options: read [noatime, _netdev], the project says [noatime, nodev, _netdev]");
    }

    @Test
    void findmntVerifiesTheRenderedLineAndNoticesAMissingNetdev(@TempDir Path work) {
        RealTools.require("findmnt");
        Project project = Examples.modern();
        assertThat(new FstabCheck().run(project, Renderers.render(project), work)).singleElement()
                .satisfies(r -> assertThat(r.outcome()).as(r.describe()).isEqualTo(CheckResult.Outcome.PASS));
        FileSet noNetdev = replace(Renderers.render(project), "client", "/etc/fstab", c -> c.replace("_netdev,", "").replace("\t0\t0", "\t0\t2"));
        CheckResult result = new FstabCheck().run(project, noNetdev, work.resolve("b")).getFirst();
        assertThat(result.outcome()).isEqualTo(CheckResult.Outcome.FAIL);
        assertThat(result.detail()).contains("options: read [noatime], the project says [_netdev, noatime]",
                "passno (fsck at boot): read 2, the project says 0");
        // A field lost: every later one moves up, which findmnt reads without complaint; the comparison notices.
        FileSet shifted = replace(Renderers.render(project), "client", "/etc/fstab", c -> c.replace("\text4\t", " "));
        assertThat(new FstabCheck().run(project, shifted, work.resolve("c")).getFirst().detail())
                .contains("filesystem type: read _netdev,noatime, the project says ext4");
    }

    @Test
    void theResolverReadsEveryNameTandemWritesAndNoticesAWrongOne(@TempDir Path work) {
        RealTools.require("getent", "unshare");
        Project project = Examples.modern();
        List<CheckResult> results = new HostsCheck().run(project, Renderers.render(project), work);
        assertThat(results).extracting(CheckResult::subject).containsExactly("client /etc/hosts", "node1 /etc/hosts", "node2 /etc/hosts");
        assertThat(results).allSatisfy(r -> {
            assertThat(r.outcome()).as(r.describe()).isEqualTo(CheckResult.Outcome.PASS);
            assertThat(r.detail()).isEqualTo("7 names resolve as the project says");
        });

        FileSet wrong = replace(Renderers.render(project), "node2", "/etc/hosts",
                c -> c.replace("192.168.60.11   node1-repl", "192.168.60.13   node1-repl").replace("tandem-vip", "tandem-vlp"));
        CheckResult node2 = new HostsCheck().run(project, wrong, work.resolve("wrong")).get(2);
        assertThat(node2.outcome()).isEqualTo(CheckResult.Outcome.FAIL);
        assertThat(node2.detail()).isEqualTo("node1-repl resolves to 192.168.60.13, the project says 192.168.60.11; "
                + "tandem-vip resolves to nothing, the project says 192.168.50.100");
    }

    @Test
    void theFirstLineForANameWinsAsTheResolverSays(@TempDir Path work) {
        RealTools.require("getent", "unshare");
        Project project = Examples.modern();
        // Debian's installer writes the host's own name on 127.0.1.1; a line above Tandem's block wins.
        FileSet shadowed = replace(Renderers.render(project), "node1", "/etc/hosts", c -> "127.0.1.1       node1.test.lab node1\n" + c);
        CheckResult node1 = new HostsCheck().run(project, shadowed, work).get(1);
        assertThat(node1.detail()).isEqualTo("node1 resolves to 127.0.1.1, the project says 192.168.50.11; "
                + "node1.test.lab resolves to 127.0.1.1, the project says 192.168.50.11");
    }
}
