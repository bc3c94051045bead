package io.tandem.render.modern;

import io.tandem.model.DrbdResource;
import io.tandem.model.Initiator;
import io.tandem.model.Lun;
import io.tandem.model.NetworkRole;
import io.tandem.model.Project;
import io.tandem.model.SessionParameters;
import io.tandem.model.StonithType;
import io.tandem.model.TargetImplementation;
import io.tandem.render.SecretBook;
import io.tandem.render.IscsiWords;
import io.tandem.render.SecretNames;
import io.tandem.render.modern.PacemakerLayout.Clone;
import io.tandem.render.modern.PacemakerLayout.Colocation;
import io.tandem.render.modern.PacemakerLayout.Group;
import io.tandem.render.modern.PacemakerLayout.Location;
import io.tandem.render.modern.PacemakerLayout.Nvpair;
import io.tandem.render.modern.PacemakerLayout.Op;
import io.tandem.render.modern.PacemakerLayout.Order;
import io.tandem.render.modern.PacemakerLayout.Primitive;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Decides the cluster's resources: one promotable DRBD clone per resource, and one group that
 * blocks the iSCSI port, raises the VIP, starts the target and its LUNs (one resource with Tandem's
 * LioTarget agent, or the stock iSCSITarget and one iSCSILogicalUnit per LUN, for tgt with mutual CHAP
 * followed by Tandem's TgtMutualChap), then unblocks the port.
 * The port stays blocked while the LUNs are missing: a live portal without its LUN gave
 * initiators I/O errors in the lab, while dropped packets only make them retry.
 */
public final class PacemakerLayoutBuilder {

    public static final String GROUP = "g_iscsi";
    /** tgt reserves LUN 0 for its controller; its targets need a numeric id. */
    static final String TGT_TID = "1";
    /** The target's resource: iSCSITarget with the stock agents, Tandem's LioTarget (with all LUNs) for lio. */
    public static final String TARGET_ID = "p_target";
    public static final String VIP_ID = "p_vip";
    public static final String BLOCK_ID = "p_block";
    public static final String UNBLOCK_ID = "p_unblock";
    /** The tgt target's outgoing CHAP account (ocf:tandem:TgtMutualChap), right after its LUNs. */
    public static final String MUTUAL_CHAP_ID = "p_mutual_chap";
    /**
     * How long a recurring monitor waits before its first run after a start or a promotion. Pacemaker
     * runs that first monitor at once, and a node runs one operation at a time when loaded: on a
     * switchover of the VM lab the monitors of both DRBD resources and of the VIP ran in front of the
     * next promotion and of the target's start, 7-11 s of 21-28 s on the new primary. Delayed, they
     * run after the target is up (same cluster, same hour: 21.2 / 22.3 s instead of 24.3-37.4 s).
     * The promotions and starts still return their own result; only the confirmation waits.
     */
    static final String FIRST_MONITOR_DELAY = "20s";
    /**
     * Pacemaker's load throttle: above load-threshold (default 80 % of a core) a node gets one
     * operation at a time and two nodes one between them, and a monitor waiting out its delay holds
     * that one slot, so everything behind it waits too (VM lab, one slot per node: 81.9 / 86.4 s). Ten cores' worth keeps
     * the throttle for real overload; the guests of the VM lab ran at loads of 1-5 on one core.
     */
    static final String LOAD_THRESHOLD = "1000%";
    /**
     * How long a resource's failures count against a node. Without it one failed start bans the
     * resource from the node until someone runs crm_resource --cleanup: in the VM lab a node
     * coming back from a crash started its fence device while the fencer was still reading the
     * agent's metadata ("Lost connection to fencer"), and the other node stayed unfenceable for
     * as long as nobody looked. Expired, the cluster tries again by itself; a real fault fails
     * again and stays visible in the fail counts.
     */
    static final String FAILURE_TIMEOUT = "120s";

    private PacemakerLayoutBuilder() {
    }

    /**
     * Whether the group is framed by the port block pair. The stock agents (lio-t, tgt) open the portal
     * before the LUNs exist, and an initiator logging in then gets I/O errors (the reference lab), so the
     * port stays blocked until the last member has started. Tandem's LioTarget enables its portal only
     * after every LUN, and closes the sessions itself when it stops: there the pair only cost time, two
     * more operations each way and the initiator's SYN backoff after the unblock (VM lab: a switchover
     * 109.8/103.9 s with the pair, 75.9/64.7 s without, no I/O error either way).
     */
    public static boolean usesPortblock(Project project) {
        return project.target().implementation() != TargetImplementation.LIO;
    }

    public static PacemakerLayout build(Project project, SecretBook secrets) {
        var cluster = project.cluster();
        String timeout = cluster.operationTimeoutSeconds() + "s";
        Group group = new Group(GROUP, groupMembers(project, secrets));
        FencingLayout fencing = new FencingLayout(project, secrets);
        List<Nvpair> properties = new ArrayList<>(List.of(
                new Nvpair("cluster-name", project.clusterName()),
                new Nvpair("stonith-enabled", cluster.stonith().type() == StonithType.NONE ? "false" : "true"),
                new Nvpair("no-quorum-policy", "stop"),
                new Nvpair("load-threshold", LOAD_THRESHOLD),
                new Nvpair("node-action-limit", String.valueOf(nodeActionLimit(project, group)))));
        properties.addAll(fencing.properties);
        List<Clone> clones = project.replication().resources().stream().map(r -> drbdClone(project, r, cluster.operationTimeoutSeconds())).toList();
        List<Colocation> colocations = new ArrayList<>();
        List<Order> orders = new ArrayList<>();
        for (Clone clone : clones) {
            colocations.add(new Colocation("col_" + GROUP + "_with_" + clone.id(), GROUP, null, clone.id(), "Promoted", "INFINITY"));
            orders.add(new Order("ord_" + clone.id() + "_before_" + GROUP, clone.id(), "promote", GROUP, "start"));
        }
        // The group needs every DRBD resource promoted on its node, but each clone's promotion is
        // placed on its own: in the VM lab, while the drbd agents' promotion scores still differed,
        // drbd_r0 was promoted on node1 and drbd_r1 on node2, and the group could run nowhere
        // (fixtures/vmlab/node1.split-promotion.crm_mon_xml.txt). Tie every other clone's promoted
        // role to the first's.
        for (Clone clone : clones.subList(Math.min(1, clones.size()), clones.size())) {
            Clone first = clones.getFirst();
            colocations.add(new Colocation("col_" + clone.id() + "_promoted_with_" + first.id(), clone.id(), "Promoted", first.id(),
                    "Promoted", "INFINITY"));
        }
        orders.addAll(fencing.orders);
        List<Location> locations = new ArrayList<>();
        locations.add(new Location("loc_" + GROUP + "_prefers_" + cluster.preferredNode(), GROUP, cluster.preferredNode(), "100"));
        locations.addAll(fencing.locations);
        return new PacemakerLayout(properties,
                List.of(new Nvpair("resource-stickiness", String.valueOf(cluster.resourceStickiness())),
                        new Nvpair("failure-timeout", FAILURE_TIMEOUT)),
                List.of(new Nvpair("timeout", timeout)),
                clones, group, fencing.primitives, colocations, orders, locations);
    }

    /**
     * Room on each node for every delayed monitor at once (one per DRBD resource and group member)
     * and the operation that must go on meanwhile, doubled because Pacemaker halves a node's limit
     * under moderate load.
     */
    static int nodeActionLimit(Project project, Group group) {
        return 2 * (project.replication().resources().size() + group.members().size());
    }

    public static String drbdPrimitiveId(DrbdResource resource) {
        return "drbd_" + resource.name();
    }

    /** The promotable clone of {@code resource}, which DRBD's fence-peer constraint names. */
    public static String drbdCloneId(DrbdResource resource) {
        return drbdPrimitiveId(resource) + "-clone";
    }

    private static Clone drbdClone(Project project, DrbdResource resource, int opTimeout) {
        String t = opTimeout + "s";
        String id = drbdPrimitiveId(resource);
        // No notifications. With notify=true every demote and promote of each clone is framed by a
        // pre and a post notify on both nodes, one after the other: on a switchover of the VM lab 16
        // agent runs, 37.5 of 67.5 s. For two nodes the agent's notify handlers only redo what its
        // start and monitor already do (adjust the connection, refresh the promotion score), and it
        // asks for ignore_missing_notifications=true to run without them. stop_outdates_secondary, the
        // one feature of the agent that needs them, stays at its default (off). Clusters applied with
        // notifications are migrated by DrbdNotificationsOff.
        // On DRBD 8.4 Tandem's agent, which promotes and demotes itself and runs LINBIT's for the
        // rest, needs the minor: /proc/drbd names minors, not resources.
        boolean tandems = Drbd84AgentRenderer.usedBy(project);
        List<Nvpair> params = new ArrayList<>(List.of(new Nvpair("drbd_resource", resource.name())));
        if (tandems) {
            params.add(new Nvpair("minor", String.valueOf(resource.minor())));
        }
        params.add(new Nvpair("ignore_missing_notifications", "true"));
        Primitive primitive = new Primitive(id, Drbd84AgentRenderer.agentFor(project), List.copyOf(params),
                List.of(new Op("start", "0s", (2 * opTimeout) + "s", null),
                        new Op("stop", "0s", t, null),
                        new Op("promote", "0s", t, null),
                        new Op("demote", "0s", t, null),
                        // Distinct intervals: Pacemaker needs one monitor per role.
                        new Op("monitor", "29s", t, "Promoted").delayedBy(FIRST_MONITOR_DELAY),
                        new Op("monitor", "31s", t, "Unpromoted").delayedBy(FIRST_MONITOR_DELAY)));
        return new Clone(drbdCloneId(resource), primitive, List.of(
                new Nvpair("promotable", "true"),
                new Nvpair("promoted-max", "1"),
                new Nvpair("promoted-node-max", "1"),
                new Nvpair("clone-max", "2"),
                new Nvpair("clone-node-max", "1")));
    }

    private static List<Primitive> groupMembers(Project project, SecretBook secrets) {
        var target = project.target();
        String vip = project.networks().client().virtualIp();
        String port = String.valueOf(target.portalPort());
        List<Op> monitor = List.of(new Op("monitor", "10s", project.cluster().operationTimeoutSeconds() + "s", null));
        List<Primitive> members = new ArrayList<>();
        boolean portblock = usesPortblock(project);
        if (portblock) {
            members.add(new Primitive(BLOCK_ID, PortblockAgentRenderer.AGENT, List.of(
                    new Nvpair("action", "block"), new Nvpair("protocol", "tcp"), new Nvpair("portno", port), new Nvpair("ip", vip)), monitor));
        }

        List<Nvpair> vipParams = new ArrayList<>(List.of(new Nvpair("ip", vip),
                new Nvpair("cidr_netmask", String.valueOf(project.networks().client().prefixLength()))));
        List<String> clientInterfaces = project.nodes().stream().map(n -> n.interfaceName(NetworkRole.CLIENT)).distinct().toList();
        if (clientInterfaces.size() == 1) {
            // With different names per node the agent finds the interface holding an address of the network.
            vipParams.add(new Nvpair("nic", clientInterfaces.getFirst()));
        }
        Primitive vipPrimitive = new Primitive(VIP_ID, VirtualIpAgentRenderer.AGENT, vipParams, monitor);

        if (target.implementation() == TargetImplementation.LIO) {
            // The target first, listening on an address the node does not hold yet (net.ipv4.ip_nonlocal_bind,
            // SysctlRenderer), then the address: its gratuitous ARP sends the initiators to a portal
            // that answers. In the other order their SYNs between the two starts were refused, and
            // iscsid waits 3 s after a refused connect (VM lab: the target up -> I/O resumed 2.6-5.8 s).
            members.add(new Primitive(TARGET_ID, LioAgentRenderer.AGENT, LioTargetParameters.of(project, secrets), monitor));
            members.add(vipPrimitive);
        } else {
            members.add(vipPrimitive);
            members.addAll(stockTargetAndLuns(project, secrets, monitor));
        }
        if (portblock) {
            members.add(new Primitive(UNBLOCK_ID, PortblockAgentRenderer.AGENT, List.of(
                    new Nvpair("action", "unblock"), new Nvpair("protocol", "tcp"), new Nvpair("portno", port), new Nvpair("ip", vip)), monitor));
        }
        return withDelayedMonitors(members);
    }

    /** Every member's monitor but the last's waits FIRST_MONITOR_DELAY: each would hold up the next start. */
    private static List<Primitive> withDelayedMonitors(List<Primitive> members) {
        List<Primitive> delayed = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            Primitive p = members.get(i);
            boolean last = i == members.size() - 1;
            delayed.add(last ? p : new Primitive(p.id(), p.agent(), p.params(),
                    p.ops().stream().map(op -> op.name().equals("monitor") ? op.delayedBy(FIRST_MONITOR_DELAY) : op).toList()));
        }
        return delayed;
    }

    /** The stock agents (lio-t, tgt): iSCSITarget, then one iSCSILogicalUnit per LUN. */
    private static List<Primitive> stockTargetAndLuns(Project project, SecretBook secrets, List<Op> monitor) {
        var target = project.target();
        String vip = project.networks().client().virtualIp();
        String port = String.valueOf(target.portalPort());
        boolean tgt = target.implementation() == TargetImplementation.TGT;
        // For tgt the stock agent binds each entry with `tgtadm --bind --initiator-address`: an
        // address, not a name. IQNs there admitted no initiator at all (LabTgtTargetIT: discovery
        // listed nothing). tgt gets the client network instead; CHAP still admits each initiator.
        String allowed = tgt ? project.networks().client().cidr() : allowedInitiators(project);
        List<Primitive> members = new ArrayList<>();
        List<Nvpair> targetParams = new ArrayList<>();
        targetParams.add(new Nvpair("implementation", target.implementation().agentName()));
        targetParams.add(new Nvpair("iqn", target.iqn()));
        if (tgt) {
            targetParams.add(new Nvpair("tid", TGT_TID));
        } else {
            targetParams.add(new Nvpair("portals", vip + ":" + port));
        }
        if (!allowed.isEmpty()) {
            targetParams.add(new Nvpair("allowed_initiators", allowed));
        }
        targetParams.add(new Nvpair("incoming_username", project.chap().incoming().user()));
        targetParams.add(new Nvpair("incoming_password", secrets.ref(SecretNames.CHAP_INCOMING, project.chap().incoming().secret())));
        targetParams.add(new Nvpair("additional_parameters", sessionParameters(target.session())));
        members.add(new Primitive(TARGET_ID, "ocf:heartbeat:iSCSITarget", targetParams, monitor));

        for (Lun lun : target.luns()) {
            DrbdResource resource = project.resource(lun.resource()).orElseThrow();
            List<Nvpair> params = new ArrayList<>(List.of(
                    new Nvpair("implementation", target.implementation().agentName()),
                    new Nvpair("target_iqn", target.iqn()),
                    new Nvpair("lun", String.valueOf(lun.number())),
                    new Nvpair("path", resource.device())));
            if (lun.serial() != null) {
                params.add(new Nvpair("scsi_sn", lun.serial()));
            }
            if (lun.productId() != null) {
                params.add(new Nvpair("product_id", lun.productId()));
            }
            if (!tgt && !allowed.isEmpty()) {
                params.add(new Nvpair("allowed_initiators", allowed));
            }
            members.add(new Primitive("p_lun" + lun.number(), "ocf:heartbeat:iSCSILogicalUnit", params, monitor));
        }
        if (needsTgtMutualChap(project)) {
            // After the LUNs, so that it stops first: tgt deletes no account with its target.
            var outgoing = project.chap().outgoing();
            members.add(new Primitive(MUTUAL_CHAP_ID, TgtMutualChapAgentRenderer.AGENT, List.of(
                    new Nvpair("tid", TGT_TID),
                    new Nvpair("username", outgoing.user()),
                    new Nvpair("password", secrets.ref(SecretNames.CHAP_OUTGOING, outgoing.secret()))), monitor));
        }
        return members;
    }

    /** tgt with mutual CHAP: the stock iSCSITarget agent sets no outgoing account, Tandem's TgtMutualChap does. */
    static boolean needsTgtMutualChap(Project project) {
        return project.target().implementation() == TargetImplementation.TGT && project.chap().outgoing() != null;
    }

    /** The initiators' IQNs, space-separated, as the agents' allowed_initiators expects. */
    static String allowedInitiators(Project project) {
        return project.initiators().stream().map(Initiator::iqn).collect(Collectors.joining(" "));
    }

    /** RFC 7143 key=value pairs, space-separated, as the agent's additional_parameters expects. */
    static String sessionParameters(SessionParameters s) {
        return String.join(" ",
                "MaxConnections=" + s.maxConnections(),
                "InitialR2T=" + IscsiWords.yesNo(s.initialR2T()),
                "ImmediateData=" + IscsiWords.yesNo(s.immediateData()),
                "MaxRecvDataSegmentLength=" + s.maxRecvDataSegmentLength(),
                "MaxXmitDataSegmentLength=" + s.maxXmitDataSegmentLength(),
                "MaxBurstLength=" + s.maxBurstLength(),
                "FirstBurstLength=" + s.firstBurstLength(),
                "DefaultTime2Wait=" + s.defaultTime2Wait(),
                "DefaultTime2Retain=" + s.defaultTime2Retain(),
                "MaxOutstandingR2T=" + s.maxOutstandingR2T(),
                "DataPDUInOrder=" + IscsiWords.yesNo(s.dataPduInOrder()),
                "DataSequenceInOrder=" + IscsiWords.yesNo(s.dataSequenceInOrder()),
                "ErrorRecoveryLevel=" + s.errorRecoveryLevel(),
                "HeaderDigest=" + s.headerDigest(),
                "DataDigest=" + s.dataDigest());
    }

}
