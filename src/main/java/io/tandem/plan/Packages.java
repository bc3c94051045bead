package io.tandem.plan;

import io.tandem.model.Node;
import io.tandem.model.Project;
import io.tandem.model.StonithType;
import io.tandem.model.TargetImplementation;

import java.util.ArrayList;
import java.util.List;

/**
 * What each host needs installed. Not pcs: Tandem loads the CIB with Pacemaker's own tools, and
 * pcs would bring pcsd and Ruby. iptables although nothing depends on it: portblock runs it.
 */
public final class Packages {

    private Packages() {
    }

    public static List<String> forNode(Project project, Node node) {
        // pacemaker-cli-utils (crm_mon, cibadmin, crm_diff) is only a recommendation of pacemaker.
        List<String> packages = new ArrayList<>(List.of("drbd-utils", "corosync", "pacemaker", "pacemaker-cli-utils", "resource-agents", "iptables",
                "chrony"));
        if (!node.os().usesNetplan()) {
            packages.addAll(List.of("ifupdown", "ifenslave"));
        }
        TargetImplementation implementation = project.target().implementation();
        if (implementation == TargetImplementation.TGT) {
            packages.add("tgt");
        } else if (implementation.agentName().equals("lio-t")) {
            packages.addAll(List.of("targetcli-fb", "python3-rtslib-fb"));
        }
        // sfdisk is in fdisk, which is not in a minimal Debian (lab/vm e2e with the GPT layout found it missing).
        boolean partitions = project.replication().resources().stream().flatMap(r -> r.backing().stream())
                .anyMatch(b -> b.node().equals(node.name()) && b.layoutOrDefault() == io.tandem.model.DiskLayout.GPT_PARTITION);
        if (partitions) {
            packages.add("fdisk");
        }
        if (project.cluster().witness().isPresent()) {
            packages.add("corosync-qdevice");
        }
        StonithType fencing = project.cluster().stonith().type();
        if (fencing == StonithType.SBD) {
            // sbd is the daemon; fence_sbd, the stonith agent Pacemaker runs, is in fence-agents.
            packages.addAll(List.of("sbd", "fence-agents"));
        } else if (fencing == StonithType.IPMI) {
            // fence_ipmilan drives ipmitool, which fence-agents neither depends on nor recommends.
            packages.addAll(List.of("fence-agents", "ipmitool"));
        } else if (fencing == StonithType.VIRSH) {
            packages.add("fence-agents");
        }
        return packages;
    }

    /** open-iscsi, and corosync-qnetd on the client that is the quorum device's witness. */
    public static List<String> forInitiator(Project project, io.tandem.model.Initiator client) {
        boolean witness = project.cluster().witness().map(d -> d.host().equals(client.name())).orElse(false);
        return witness ? List.of("open-iscsi", "corosync-qnetd") : List.of("open-iscsi");
    }
}
