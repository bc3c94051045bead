package io.tandem.render.modern;

import io.tandem.model.Backing;
import io.tandem.model.DrbdResource;
import io.tandem.model.DrbdVersion;
import io.tandem.model.NetworkRole;
import io.tandem.model.Node;
import io.tandem.model.PeerTimeouts;
import io.tandem.model.Project;
import io.tandem.model.Replication;
import io.tandem.render.FileRenderer;
import io.tandem.render.Header;
import io.tandem.render.RenderedFile;
import io.tandem.render.SecretBook;
import io.tandem.render.SecretNames;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code /etc/drbd.d/RES.res} for each resource, identical on both nodes, in DRBD 8.4 syntax for
 * the in-kernel module or DRBD 9 syntax (node ids, connection mesh, fencing under net, the
 * {@code .9.sh} handlers) when the nodes run DRBD 9.
 */
public final class DrbdResourceRenderer implements FileRenderer {

    @Override
    public List<RenderedFile> render(Project project, SecretBook secrets) {
        List<RenderedFile> files = new ArrayList<>();
        String global = Header.hash(project, "DRBD global settings.")
                + "global {\n    usage-count no;\n}\n\ncommon {\n}\n";
        for (Node node : project.nodes()) {
            files.add(RenderedFile.whole(node.name(), "/etc/drbd.d/global_common.conf", global,
                    "DRBD global settings: no usage reporting to LINBIT (nodes may have no internet)."));
            for (DrbdResource resource : project.replication().resources()) {
                files.add(new RenderedFile(node.name(), "/etc/drbd.d/" + resource.name() + ".res",
                        resource(project, resource, secrets), 0600, io.tandem.render.Placement.WHOLE_FILE,
                        "DRBD resource " + resource.name() + ": replicates " + resource.device() + " between the nodes "
                                + "(mode 0600: it holds the peer authentication secret)."));
            }
        }
        return files;
    }

    static String resource(Project project, DrbdResource resource, SecretBook secrets) {
        boolean v9 = project.nodes().getFirst().drbdVersion() == DrbdVersion.V9;
        Replication r = project.replication();
        StringBuilder out = new StringBuilder(Header.hash(project, "DRBD resource " + resource.name() + " (DRBD "
                + (v9 ? "9" : "8.4") + " syntax)."));
        out.append("resource ").append(resource.name()).append(" {\n");
        out.append("    net {\n")
                .append("        protocol ").append(r.protocol()).append(";\n")
                .append("        cram-hmac-alg ").append(r.hmacAlgorithm()).append(";\n")
                .append("        shared-secret \"").append(secrets.ref(SecretNames.DRBD_SHARED_SECRET, r.sharedSecret())).append("\";\n")
                .append("        verify-alg ").append(r.verifyAlgorithm()).append(";\n")
                .append("        after-sb-0pri ").append(r.splitBrain().afterSb0pri()).append(";\n")
                .append("        after-sb-1pri ").append(r.splitBrain().afterSb1pri()).append(";\n")
                .append("        after-sb-2pri ").append(r.splitBrain().afterSb2pri()).append(";\n")
                .append("        rr-conflict ").append(r.splitBrain().rrConflict()).append(";\n");
        if (r.peerTimeouts() != null) {
            PeerTimeouts t = r.peerTimeouts();
            out.append("        ping-int ").append(t.pingIntervalSeconds()).append(";\n")
                    .append("        ping-timeout ").append(t.pingTimeoutTenths()).append(";\n")
                    .append("        timeout ").append(t.timeoutTenths()).append(";\n");
        }
        if (v9) {
            out.append("        fencing ").append(r.fencing().keyword()).append(";\n");
        }
        out.append("    }\n");
        out.append("    disk {\n")
                .append("        on-io-error ").append(r.onIoError()).append(";\n");
        if (!v9) {
            out.append("        fencing ").append(r.fencing().keyword()).append(";\n");
        }
        out.append("        al-extents ").append(r.alExtents()).append(";\n");
        if (r.dynamicResync() != null) {
            out.append("        c-plan-ahead ").append(r.dynamicResync().planAhead()).append(";\n")
                    .append("        c-fill-target ").append(r.dynamicResync().fillTarget()).append(";\n")
                    .append("        c-min-rate ").append(r.dynamicResync().minRate()).append(";\n")
                    .append("        c-max-rate ").append(r.dynamicResync().maxRate()).append(";\n");
        } else {
            // A fixed rate only takes effect with the dynamic controller off.
            out.append("        c-plan-ahead 0;\n")
                    .append("        resync-rate ").append(r.syncRate()).append(";\n");
        }
        out.append("    }\n");
        out.append("    startup {\n")
                .append("        degr-wfc-timeout ").append(r.degradedWaitSeconds()).append(";\n")
                .append("    }\n");
        if (r.fencing() != io.tandem.model.Fencing.DONT_CARE) {
            String suffix = v9 ? ".9.sh" : ".sh";
            String fencePeer = v9 ? "/usr/lib/drbd/crm-fence-peer.9.sh" : FencePeerHandlerRenderer.command(resource);
            out.append("    handlers {\n")
                    .append("        fence-peer \"").append(fencePeer).append("\";\n")
                    .append(v9 ? "        unfence-peer" : "        after-resync-target")
                    .append(" \"/usr/lib/drbd/crm-unfence-peer").append(suffix).append("\";\n")
                    .append("    }\n");
        }
        for (int i = 0; i < project.nodes().size(); i++) {
            Node node = project.nodes().get(i);
            Backing backing = resource.backingOn(node.name()).orElseThrow();
            out.append("    on ").append(node.name()).append(" {\n");
            if (v9) {
                out.append("        node-id ").append(i).append(";\n");
            }
            out.append("        device ").append(resource.device()).append(";\n")
                    .append("        disk ").append(backing.drbdDisk()).append(";\n")
                    .append("        address ").append(node.address(NetworkRole.REPLICATION)).append(':').append(resource.port()).append(";\n")
                    .append("        meta-disk ").append(backing.metaDiskSpec()).append(";\n")
                    .append("    }\n");
        }
        if (v9) {
            out.append("    connection-mesh {\n        hosts");
            project.nodes().forEach(n -> out.append(' ').append(n.name()));
            out.append(";\n    }\n");
        }
        return out.append("}\n").toString();
    }

}
