package io.tandem.ssh;

import io.tandem.text.HostText;

/** Everything that can go wrong talking to a host, typed, each with a message a person can act on. */
public final class SshFailure extends Exception {

    public enum Kind {
        UNREACHABLE, CONNECTION_REFUSED, TIMEOUT, AUTHENTICATION_FAILED, HOST_KEY_UNKNOWN_REFUSED, HOST_KEY_CHANGED, HOST_KEY_REVOKED,
        SUDO_PASSWORD_REQUIRED, SUDO_PASSWORD_WRONG, COMMAND_FAILED, CONNECTION_LOST, KEY_FILE_UNUSABLE,
        KNOWN_HOSTS_UNUSABLE
    }

    private final Kind kind;
    private final String host;

    /**
     * {@code message} may quote what the host sent (a command's stderr, the server's words in a
     * JSch error): its control characters are escaped here, so no failure can drive a terminal.
     */
    public SshFailure(Kind kind, String host, String message, Throwable cause) {
        super(HostText.lines(message), cause);
        this.kind = kind;
        this.host = host;
    }

    public SshFailure(Kind kind, String host, String message) {
        this(kind, host, message, null);
    }

    public Kind kind() {
        return kind;
    }

    public String host() {
        return host;
    }
}
