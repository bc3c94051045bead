package io.tandem.ssh;

import io.tandem.model.Secret;

/** How commands get root: already root, sudo without a password, or sudo with one fed on stdin. */
public sealed interface Sudo {

    record None() implements Sudo {
    }

    record Passwordless() implements Sudo {
    }

    /** The password goes to {@code sudo -S} on stdin: never on a command line, never in a log. */
    record WithPassword(Secret password) implements Sudo {
    }

    static Sudo forUser(String user) {
        return "root".equals(user) ? new None() : new Passwordless();
    }
}
