package io.tandem.model;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** STONITH: no fencing (a warning), IPMI or libvirt devices per node, or SBD's shared disks and watchdog. */
final class FencingRules {

    private static final String PATH = "$.cluster.stonith";
    /** Limits that keep a typo (600 for 60) from stalling every failover for minutes. */
    static final int MAX_WATCHDOG_TIMEOUT = 120;
    static final int MAX_MSGWAIT_TIMEOUT = 240;

    private FencingRules() {
    }

    static void check(Project project, ProblemCollector problems) {
        Stonith stonith = project.cluster().stonith();
        if (stonith.type() == StonithType.NONE) {
            checkNone(project, stonith, problems);
            return;
        }
        if (project.profile() == Profile.LEGACY) {
            problems.add(Problem.warning(PATH + ".type", "the tutorial's Heartbeat setup has no STONITH; the fencing settings are not exported.",
                    "Use the modern profile for a fenced cluster.").inWizard("the legacy profile's Heartbeat setup has no STONITH; the "
                    + "fencing settings are not exported.", null));
        }
        if (stonith.type().perNodeDevices()) {
            checkDevices(project, stonith, problems);
            if (stonith.sbd() != null) {
                problems.warning(PATH + ".sbd", "SBD settings are not used by " + stonith.type().agent() + ".", "Remove \"sbd\".");
            }
        } else {
            if (!stonith.devices().isEmpty()) {
                problems.warning(PATH + ".devices", "fence_sbd fences through the shared disks; the devices listed are not used.",
                        "Remove \"devices\".");
            }
            checkSbd(project, stonith.sbd(), problems);
        }
    }

    private static void checkNone(Project project, Stonith stonith, ProblemCollector problems) {
        if (project.profile() == Profile.MODERN) {
            problems.warning(PATH + ".type", "STONITH is off. If the nodes lose sight of each other while both run, both can "
                    + "become primary and the data splits (split brain).",
                    "Configure fencing (fence_ipmilan, fence_sbd or fence_virsh) before production use.",
                    "Choose IPMI, SBD or libvirt fencing before production use.");
            if (project.replication().fencing() == Fencing.RESOURCE_AND_STONITH) {
                problems.error("$.replication.fencing", "DRBD fencing resource-and-stonith needs STONITH, which is off.",
                        "Configure STONITH, or use \"resource-only\".");
            }
        }
        if (!stonith.devices().isEmpty() || stonith.sbd() != null || stonith.action() != null) {
            problems.warning(PATH, "fencing settings are present but STONITH is off, so they are not used.",
                    "Set \"type\" to the agent they are for, or remove \"devices\", \"sbd\" and \"action\".");
        }
    }

    private static void checkDevices(Project project, Stonith stonith, ProblemCollector problems) {
        boolean virsh = stonith.type() == StonithType.VIRSH;
        String controller = virsh ? "libvirt host" : "BMC";
        Set<String> fenced = new HashSet<>();
        Map<String, String> domains = ProblemCollector.seen();
        for (int i = 0; i < stonith.devices().size(); i++) {
            FenceDevice device = stonith.devices().get(i);
            String dPath = PATH + ".devices[" + i + "]";
            if (project.node(device.node()).isEmpty()) {
                problems.error(dPath + ".node", "'" + ProblemCollector.printable(device.node()) + "' is not one of the nodes.",
                        "Name the node this device powers off.");
            } else if (!fenced.add(device.node())) {
                problems.error(dPath + ".node", "node '" + device.node() + "' has two fence devices.", "Keep one device per node.");
            }
            NetworkRules.sshAddress(dPath + ".address", device.address(), controller + " address", problems);
            // fence_virsh logs in over SSH (a Unix account); a BMC user is freer.
            problems.pattern(dPath + ".user", device.user(), virsh ? ValuePatterns.USER : ValuePatterns.CHAP_USER);
            problems.secretPattern(dPath + ".password", device.password());
            checkPlug(device, dPath, virsh, domains, problems);
            checkCipher(device, dPath, virsh, problems);
            if (virsh && !"root".equals(device.user()) && ValuePatterns.USER.matches(device.user())) {
                problems.warning(dPath + ".user", "virsh run by a user other than root sees that user's own virtual machines, "
                        + "not the host's: fencing would not find the node.", "Use root on the libvirt host, or give this user "
                        + "uri_default = \"qemu:///system\" in ~/.config/libvirt/libvirt.conf there (and access to libvirt).");
            }
        }
        for (Node node : project.nodes()) {
            if (!fenced.contains(node.name())) {
                problems.error(PATH + ".devices", "node '" + node.name() + "' has no fence device.",
                        "Add the " + controller + " address and credentials of " + node.name() + ".");
            }
        }
    }

    private static void checkCipher(FenceDevice device, String dPath, boolean virsh, ProblemCollector problems) {
        Integer cipher = device.cipher();
        if (cipher == null) {
            return;
        }
        if (virsh) {
            problems.warning(dPath + ".cipher", "fence_virsh logs in over SSH; \"cipher\" is an IPMI setting and is not used.",
                    "Remove \"cipher\".");
        } else if (cipher == 0) {
            problems.error(dPath + ".cipher", "cipher suite 0 logs in without checking the password: anyone who knows the user "
                    + "name could power " + ProblemCollector.printable(device.node()) + " off.",
                    "Use a suite with authentication, e.g. 3 (or 17 where the BMC has it), or remove \"cipher\" to let ipmitool choose.");
        } else if (cipher < 0 || cipher > FenceDevice.MAX_CIPHER_SUITE) {
            problems.error(dPath + ".cipher", "IPMI cipher suites are numbered 1 to " + FenceDevice.MAX_CIPHER_SUITE + "; " + cipher
                    + " is not one.", "Use the suite the BMC's documentation names (often 3 or 17), or remove \"cipher\".");
        }
    }

    private static void checkPlug(FenceDevice device, String dPath, boolean virsh, Map<String, String> domains, ProblemCollector problems) {
        if (!virsh) {
            if (device.plug() != null) {
                problems.warning(dPath + ".plug", "fence_ipmilan switches the whole machine its BMC belongs to; \"plug\" is not used.",
                        "Remove \"plug\".");
            }
            return;
        }
        if (device.plug() == null) {
            problems.error(dPath + ".plug", "fence_virsh needs the name of the virtual machine (libvirt domain) of node '"
                    + ProblemCollector.printable(device.node()) + "'.", "Add \"plug\" with the name 'virsh list --all' shows on the host.",
                    "Enter the name 'virsh list --all' shows for it on the host.");
        } else if (problems.pattern(dPath + ".plug", device.plug(), ValuePatterns.VM_NAME)) {
            // Two nodes on one host under one name would make fencing one destroy the other.
            problems.distinct(domains, device.address() + "/" + device.plug(), dPath + ".plug", "virtual machine");
        }
    }

    /** Where a DRBD resource already uses {@code device} (data or metadata), in words; empty when nowhere. */
    private static java.util.Optional<String> replicatedUse(Project project, String device) {
        for (DrbdResource resource : project.replication().resources()) {
            for (Backing backing : resource.backing()) {
                if (device.equals(backing.disk()) || device.equals(backing.drbdDisk())) {
                    return java.util.Optional.of("the data disk of DRBD resource " + resource.name() + " on " + backing.node());
                }
                if (device.equals(backing.metaDisk())) {
                    return java.util.Optional.of("the metadata disk of DRBD resource " + resource.name() + " on " + backing.node());
                }
            }
        }
        return java.util.Optional.empty();
    }

    private static void checkSbd(Project project, Sbd sbd, ProblemCollector problems) {
        String path = PATH + ".sbd";
        if (sbd == null) {
            problems.error(path, "fence_sbd needs the shared disks and the watchdog.",
                    "Add \"sbd\": {\"devices\": [\"/dev/disk/by-id/...\"], \"watchdog\": \"softdog\", \"watchdogTimeout\": "
                            + Sbd.DEFAULT_WATCHDOG_TIMEOUT + ", \"msgwaitTimeout\": " + Sbd.DEFAULT_MSGWAIT_TIMEOUT + "}.");
            return;
        }
        List<String> devices = sbd.devices();
        if (devices.isEmpty() || devices.size() > 3) {
            problems.error(path + ".devices", "SBD uses one to three shared disks; " + devices.size() + " are listed.",
                    "List one disk, or three on separate storage.");
        } else if (devices.size() == 2) {
            problems.warning(path + ".devices", "with two SBD disks sbd starts only when both are readable, and survives the loss "
                    + "of one only while the other still answers: no safer than one.", "Use one disk, or three on separate storage.");
        }
        Map<String, String> seen = ProblemCollector.seen();
        for (int i = 0; i < devices.size(); i++) {
            String dPath = path + ".devices[" + i + "]";
            if (problems.pattern(dPath, devices.get(i), ValuePatterns.SBD_DEVICE)) {
                problems.distinct(seen, devices.get(i), dPath, "SBD disk");
                String device = devices.get(i);
                replicatedUse(project, device).ifPresent(use -> problems.error(dPath, device + " is also " + use
                        + ": sbd writes its header over the start of the disk, and DRBD would overwrite sbd's slots.",
                        "Use a small disk of its own for SBD (a few MiB are enough), visible to both nodes."));
            }
        }
        problems.pattern(path + ".watchdog", sbd.watchdog(), ValuePatterns.WATCHDOG);
        problems.range(path + ".watchdogTimeout", sbd.watchdogTimeout(), 1, MAX_WATCHDOG_TIMEOUT, " s");
        problems.range(path + ".msgwaitTimeout", sbd.msgwaitTimeout(), 2, MAX_MSGWAIT_TIMEOUT, " s");
        if (sbd.msgwaitTimeout() <= sbd.watchdogTimeout()) {
            problems.error(path + ".msgwaitTimeout", "msgwait (" + sbd.msgwaitTimeout() + " s) must be longer than the watchdog "
                    + "timeout (" + sbd.watchdogTimeout() + " s): otherwise the other node may take over while the fenced node "
                    + "still runs.", "Set msgwaitTimeout to twice watchdogTimeout (" + 2 * sbd.watchdogTimeout() + ").");
        } else if (sbd.msgwaitTimeout() < 2 * sbd.watchdogTimeout()) {
            problems.warning(path + ".msgwaitTimeout", "msgwait is usually twice the watchdog timeout, leaving room for a slow disk.",
                    "Set msgwaitTimeout to " + 2 * sbd.watchdogTimeout() + ".");
        }
        // corosync's sync_timeout for the witness is cut to the watchdog timeout (else sbd distrusts its quorum).
        boolean witness = project.profile() == Profile.MODERN && project.cluster().witness().isPresent();
        if (witness && sbd.watchdogTimeout() >= 1 && sbd.watchdogTimeout() < Sbd.MIN_WATCHDOG_TIMEOUT_WITH_WITNESS) {
            problems.warning(path + ".watchdogTimeout", "with a quorum witness, corosync gives the witness the watchdog timeout ("
                    + sbd.watchdogTimeout() + " s) to vote after a node is lost; on a slow or busy network the survivor may then "
                    + "lose quorum and stop the service instead of taking over.", "Set watchdogTimeout to "
                    + Sbd.MIN_WATCHDOG_TIMEOUT_WITH_WITNESS + " or more (and msgwaitTimeout to twice that).");
        }
    }
}
