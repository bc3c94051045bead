package io.tandem.ssh;

import io.tandem.model.Secret;

/** How commands get root: already root, sudo without a password, or sudo with one given when sudo asks. */
public sealed interface Sudo {

    record None() implements Sudo {
    }

    record Passwordless() implements Sudo {
    }

    /**
     * The password goes to {@code sudo -S} on stdin, only when sudo asks for it (see {@link SudoExchange}): never on a
     * command line, never in a log, never to the command.
     */
    record WithPassword(Secret password) implements Sudo {
    }

    static Sudo forUser(String user) {
        return "root".equals(user) ? new None() : new Passwordless();
    }
}
