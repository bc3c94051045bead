package io.tandem.monitor;

import io.tandem.facts.ClusterStatus;
import io.tandem.facts.QdeviceStatus;
import io.tandem.facts.SbdSlots;
import io.tandem.model.Lun;
import io.tandem.model.Node;
import io.tandem.model.StonithType;
import io.tandem.render.modern.PacemakerLayout;
import io.tandem.render.modern.PacemakerLayoutBuilder;

import java.util.List;
import java.util.Optional;

/** Pacemaker: running at all, each node's membership, a split cluster, fencing and SBD, the resources and their fail counts. */
final class ClusterChecks {

    private static final String SEE_WHY = "See why with crm_mon -1rf on a node (failed actions and fail counts) and journalctl -u pacemaker";

    private ClusterChecks() {
    }

    static void judge(HealthRules.Context c) {
        List<ClusterSnapshot.NodeRead> answered = c.now.nodeReads().stream().filter(ClusterSnapshot.NodeRead::answered).toList();
        Optional<ClusterStatus> view = c.now.pacemaker();
        if (view.isEmpty()) {
            if (!answered.isEmpty()) {
                boolean served = c.clientLoggedIn();
                c.add(served ? Verdict.AT_RISK : Verdict.DOWN, "cluster.not-running", "cluster", "Pacemaker does not answer on " + String.join(", ",
                                answered.stream().map(n -> n.name() + " (" + n.pacemakerProblem() + ")").toList())
                                + ": the cluster is not running there, so " + (served ? "nothing would move the storage after a fault "
                                + "(a client is still logged in to the target)." : "nothing serves the storage."),
                        "Start the cluster on both nodes (systemctl start corosync pacemaker), or run tandem apply if it was never built.");
            }
            fencing(c, null);
            return;
        }
        boolean split = split(c, answered);
        membership(c, split);
        ClusterStatus status = view.get();
        if (status.summary().maintenanceMode()) {
            c.add(Verdict.AT_RISK, "cluster.maintenance", "cluster", "The whole cluster is in maintenance mode: Pacemaker neither watches "
                    + "nor recovers any resource, so a failure is not answered by a failover.", "When the maintenance is done: pcs property set maintenance-mode=false");
        }
        if (Boolean.FALSE.equals(status.summary().quorum())) {
            c.add(Verdict.AT_RISK, "cluster.quorum", "cluster", "The cluster has no quorum: it stops its resources rather than risk two copies.",
                    "Bring the other node back into the cluster (corosync-quorumtool -s shows who is seen).");
        }
        fencing(c, status);
        witness(c, answered);
        resources(c, status);
        failCounts(c);
    }

    /**
     * With a quorum device, a node whose qdevice is not connected to the witness: its vote is gone,
     * so if the other node fails now this one has no quorum and stops the service.
     */
    private static void witness(HealthRules.Context c, List<ClusterSnapshot.NodeRead> answered) {
        c.project.cluster().witness().ifPresent(device -> {
            String where = device.host() + " (" + device.addressIn(c.project) + ":" + device.portOrDefault() + ")";
            for (ClusterSnapshot.NodeRead node : answered) {
                QdeviceStatus qdevice = node.qdevice();
                if (qdevice == null || qdevice.connected()) {
                    continue;
                }
                String state = qdevice.running() ? "its quorum device client is " + qdevice.state()
                        : "its quorum device client does not run (" + qdevice.problem() + ")";
                c.add(Verdict.AT_RISK, "cluster.witness", node.name(), node.name() + " does not count the quorum witness on " + where + ": " + state
                                + ". If the other node fails now, " + node.name() + " has no quorum and stops the service instead of taking over.",
                        "Check corosync-qnetd on " + device.host() + " (systemctl status corosync-qnetd) and the network to it; "
                                + "on " + node.name() + ": systemctl status corosync-qdevice, corosync-qdevice-tool -sv.");
            }
        });
    }

    /** Both nodes answered, both run Pacemaker, and each counts the other offline: the cluster network is cut. */
    private static boolean split(HealthRules.Context c, List<ClusterSnapshot.NodeRead> answered) {
        List<ClusterSnapshot.NodeRead> views = answered.stream().filter(n -> n.pacemaker() != null).toList();
        if (views.size() < 2) {
            return false;
        }
        boolean split = views.stream().allMatch(n -> n.pacemaker().node(n.name()).map(ClusterStatus.Node::online).orElse(false)
                && n.pacemaker().node(c.peerOf(n.name())).map(p -> !p.online()).orElse(true));
        if (split) {
            c.add(Verdict.AT_RISK, "cluster.split", "cluster", String.join(" and ", views.stream().map(ClusterSnapshot.NodeRead::name).toList())
                            + " both run but cannot see each other: the cluster is split in two, and each half acts as if the other were gone.",
                    "Check the cluster's network between the nodes (corosync-cfgtool -s on each shows which links are down).");
        }
        return split;
    }

    private static void membership(HealthRules.Context c, boolean split) {
        String serving = c.now.servedBy();
        for (Node node : c.project.nodes()) {
            String name = node.name();
            String alone = serving == null || serving.equals(name) ? "" : " " + serving + " serves alone: if it fails too, the storage is down.";
            switch (c.membership(name)) {
                case OFFLINE -> {
                    if (!split) {
                        c.add(Verdict.AT_RISK, "node.offline", name, name + " is not in the cluster." + alone,
                                "Start " + name + " (power, then systemctl start corosync pacemaker), or find why it left: journalctl -u corosync on " + name + ".");
                    }
                }
                case UNCLEAN -> c.add(Verdict.AT_RISK, "node.unclean", name, "The cluster lost " + name + " and has not fenced it yet ("
                        + name + " is UNCLEAN): what it ran may be blocked until it is.", "Check " + name + "'s power and console. Only when you "
                        + "have made sure it is off, tell the cluster: stonith_admin --confirm " + name);
                case STANDBY -> c.add(Verdict.AT_RISK, "node.standby", name, name + " is in standby: the cluster will not move the storage there "
                        + "if the other node fails.", "When its maintenance is done: pcs node unstandby " + name);
                case MAINTENANCE -> c.add(Verdict.AT_RISK, "node.maintenance", name, name + " is in maintenance mode: Pacemaker neither watches "
                        + "nor recovers what runs there.", "When its maintenance is done: pcs node unmaintenance " + name);
                default -> {
                }
            }
        }
    }

    private static void fencing(HealthRules.Context c, ClusterStatus status) {
        StonithType type = c.project.cluster().stonith().type();
        if (type == StonithType.NONE) {
            c.add(Verdict.AT_RISK, "fencing.none", "cluster", "No fencing is configured: if the nodes lose sight of each other, both may take over "
                    + "the storage and the two copies split apart (split brain).", "Configure fencing (IPMI, SBD or libvirt) on the Cluster step and apply it.");
        } else if (status != null && Boolean.FALSE.equals(status.summary().stonithEnabled())) {
            c.add(Verdict.AT_RISK, "fencing.disabled", "cluster", "The project fences with " + type.agent() + ", but fencing is switched off in the "
                    + "cluster (stonith-enabled=false): a lost node is not fenced before the other takes over.",
                    "Apply the project again, or: pcs property set stonith-enabled=true");
        }
        if (status != null) {
            for (PacemakerLayout.Primitive device : c.layout.fenceDevices()) {
                c.now.resource(device.id()).filter(r -> !r.running()).ifPresent(r -> c.add(Verdict.AT_RISK, "fencing.stopped", device.id(),
                        "The fence device " + device.id() + " is not running: the cluster cannot fence a node through it.",
                        SEE_WHY + "; when the cause is fixed: crm_resource --cleanup -r " + device.id()));
            }
        }
        if (type == StonithType.SBD) {
            sbd(c);
        }
    }

    private static void sbd(HealthRules.Context c) {
        for (ClusterSnapshot.NodeRead read : c.now.nodeReads()) {
            for (ClusterSnapshot.SbdDisk disk : read.sbd()) {
                if (disk.problem() != null) {
                    c.add(Verdict.AT_RISK, "sbd.unreadable", disk.device() + " on " + read.name(), read.name() + " cannot read the SBD disk "
                            + disk.device() + " (" + disk.problem() + "): fencing through it fails.", "Check that " + disk.device()
                            + " is attached to " + read.name() + " (lsblk) and holds the header Tandem wrote (sbd -d " + disk.device() + " dump).");
                    continue;
                }
                for (Node node : c.project.nodes()) {
                    Optional<SbdSlots.Slot> slot = SbdSlots.of(disk.slots(), node.name());
                    if (slot.isEmpty() && read.name().equals(c.project.nodes().getFirst().name())) {
                        c.add(Verdict.AT_RISK, "sbd.no-slot", node.name(), node.name() + " has no slot on the SBD disk " + disk.device()
                                + ": its sbd service has never started on it, so it cannot be fenced through the disk.",
                                "Start sbd on " + node.name() + " (it starts with the cluster: systemctl restart pacemaker) and check journalctl -u sbd.");
                    } else if (slot.isPresent() && !slot.get().clear() && read.name().equals(node.name())) {
                        c.add(Verdict.AT_RISK, "sbd.message", node.name(), "The SBD disk " + disk.device() + " holds a '" + slot.get().message()
                                + "' message for " + node.name() + (slot.get().sender() == null ? "" : " from " + slot.get().sender())
                                + ": " + node.name() + " was told to fence itself, and may refuse to join the cluster until it is cleared.",
                                "Once " + node.name() + " is healthy again: sbd -d " + disk.device() + " message " + node.name() + " clear");
                    }
                }
            }
        }
    }

    /** Tandem's group, member by member: what each one not running means for the clients. */
    private static void resources(HealthRules.Context c, ClusterStatus status) {
        List<PacemakerLayout.Primitive> members = c.layout.group().members();
        boolean ours = members.stream().anyMatch(m -> c.now.resource(m.id()).isPresent());
        if (!ours) {
            if (c.now.servedBy() == null) {
                c.add(Verdict.DOWN, "target.stopped", "target", "No iSCSI target resource runs on any node: clients cannot reach the storage.",
                        SEE_WHY + ".");
            }
            return;
        }
        Optional<ClusterSnapshot.ResourceLine> target = c.now.resource(PacemakerLayoutBuilder.TARGET_ID);
        if (target.isEmpty() || !target.get().running()) {
            c.add(Verdict.DOWN, "target.stopped", "target", "The iSCSI target is not running on any node: clients cannot reach the storage."
                    + promotedNowhere(c, status) + failures(status), SEE_WHY + "; when the cause is fixed: crm_resource --cleanup -r " + PacemakerLayoutBuilder.GROUP);
            return;
        }
        String where = target.get().where();
        for (PacemakerLayout.Primitive member : members) {
            Optional<ClusterSnapshot.ResourceLine> line = c.now.resource(member.id());
            if (line.isPresent() && line.get().running()) {
                continue;
            }
            String fix = SEE_WHY + "; when the cause is fixed: crm_resource --cleanup -r " + member.id();
            String id = member.id();
            if (id.equals(PacemakerLayoutBuilder.VIP_ID)) {
                c.add(Verdict.DOWN, "vip.stopped", id, "The virtual IP " + c.project.networks().client().virtualIp()
                        + " is not up: clients cannot reach the target.", fix);
            } else if (id.equals(PacemakerLayoutBuilder.UNBLOCK_ID)) {
                c.add(Verdict.DOWN, "portblock.unblock-stopped", id, "p_unblock is not running on " + where + ": port "
                        + c.project.target().portalPort() + " stays blocked, so clients cannot log in.", fix);
            } else if (id.startsWith("p_lun")) {
                String number = id.substring("p_lun".length());
                String resource = c.project.target().luns().stream().filter(l -> String.valueOf(l.number()).equals(number))
                        .map(Lun::resource).findFirst().orElse("?");
                c.add(Verdict.DOWN, "lun.stopped", "LUN " + number, "LUN " + number + " (" + resource + ") is not exported: clients see no disk for it.", fix);
            } else if (id.equals(PacemakerLayoutBuilder.MUTUAL_CHAP_ID)) {
                c.add(Verdict.DOWN, "chap.stopped", id, "The target's own CHAP account is not set: clients that ask the target to prove itself "
                        + "(mutual CHAP) cannot log in.", fix);
            } else if (!id.equals(PacemakerLayoutBuilder.BLOCK_ID)) {
                c.add(Verdict.DOWN, "resource.stopped", id, id + " is not running, so the target on " + where + " is incomplete.", fix);
            }
        }
        c.now.resources().stream().filter(r -> r.failed() && r.running()).forEach(r -> c.add(Verdict.DEGRADED, "resource.failed", r.id(),
                "Pacemaker marks " + r.id() + " as failed (" + r.where() + ").", SEE_WHY + "; when the cause is fixed: crm_resource --cleanup -r " + r.id()));
    }

    private static String promotedNowhere(HealthRules.Context c, ClusterStatus status) {
        List<String> unpromoted = c.layout.drbdClones().stream().map(clone -> clone.primitive().id())
                .filter(id -> status.instances(id).stream().noneMatch(r -> r.active() && r.role().equals("Promoted"))).toList();
        return unpromoted.isEmpty() ? "" : " No node holds " + String.join(", ", unpromoted) + " as Primary.";
    }

    private static String failures(ClusterStatus status) {
        List<String> failed = status.failedActions().stream().map(f -> f.operation() + " on " + f.node() + ": " + f.status()
                + (f.exitReason().isBlank() ? "" : " (" + f.exitReason() + ")")).toList();
        return failed.isEmpty() ? "" : " Failed: " + String.join("; ", failed) + ".";
    }

    /** From every node's view: in a split cluster each half counts only its own failures. */
    private static void failCounts(HealthRules.Context c) {
        java.util.Map<String, ClusterStatus.FailCount> counts = new java.util.LinkedHashMap<>();
        c.now.nodeReads().stream().map(ClusterSnapshot.NodeRead::pacemaker).filter(p -> p != null).flatMap(p -> p.failCounts().stream())
                .filter(f -> f.count() > 0).forEach(f -> counts.merge(f.node() + " " + f.resource(), f, (a, b) -> a.count() >= b.count() ? a : b));
        for (ClusterStatus.FailCount f : counts.values()) {
            boolean banned = f.count() >= f.migrationThreshold();
            String times = f.count() == Integer.MAX_VALUE ? "to start" : f.count() + (f.count() == 1 ? " time" : " times");
            c.add(banned ? Verdict.AT_RISK : Verdict.DEGRADED, "resource.failcount", f.resource() + " on " + f.node(),
                    f.resource() + " failed " + times + " on " + f.node() + (f.lastFailure().isBlank() ? "" : " (last " + f.lastFailure() + ")")
                            + (banned ? ": Pacemaker no longer runs it there until the count is cleared." : ": after "
                            + (f.migrationThreshold() == Integer.MAX_VALUE ? "more" : f.migrationThreshold()) + " failures Pacemaker stops using " + f.node() + " for it."),
                    "Find the cause (crm_mon -1rf; journalctl -u pacemaker on " + f.node() + "), then clear the count: crm_resource --cleanup -r "
                            + f.resource() + " --node " + f.node());
        }
    }
}
