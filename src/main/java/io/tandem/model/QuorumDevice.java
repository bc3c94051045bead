package io.tandem.model;

/**
 * A third vote for the two-node cluster: corosync-qnetd on a client machine Tandem manages, and
 * corosync-qdevice on both nodes (model net, algorithm ffsplit, TLS with certificates Tandem
 * makes at apply time). With it, the side of a split that still reaches the witness keeps quorum
 * and the other side never fences, so fencing needs no delay: a crashed serving node is fenced at
 * once instead of after the preferred node's delay. The price: with the witness down as well as
 * one node, the survivor has no quorum and stops the service.
 *
 * @param host    the name of a managed initiator (one with {@code ssh}) that runs corosync-qnetd
 * @param address where the nodes reach it; by default the host's SSH address
 * @param port    qnetd's TCP port, by default {@value #DEFAULT_PORT}
 */
public record QuorumDevice(String host, @OptionalField String address, @OptionalField Integer port) {

    public static final int DEFAULT_PORT = 5403;

    public int portOrDefault() {
        return port == null ? DEFAULT_PORT : port;
    }

    /** The address the nodes connect to: {@code address}, else the witness's SSH address. */
    public String addressIn(Project project) {
        if (address != null) {
            return address;
        }
        return project.initiators().stream().filter(i -> i.name().equals(host) && i.managed()).findFirst()
                .map(i -> i.ssh().address()).orElseThrow(() -> new IllegalStateException("no managed initiator " + host));
    }
}
