package io.tandem.testing;

import io.tandem.model.Project;
import io.tandem.model.ProjectFileException;

import java.util.List;
import java.util.Map;

/** Named projects the renderer tests cover: the two examples and variants that exercise the other branches. */
public final class Variants {

    public record Variant(String name, Project project) {
        @Override
        public String toString() {
            return name;
        }
    }

    private Variants() {
    }

    public static List<Variant> all() {
        return List.of(new Variant("seed-legacy", Examples.seed()),
                new Variant("modern-lio", Examples.modern()),
                new Variant("modern-lio-t-stock-agents", lioTStockAgents()),
                new Variant("modern-drbd9-ubuntu-tgt-stonith", drbd9UbuntuTgtStonith()),
                new Variant("modern-sbd", sbd()),
                new Variant("modern-virsh", virsh()));
    }

    /** DRBD 9, Ubuntu (netplan), tgt (LUNs from 1) with mutual CHAP, a fixed resync rate, IPMI fencing with resource-and-stonith. */
    public static Project drbd9UbuntuTgtStonith() {
        try {
            return JsonEdit.of(Examples.MODERN)
                    .set("$.nodes[0].drbdVersion", "9").set("$.nodes[1].drbdVersion", "9")
                    .set("$.nodes[0].os", "ubuntu-24.04").set("$.nodes[1].os", "ubuntu-24.04")
                    .set("$.target.implementation", "tgt")
                    .set("$.target.luns[0].number", 1).set("$.target.luns[1].number", 2)
                    .remove("$.replication.dynamicResync").set("$.replication.syncRate", "200M")
                    .set("$.replication.fencing", "resource-and-stonith")
                    .set("$.replication.resources[1].backing[0].metaDisk", "/dev/vdd")
                    .set("$.replication.resources[1].backing[0].metaIndex", 0)
                    .set("$.cluster.stonith", Map.of("type", "fence_ipmilan", "devices", List.of(
                            Map.of("node", "node1", "address", "10.99.0.11", "user", "admin", "password", "Bm4nX8vQ2kL7wR3t"),
                            Map.of("node", "node2", "address", "10.99.0.12", "user", "admin", "password", "Hs6pD9cF3jT5yG2w"))))
                    .project();
        } catch (ProjectFileException e) {
            throw new AssertionError(e.problems().toString(), e);
        }
    }

    /** LIO through the stock iSCSITarget and iSCSILogicalUnit agents (targetcli), which set no mutual CHAP. */
    public static Project lioTStockAgents() {
        return edit(JsonEdit.of(Examples.MODERN).set("$.target.implementation", "lio-t").remove("$.chap.outgoing"));
    }

    /** Tandem's LIO agent with mutual (the example's) and discovery CHAP. */
    public static Project withMutualAndDiscoveryChap() {
        return edit(JsonEdit.of(Examples.MODERN).set("$.chap.discovery", Map.of("user", "labfinder", "secret", "Wd5sK8nQ3vB7xM2c")));
    }

    /** SBD on one shared disk with softdog, sbd's default timeouts, and DRBD's resource-and-stonith. */
    public static Project sbd() {
        return edit(JsonEdit.of(Examples.MODERN)
                .set("$.replication.fencing", "resource-and-stonith")
                .set("$.cluster.stonith", Map.of("type", "fence_sbd", "sbd", Map.of(
                        "devices", List.of("/dev/disk/by-id/wwn-0x6001405d3a8f0c2b9e1d4b7a5c6e8f01"),
                        "watchdog", "softdog", "watchdogTimeout", 5, "msgwaitTimeout", 10))));
    }

    /** The nodes as libvirt virtual machines, fenced by their host over SSH. */
    public static Project virsh() {
        return edit(JsonEdit.of(Examples.MODERN)
                .set("$.cluster.stonith", Map.of("type", "fence_virsh", "devices", List.of(
                        Map.of("node", "node1", "address", "192.168.50.1", "user", "root", "password", "Vh3kQ9xT5mW2pL7r", "plug", "tandem-node1"),
                        Map.of("node", "node2", "address", "192.168.50.1", "user", "root", "password", "Zr8nF4cJ6yB2sD9q", "plug", "tandem-node2")))));
    }

    /**
     * The modern example on {@code os} with an up delay (300 ms) unlike the down delay (100 ms) on every
     * bond, so that a file that swaps the two says something else than the project. The examples use
     * 200 ms for both: a swap there changes nothing.
     */
    public static Project distinctBondTimings(String os) {
        return edit(bondTimings(os));
    }

    /** {@link #distinctBondTimings} with the replication network falling back to the client network. */
    public static Project replicationFallback(String os) {
        return edit(bondTimings(os).set("$.networks.replication.fallbackOverClient", true));
    }

    private static JsonEdit bondTimings(String os) {
        JsonEdit edit = JsonEdit.of(Examples.MODERN).set("$.nodes[0].os", os).set("$.nodes[1].os", os);
        for (int node = 0; node < 2; node++) {
            for (int link = 0; link < 2; link++) {
                edit.set("$.nodes[" + node + "].links[" + link + "].bond.updelay", 300)
                        .set("$.nodes[" + node + "].links[" + link + "].bond.downdelay", 100);
            }
        }
        return edit;
    }

    private static Project edit(JsonEdit edit) {
        try {
            return edit.project();
        } catch (ProjectFileException e) {
            throw new AssertionError(e.problems().toString(), e);
        }
    }
}
