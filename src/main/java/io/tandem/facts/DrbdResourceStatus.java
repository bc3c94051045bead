package io.tandem.facts;

import java.util.List;
import java.util.Optional;

/**
 * One DRBD resource from {@code drbdsetup events2 --now}: its role, its local volumes and, per
 * peer, the connection and the peer's volumes. State names are DRBD 9's even on an 8.4 module
 * (drbd-utils translates: 8.4's {@code WFConnection} reads {@code Connecting}, a connected
 * volume's replication {@code Established}).
 */
public record DrbdResourceStatus(String name, String role, boolean suspended, List<Volume> volumes, List<Peer> peers) {

    public DrbdResourceStatus {
        volumes = List.copyOf(volumes);
        peers = List.copyOf(peers);
    }

    public Optional<Peer> peer(String connectionName) {
        return peers.stream().filter(p -> p.connectionName().equals(connectionName)).findFirst();
    }

    /** A local volume: its minor ({@code /dev/drbdMINOR}) and disk state. */
    public record Volume(int volume, int minor, String diskState) {
    }

    /** A peer as this node sees it: connection state and the peer's role (Unknown while disconnected). */
    public record Peer(String connectionName, int peerNodeId, String connectionState, String role, List<PeerVolume> volumes) {

        public Peer {
            volumes = List.copyOf(volumes);
        }
    }

    /**
     * A volume on the peer: replication state ({@code Established}, {@code SyncSource}, {@code Off}…),
     * the peer's disk state, and the KiB out of sync when statistics were printed (else null).
     */
    public record PeerVolume(int volume, String replicationState, String peerDiskState, Long outOfSyncKiB) {
    }
}
