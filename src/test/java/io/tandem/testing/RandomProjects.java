package io.tandem.testing;

import io.tandem.model.Backing;
import io.tandem.model.Bond;
import io.tandem.model.BondMode;
import io.tandem.model.Chap;
import io.tandem.model.ClusterSettings;
import io.tandem.model.Credentials;
import io.tandem.model.DrbdResource;
import io.tandem.model.DrbdVersion;
import io.tandem.model.DynamicResync;
import io.tandem.model.FenceAction;
import io.tandem.model.FenceDevice;
import io.tandem.model.Fencing;
import io.tandem.model.Filesystem;
import io.tandem.model.Initiator;
import io.tandem.model.InitiatorSession;
import io.tandem.model.InitiatorTimeouts;
import io.tandem.model.Lun;
import io.tandem.model.Network;
import io.tandem.model.NetworkLink;
import io.tandem.model.NetworkRole;
import io.tandem.model.Networks;
import io.tandem.model.Node;
import io.tandem.model.OperatingSystem;
import io.tandem.model.Profile;
import io.tandem.model.QuorumDevice;
import io.tandem.model.Project;
import io.tandem.model.PeerTimeouts;
import io.tandem.model.ReplicationProtocol;
import io.tandem.model.Replication;
import io.tandem.model.ResourcePurpose;
import io.tandem.model.Sbd;
import io.tandem.model.Secret;
import io.tandem.model.SessionParameters;
import io.tandem.model.SplitBrainPolicy;
import io.tandem.model.Ssh;
import io.tandem.model.Stonith;
import io.tandem.model.StonithType;
import io.tandem.model.Target;
import io.tandem.model.TargetImplementation;
import io.tandem.model.TimeSync;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random valid modern projects for property tests: 2–8 LUNs, other subnets and addresses, NIC
 * naming schemes, bond timings, device paths, metadata layouts, DRBD 8.4/9, LIO/tgt, with and without STONITH.
 * The same seed always gives the same project, so a failure can be replayed.
 */
public final class RandomProjects {

    private static final String[] NODE_NAMES = {"alpha", "bravo", "stor1", "stor2", "nas-a", "nas-b", "san01", "san02", "left", "right"};
    private static final String LETTERS = "abcdefghijklmnopqrstuvwxyz";

    private RandomProjects() {
    }

    public static Project generate(long seed) {
        Random r = new Random(seed);
        int clientNet = 1 + r.nextInt(250);
        int replNet = (clientNet + 1 + r.nextInt(3)) % 250 + 1;
        String clientPrefix = "10." + (1 + r.nextInt(200)) + "." + clientNet + ".";
        String replPrefix = "172." + (16 + r.nextInt(16)) + "." + replNet + ".";
        int first = 2 + r.nextInt(100);
        List<String> names = new ArrayList<>(List.of(NODE_NAMES));
        java.util.Collections.shuffle(names, r);
        DrbdVersion drbd = r.nextBoolean() ? DrbdVersion.V8_4 : DrbdVersion.V9;
        OperatingSystem os = List.of(OperatingSystem.DEBIAN_12, OperatingSystem.UBUNTU_22_04, OperatingSystem.UBUNTU_24_04).get(r.nextInt(3));
        String nicStyle = List.of("eth", "ens", "enp").get(r.nextInt(3));
        BondMode mode = List.of(BondMode.ACTIVE_BACKUP, BondMode.BALANCE_RR, BondMode.LACP, BondMode.BALANCE_XOR).get(r.nextInt(4));
        // Up and down delay always differ (multiples of the MII interval), so a file that swaps them cannot pass.
        int miimon = List.of(50, 100, 200).get(r.nextInt(3));
        Bond timing = new Bond(List.of(), mode, miimon, miimon * (2 + r.nextInt(3)), miimon * r.nextInt(2), null);
        List<Node> nodes = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            String clientAddress = clientPrefix + (first + i);
            nodes.add(new Node(names.get(i), os, drbd, new Ssh(clientAddress, r.nextBoolean() ? "root" : "admin", 22 + r.nextInt(2) * 2200),
                    List.of(link(NetworkRole.CLIENT, "bond0", clientAddress, nicStyle, 0, timing),
                            link(NetworkRole.REPLICATION, "bond1", replPrefix + (first + i), nicStyle, 2, timing))));
        }
        int luns = 2 + r.nextInt(7);
        boolean tgt = r.nextBoolean();
        String diskStyle = List.of("/dev/vd", "/dev/sd", "/dev/disk/by-id/wwn-0x5000c500a1b2c3d").get(r.nextInt(3));
        boolean externalMeta = r.nextBoolean();
        int minorBase = r.nextInt(10);
        int portBase = 7788 + r.nextInt(100);
        List<DrbdResource> resources = new ArrayList<>();
        List<Lun> lunList = new ArrayList<>();
        for (int k = 0; k < luns; k++) {
            String name = r.nextBoolean() ? "r" + k : "vol-" + LETTERS.charAt(k);
            List<Backing> backing = new ArrayList<>();
            for (Node node : nodes) {
                String disk = diskStyle + LETTERS.charAt(1 + k);
                backing.add(externalMeta ? new Backing(node.name(), disk, "/dev/nvme0n1p1", k) : new Backing(node.name(), disk, Backing.INTERNAL, null));
            }
            resources.add(new DrbdResource(name, minorBase + k, portBase + k, ResourcePurpose.LUN, null, backing));
            lunList.add(new Lun(tgt ? k + 1 : k, name, String.format("%08x%04d", seed & 0xffffffffL, k), "lun" + k));
        }
        StonithType stonithType = StonithType.values()[r.nextInt(StonithType.values().length)];
        boolean stonith = stonithType != StonithType.NONE;
        Replication replication = new Replication(ReplicationProtocol.C,
                r.nextBoolean() ? (50 + r.nextInt(500)) + "M" : null, null, "sha256", "sha1", secret(r, 20),
                new SplitBrainPolicy("discard-zero-changes", "discard-secondary", "disconnect", "disconnect"),
                stonith && r.nextBoolean() ? Fencing.RESOURCE_AND_STONITH : Fencing.RESOURCE_ONLY,
                127 + r.nextInt(3000), "detach", 60 + r.nextInt(120), resources, null, peerTimeouts(seed));
        if (replication.syncRate() == null) {
            replication = new Replication(replication.protocol(), null, new DynamicResync(10 + r.nextInt(40), "1M", "4M", (100 + r.nextInt(900)) + "M"),
                    replication.verifyAlgorithm(), replication.hmacAlgorithm(), replication.sharedSecret(), replication.splitBrain(),
                    replication.fencing(), replication.alExtents(), replication.onIoError(), replication.degradedWaitSeconds(), resources, null,
                    replication.peerTimeouts());
        }
        ClusterSettings cluster = new ClusterSettings(nodes.get(r.nextInt(2)).name(), 3000 + r.nextInt(5) * 1000, true, r.nextInt(500),
                60 + r.nextInt(120), stonith(stonithType, nodes, first, r), null, null);
        String domain = "example" + r.nextInt(100) + ".test";
        TargetImplementation implementation = tgt ? TargetImplementation.TGT
                : r.nextBoolean() ? TargetImplementation.LIO : TargetImplementation.LIO_T;
        Target target = new Target("iqn.20" + (10 + r.nextInt(15)) + "-0" + (1 + r.nextInt(9)) + ".test.example" + r.nextInt(10) + ":store" + r.nextInt(99),
                implementation, 3260, null,
                new SessionParameters(1, r.nextBoolean(), r.nextBoolean(), 8192 * (1 + r.nextInt(32)), 8192 * (1 + r.nextInt(32)),
                        262144 * (1 + r.nextInt(4)), 65536, 2, 20, 1 + r.nextInt(4), true, true, 0, "None", r.nextBoolean() ? "None" : "CRC32C,None", null),
                lunList);
        List<Initiator> initiators = new ArrayList<>();
        int clients = 1 + r.nextInt(3);
        for (int c = 0; c < clients; c++) {
            initiators.add(new Initiator("client" + c, os, new Ssh(clientPrefix + (200 + c), "root", 22),
                    "iqn.2024-0" + (1 + r.nextInt(9)) + ".test.example:client" + c,
                    new InitiatorTimeouts(300, 15, 15, 5, 5, 15, 30, 8),
                    new InitiatorSession(128, 32, true, r.nextBoolean(), 65536, 262144, 262144, 32768, true),
                    r.nextBoolean() ? new Filesystem(tgt ? 1 : 0, "xfs", "/srv/iscsi" + c, "noatime", null) : null));
        }
        // Drawn last, so the values above stay what they were for a seed: a third of the projects get a quorum device.
        if (r.nextInt(3) == 0) {
            QuorumDevice device = new QuorumDevice("client" + r.nextInt(clients), r.nextBoolean() ? null : clientPrefix + (240 + r.nextInt(10)),
                    r.nextBoolean() ? null : 5403 + r.nextInt(100));
            cluster = new ClusterSettings(cluster.preferredNode(), cluster.tokenMs(), false, cluster.resourceStickiness(),
                    cluster.operationTimeoutSeconds(), cluster.stonith(), null, device);
        }
        return new Project(Project.SCHEMA_VERSION, Profile.MODERN, "c" + r.nextInt(1000), domain, nodes,
                new Networks(new Network(clientPrefix + "0/24", clientPrefix + "1", clientPrefix + (150 + r.nextInt(40)), null),
                        new Network(replPrefix + "0/24", null, null, mode.monitorsByArp() && r.nextBoolean() ? Boolean.TRUE : null)),
                replication, cluster, target, chap(implementation, r),
                initiators, new TimeSync(List.of(clientPrefix + "1")));
    }

    /** Mutual CHAP where the agents can set it (LioTarget, TgtMutualChap), discovery CHAP only with LioTarget. */
    private static Chap chap(TargetImplementation implementation, Random r) {
        Credentials incoming = new Credentials("user" + r.nextInt(100), secret(r, 12 + r.nextInt(5)));
        if (implementation == TargetImplementation.LIO_T) {
            return new Chap(incoming, null, null);
        }
        Credentials outgoing = r.nextBoolean() ? new Credentials("target" + r.nextInt(100), secret(r, 12 + r.nextInt(5))) : null;
        Credentials discovery = implementation == TargetImplementation.LIO && r.nextBoolean()
                ? new Credentials("finder" + r.nextInt(100), secret(r, 12 + r.nextInt(5))) : null;
        return new Chap(incoming, outgoing, discovery);
    }

    private static Stonith stonith(StonithType type, List<Node> nodes, int first, Random r) {
        return switch (type) {
            case NONE -> new Stonith(type, List.of(), null);
            case IPMI, VIRSH -> new Stonith(type, nodes.stream().map(n -> new FenceDevice(n.name(), "10.250.0." + (first + nodes.indexOf(n)),
                    type == StonithType.IPMI ? "ipmi" : "root", secret(r, 14), type == StonithType.VIRSH ? n.name() + "-vm" : null)).toList(), null,
                    // From a value already drawn, so the rest of the sequence (and every other project) stays as it was.
                    first % 2 == 1 ? FenceAction.OFF : null);
            case SBD -> {
                int disks = r.nextBoolean() ? 1 : 3;
                List<String> devices = new ArrayList<>();
                for (int i = 0; i < disks; i++) {
                    devices.add(r.nextBoolean() ? "/dev/disk/by-id/scsi-36001405" + Long.toHexString(r.nextLong() & 0xffffffffffL) + i
                            : "/dev/disk/by-path/ip-10.250.0." + (i + 1) + ":3260-iscsi-iqn.2024-01.test.example:sbd-lun-" + i);
                }
                int watchdog = 3 + r.nextInt(28);
                yield new Stonith(type, List.of(), new Sbd(devices, r.nextBoolean() ? Sbd.SOFTDOG : "/dev/watchdog" + r.nextInt(2),
                        watchdog, 2 * watchdog + r.nextInt(10)), watchdog % 2 == 1 ? FenceAction.OFF : null);
            }
        };
    }

    private static NetworkLink link(NetworkRole role, String bondName, String address, String nicStyle, int firstNic, Bond timing) {
        List<String> slaves = List.of(nic(nicStyle, firstNic), nic(nicStyle, firstNic + 1));
        BondMode mode = timing.mode();
        return new NetworkLink(role, bondName, address, new Bond(slaves, mode, timing.miimon(), timing.updelay(), timing.downdelay(),
                mode == BondMode.ACTIVE_BACKUP ? slaves.getFirst() : null));
    }

    private static String nic(String style, int index) {
        return switch (style) {
            case "eth" -> "eth" + index;
            case "ens" -> "ens" + (3 + index);
            default -> "enp" + (1 + index) + "s0";
        };
    }

    private static Secret secret(Random r, int length) {
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < length; i++) {
            out.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        return Secret.of(out.toString());
    }

    /** Half the projects set DRBD's peer timeouts (valid ones), from a generator of their own so the other draws stay as they were. */
    private static PeerTimeouts peerTimeouts(long seed) {
        Random t = new Random(seed * 31 + 7);
        if (t.nextBoolean()) {
            return null;
        }
        int ping = 1 + t.nextInt(10);
        return new PeerTimeouts(ping, 5 + t.nextInt(10), 1 + t.nextInt(ping * 10 - 1));
    }
}
