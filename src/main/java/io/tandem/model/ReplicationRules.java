package io.tandem.model;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** DRBD settings, resources, their backing disks and metadata. */
final class ReplicationRules {

    private static final Set<String> AFTER_SB_0PRI = Set.of("disconnect", "discard-younger-primary", "discard-older-primary",
            "discard-zero-changes", "discard-least-changes", "discard-node-node1", "discard-node-node2");
    private static final Set<String> AFTER_SB_1PRI = Set.of("disconnect", "consensus", "violently-as0p", "discard-secondary",
            "call-pri-lost-after-sb");
    private static final Set<String> AFTER_SB_2PRI = Set.of("disconnect", "violently-as0p", "call-pri-lost-after-sb");
    private static final Set<String> RR_CONFLICT = Set.of("disconnect", "call-pri-lost", "violently");
    private static final Set<String> ON_IO_ERROR = Set.of("detach", "pass_on", "call-local-io-error");
    /** Ports other cluster software uses on the nodes. */
    private static final Set<Integer> RESERVED_PORTS = Set.of(22, 2224, 3121, 3260, 5403, 5404, 5405, 5406, 5407);

    private ReplicationRules() {
    }

    static void check(Project project, ProblemCollector problems) {
        Replication r = project.replication();
        String path = "$.replication";
        if (r.protocol() != ReplicationProtocol.C) {
            problems.warning(path + ".protocol", "protocol " + r.protocol() + " acknowledges writes before they reach the peer's disk: "
                    + "a failover can lose the last writes.", "Use protocol C unless the nodes are far apart.");
        }
        if ((r.syncRate() == null) == (r.dynamicResync() == null)) {
            problems.error(path, "set either a fixed \"syncRate\" or \"dynamicResync\", not " + (r.syncRate() == null ? "neither" : "both") + ".",
                    "Use \"dynamicResync\" (adapts to the link) or a fixed \"syncRate\" such as \"100M\".");
        }
        if (r.syncRate() != null) {
            problems.pattern(path + ".syncRate", r.syncRate(), ValuePatterns.SIZE);
        }
        if (r.dynamicResync() != null) {
            DynamicResync d = r.dynamicResync();
            problems.range(path + ".dynamicResync.planAhead", d.planAhead(), 0, 300, " tenths of a second");
            problems.pattern(path + ".dynamicResync.fillTarget", d.fillTarget(), ValuePatterns.SIZE);
            problems.pattern(path + ".dynamicResync.minRate", d.minRate(), ValuePatterns.SIZE);
            problems.pattern(path + ".dynamicResync.maxRate", d.maxRate(), ValuePatterns.SIZE);
            if (project.profile() == Profile.LEGACY) {
                problems.add(Problem.error(path + ".dynamicResync", "the tutorial's DRBD 8.3 syntax has no dynamic resync controller.",
                        "Use a fixed \"syncRate\" in the legacy profile.").inWizard("the legacy profile's DRBD 8.3 syntax has no dynamic "
                        + "resync controller.", "Use the modern profile (start a new project) for a resync speed that adapts."));
            }
        }
        if (r.peerTimeouts() != null) {
            checkPeerTimeouts(path + ".peerTimeouts", r.peerTimeouts(), problems);
        }
        PeerTimeouts effective = r.peerTimeoutsOrDefault();
        if (project.networks().replication().fallsBackOverClient() && effective.pingTimeoutTenths() != null && effective.timeoutTenths() != null
                && Math.min(effective.pingTimeoutTenths(), effective.timeoutTenths()) < FALLBACK_MIN_TENTHS) {
            problems.warning(path + ".peerTimeouts", "with the fallback over the client network, DRBD's connection moves to the client "
                            + "network when the replication link is cut, which took up to a second in the VM lab; a ping timeout or timeout "
                            + "under " + FALLBACK_MIN_TENTHS / 10.0 + " s drops it meanwhile, and writes wait for the fence-peer handler after all.",
                    "Use at least " + FALLBACK_MIN_TENTHS + " for \"pingTimeoutTenths\" and \"timeoutTenths\" (with \"pingIntervalSeconds\" "
                            + "2 or more), e.g. 2 / 15 / 15 as the VM lab examples.");
        }
        problems.pattern(path + ".verifyAlgorithm", r.verifyAlgorithm(), ValuePatterns.ALGORITHM);
        problems.pattern(path + ".hmacAlgorithm", r.hmacAlgorithm(), ValuePatterns.ALGORITHM);
        if (problems.secretPattern(path + ".sharedSecret", r.sharedSecret()) && r.sharedSecret().length() > 64) {
            problems.error(path + ".sharedSecret", "DRBD accepts a shared secret of at most 64 characters.", "Use a shorter secret.");
        }
        if (r.sharedSecret().length() < 12) {
            String message = "the DRBD shared secret has only " + r.sharedSecret().length() + " characters; it authenticates the peer.";
            String fix = "Use at least 12 random characters (Tandem generates one for new projects).";
            if (project.profile() == Profile.MODERN) {
                problems.error(path + ".sharedSecret", message, fix);
            } else {
                problems.warning(path + ".sharedSecret", message, fix);
            }
        }
        policy(path + ".splitBrain.afterSb0pri", r.splitBrain().afterSb0pri(), AFTER_SB_0PRI, problems);
        policy(path + ".splitBrain.afterSb1pri", r.splitBrain().afterSb1pri(), AFTER_SB_1PRI, problems);
        policy(path + ".splitBrain.afterSb2pri", r.splitBrain().afterSb2pri(), AFTER_SB_2PRI, problems);
        policy(path + ".splitBrain.rrConflict", r.splitBrain().rrConflict(), RR_CONFLICT, problems);
        policy(path + ".onIoError", r.onIoError(), ON_IO_ERROR, problems);
        int maxExtents = project.nodes().getFirst().drbdVersion() == DrbdVersion.V9 ? 65534 : 6433;
        problems.range(path + ".alExtents", r.alExtents(), 7, maxExtents, "");
        problems.range(path + ".degradedWaitSeconds", r.degradedWaitSeconds(), 0, 3600, " s");
        if (project.profile() == Profile.MODERN && r.fencing() == Fencing.DONT_CARE) {
            problems.warning(path + ".fencing", "with fencing dont-care a node that lost the replication link can still be promoted "
                    + "with outdated data.", "Use resource-only, or resource-and-stonith when STONITH is configured.");
        }
        checkResources(project, problems);
    }

    /** The shortest ping timeout and timeout that let DRBD's connection survive its move to the client network. */
    static final int FALLBACK_MIN_TENTHS = 10;

    /** DRBD's ranges, and its rule that a data packet's timeout is shorter than the ping interval (the man page's, not checked by drbdadm). */
    private static void checkPeerTimeouts(String path, PeerTimeouts t, ProblemCollector problems) {
        problems.range(path + ".pingIntervalSeconds", t.pingIntervalSeconds(), 1, 120, " s");
        problems.range(path + ".pingTimeoutTenths", t.pingTimeoutTenths(), 1, 300, " tenths of a second");
        problems.range(path + ".timeoutTenths", t.timeoutTenths(), 1, 600, " tenths of a second");
        if (t.timeoutTenths() >= t.pingIntervalSeconds() * 10) {
            problems.error(path + ".timeoutTenths", "DRBD's timeout (" + t.timeoutTenths() / 10.0 + " s) must be shorter than its ping "
                    + "interval (" + t.pingIntervalSeconds() + " s).", "Lower \"timeoutTenths\" below " + t.pingIntervalSeconds() * 10
                    + ", or raise \"pingIntervalSeconds\".");
        }
        if (t.pingTimeoutTenths() < PeerTimeouts.DRBD_DEFAULTS.pingTimeoutTenths()) {
            problems.warning(path + ".pingTimeoutTenths", "a ping timeout under half a second (DRBD's default) can drop a healthy "
                    + "connection when a node is briefly busy; each drop means a resync and a fence-peer call.", "Use 5 or more.");
        }
    }

    private static void policy(String path, String value, Set<String> allowed, ProblemCollector problems) {
        if (!allowed.contains(value)) {
            problems.error(path, "'" + ProblemCollector.printable(value) + "' is not a DRBD policy allowed here.",
                    "Use one of: " + String.join(", ", allowed.stream().sorted().toList()) + ".");
        }
    }

    private static void checkResources(Project project, ProblemCollector problems) {
        List<DrbdResource> resources = project.replication().resources();
        if (resources.isEmpty()) {
            problems.error("$.replication.resources", "there is no DRBD resource, so nothing is replicated.",
                    "Add at least one resource for the LUN's data.");
        }
        Map<String, String> names = ProblemCollector.seen();
        Map<Integer, String> minors = ProblemCollector.seen();
        Map<Integer, String> ports = ProblemCollector.seen();
        Map<String, String> disks = ProblemCollector.seen();
        Map<String, String> metaSlots = ProblemCollector.seen();
        Set<String> dataDisks = new HashSet<>();
        for (int i = 0; i < resources.size(); i++) {
            DrbdResource res = resources.get(i);
            String path = "$.replication.resources[" + i + "]";
            if (problems.pattern(path + ".name", res.name(), ValuePatterns.RESOURCE_NAME)) {
                problems.distinct(names, res.name(), path + ".name", "resource name");
            }
            problems.range(path + ".minor", res.minor(), 0, 1048575, "");
            problems.distinct(minors, res.minor(), path + ".minor", "minor number");
            problems.range(path + ".port", res.port(), 1024, 65535, "");
            problems.distinct(ports, res.port(), path + ".port", "port");
            if (RESERVED_PORTS.contains(res.port())) {
                problems.error(path + ".port", "port " + res.port() + " is used by SSH, Corosync, pcsd or iSCSI.",
                        "Use the DRBD range, e.g. 7788 and up.");
            }
            checkPurpose(project, res, path, problems);
            checkBacking(project, res, path, disks, metaSlots, dataDisks, problems);
        }
        for (Map.Entry<String, String> meta : metaSlots.entrySet()) {
            String device = meta.getKey().substring(0, meta.getKey().lastIndexOf('['));
            if (dataDisks.contains(device)) {
                problems.error(meta.getValue(), "the metadata device " + device.substring(device.indexOf(' ') + 1)
                        + " is also a resource's data disk.", "Use a separate device or partition for external metadata.");
            }
        }
    }

    private static void checkPurpose(Project project, DrbdResource res, String path, ProblemCollector problems) {
        if (res.purpose() == ResourcePurpose.CONFIG_FILESYSTEM) {
            if (res.filesystem() == null) {
                problems.error(path + ".filesystem", "a config-filesystem resource needs a filesystem.",
                        "Add \"filesystem\": {\"type\": \"ext4\", \"mountPoint\": \"/srv/data\", \"options\": \"defaults\"}.");
            } else {
                FilesystemRules.check(path + ".filesystem", res.filesystem(), problems);
                if (res.filesystem().lun() != null) {
                    problems.error(path + ".filesystem.lun", "\"lun\" only applies to an initiator's filesystem.", "Remove \"lun\".");
                }
            }
            if (project.profile() == Profile.MODERN) {
                problems.warning(path + ".purpose", "the modern profile keeps the target configuration in the cluster, "
                        + "so a config filesystem is replicated but not used.", "Remove this resource, or use it as a LUN.");
            }
        } else if (res.filesystem() != null) {
            problems.error(path + ".filesystem", "a LUN's device is formatted by the initiator, not on the nodes.",
                    "Remove \"filesystem\" here; put it on the initiator instead.");
        }
    }

    /** GPT names hold 36 characters; "tandem-" takes 7. */
    private static final int GPT_NAME_ROOM = 36 - "tandem-".length();

    private static void checkBacking(Project project, DrbdResource res, String path, Map<String, String> disks,
                                     Map<String, String> metaSlots, Set<String> dataDisks, ProblemCollector problems) {
        Set<String> covered = new HashSet<>();
        for (int b = 0; b < res.backing().size(); b++) {
            Backing backing = res.backing().get(b);
            String bPath = path + ".backing[" + b + "]";
            if (project.node(backing.node()).isEmpty()) {
                problems.error(bPath + ".node", "'" + ProblemCollector.printable(backing.node()) + "' is not one of the nodes.",
                        "Use a node name from $.nodes.");
                continue;
            }
            if (!covered.add(backing.node())) {
                problems.error(bPath + ".node", "node '" + backing.node() + "' has two backing devices for this resource.",
                        "Keep one backing entry per node.");
            }
            if (problems.pattern(bPath + ".disk", backing.disk(), ValuePatterns.DEVICE)) {
                String key = backing.node() + " " + backing.disk();
                problems.distinct(disks, key, bPath + ".disk", "node and disk");
                dataDisks.add(key);
                if (backing.layoutOrDefault() == DiskLayout.GPT_PARTITION && PartitionNames.isPartition(backing.disk())) {
                    problems.error(bPath + ".layout", backing.disk() + " is already a partition; it cannot hold a partition table.",
                            "Choose the whole disk for a new partition, or set \"layout\": \"whole-device\" to use this partition as it is.",
                            "Choose the whole disk for a new partition, or \"Use the device as it is\".");
                } else if (backing.layoutOrDefault() == DiskLayout.GPT_PARTITION && res.name().length() > GPT_NAME_ROOM) {
                    problems.error(bPath + ".layout", "the partition would be named 'tandem-" + res.name() + "', longer than the 36 "
                            + "characters a GPT partition name may have.", "Shorten the resource name to " + GPT_NAME_ROOM + " characters or fewer.");
                }
            }
            if (backing.internalMetadata()) {
                if (backing.metaIndex() != null) {
                    problems.error(bPath + ".metaIndex", "an index only applies to external metadata.", "Remove \"metaIndex\".");
                }
            } else if (problems.pattern(bPath + ".metaDisk", backing.metaDisk(), ValuePatterns.DEVICE)) {
                if (backing.metaIndex() != null) {
                    problems.range(bPath + ".metaIndex", backing.metaIndex(), 0, 255, "");
                }
                if (backing.metaIndex() == null && project.nodes().getFirst().drbdVersion() == DrbdVersion.V8_4) {
                    problems.warning(bPath + ".metaIndex", "external metadata without an index uses the whole device for one resource.",
                            "Set \"metaIndex\" to share one metadata device among resources (0, 1, …).",
                            "That is fine for one volume; to share the device among volumes, keep the metadata inside each device instead.");
                }
                String slot = backing.node() + " " + backing.metaDisk() + "[" + (backing.metaIndex() == null ? "flex" : backing.metaIndex()) + "]";
                problems.distinct(metaSlots, slot, bPath + ".metaIndex", "metadata slot");
            }
        }
        for (Node node : project.nodes()) {
            if (!covered.contains(node.name())) {
                problems.error(path + ".backing", "resource '" + res.name() + "' has no backing device on node '" + node.name() + "'.",
                        "Add {\"node\": \"" + node.name() + "\", \"disk\": \"/dev/…\", \"metaDisk\": \"internal\"}.",
                        "Choose a device for it on the Disks step.");
            }
        }
    }
}
