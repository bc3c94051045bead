package io.tandem.export;

import io.tandem.model.Backing;
import io.tandem.model.DrbdResource;
import io.tandem.model.Initiator;
import io.tandem.model.Lun;
import io.tandem.model.NetworkLink;
import io.tandem.model.NetworkRole;
import io.tandem.model.Node;
import io.tandem.model.Problem;
import io.tandem.model.Profile;
import io.tandem.model.Project;
import io.tandem.model.StonithType;
import io.tandem.render.FileSet;
import io.tandem.render.RenderedFile;
import io.tandem.render.SecretPolicy;
import io.tandem.render.legacy.IetdConfRenderer;
import io.tandem.render.modern.FencePeerHandlerRenderer;

import java.util.List;

/** {@code SUMMARY.md}: the reviewer's page — topology, addresses, each file's purpose, the choices made and why. */
final class SummaryWriter {

    private final Project project;
    private final FileSet files;
    private final List<Problem> warnings;
    private final SecretPolicy policy;
    private final StringBuilder out = new StringBuilder();

    SummaryWriter(Project project, FileSet files, List<Problem> warnings, SecretPolicy policy) {
        this.project = project;
        this.files = files;
        this.warnings = warnings;
        this.policy = policy;
    }

    String write() {
        boolean legacy = project.profile() == Profile.LEGACY;
        out.append("# Cluster ").append(project.clusterName()).append(" — configuration for review\n\n");
        out.append(legacy
                ? "Profile **legacy**: the 2009 tutorial's stack (Ubuntu 9.04, ifenslave bonds, DRBD 8.3, Heartbeat, IET). "
                + "These files document a cluster built that way; Tandem does not deploy them.\n\n"
                : "Profile **modern**: Corosync 3 + Pacemaker, DRBD " + drbdVersion() + ", "
                + project.target().implementation().agentName() + " iSCSI target, open-iscsi initiators.\n\n");
        out.append("Each file is under `<host>/<absolute path>`; `cluster/` holds files that belong to the cluster as a whole. "
                + "`MANIFEST.sha256` lists every file's checksum: run `sha256sum -c MANIFEST.sha256` here to verify the bundle.\n\n");
        out.append(policy == SecretPolicy.REVEAL
                ? "**This bundle contains secrets** (exported with --include-secrets). Keep it as safe as the servers' root passwords.\n\n"
                : "Secrets are replaced by `<redacted:NAME>`; the names below say which secret each one is.\n\n");
        topology();
        replication();
        target();
        initiators();
        choices(legacy);
        problems();
        fileList();
        return out.toString();
    }

    private String drbdVersion() {
        return project.nodes().getFirst().drbdVersion() == io.tandem.model.DrbdVersion.V9 ? "9" : "8.4";
    }

    private void topology() {
        var client = project.networks().client();
        var replication = project.networks().replication();
        out.append("## Topology\n\n");
        out.append("- Client network ").append(client.cidr())
                .append(client.gateway() == null ? "" : ", gateway " + client.gateway())
                .append("; initiators connect to the virtual IP **").append(client.virtualIp()).append(':')
                .append(project.target().portalPort()).append("**, which moves to the node serving the target.\n");
        out.append("- Replication network ").append(replication.cidr()).append(": DRBD traffic")
                .append(project.profile() == Profile.MODERN ? " and Corosync's second link" : " and Heartbeat broadcasts").append(".\n\n");
        out.append("| node | OS | SSH | client address | replication address |\n|---|---|---|---|---|\n");
        for (Node node : project.nodes()) {
            out.append("| ").append(node.name()).append(node.name().equals(project.cluster().preferredNode()) ? " (preferred)" : "")
                    .append(" | ").append(node.os().displayName())
                    .append(" | ").append(node.ssh().user()).append('@').append(node.ssh().address()).append(':').append(node.ssh().port())
                    .append(" | ").append(link(node, NetworkRole.CLIENT))
                    .append(" | ").append(link(node, NetworkRole.REPLICATION)).append(" |\n");
        }
        out.append('\n');
    }

    private static String link(Node node, NetworkRole role) {
        NetworkLink link = node.link(role).orElseThrow();
        String text = link.address() + " on " + link.interfaceName();
        if (link.bond() != null) {
            text += " (bond of " + String.join(" + ", link.bond().slaves()) + ", " + link.bond().mode().kernelName() + ")";
        }
        return text;
    }

    private void replication() {
        var r = project.replication();
        out.append("## Replication (DRBD)\n\n");
        out.append("| resource | device | port | purpose | backing per node |\n|---|---|---|---|---|\n");
        for (DrbdResource resource : r.resources()) {
            out.append("| ").append(resource.name()).append(" | ").append(resource.device()).append(" | ").append(resource.port())
                    .append(" | ").append(resource.purpose() == io.tandem.model.ResourcePurpose.LUN ? "iSCSI LUN" : "config filesystem "
                            + resource.filesystem().type() + " on " + resource.filesystem().mountPoint())
                    .append(" | ");
            for (Backing backing : resource.backing()) {
                out.append(backing.node()).append(": ").append(backing.layoutOrDefault() == io.tandem.model.DiskLayout.GPT_PARTITION
                                ? backing.drbdDisk() + ", a new GPT partition on " + backing.disk() : backing.disk()).append(" (metadata ")
                        .append(backing.internalMetadata() ? "internal" : backing.metaDisk()
                                + (backing.metaIndex() == null ? "" : " index " + backing.metaIndex()))
                        .append(") ");
            }
            out.append("|\n");
        }
        out.append('\n');
        if (r.resources().stream().flatMap(res -> res.backing().stream()).anyMatch(b -> b.layoutOrDefault() == io.tandem.model.DiskLayout.GPT_PARTITION)) {
            out.append("New partition tables replace whatever is on those disks. Apply writes them (sfdisk, from the "
                    + "`/var/lib/tandem/partitions/*.sfdisk` files), on a disk that holds anything only after its path was typed to confirm.\n\n");
        }
    }

    private void target() {
        var target = project.target();
        out.append("## iSCSI target\n\n- IQN `").append(target.iqn()).append("`");
        out.append(project.profile() == Profile.LEGACY ? " (IET)" : " (" + target.implementation().agentName() + ")").append('\n');
        out.append("- CHAP: initiators log in as `").append(project.chap().incoming().user()).append("`");
        if (project.chap().outgoing() != null) {
            out.append("; the target proves itself as `").append(project.chap().outgoing().user()).append("` (mutual CHAP)");
        }
        if (project.chap().discovery() != null) {
            out.append("; discovery needs CHAP as `").append(project.chap().discovery().user()).append("`");
        }
        out.append(".\n");
        for (Lun lun : target.luns()) {
            DrbdResource resource = project.resource(lun.resource()).orElseThrow();
            out.append("- LUN ").append(lun.number()).append(": ").append(resource.device()).append(" (DRBD ").append(resource.name()).append(')')
                    .append(lun.serial() == null ? "" : ", serial " + lun.serial()).append('\n');
        }
        out.append('\n');
    }

    private void initiators() {
        out.append("## Initiators\n\n");
        if (project.initiators().isEmpty()) {
            out.append("None listed.\n\n");
            return;
        }
        for (Initiator i : project.initiators()) {
            out.append("- ").append(i.name()).append(" (").append(i.managed() ? i.ssh().address() : "set up by hand, no files here")
                    .append("), IQN `").append(i.iqn())
                    .append("`, replacement timeout ").append(i.timeouts().replacementTimeout()).append(" s");
            if (i.filesystem() != null) {
                out.append(", ").append(i.filesystem().type()).append(" mounted on ").append(i.filesystem().mountPoint());
            }
            out.append('\n');
        }
        out.append('\n');
    }

    private void choices(boolean legacy) {
        var c = project.cluster();
        out.append("## Choices and why\n\n");
        out.append("- DRBD protocol ").append(project.replication().protocol())
                .append(": a write is acknowledged only when both nodes have it, so a failover loses nothing.\n");
        out.append("- Split brain is never resolved by discarding a primary's data automatically: after-sb-1pri `")
                .append(project.replication().splitBrain().afterSb1pri()).append("`, after-sb-2pri `")
                .append(project.replication().splitBrain().afterSb2pri()).append("`.\n");
        if (legacy) {
            out.append("- Heartbeat runs the resources of `haresources` on ").append(c.preferredNode())
                    .append("; DRBD's outdate-peer handler marks the peer outdated when the link fails.\n");
            out.append("- `").append(IetdConfRenderer.path(project)).append("` lives on the replicated config filesystem. "
                    + "On both nodes `/etc/ietd.conf` is a symbolic link to it (`ln -s ").append(IetdConfRenderer.path(project))
                    .append(" /etc/ietd.conf`), so whichever node holds the primary serves the same target definition. "
                            + "The tutorial also enables the daemon in `/etc/default/iscsitarget` and removes its init links "
                            + "(`update-rc.d -f iscsitarget remove`) so that only Heartbeat starts it.\n");
        } else {
            replicationLinkLoss();
            out.append("- Corosync uses both networks as knet links: losing one network does not split the cluster. ");
            c.witness().ifPresentOrElse(device -> out.append("A quorum device on ").append(device.host()).append(" (corosync-qnetd at ")
                            .append(device.addressIn(project)).append(':').append(device.portOrDefault())
                            .append(", algorithm ffsplit, TLS) is the third vote: the node that still reaches it keeps quorum, the other "
                                    + "stops its resources and never fences, and in a tie ").append(c.preferredNode()).append(" wins. "
                                    + "With the witness down too, a lone node has no quorum and stops the service. "
                                    + "The certificates are made on the witness and the nodes at apply time and are never exported. "),
                    () -> out.append("`two_node: 1` keeps quorum with one node. "));
            out.append("Corosync's encryption key (`/etc/corosync/authkey`) is generated on the nodes at apply time and is never exported.\n");
            out.append("- The iSCSI group starts in this order: block TCP ").append(project.target().portalPort())
                    .append(" on the VIP, raise the VIP, start the target, the LUNs, then unblock. While the LUNs are missing, "
                            + "initiators' packets are dropped (they retry) instead of reaching a portal without its LUN "
                            + "(which gave I/O errors in testing). The group runs only where every DRBD resource is Promoted.\n");
            out.append("- The service prefers ").append(c.preferredNode()).append(" (score 100) but stickiness ")
                    .append(c.resourceStickiness()).append(" keeps it where it runs after a failover: no automatic second interruption.\n");
            if (c.stonith().type() == StonithType.NONE) {
                out.append("- **STONITH is disabled.** If the nodes lose sight of each other while both run, both may promote DRBD "
                        + "and the data splits. Configure fence devices before production use.\n");
            } else {
                new FencingSummary(c.stonith(), out).write();
                if (c.witness().isPresent()) {
                    out.append("- Fencing has no delay: only the side with quorum fences, so the two nodes never race to shoot each other, "
                            + "and a crashed node is fenced at once.\n");
                } else {
                    out.append("- Fencing ").append(c.preferredNode()).append(" waits ").append(io.tandem.model.Stonith.PREFERRED_NODE_FENCE_DELAY_SECONDS)
                        .append(" s (`pcmk_delay_base`): when the nodes lose each other and both try to fence, ")
                        .append(c.preferredNode()).append(", which normally serves the target, wins instead of both going down.\n");
                }
            }
        }
        out.append('\n');
    }

    /** What a cut replication link costs the clients, so a reviewer can weigh the peer timeouts. */
    private void replicationLinkLoss() {
        var r = project.replication();
        var t = r.peerTimeoutsOrDefault();
        boolean fallback = project.networks().replication().fallsBackOverClient();
        if (fallback) {
            out.append("- When the replication link is cut, the nodes reach each other's replication address over the client network "
                    + "(fallbackOverClient: tandem-replication-fallback reroutes it while the replication bond, checked by ARP, has no link): "
                    + "DRBD keeps its peer and writes go on after TCP retransmits over the new route (0.7 to 1.6 s in the VM lab, "
                    + "9 runs with client I/O).\n");
        }
        out.append(fallback ? "- When both networks are cut" : "- When the replication link is cut").append(", the serving node notices within ").append(t.noticeSeconds())
                .append(" s (ping-int ").append(t.pingIntervalSeconds()).append(" s + ping-timeout ").append(t.pingTimeoutTenths() / 10.0)
                .append(" s").append(r.peerTimeouts() == null ? ", DRBD's defaults" : "").append(")");
        String handler = FencePeerHandlerRenderer.usedBy(project)
                ? "the fence-peer handler (Tandem's tandem-fence-peer.sh, crm-fence-peer.sh's decisions with fewer Pacemaker calls)"
                : "the fence-peer handler (crm-fence-peer)";
        switch (r.fencing()) {
            case RESOURCE_AND_STONITH -> out.append(", then holds its writes (fencing resource-and-stonith) until ").append(handler)
                    .append(" has placed a constraint that keeps the peer's outdated copy from being promoted: no write it acknowledged can be lost.\n");
            case RESOURCE_ONLY -> out.append(", then calls ").append(handler).append(" to keep the peer's outdated copy from being promoted, writing on "
                    + "meanwhile (fencing resource-only).\n");
            case DONT_CARE -> out.append(" and writes on alone; nothing keeps the peer's outdated copy from being promoted (fencing dont-care).\n");
        }
    }

    private void problems() {
        if (warnings.isEmpty()) {
            return;
        }
        out.append("## Validation warnings\n\n");
        for (Problem p : warnings) {
            out.append("- `").append(p.path()).append("`: ").append(p.message()).append(" ").append(p.fix()).append('\n');
        }
        out.append('\n');
    }

    private void fileList() {
        out.append("## Files\n\n| file | mode | how it is placed | purpose |\n|---|---|---|---|\n");
        for (RenderedFile file : files.files()) {
            out.append("| `").append(file.host()).append(file.path()).append("` | ").append(file.octalMode())
                    .append(" | ").append(file.placement().description()).append(" | ").append(file.purpose()).append(" |\n");
        }
        if (!files.secrets().names().isEmpty()) {
            out.append("\nSecrets referred to: ").append(String.join(", ", files.secrets().names().stream().map(n -> "`" + n + "`").toList()))
                    .append(".\n");
        }
    }
}
