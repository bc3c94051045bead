package io.tandem.testing;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.fail;

/**
 * The namespace lab's description ({@code lab.env}, written by {@code lab/netns up}): addresses,
 * users, key. Tests that need the lab call {@link #require()}: skipped locally when it is down,
 * failed in CI, where scripts/test brings it up.
 */
public final class LabEnv {

    private final Map<String, String> values;

    private LabEnv(Map<String, String> values) {
        this.values = values;
    }

    public static LabEnv require() {
        Path file = Path.of(System.getenv().getOrDefault("TANDEM_LAB_ENV", "/tmp/tandem-netns/lab.env"));
        if (!Files.isRegularFile(file)) {
            String message = "the namespace lab is not up (" + file + " missing); run lab/netns up, or scripts/test";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(message + " (CI must not skip the lab tier)");
            }
            Assumptions.abort(message);
        }
        return read(file);
    }

    /**
     * The VM lab's {@code lab.env} (written by {@code lab/vm up}, {@code $TANDEM_VMLAB_ENV}, default
     * {@code /tmp/tandem-vm/lab.env}). The VM lab is not part of scripts/test or CI: the tests that
     * need it run only with {@code -Pvmlab}; then a lab that is down skips them, or fails them with
     * {@code CI=true}.
     */
    public static LabEnv requireVmLab() {
        Path file = Path.of(System.getenv().getOrDefault("TANDEM_VMLAB_ENV", "/tmp/tandem-vm/lab.env"));
        if (!Files.isRegularFile(file)) {
            String message = "the VM lab is not up (" + file + " missing); run lab/vm up";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(message + " (CI must not skip a test tier it was asked to run)");
            }
            Assumptions.abort(message);
        }
        return read(file);
    }

    private static LabEnv read(Path file) {
        try {
            Map<String, String> values = new HashMap<>();
            for (String line : Files.readAllLines(file)) {
                int eq = line.indexOf('=');
                if (eq > 0 && !line.startsWith("#")) {
                    String value = line.substring(eq + 1).strip();
                    if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"") || value.startsWith("'") && value.endsWith("'"))) {
                        value = value.substring(1, value.length() - 1);
                    }
                    values.put(line.substring(0, eq).strip(), value);
                }
            }
            return new LabEnv(values);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String get(String key) {
        String value = values.get(key);
        if (value == null) {
            throw new IllegalStateException("lab.env has no " + key);
        }
        return value;
    }

    /** Logs in to {@code address} with the lab's key (trusting its host key) and discovers it. */
    public io.tandem.discovery.HostFacts discover(String address, Path knownHosts) throws Exception {
        var settings = io.tandem.ssh.ConnectionSettings.of(new io.tandem.ssh.SshTarget(address, 22, get("LAB_KEY_USER")),
                java.util.List.of(new io.tandem.ssh.Authentication.KeyFile(key())),
                new io.tandem.ssh.HostKeyStore(java.util.List.of(), knownHosts), io.tandem.ssh.HostKeyPrompt.ACCEPT_NEW);
        try (var ssh = io.tandem.ssh.SshConnection.open(settings)) {
            return io.tandem.discovery.NodeDiscovery.discover(ssh);
        }
    }

    public Path key() {
        return Path.of(get("LAB_KEY"));
    }

    public String node1() {
        return get("LAB_NODE1_ADDRESS");
    }

    public String node2() {
        return get("LAB_NODE2_ADDRESS");
    }
}
