package io.tandem.ssh;

/** Everything that can go wrong talking to a host, typed, each with a message a person can act on. */
public final class SshFailure extends Exception {

    public enum Kind {
        UNREACHABLE, CONNECTION_REFUSED, TIMEOUT, AUTHENTICATION_FAILED, HOST_KEY_UNKNOWN_REFUSED, HOST_KEY_CHANGED, HOST_KEY_REVOKED,
        SUDO_PASSWORD_REQUIRED, SUDO_PASSWORD_WRONG, COMMAND_FAILED, CONNECTION_LOST, KEY_FILE_UNUSABLE,
        KNOWN_HOSTS_UNUSABLE
    }

    private final Kind kind;
    private final String host;

    public SshFailure(Kind kind, String host, String message, Throwable cause) {
        super(message, cause);
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
