package io.tandem.facts;

/**
 * {@code $SSH_CONNECTION} of a session: who connected, and the node's own address they reached,
 * which is how Tandem learns which interface faces the administrator's network.
 */
public record SshConnection(String clientAddress, int clientPort, String serverAddress, int serverPort) {
}
