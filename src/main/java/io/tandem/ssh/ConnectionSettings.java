package io.tandem.ssh;

import java.time.Duration;
import java.util.List;

/** Everything needed to open a connection to one host. */
public record ConnectionSettings(
        SshTarget target,
        List<Authentication> authentications,
        Sudo sudo,
        HostKeyStore hostKeys,
        HostKeyPrompt hostKeyPrompt,
        PassphrasePrompt passphrasePrompt,
        Duration connectTimeout,
        Duration keepaliveInterval) {

    public ConnectionSettings {
        authentications = List.copyOf(authentications);
        if (authentications.isEmpty()) {
            throw new IllegalArgumentException("at least one authentication method is needed");
        }
    }

    /** Sensible defaults: 10 s to connect, a keepalive every 15 s. */
    public static ConnectionSettings of(SshTarget target, List<Authentication> authentications, HostKeyStore hostKeys,
                                        HostKeyPrompt hostKeyPrompt) {
        return new ConnectionSettings(target, authentications, Sudo.forUser(target.user()), hostKeys, hostKeyPrompt,
                PassphrasePrompt.NONE, Duration.ofSeconds(10), Duration.ofSeconds(15));
    }

    public ConnectionSettings withSudo(Sudo sudo) {
        return new ConnectionSettings(target, authentications, sudo, hostKeys, hostKeyPrompt, passphrasePrompt, connectTimeout, keepaliveInterval);
    }

    public ConnectionSettings withPassphrasePrompt(PassphrasePrompt prompt) {
        return new ConnectionSettings(target, authentications, sudo, hostKeys, hostKeyPrompt, prompt, connectTimeout, keepaliveInterval);
    }

    public ConnectionSettings withConnectTimeout(Duration timeout) {
        return new ConnectionSettings(target, authentications, sudo, hostKeys, hostKeyPrompt, passphrasePrompt, timeout, keepaliveInterval);
    }
}
