package io.tandem.plan;

import io.tandem.ssh.ExecResult;
import io.tandem.ssh.RemoteCommand;
import io.tandem.testing.RealTools;
import io.tandem.text.ShellQuote;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The quorum device's certificate exchange with the real corosync-qnetd-certutil,
 * corosync-qdevice-net-certutil and NSS tools: three "hosts" on this machine, each command in a
 * private mount namespace whose /etc/corosync (and /var/lib, for the backup folder) is that host's
 * own directory. Afterwards both nodes hold the same cluster certificate and key, valid as a TLS
 * client certificate under the witness's CA, and the step's check, reading the real tools' output,
 * says done; a new CA on the witness makes it say not done until the step runs again.
 */
class QdeviceCertificatesRealToolsTest {

    private static final String CLUSTER = "vmlab";
    private static final List<String> NODES = List.of("node1", "node2");

    @BeforeAll
    static void tools() {
        RealTools.require("unshare", "mount", "certutil", "pk12util", "corosync-qnetd-certutil", "corosync-qdevice-net-certutil", "base64");
        RealTools.requireRoot("each host is a private mount namespace with its own /etc/corosync");
    }

    /** One host: commands run as root by sh in a mount namespace with the host's own /etc/corosync and /var/lib. */
    private record Sandbox(String host, Path root) implements TestRemote {

        @Override
        public ExecResult run(RemoteCommand command, byte[] stdin, Duration timeout, Consumer<String> lines) {
            String wrapper = "set -e; mount --bind \"$1\" /etc/corosync; mount --bind \"$2\" /var/lib; exec sh -c \"$3\"";
            return LocalRoot.sh("unshare -m --propagation private sh -c " + ShellQuote.quote(wrapper) + " sh "
                    + ShellQuote.join(List.of(root.resolve("etc-corosync").toString(), root.resolve("var-lib").toString(), command.script())), stdin);
        }

        String sh(String script) {
            ExecResult result = run(RemoteCommand.script(script), new byte[0], Duration.ofMinutes(1), l -> { });
            assertThat(result.exitStatus()).as(host + ": " + script + "\n" + result.stderr()).isZero();
            return result.stdout();
        }

        static Sandbox in(Path dir, String host) throws IOException {
            Path root = dir.resolve(host);
            Files.createDirectories(root.resolve("etc-corosync"));
            Files.createDirectories(root.resolve("var-lib"));
            return new Sandbox(host, root);
        }
    }

    private static boolean done(Step step, List<Sandbox> hosts) {
        ProbeResults results = new ProbeResults();
        for (Probe probe : step.check().probes()) {
            Sandbox host = hosts.stream().filter(h -> h.host().equals(probe.host())).findFirst().orElseThrow();
            ExecResult out = host.run(RemoteCommand.script(probe.script()), new byte[0], Duration.ofMinutes(1), l -> { });
            results.put(probe.host(), probe.name(), new ProbeResults.Output(out.stdout(), out.exitStatus()));
        }
        return step.check().done(results);
    }

    private static void apply(Step step, List<Sandbox> hosts) throws Exception {
        for (Action action : step.actions()) {
            action.task().run(hosts.stream().filter(h -> h.host().equals(action.host())).findFirst().orElseThrow());
        }
    }

    @Test
    void bothNodesGetTheClusterCertificateSignedByTheWitness(@TempDir Path dir) throws Exception {
        Sandbox witness = Sandbox.in(dir, "client");
        Sandbox node1 = Sandbox.in(dir, "node1");
        Sandbox node2 = Sandbox.in(dir, "node2");
        List<Sandbox> hosts = List.of(witness, node1, node2);
        // What corosync-qnetd's postinst does when the package is installed.
        witness.sh("corosync-qnetd-certutil -i -G >/dev/null");
        Step step = QuorumDeviceSteps.certificates(CLUSTER, "client", NODES);
        assertThat(step.hosts()).containsExactly("client", "node1", "node2");
        assertThat(done(step, hosts)).as("nodes without certificates").isFalse();

        apply(step, hosts);

        assertThat(done(step, hosts)).as("the check on the real tools' output after the step").isTrue();
        String db = QuorumDeviceSteps.NODE_DB;
        for (Sandbox node : List.of(node1, node2)) {
            assertThat(node.sh("certutil -V -u C -d " + db + " -n 'Cluster Cert'")).as(node.host() + ": a valid TLS client certificate")
                    .contains("certificate is valid");
            assertThat(node.sh("certutil -K -d " + db + " -f " + db + "/pwdfile.txt")).as(node.host() + ": its private key").contains("Cluster Cert");
        }
        String certificate = "certutil -L -d " + db + " -n 'Cluster Cert' -a | sha256sum";
        assertThat(node2.sh(certificate)).as("node2 holds node1's certificate").isEqualTo(node1.sh(certificate));
        assertThat(node1.sh("certutil -L -d " + db + " -n 'Cluster Cert'")).contains("Issuer: \"CN=QNet CA\"", "Subject: \"CN=" + CLUSTER + "\"");

        // A new CA on the witness (its database deleted and made again): the nodes' certificates no longer count.
        witness.sh("rm -rf " + QuorumDeviceSteps.QNETD_DB + " && corosync-qnetd-certutil -i -G >/dev/null");
        assertThat(done(step, hosts)).as("certificates from the old CA").isFalse();
        apply(step, hosts);
        assertThat(done(step, hosts)).isTrue();
        Path kept = node2.root().resolve("var-lib/tandem/backup/" + node2.runStamp() + QuorumDeviceSteps.NODE_DIR + "/nssdb/cert9.db");
        assertThat(kept).as("the previous database in the run's backup folder").exists();
    }

    @Test
    void anotherClustersCertificateDoesNotCount(@TempDir Path dir) throws Exception {
        Sandbox witness = Sandbox.in(dir, "client");
        List<Sandbox> hosts = List.of(witness, Sandbox.in(dir, "node1"), Sandbox.in(dir, "node2"));
        witness.sh("corosync-qnetd-certutil -i -G >/dev/null");
        apply(QuorumDeviceSteps.certificates("other", "client", NODES), hosts);
        assertThat(done(QuorumDeviceSteps.certificates(CLUSTER, "client", NODES), hosts)).isFalse();
        assertThat(done(QuorumDeviceSteps.certificates("other", "client", NODES), hosts)).isTrue();
    }
}
