package io.tandem.ssh;

import io.tandem.model.Secret;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A failed command's stderr is the host's text: quoted in the failure, its escape sequences are made visible. */
class HostStderrInFailuresTest {

    @Test
    void aFailureQuotingStderrCarriesNoControlCharacters(@TempDir Path dir) throws Exception {
        try (TestSshServer server = new TestSshServer(dir.resolve("hostkey"))) {
            ConnectionSettings settings = ConnectionSettings.of(new SshTarget("127.0.0.1", server.port(), "root"),
                    List.of(new Authentication.Password(Secret.of(TestSshServer.PASSWORD))),
                    new HostKeyStore(List.of(), dir.resolve("known_hosts")), HostKeyPrompt.ACCEPT_NEW);
            try (SshConnection ssh = SshConnection.open(settings)) {
                RemoteCommand command = RemoteCommand.script("printf 'no\\033]0;pwned\\007 \\033[2J\\302\\233H\\342\\200\\256x\\n' >&2; exit 2");
                ExecResult result = ssh.run(command, Duration.ofSeconds(20));
                assertThat(result.stderr()).as("the transport keeps the bytes").contains("\u001b]0;pwned\u0007");

                String message = ssh.commandFailed(command, result).getMessage();

                assertThat(message).contains("no\\x1b]0;pwned\\x07 \\x1b[2J\\x9bH\\u202ex")
                        .doesNotContain("\u001b", "\u0007", "\u009b", "\u202e");
            }
        }
    }
}
