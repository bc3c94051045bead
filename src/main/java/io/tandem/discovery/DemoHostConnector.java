package io.tandem.discovery;

import io.tandem.ssh.ConnectionSettings;
import io.tandem.ssh.HostKeyPrompt;
import io.tandem.ssh.SshFailure;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The built-in demo cluster: node1, node2 and client at 192.168.50.11/.12/.20 (or by name),
 * answering with command outputs shipped in {@code /demo/} that go through the real parsers. It
 * shows a host-key prompt like a real first contact, with a fixed, clearly fake fingerprint.
 */
public final class DemoHostConnector implements HostConnector {

    public static final Map<String, String> HOSTS = Map.of("192.168.50.11", "node1", "192.168.50.12", "node2", "192.168.50.20", "client",
            "node1", "node1", "node2", "node2", "client", "client");
    private static final String FINGERPRINT = "SHA256:DEMO0000000000000000000000000000000000000000";

    private final Duration delay;

    /** {@code delay} simulates the time a real discovery takes, so progress and Cancel can be seen. */
    public DemoHostConnector(Duration delay) {
        this.delay = delay;
    }

    @Override
    public HostFacts discover(ConnectionSettings settings) throws SshFailure {
        String host = HOSTS.get(settings.target().host());
        String target = settings.target().toString();
        if (host == null) {
            throw new SshFailure(SshFailure.Kind.UNREACHABLE, target, "The demo cluster has node1 (192.168.50.11), node2 "
                    + "(192.168.50.12) and client (192.168.50.20); " + settings.target().host() + " is not one of them.");
        }
        if (!settings.hostKeyPrompt().trust(new HostKeyPrompt.UnknownKey(settings.target().host(), settings.target().port(),
                "ssh-ed25519", FINGERPRINT))) {
            throw new SshFailure(SshFailure.Kind.HOST_KEY_UNKNOWN_REFUSED, target, "The host key of " + settings.target().host()
                    + " was not accepted, so Tandem did not log in.");
        }
        try {
            Thread.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SshFailure(SshFailure.Kind.TIMEOUT, target, "Discovery was cancelled.", e);
        }
        return facts(host, target);
    }

    /** What discovery reads on the demo host {@code host} (node1, node2 or client), at once and without a prompt. */
    public static HostFacts facts(String host) {
        return facts(host, host);
    }

    private static HostFacts facts(String host, String target) {
        long before = nowNanos();
        Map<String, FactScript.Section> sections = new LinkedHashMap<>();
        for (String fact : new String[] {"os-release", "uname", "hostname", "fqdn", "hostname-resolves", "ip-link", "ip-addr",
                "nic-hardware", "lsblk", "wipefs", "dpkg", "apt-policy", "drbd-versions", "drbd-module", "services", "time-sync",
                "meminfo", "ssh-connection"}) {
            sections.put(fact, new FactScript.Section(resource(host, fact), 0));
        }
        // What `cat /etc/iscsi/initiatorname.iscsi` prints: the demo file, or nothing without open-iscsi.
        sections.put("initiator-name", new FactScript.Section(DemoHostConnector.class.getResource(
                "/demo/" + host + "/files/etc/iscsi/initiatorname.iscsi") == null ? ""
                : new String(bytes("/demo/" + host + "/files/etc/iscsi/initiatorname.iscsi"), StandardCharsets.UTF_8), 0));
        sections.put("bonding", new FactScript.Section("", 0));
        sections.put("files", new FactScript.Section(files(host), 0));
        long now = nowNanos();
        sections.put("clock-start", new FactScript.Section(Long.toString(before), 0));
        sections.put("clock", new FactScript.Section(Long.toString(now), 0));
        return NodeDiscovery.read("demo:" + target, sections, before, now, 1, Duration.ofNanos(now - before));
    }

    @Override
    public boolean isDemo() {
        return true;
    }

    /** The demo hosts inside {@code cidr}; nothing is sent anywhere. */
    @Override
    public java.util.List<String> scan(String cidr) {
        var subnet = io.tandem.model.Ipv4.Subnet.parse(cidr)
                .orElseThrow(() -> new IllegalArgumentException("'" + cidr + "' is not an IPv4 subnet such as 192.168.50.0/24"));
        return java.util.stream.Stream.of("192.168.50.11", "192.168.50.12", "192.168.50.20")
                .filter(a -> subnet.contains(io.tandem.model.Ipv4.parse(a).orElseThrow())).toList();
    }

    private static long nowNanos() {
        return Clock.nowNanos();
    }

    /**
     * The "files" section as the fact script prints it, from stock Debian 12 files shipped in
     * {@code /demo/HOST/files/} and listed in {@code files.list} (class path resources cannot be listed).
     */
    static String files(String host) {
        java.util.List<String> present = resource(host, "files.list").lines().filter(l -> !l.isBlank()).toList();
        java.util.List<String> paths = new java.util.ArrayList<>(io.tandem.facts.HostFilesParser.PATHS);
        present.stream().filter(p -> !paths.contains(p)).forEach(paths::add);
        var base64 = java.util.Base64.getEncoder();
        StringBuilder out = new StringBuilder();
        for (String path : paths) {
            String name = base64.encodeToString(path.getBytes(StandardCharsets.UTF_8));
            if (present.contains(path)) {
                byte[] content = bytes("/demo/" + host + "/files" + path);
                out.append("@@FILE present ").append(content.length).append(' ').append(name).append('\n')
                        .append(base64.encodeToString(content)).append('\n');
            } else {
                out.append("@@FILE absent 0 ").append(name).append('\n');
            }
        }
        return out.toString();
    }

    /** A fact command's output on a demo host as shipped, e.g. {@code dpkg} (the same format discovery reads). */
    public static String output(String host, String fact) {
        return resource(host, fact);
    }

    private static String resource(String host, String fact) {
        return new String(bytes("/demo/" + host + "/" + fact + (fact.contains(".") ? "" : ".txt")), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String name) {
        try (InputStream in = DemoHostConnector.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("demo output missing: " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
