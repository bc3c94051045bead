package io.tandem.facts;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DrbdEvents2ParserTest {

    @Test
    void readsTheConnectedPrimaryAfterTheInitialSync() throws FactParseException {
        List<DrbdResourceStatus> resources = DrbdEvents2Parser.parse(Fixture.vmlab("node1.drbd-synced.drbdsetup_events2_now.txt"));

        assertThat(resources).singleElement().satisfies(r0 -> {
            assertThat(r0.name()).isEqualTo("r0");
            assertThat(r0.role()).isEqualTo("Primary");
            assertThat(r0.suspended()).isFalse();
            assertThat(r0.volumes()).containsExactly(new DrbdResourceStatus.Volume(0, 0, "UpToDate"));
            assertThat(r0.peer("peer")).hasValueSatisfying(peer -> {
                assertThat(peer.connectionState()).isEqualTo("Connected");
                assertThat(peer.role()).isEqualTo("Secondary");
                assertThat(peer.peerNodeId()).isZero();
                assertThat(peer.volumes()).containsExactly(new DrbdResourceStatus.PeerVolume(0, "Established", "UpToDate", 0L));
            });
        });
    }

    @Test
    void readsBothNodesOfTheHealthyCluster() throws FactParseException {
        DrbdResourceStatus node1 = DrbdEvents2Parser.parse(Fixture.vmlab("node1.healthy.drbdsetup_events2_now.txt")).getFirst();
        DrbdResourceStatus node2 = DrbdEvents2Parser.parse(Fixture.vmlab("node2.healthy.drbdsetup_events2_now.txt")).getFirst();

        assertThat(node1.role()).isEqualTo("Secondary");
        assertThat(node1.peers().getFirst().role()).isEqualTo("Primary");
        assertThat(node2.role()).isEqualTo("Primary");
        assertThat(node2.peers().getFirst().role()).isEqualTo("Secondary");
    }

    @Test
    void readsTheSurvivorAfterItsPeerWasLost() throws FactParseException {
        DrbdResourceStatus r0 = DrbdEvents2Parser.parse(Fixture.local("drbdsetup_events2_now.after-node1-loss.derived.txt")).getFirst();

        assertThat(r0.role()).isEqualTo("Primary");
        DrbdResourceStatus.Peer peer = r0.peers().getFirst();
        assertThat(peer.connectionState()).as("8.4's WFConnection in DRBD 9 words").isEqualTo("Connecting");
        assertThat(peer.role()).isEqualTo("Unknown");
        assertThat(peer.volumes()).containsExactly(new DrbdResourceStatus.PeerVolume(0, "Off", "Outdated", 956L));
    }

    @Test
    void aHostWithoutResourcesPrintsOnlyTheEndMarker() throws FactParseException {
        assertThat(DrbdEvents2Parser.parse("exists -\n")).isEmpty();
    }

    @Test
    void skipsObjectsItDoesNotUseAndLeavesOutOfSyncNullWithoutStatistics() throws FactParseException {
        String drbd9 = """
                exists resource name:r0 role:Secondary suspended:no
                exists connection name:r0 peer-node-id:1 conn-name:node2 connection:Connected role:Primary
                exists path name:r0 peer-node-id:1 conn-name:node2 local:ipv4:10.0.0.1:7789 peer:ipv4:10.0.0.2:7789 established:yes
                exists device name:r0 volume:0 minor:1 disk:UpToDate client:no
                exists peer-device name:r0 peer-node-id:1 conn-name:node2 volume:0 replication:Established peer-disk:UpToDate peer-client:no resync-suspended:no
                exists -
                """;

        DrbdResourceStatus r0 = DrbdEvents2Parser.parse(drbd9).getFirst();

        assertThat(r0.peer("node2").orElseThrow().volumes()).containsExactly(
                new DrbdResourceStatus.PeerVolume(0, "Established", "UpToDate", null));
        assertThat(r0.volumes().getFirst().minor()).isEqualTo(1);
    }

    @Test
    void refusesOutputCutShortOrNotFromEvents2() {
        String cut = Fixture.vmlab("node1.healthy.drbdsetup_events2_now.txt").replace("exists -\n", "");
        assertThatThrownBy(() -> DrbdEvents2Parser.parse(cut))
                .isInstanceOf(FactParseException.class).hasMessage("drbdsetup events2: output ends before 'exists -' (cut short?)");
        assertThatThrownBy(() -> DrbdEvents2Parser.parse(Fixture.vmlab("node1.drbd-synced.drbdsetup_status_json.txt")))
                .isInstanceOf(FactParseException.class).hasMessageContaining("expected only 'exists' lines");
        assertThatThrownBy(() -> DrbdEvents2Parser.parse("exists device name:r0 volume:0 minor:0 disk:UpToDate\nexists -\n"))
                .isInstanceOf(FactParseException.class).hasMessageContaining("before the resource itself");
        assertThatThrownBy(() -> DrbdEvents2Parser.parse("")).isInstanceOf(FactParseException.class);
    }
}
