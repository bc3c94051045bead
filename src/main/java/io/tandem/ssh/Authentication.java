package io.tandem.ssh;

import io.tandem.model.Secret;

import java.nio.file.Path;

/** One way to prove who we are; a connection tries its list in order, like OpenSSH. */
public sealed interface Authentication {

    /** Keys held by a running ssh-agent: at {@code socket}, or {@code $SSH_AUTH_SOCK} when null. */
    record Agent(Path socket) implements Authentication {
        public Agent() {
            this(null);
        }
    }

    /** A private key file (OpenSSH or PEM; ed25519, ECDSA or RSA); a passphrase is asked for when needed. */
    record KeyFile(Path file) implements Authentication {
    }

    /** A password, sent only over the encrypted connection and never logged. */
    record Password(Secret password) implements Authentication {
    }

    /** The name of the SSH method, for "tried: …" messages. */
    default String methodName() {
        return switch (this) {
            case Agent a -> "ssh-agent";
            case KeyFile k -> "key " + k.file().getFileName();
            case Password p -> "password";
        };
    }
}
