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
                new Variant("modern-drbd9-ubuntu-tgt-stonith", drbd9UbuntuTgtStonith()));
    }

    /** DRBD 9, Ubuntu (netplan), tgt (LUNs from 1), a fixed resync rate, IPMI fencing with resource-and-stonith. */
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
}
