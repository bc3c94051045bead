package io.tandem.lab;

import io.tandem.discovery.Check;
import io.tandem.discovery.CompatibilityReport;
import io.tandem.discovery.HostFacts;
import io.tandem.discovery.NodeDiscovery;
import io.tandem.discovery.SshScanner;
import io.tandem.facts.BlockDevice;
import io.tandem.facts.HostFile;
import io.tandem.facts.IfAddress;
import io.tandem.model.Secret;
import io.tandem.ssh.Authentication;
import io.tandem.ssh.ConnectionSettings;
import io.tandem.ssh.HostKeyPrompt;
import io.tandem.ssh.HostKeyStore;
import io.tandem.ssh.SshConnection;
import io.tandem.ssh.SshTarget;
import io.tandem.ssh.Sudo;
import io.tandem.testing.LabEnv;
import io.tandem.verify.LocalCommand;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Discovery against the namespace lab's real hosts: facts, report, read-only, one round trip, the scan. */
class LabDiscoveryIT {

    private LabEnv lab;
    @TempDir
    Path dir;

    @BeforeEach
    void lab() {
        lab = LabEnv.require();
    }

    private HostFacts discover(String address) throws Exception {
        return lab.discover(address, dir.resolve("kh"));
    }

    @Test
    void theClientsOwnInitiatorNameIsReadAndKept() throws Exception {
        HostFacts client = discover(lab.get("LAB_CLIENT_ADDRESS"));
        assertThat(client.hostname()).isEqualTo("client");
        assertThat(client.initiatorName()).as("read as root from the 0600 file open-iscsi writes").contains(lab.get("LAB_CLIENT_IQN"));
        assertThat(io.tandem.discovery.InitiatorReport.keptName(client)).contains(lab.get("LAB_CLIENT_IQN"));
        assertThat(io.tandem.discovery.InitiatorReport.forClient(client))
                .anySatisfy(c -> assertThat(c.title() + " " + c.status() + " " + c.reason()).contains("initiator name PASS keeps its own"));
        HostFacts node1 = discover(lab.node1());
        assertThat(node1.initiatorName()).as("no open-iscsi on the node").isEmpty();
        assertThat(node1.unavailable()).doesNotContainKey("initiator-name");
    }

    @Test
    void bothNodesAreDiscoveredWithTheirRealNicsAndDisks() throws Exception {
        HostFacts node1 = discover(lab.node1());
        HostFacts node2 = discover(lab.node2());

        assertThat(node1.hostname()).isEqualTo("node1");
        assertThat(node2.hostname()).isEqualTo("node2");
        assertThat(node1.os()).hasValueSatisfying(os -> assertThat(os.id()).isIn("debian", "ubuntu"));
        assertThat(node1.roundTrips()).as("all facts in one command").isEqualTo(1);
        assertThat(node1.unavailable().keySet()).as("facts that could not be read").isSubsetOf("time-sync");

        assertThat(CompatibilityReport.usableNics(node1)).extracting(n -> n.name()).containsExactlyInAnyOrder("eth0", "eth1", "eth2", "eth3");
        assertThat(node1.links()).filteredOn(l -> l.name().equals("eth2")).singleElement()
                .satisfies(l -> assertThat(l.mac()).isEqualTo("02:54:00:01:00:02"));
        assertThat(node1.addresses().get("eth2")).extracting(IfAddress::cidr).contains(lab.get("LAB_NODE1_REPL_ADDRESS") + "/24");
        assertThat(node1.sshInterface()).contains("eth0");

        String[] disks = lab.get("LAB_NODE1_DISKS").split(" ");
        BlockDevice data = device(node1, disks[0]);
        BlockDevice blank = device(node1, disks[1]);
        assertThat(data.sizeBytes()).isEqualTo(64L << 20);
        assertThat(node1.inUseReasons(data)).anySatisfy(r -> assertThat(r).contains("ext4"));
        assertThat(node1.inUseReasons(blank)).isEmpty();
        assertThat(CompatibilityReport.freeDevices(node1)).extracting(BlockDevice::path).contains(disks[1]).doesNotContain(disks[0]);

        List<Check> report = CompatibilityReport.forNode(node1);
        assertThat(status(report, "operating system")).isEqualTo(Check.Status.PASS);
        assertThat(status(report, "NICs for two bonds")).isEqualTo(Check.Status.PASS);
        assertThat(status(report, "backing device")).isEqualTo(Check.Status.PASS);
        // Network namespaces share the host kernel, which cannot load DRBD: the report must say so.
        assertThat(status(report, "DRBD")).isEqualTo(Check.Status.FAIL);
        List<Check> pair = CompatibilityReport.forPair(node1, node2);
        assertThat(status(pair, "distinct names")).isEqualTo(Check.Status.PASS);
        assertThat(status(pair, "clocks")).isEqualTo(Check.Status.PASS);
        assertThat(status(pair, "matching disks")).isEqualTo(Check.Status.PASS);
        assertThat(status(pair, "same OS")).isEqualTo(Check.Status.PASS);
    }

    private HostFacts discoverAsRoot(String address) throws Exception {
        ConnectionSettings root = ConnectionSettings.of(new SshTarget(address, 22, "root"), List.of(new Authentication.KeyFile(lab.key())),
                new HostKeyStore(List.of(), dir.resolve("kh")), HostKeyPrompt.ACCEPT_NEW);
        try (SshConnection ssh = SshConnection.open(root)) {
            return NodeDiscovery.discover(ssh);
        }
    }

    @Test
    void aNonRootUserWithASudoPasswordSeesTheSameFactsAsRoot() throws Exception {
        Secret password = Secret.of(lab.get("LAB_PASSWORD"));
        ConnectionSettings settings = ConnectionSettings.of(new SshTarget(lab.node2(), 22, lab.get("LAB_PASSWORD_USER")),
                List.of(new Authentication.Password(password)), new HostKeyStore(List.of(), dir.resolve("kh")), HostKeyPrompt.ACCEPT_NEW)
                .withSudo(new Sudo.WithPassword(password));
        HostFacts asSudoUser;
        try (SshConnection ssh = SshConnection.open(settings)) {
            asSudoUser = NodeDiscovery.discover(ssh);
        }
        HostFacts asRoot = discoverAsRoot(lab.node2());

        // wipefs needs root: the ext4 signature is only seen when sudo really worked.
        String data = lab.get("LAB_NODE2_DISKS").split(" ")[0];
        assertThat(asRoot.signatures().get(data)).isNotEmpty();
        assertThat(asSudoUser.files().read()).isTrue();
        assertThat(asSudoUser.target()).isEqualTo(lab.get("LAB_PASSWORD_USER") + "@" + lab.node2());
        // Everything but who logged in and when: the same host, read with the same rights.
        assertThat(asSudoUser).usingRecursiveComparison()
                .ignoringFields("target", "clockOffset", "elapsed", "discoveredAt")
                .isEqualTo(asRoot);
    }

    /** The client's root logs in to tcsh (lab/netns): the fact script must still run in sh, every fact read. */
    @Test
    void aRootWhoseLoginShellIsTcshIsDiscoveredLikeAnyOther() throws Exception {
        HostFacts asRoot = discoverAsRoot(lab.get("LAB_CLIENT_ADDRESS"));
        HostFacts asKeyUser = discover(lab.get("LAB_CLIENT_ADDRESS"));
        assertThat(asRoot.hostname()).isEqualTo("client");
        assertThat(asRoot.unavailable()).isEqualTo(asKeyUser.unavailable());
        assertThat(asRoot).usingRecursiveComparison()
                .ignoringFields("target", "clockOffset", "elapsed", "discoveredAt")
                .isEqualTo(asKeyUser);
    }

    @Test
    void discoveryReadsTheConfigurationFilesAsTheyAreOnTheHost() throws Exception {
        HostFacts node1 = discover(lab.node1());
        HostFacts client = discover(lab.get("LAB_CLIENT_ADDRESS"));

        String node1Hosts = read(lab.get("LAB_DIR") + "/node1/hosts");
        String clientHosts = read(lab.get("LAB_DIR") + "/client/hosts");

        assertThat(node1.unavailable()).doesNotContainKey("files");
        // Each lab host sees its own /etc/hosts (LAB/NODE/hosts bind-mounted in its sshd's mount namespace).
        assertThat(node1.files().file("/etc/hosts")).hasValueSatisfying(f -> {
            assertThat(f.state()).isEqualTo(HostFile.State.PRESENT);
            assertThat(f.content()).isEqualTo(node1Hosts);
        });
        assertThat(client.files().file("/etc/hosts")).hasValueSatisfying(f -> assertThat(f.content())
                .isEqualTo(clientHosts));
        assertThat(node1.files().file("/etc/heartbeat/authkeys")).map(HostFile::state).contains(HostFile.State.ABSENT);
        assertThat(node1.files().file("/etc/drbd.d/r0.res")).map(HostFile::state).contains(HostFile.State.ABSENT);
        assertThat(node1.files().file("/etc/corosync/authkey")).hasValueSatisfying(f -> assertThat(f.content()).isEmpty());
        assertThat(node1.roundTrips()).as("still one command").isEqualTo(1);
    }

    private static String read(String path) throws java.io.IOException {
        return Files.readString(Path.of(path));
    }

    @Test
    void discoveryChangesNoFileOnTheHost() throws Exception {
        Path marker = Files.createTempFile(dir, "before", "");
        Thread.sleep(50);
        String hostsBefore = read(lab.get("LAB_DIR") + "/node1/hosts");
        discover(lab.node1());
        discover(lab.get("LAB_CLIENT_ADDRESS"));
        assertThat(read(lab.get("LAB_DIR") + "/node1/hosts")).as("node1's /etc/hosts, which discovery read").isEqualTo(hostsBefore);
        var changed = LocalCommand.run(List.of("find", "/etc", "/var/lib", "/usr", "/boot", "/opt", "-xdev", "-newer", marker.toString(),
                "-not", "-path", "/var/lib/sudo/*"), Map.of(), dir, Duration.ofSeconds(60));
        assertThat(changed.stdout()).as("files changed during discovery").isEmpty();
    }

    /**
     * apt-cache run as root writes pkgcache.bin and srcpkgcache.bin (~37 MB each) when they are
     * missing or stale. Each lab host has stock apt settings over an empty /var/cache/apt of its own
     * (LAB/NODE/apt/cache, lab/README.md): a plain apt-cache policy there writes both files, which
     * shows the lab reproduces it, and discovery must write neither.
     */
    @Test
    void discoveryWritesNoAptCache() throws Exception {
        Path cache = Path.of(lab.get("LAB_DIR"), "node1", "apt", "cache");
        clear(cache);

        discover(lab.node1());
        assertThat(names(cache)).as("files discovery left in node1's /var/cache/apt").isEmpty();

        var settings = ConnectionSettings.of(new SshTarget(lab.node1(), 22, lab.get("LAB_KEY_USER")),
                List.of(new Authentication.KeyFile(lab.key())), new HostKeyStore(List.of(), dir.resolve("kh")), HostKeyPrompt.ACCEPT_NEW);
        try (SshConnection ssh = SshConnection.open(settings)) {
            var plain = ssh.runAsRoot(io.tandem.ssh.RemoteCommand.script("LC_ALL=C apt-cache policy corosync >/dev/null"), Duration.ofSeconds(120));
            assertThat(plain.exitStatus()).isZero();
        }
        assertThat(names(cache)).as("a plain apt-cache policy as root on node1 writes them").contains("pkgcache.bin", "srcpkgcache.bin");
        clear(cache);
    }

    private static List<String> names(Path folder) throws java.io.IOException {
        try (var files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).toList();
        }
    }

    private static void clear(Path folder) throws java.io.IOException {
        try (var files = Files.list(folder)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
    }

    @Test
    void theScanFindsExactlyTheLabsSshServers() throws Exception {
        List<SshScanner.Found> found = SshScanner.scan(lab.get("LAB_SUBNET"),
                new SshScanner.Settings(22, 64, Duration.ofMillis(500), Duration.ofSeconds(60)), n -> { });
        assertThat(found).extracting(SshScanner.Found::address)
                .containsExactly(lab.node1(), lab.node2(), lab.get("LAB_CLIENT_ADDRESS"));
        assertThat(found).allSatisfy(f -> assertThat(f.banner()).startsWith("SSH-2.0-OpenSSH"));
    }

    private static BlockDevice device(HostFacts facts, String path) {
        return facts.allBlockDevices().stream().filter(d -> path.equals(d.path())).findFirst()
                .orElseThrow(() -> new AssertionError(path + " not among " + facts.allBlockDevices().stream().map(BlockDevice::path).toList()));
    }

    private static Check.Status status(List<Check> checks, String title) {
        return checks.stream().filter(c -> c.title().equals(title)).findFirst().orElseThrow(() -> new AssertionError("no check " + title))
                .status();
    }
}
