package io.tandem.ssh;

/**
 * Asks the user about a host key seen for the first time, like OpenSSH's
 * {@code StrictHostKeyChecking ask}: the GUI shows a dialog, the CLI asks or obeys
 * {@code --accept-new-host-keys}.
 */
@FunctionalInterface
public interface HostKeyPrompt {

    /** A key Tandem has not seen for this host. */
    record UnknownKey(String host, int port, String keyType, String fingerprint) {
    }

    /** True to trust the key (it is remembered), false to refuse the connection. */
    boolean trust(UnknownKey key);

    HostKeyPrompt REFUSE = key -> false;
    HostKeyPrompt ACCEPT_NEW = key -> true;
}
