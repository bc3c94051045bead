package io.tandem.ssh;

/** Where to log in: host (address or name), port and user. */
public record SshTarget(String host, int port, String user) {

    public SshTarget {
        if (host == null || host.isBlank() || user == null || user.isBlank() || port < 1 || port > 65535) {
            throw new IllegalArgumentException("incomplete SSH target " + user + "@" + host + ":" + port);
        }
    }

    /** How OpenSSH names the host in known_hosts: {@code host} lower-cased as ssh does, or {@code [host]:port} off port 22. */
    public String knownHostsName() {
        String name = host.toLowerCase(java.util.Locale.ROOT);
        return port == 22 ? name : "[" + name + "]:" + port;
    }

    @Override
    public String toString() {
        return user + "@" + host + (port == 22 ? "" : ":" + port);
    }
}
