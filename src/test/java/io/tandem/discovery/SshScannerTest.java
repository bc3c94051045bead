package io.tandem.discovery;

import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Scans only loopback here (the namespace lab IT scans the lab subnet). */
class SshScannerTest {

    /** A TCP listener on the scanned port that says {@code greeting} (nothing when empty) to every client, then holds the line. */
    private static ServerSocket listener(String address, int port, String greeting) throws Exception {
        ServerSocket socket = new ServerSocket(port, 5, InetAddress.getByName(address));
        Thread.ofVirtual().start(() -> {
            List<Socket> open = new ArrayList<>();
            try {
                while (true) {
                    Socket client = socket.accept();
                    open.add(client);
                    client.getOutputStream().write(greeting.getBytes(StandardCharsets.US_ASCII));
                    client.getOutputStream().flush();
                }
            } catch (Exception closed) {
                // the test is over
            }
        });
        return socket;
    }

    @Test
    void findsTheSshServerAndNothingElseListeningOnThePort(@TempDir Path dir) throws Exception {
        SshServer server = SshServer.setUpDefaultServer();
        server.setHost("127.0.0.1");
        server.setPort(0);
        server.setKeyPairProvider(new SimpleGeneratorHostKeyProvider(dir.resolve("k")));
        server.setPasswordAuthenticator((u, p, s) -> false);
        server.start();
        int port = server.getPort();
        try (ServerSocket http = listener("127.0.0.2", port, "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n");
             ServerSocket silent = listener("127.0.0.3", port, "");
             ServerSocket sshOne = listener("127.0.0.4", port, "SSH-1.5-OldServer\r\n");
             ServerSocket preamble = listener("127.0.0.5", port, "Welcome, authorised users only\r\nSSH-2.0-OpenSSH_9.6\r\n")) {
            AtomicInteger progress = new AtomicInteger();
            var settings = new SshScanner.Settings(port, 8, Duration.ofMillis(500), Duration.ofSeconds(20));
            List<SshScanner.Found> found = SshScanner.scan("127.0.0.0/29", settings, progress::set);
            assertThat(found).as("an HTTP server, a silent listener and an SSH-1 server are not SSH servers Tandem can use")
                    .extracting(SshScanner.Found::address).containsExactly("127.0.0.1", "127.0.0.5");
            assertThat(found.getFirst().banner()).startsWith("SSH-2.0-");
            assertThat(found.get(1).banner()).as("lines before the version line are allowed (RFC 4253 4.2)").isEqualTo("SSH-2.0-OpenSSH_9.6");
            assertThat(progress.get()).isEqualTo(6);
        } finally {
            server.stop(true);
        }
    }

    @Test
    void onlyProtocolTwoVersionLinesCount() throws Exception {
        assertThat(SshScanner.versionLine(List.of("SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u3"))).contains("SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u3");
        assertThat(SshScanner.versionLine(List.of("SSH-1.99-Cisco-1.25"))).as("1.99: protocol 2 and 1 both").contains("SSH-1.99-Cisco-1.25");
        assertThat(SshScanner.versionLine(List.of("SSH-1.5-OldServer"))).isEmpty();
        assertThat(SshScanner.versionLine(List.of("SSH-"))).isEmpty();
        assertThat(SshScanner.versionLine(List.of("HTTP/1.1 400 Bad Request", "SSH-2.0-x"))).contains("SSH-2.0-x");
        assertThat(SshScanner.versionLine(List.of())).isEmpty();
    }

    @Test
    void refusesSubnetsTooLargeOrMalformed() {
        assertThatThrownBy(() -> SshScanner.scan("10.0.0.0/16", SshScanner.Settings.defaults(), n -> { }))
                .hasMessageContaining("at most a /22");
        assertThatThrownBy(() -> SshScanner.scan("10.0.0.0", SshScanner.Settings.defaults(), n -> { }))
                .hasMessageContaining("not an IPv4 subnet");
    }
}
