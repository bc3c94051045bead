package io.tandem.plan;

import io.tandem.ssh.RemoteCommand;
import io.tandem.text.ShellQuote;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The quorum device: corosync-qnetd on the witness, the cluster's TLS certificate signed by the
 * witness's CA on both nodes, and corosync-qdevice running on them. The certificate moves between
 * hosts the way corosync-qdevice-net-certutil's own quick start moves it, only through this
 * workstation instead of by scp from node to node: the CA to the nodes, the first node's request
 * to the witness, the signed certificate back, and the first node's PKCS#12 bundle (its private
 * key) to the other node, on stdin, never shown or journaled.
 */
public final class QuorumDeviceSteps {

    static final String QNETD_DB = "/etc/corosync/qnetd/nssdb";
    static final String NODE_DIR = "/etc/corosync/qdevice/net";
    static final String NODE_DB = NODE_DIR + "/nssdb";
    static final String CA_NICKNAME = "QNet CA";
    static final String CLUSTER_NICKNAME = "Cluster Cert";
    private static final Duration SHORT = Duration.ofMinutes(2);
    /** sha256sum of nothing: certutil printed no CA. */
    private static final String EMPTY_HASH = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    private QuorumDeviceSteps() {
    }

    static Probe unitProbe(String host, String name, String unit) {
        String u = ShellQuote.quote(unit);
        return new Probe(host, name, "echo \"$(systemctl is-enabled " + u + " 2>/dev/null) $(systemctl is-active " + u + " 2>/dev/null)\"");
    }

    static boolean enabledActive(String output) {
        return output.strip().equals("enabled active");
    }

    /** qnetd on the witness with its certificate database, running and started at boot. */
    public static Step witness(String host) {
        Probe unit = unitProbe(host, "qnetd-unit", "corosync-qnetd");
        Probe db = new Probe(host, "qnetd-db", "[ -f " + QNETD_DB + "/cert9.db ] && echo yes || echo no");
        Check check = Check.on("corosync-qnetd runs on " + host + " with its certificate authority and starts at boot", List.of(unit, db),
                results -> results.text(unit).map(QuorumDeviceSteps::enabledActive).orElse(false)
                        && results.text(db).map(s -> s.strip().equals("yes")).orElse(false));
        // The package's postinst makes the CA; this covers a database someone removed since.
        RemoteCommand command = RemoteCommand.script("db=" + QNETD_DB + "; if [ ! -f \"$db/cert9.db\" ]; then corosync-qnetd-certutil -i -G >/dev/null"
                + " && chgrp coroqnetd \"$db\" \"$db/cert9.db\" \"$db/key4.db\"; fi && systemctl enable corosync-qnetd && systemctl restart corosync-qnetd");
        return Step.on(host, Phase.CLUSTER, "qnetd:" + host, "Run the quorum device's server (corosync-qnetd) on " + host
                        + ": the third vote that lets the node it can reach keep quorum", check,
                "systemctl disable --now corosync-qnetd", new Action(host, command.display(), remote -> remote.require(command, SHORT)));
    }

    /** {@code sha256 of the CA} on the witness. */
    static Probe witnessCaProbe(String host) {
        return new Probe(host, "qnetd-ca", "certutil -L -d " + QNETD_DB + " -n " + ShellQuote.quote(CA_NICKNAME) + " -a 2>/dev/null | sha256sum");
    }

    /** {@code sha256 of the CA} then the cluster certificate's subject line (empty without one) on a node. */
    static Probe nodeCertProbe(String node) {
        return new Probe(node, "qdevice-certs", "certutil -L -d " + NODE_DB + " -n " + ShellQuote.quote(CA_NICKNAME) + " -a 2>/dev/null | sha256sum; "
                + "certutil -L -d " + NODE_DB + " -n " + ShellQuote.quote(CLUSTER_NICKNAME) + " 2>/dev/null | grep -m1 'Subject:' || true");
    }

    static Optional<String> hash(String output) {
        String first = output.strip().split("\n")[0].strip().split(" ")[0];
        return first.matches("[0-9a-f]{64}") && !first.equals(EMPTY_HASH) ? Optional.of(first) : Optional.empty();
    }

    /** True when a node's answer shows the witness's CA and a cluster certificate for {@code clusterName}. */
    static boolean nodeHasCertificates(String output, String witnessCa, String clusterName) {
        String[] lines = output.strip().split("\n");
        return hash(output).map(witnessCa::equals).orElse(false) && lines.length >= 2
                && lines[1].strip().equals("Subject: \"CN=" + clusterName + "\"");
    }

    /** Both nodes hold the cluster's certificate, signed by the witness's current CA. */
    public static Step certificates(String clusterName, String witness, List<String> nodes) {
        Probe ca = witnessCaProbe(witness);
        List<Probe> nodeProbes = nodes.stream().map(QuorumDeviceSteps::nodeCertProbe).toList();
        List<Probe> probes = new ArrayList<>(List.of(ca));
        probes.addAll(nodeProbes);
        Check check = Check.on(String.join(" and ", nodes) + " hold the cluster's certificate (CN=" + clusterName + ") signed by "
                + witness + "'s certificate authority", probes, results -> results.text(ca).flatMap(QuorumDeviceSteps::hash)
                .map(caHash -> nodeProbes.stream().allMatch(p -> results.text(p).map(out -> nodeHasCertificates(out, caHash, clusterName)).orElse(false)))
                .orElse(false));
        String first = nodes.get(0);
        Relay relay = new Relay();
        List<Action> actions = new ArrayList<>();
        RemoteCommand readCa = RemoteCommand.script("base64 -w0 " + QNETD_DB + "/qnetd-cacert.crt");
        actions.add(new Action(witness, "read " + witness + "'s CA certificate (" + QNETD_DB + "/qnetd-cacert.crt)",
                remote -> relay.ca = remote.read(readCa, SHORT).stdout().strip()));
        for (String node : nodes) {
            actions.add(new Action(node, "move any earlier " + NODE_DB + " into the run's backup folder, make a new one that trusts " + witness + "'s CA",
                    remote -> send(remote, initNode(remote.runStamp()), relay.ca)));
        }
        RemoteCommand request = RemoteCommand.script("set -e; corosync-qdevice-net-certutil -r -n " + ShellQuote.quote(clusterName)
                + " >/dev/null; base64 -w0 " + NODE_DB + "/qdevice-net-node.crq");
        actions.add(new Action(first, "make the cluster's certificate request on " + first + " (corosync-qdevice-net-certutil -r -n " + clusterName + ")",
                remote -> relay.request = remote.read(request, SHORT).stdout().strip()));
        String sign = "set -e; t=$(mktemp -d); trap 'rm -rf \"$t\"' EXIT; base64 -d > \"$t/cluster.crq\"; "
                + "corosync-qnetd-certutil -s -c \"$t/cluster.crq\" -n " + ShellQuote.quote(clusterName) + " >/dev/null; base64 -w0 "
                + ShellQuote.quote(QNETD_DB + "/cluster-" + clusterName + ".crt");
        actions.add(new Action(witness, "sign it with " + witness + "'s CA (corosync-qnetd-certutil -s -n " + clusterName + ")",
                remote -> relay.certificate = send(remote, sign, relay.request)));
        String bundle = "set -e; t=$(mktemp -d); trap 'rm -rf \"$t\"' EXIT; base64 -d > \"$t/cluster.crt\"; "
                + "corosync-qdevice-net-certutil -M -c \"$t/cluster.crt\" >/dev/null; base64 -w0 " + NODE_DB + "/qdevice-net-node.p12";
        actions.add(new Action(first, "import the signed certificate on " + first + " (corosync-qdevice-net-certutil -M)",
                remote -> relay.bundle = send(remote, bundle, relay.certificate)));
        String importBundle = "set -e; t=$(mktemp -d); trap 'rm -rf \"$t\"' EXIT; base64 -d > \"$t/node.p12\"; "
                + "corosync-qdevice-net-certutil -m -c \"$t/node.p12\" >/dev/null";
        for (String node : nodes.subList(1, nodes.size())) {
            actions.add(new Action(node, "import the cluster's certificate and key on " + node + " (corosync-qdevice-net-certutil -m; sent on stdin, never shown)",
                    remote -> send(remote, importBundle, relay.bundle)));
        }
        return new Step("qdevice-certificates", Phase.CLUSTER, hostsOf(witness, nodes), "Give " + String.join(" and ", nodes)
                + " the cluster's TLS certificate for the quorum device, signed by " + witness + "'s certificate authority", check, actions,
                "the nodes' previous certificate databases are in the run's backup folder", Optional.empty(), List.of());
    }

    /** The new node database: the old one moved into the run's backup folder, the CA (base64 on stdin) imported. */
    static String initNode(String stamp) {
        String backup = ShellQuote.quote(FileWrite.BACKUP_ROOT + "/" + stamp + NODE_DIR);
        return "set -e; d=" + NODE_DIR + "; mkdir -p \"$d\"; if [ -e \"$d/nssdb\" ]; then mkdir -p -m 0700 " + backup + "; rm -rf " + backup + "/nssdb; "
                + "mv \"$d/nssdb\" " + backup + "/; fi; base64 -d > \"$d/qnetd-cacert.crt\"; "
                + "corosync-qdevice-net-certutil -i -c \"$d/qnetd-cacert.crt\" >/dev/null";
    }

    private static List<String> hostsOf(String witness, List<String> nodes) {
        List<String> hosts = new ArrayList<>(List.of(witness));
        hosts.addAll(nodes);
        return hosts;
    }

    /** Runs {@code script} with {@code base64} on stdin and returns its stdout (a certificate, a key: never journaled); fails with its stderr. */
    private static String send(Remote remote, String script, String base64) throws io.tandem.ssh.SshFailure, StepFailure {
        return remote.read(RemoteCommand.script(script), base64.getBytes(StandardCharsets.US_ASCII), SHORT).stdout().strip();
    }

    /** What one action hands to the next, in memory only. */
    private static final class Relay {
        volatile String ca;
        volatile String request;
        volatile String certificate;
        volatile String bundle;
    }

    /** corosync-qdevice running on a node and started at boot; after corosync, which it registers with. */
    public static Step startQdevice(String node) {
        Probe unit = unitProbe(node, "qdevice-unit", "corosync-qdevice");
        RemoteCommand command = RemoteCommand.script("systemctl enable corosync-qdevice && systemctl restart corosync-qdevice");
        return Step.on(node, Phase.CLUSTER, "qdevice-start:" + node, "Start the quorum device's client (corosync-qdevice) on " + node,
                Check.of("corosync-qdevice runs on " + node + " and starts at boot", unit, QuorumDeviceSteps::enabledActive),
                "systemctl disable --now corosync-qdevice", new Action(node, command.display(), remote -> remote.require(command, SHORT)));
    }
}
