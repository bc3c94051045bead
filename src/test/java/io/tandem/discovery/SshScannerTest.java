package io.tandem.discovery;

import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Scans only loopback here (the namespace lab IT scans the lab subnet). */
class SshScannerTest {

    @Test
    void findsTheSshServerAndIgnoresOtherListeners(@TempDir Path dir) throws Exception {
        SshServer server = SshServer.setUpDefaultServer();
        server.setHost("127.0.0.1");
        server.setPort(0);
        server.setKeyPairProvider(new SimpleGeneratorHostKeyProvider(dir.resolve("k")));
        server.setPasswordAuthenticator((u, p, s) -> false);
        server.start();
        try (ServerSocket notSsh = new ServerSocket(0, 5, java.net.InetAddress.getByName("127.0.0.2"))) {
            AtomicInteger progress = new AtomicInteger();
            var settings = new SshScanner.Settings(server.getPort(), 8, Duration.ofMillis(500), Duration.ofSeconds(20));
            List<SshScanner.Found> found = SshScanner.scan("127.0.0.0/29", settings, progress::set);
            assertThat(found).extracting(SshScanner.Found::address).containsExactly("127.0.0.1");
            assertThat(found.getFirst().banner()).startsWith("SSH-2.0-");
            assertThat(progress.get()).isEqualTo(6);
        } finally {
            server.stop(true);
        }
    }

    @Test
    void refusesSubnetsTooLargeOrMalformed() {
        assertThatThrownBy(() -> SshScanner.scan("10.0.0.0/16", SshScanner.Settings.defaults(), n -> { }))
                .hasMessageContaining("at most a /22");
        assertThatThrownBy(() -> SshScanner.scan("10.0.0.0", SshScanner.Settings.defaults(), n -> { }))
                .hasMessageContaining("not an IPv4 subnet");
    }
}
