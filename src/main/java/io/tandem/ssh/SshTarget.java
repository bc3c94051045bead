package io.tandem.ssh;

/** Where to log in: host (address or name), port and user. */
public record SshTarget(String host, int port, String user) {

    public SshTarget {
        if (host == null || host.isBlank() || user == null || user.isBlank() || port < 1 || port > 65535) {
            throw new IllegalArgumentException("incomplete SSH target " + user + "@" + host + ":" + port);
        }
    }

    /** How OpenSSH names the host in known_hosts: {@code host}, or {@code [host]:port} off port 22. */
    public String knownHostsName() {
        return port == 22 ? host : "[" + host + "]:" + port;
    }

    @Override
    public String toString() {
        return user + "@" + host + (port == 22 ? "" : ":" + port);
    }
}
