package io.tandem.monitor;

import io.tandem.facts.DrbdDeviceState;
import io.tandem.model.DrbdResource;
import io.tandem.model.NetworkRole;
import io.tandem.model.Node;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Replication per DRBD resource, from each node's /proc/drbd (DRBD 8.4 connection states): not
 * running on a node, split brain, StandAlone, the link down, a resync (percent, rate, time left), a
 * disk that is not UpToDate, blocks out of sync on a connected pair. Split brain is detected and
 * explained, never resolved: the fix says how, the operator decides which side's changes go.
 */
final class DrbdChecks {

    /** The states of a connection that is up (in sync, resyncing, verifying, congested). */
    private static final Set<String> CONNECTED = Set.of("Connected", "StartingSyncS", "StartingSyncT", "WFBitMapS", "WFBitMapT", "WFSyncUUID",
            "SyncSource", "SyncTarget", "PausedSyncS", "PausedSyncT", "VerifyS", "VerifyT", "Ahead", "Behind");
    private static final Set<String> SYNCING = Set.of("StartingSyncS", "StartingSyncT", "WFBitMapS", "WFBitMapT", "WFSyncUUID",
            "SyncSource", "SyncTarget", "PausedSyncS", "PausedSyncT");

    private DrbdChecks() {
    }

    /** True for a connection state in which the peer receives the writes (in sync, resyncing, verifying, congested). */
    static boolean connected(String connectionState) {
        return CONNECTED.contains(connectionState);
    }

    /** One node's line for a resource, with the node. */
    private record Side(String node, DrbdDeviceState state) {
        boolean primary() {
            return "Primary".equals(state.role());
        }
    }

    static void judge(HealthRules.Context c) {
        for (DrbdResource r : c.project.replication().resources()) {
            List<Side> sides = new ArrayList<>();
            List<String> unconfigured = new ArrayList<>();
            for (ClusterSnapshot.DrbdLine line : c.now.drbd()) {
                if (line.resource().equals(r.name())) {
                    if (line.state() == null) {
                        unconfigured.add(line.node());
                    } else {
                        sides.add(new Side(line.node(), line.state()));
                    }
                }
            }
            judge(c, r, sides, unconfigured);
        }
    }

    private static void judge(HealthRules.Context c, DrbdResource r, List<Side> sides, List<String> unconfigured) {
        String name = r.name();
        if (!unconfigured.isEmpty()) {
            boolean nowhere = sides.isEmpty();
            c.add(Verdict.AT_RISK, "drbd.unconfigured", name, nowhere ? name + " is not running on " + String.join(" or ", unconfigured)
                            + " (no " + r.device() + "): no copy of its data is kept in step."
                            : name + " is not running on " + unconfigured.getFirst() + " (no " + r.device() + " there): only "
                            + sides.getFirst().node() + " holds the data.",
                    "Start it: drbdadm up " + name + " on " + String.join(" and ", unconfigured)
                            + " (Pacemaker does so when the cluster runs there; see crm_mon -1rf).");
        }
        if (sides.isEmpty()) {
            return;
        }
        Optional<Side> primary = sides.stream().filter(Side::primary).findFirst();
        if (sides.stream().anyMatch(s -> s.state().connectionState().equals("StandAlone"))) {
            standAlone(c, r, sides, primary);
            return;
        }
        List<Side> disconnected = sides.stream().filter(s -> !CONNECTED.contains(s.state().connectionState())).toList();
        if (!disconnected.isEmpty()) {
            linkDown(c, r, disconnected, primary);
            return;
        }
        Optional<Side> syncing = sides.stream().filter(s -> SYNCING.contains(s.state().connectionState()) || s.state().sync() != null
                && !s.state().sync().verify()).findFirst();
        if (syncing.isPresent()) {
            resync(c, r, sides, syncing.get());
            return;
        }
        sides.stream().filter(s -> s.state().sync() != null && s.state().sync().verify()).findFirst().ifPresent(s -> c.add(Verdict.HEALTHY,
                "drbd.verify", name, "An online verify of " + name + " runs: " + String.format(java.util.Locale.ROOT, "%.1f", s.state().sync().percentDone())
                        + " % done.", "Nothing to do; when it ends, the kernel log says whether blocks differ."));
        sides.stream().filter(s -> Set.of("Ahead", "Behind").contains(s.state().connectionState())).findFirst().ifPresent(s -> c.add(Verdict.DEGRADED,
                "drbd.congested", name, "Replication of " + name + " cannot keep up (" + s.node() + " is " + s.state().connectionState()
                        + "): changes reach the other copy late.", "Check the replication link's speed and load (" + replicationLink(c) + ")."));
        for (Side s : sides) {
            for (String[] disk : List.of(new String[] {s.node(), s.state().diskState()}, new String[] {c.peerOf(s.node()), s.state().peerDiskState()})) {
                if (!"UpToDate".equals(disk[1]) && !"DUnknown".equals(disk[1])) {
                    c.add(Verdict.AT_RISK, "drbd.disk", name + " on " + disk[0], disk[0] + "'s copy of " + name + " is " + disk[1]
                            + ": it cannot take over with current data." + (disk[1].equals("Diskless") || disk[1].equals("Failed")
                            ? " Its disk was detached, often after an I/O error." : ""), disk[1].equals("Diskless") || disk[1].equals("Failed")
                            ? "Check " + disk[0] + "'s disk (dmesg; smartctl), then drbdadm attach " + name + " on " + disk[0] + "."
                            : "It is brought up to date by a resync; if none starts, on " + disk[0] + ": drbdadm disconnect " + name
                            + "; drbdadm connect " + name);
                    return;
                }
            }
        }
        sides.stream().filter(s -> s.state().outOfSyncKiB() > 0).findFirst().ifPresent(s -> c.add(Verdict.AT_RISK, "drbd.out-of-sync", name,
                Amounts.kib(s.state().outOfSyncKiB()) + " of " + name + " differ between the copies although both are UpToDate (an online "
                        + "verify found them): a failover would serve those blocks as the other copy has them.",
                "Resync them: on the Secondary, drbdadm disconnect " + name + "; drbdadm connect " + name));
    }

    private static void standAlone(HealthRules.Context c, DrbdResource r, List<Side> sides, Optional<Side> primary) {
        String name = r.name();
        boolean bothHaveData = sides.size() == c.project.nodes().size() && sides.stream().allMatch(s -> "UpToDate".equals(s.state().diskState()));
        if (bothHaveData) {
            String serving = c.now.serving().orElse(primary.map(Side::node).orElse(sides.getFirst().node()));
            String other = c.peerOf(serving);
            c.add(Verdict.AT_RISK, "drbd.split-brain", name, "Split brain on " + name + ": the two copies were changed separately while "
                            + "the nodes were apart (" + String.join(", ", sides.stream().map(s -> s.node() + " has " + Amounts.kib(s.state().outOfSyncKiB())
                            + " the other lacks").toList()) + ") and DRBD refuses to join them again (StandAlone). " + serving
                            + " serves the storage now. Tandem does not choose which changes to keep.",
                    "Decide which node's changes since the split to throw away (normally " + other + "'s, the node not serving) and save "
                            + "anything you need from them first. Then on " + other + ": drbdadm disconnect " + name + "; drbdadm secondary " + name
                            + "; drbdadm connect --discard-my-data " + name + " — and on " + serving + ": drbdadm connect " + name
                            + ". The resync then copies " + serving + "'s data to " + other + ". The monitoring view's \"Resolve the split brain\" "
                            + "button runs exactly this after you choose the side and type the confirmation.");
            return;
        }
        List<String> alone = sides.stream().filter(s -> s.state().connectionState().equals("StandAlone")).map(Side::node).toList();
        String stale = primary.map(p -> c.peerOf(p.node()) + "'s copy is getting stale").orElse("the copies are not kept in step");
        c.add(Verdict.AT_RISK, "drbd.standalone", name, "Replication of " + name + " is stopped and will not restart by itself (StandAlone on "
                        + String.join(" and ", alone) + "): " + stale + ".",
                "On " + String.join(" and ", alone) + ": drbdadm connect " + name + ". If it falls back to StandAlone, look for "
                        + "'Split-Brain' in the kernel log (dmesg | grep drbd).");
    }

    private static void linkDown(HealthRules.Context c, DrbdResource r, List<Side> disconnected, Optional<Side> primary) {
        String name = r.name();
        String peer = primary.map(p -> c.peerOf(p.node())).orElse(null);
        boolean peerGone = peer != null && (!c.answered(peer) || c.membership(peer) == ClusterSnapshot.Membership.OFFLINE
                || c.membership(peer) == ClusterSnapshot.Membership.UNCLEAN);
        String pending = primary.filter(p -> p.state().outOfSyncKiB() > 0)
                .map(p -> " (" + p.node() + " has " + Amounts.kib(p.state().outOfSyncKiB()) + " of changes it could not send yet)").orElse("");
        if (peerGone) {
            c.add(Verdict.AT_RISK, "drbd.disconnected", name, "Replication of " + name + " is down because " + peer + " is gone: " + peer
                            + "'s copy is getting stale" + pending + ".",
                    "Bring " + peer + " back; DRBD reconnects and resyncs its copy by itself.");
            return;
        }
        // The fence-peer handler marks the peer Outdated: it cannot be promoted, so a failure of the primary now stops the storage.
        boolean outdated = primary.map(p -> "Outdated".equals(p.state().peerDiskState())).orElse(false);
        c.add(Verdict.AT_RISK, "drbd.disconnected", name, "Replication link down for " + name + " ("
                        + String.join(", ", disconnected.stream().map(s -> s.node() + " " + s.state().connectionState()).toList()) + "): "
                        + (peer == null ? "the two copies are not kept in step" : peer + "'s copy is getting stale") + pending + "."
                        + (outdated ? " " + peer + "'s copy is marked Outdated, so it cannot take over: if " + primary.get().node()
                        + " fails now, the storage stops until it is back." : ""),
                "Check the cable or switch port of " + replicationLink(c) + "; DRBD reconnects and resyncs by itself once the link is back.");
    }

    private static void resync(HealthRules.Context c, DrbdResource r, List<Side> sides, Side syncing) {
        String name = r.name();
        String target = sides.stream().filter(s -> s.state().connectionState().endsWith("T") || s.state().connectionState().equals("SyncTarget"))
                .map(Side::node).findFirst()
                .or(() -> sides.stream().filter(s -> s.state().connectionState().endsWith("S") || s.state().connectionState().equals("SyncSource"))
                        .map(s -> c.peerOf(s.node())).findFirst())
                .orElse(c.peerOf(syncing.node()));
        String source = c.peerOf(target);
        DrbdDeviceState.SyncProgress p = sides.stream().map(s -> s.state().sync()).filter(x -> x != null).findFirst().orElse(null);
        String progress = p == null ? "starting" : String.format(java.util.Locale.ROOT, "%.1f %% done", p.percentDone())
                + (p.speedKiBPerSecond() > 0 ? " at " + Amounts.rate(p.speedKiBPerSecond()) : "")
                + (p.finish() != null ? ", about " + Amounts.duration(p.finish()) + " left" : "") + ", " + Amounts.kib(p.remainingKiB()) + " to go";
        boolean paused = syncing.state().connectionState().startsWith("Paused");
        c.add(Verdict.AT_RISK, "drbd.sync", name, target + "'s copy of " + name + " is being brought up to date" + (paused ? " (paused)" : "")
                        + ": " + progress + ". Until it finishes, " + source + " holds the only complete copy.",
                paused ? "The resync waits for another resource's resync to end first (resync-after); nothing to do unless it stays paused."
                        : "Nothing to do but wait; keep " + source + " running meanwhile.");
    }

    /** "bond1 on node1 and node2", or each node's NIC when they differ. */
    private static String replicationLink(HealthRules.Context c) {
        List<String> names = c.project.nodes().stream().map(n -> n.interfaceName(NetworkRole.REPLICATION)).distinct().toList();
        if (names.size() == 1) {
            return names.getFirst() + " on either node";
        }
        return String.join(" and ", c.project.nodes().stream().map((Node n) -> n.interfaceName(NetworkRole.REPLICATION) + " on " + n.name()).toList());
    }
}
