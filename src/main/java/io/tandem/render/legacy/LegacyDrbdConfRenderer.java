package io.tandem.render.legacy;

import io.tandem.model.Backing;
import io.tandem.model.DrbdResource;
import io.tandem.model.NetworkRole;
import io.tandem.model.Node;
import io.tandem.model.Project;
import io.tandem.model.Replication;
import io.tandem.render.FileRenderer;
import io.tandem.render.Placement;
import io.tandem.render.RenderedFile;
import io.tandem.render.SecretBook;
import io.tandem.render.SecretNames;

import java.util.ArrayList;
import java.util.List;

/**
 * The tutorial's {@code /etc/drbd.conf} in DRBD 8.3 syntax: all resources in one file, with
 * Heartbeat's peer outdater and the halt-on-trouble handlers the tutorial uses.
 */
public final class LegacyDrbdConfRenderer implements FileRenderer {

    @Override
    public List<RenderedFile> render(Project project, SecretBook secrets) {
        String config = config(project, secrets);
        List<RenderedFile> files = new ArrayList<>();
        for (Node node : project.nodes()) {
            files.add(new RenderedFile(node.name(), "/etc/drbd.conf", config, 0600, Placement.WHOLE_FILE,
                    "DRBD resources (8.3 syntax), identical on both nodes (mode 0600: it holds the shared secret)."));
        }
        return files;
    }

    static String config(Project project, SecretBook secrets) {
        List<String> resources = new ArrayList<>();
        for (DrbdResource resource : project.replication().resources()) {
            resources.add(resource(project, resource, secrets));
        }
        return String.join("\n", resources);
    }

    private static String resource(Project project, DrbdResource resource, SecretBook secrets) {
        Replication r = project.replication();
        StringBuilder out = new StringBuilder();
        out.append("resource ").append(resource.name()).append(" {\n")
                .append("\tprotocol ").append(r.protocol()).append(";\n\n")
                .append("\thandlers {\n")
                .append("\tpri-on-incon-degr \"echo o > /proc/sysrq-trigger ; halt -f\";\n")
                .append("\tpri-lost-after-sb \"echo o > /proc/sysrq-trigger ; halt -f\";\n")
                .append("\tlocal-io-error \"echo o > /proc/sysrq-trigger ; halt -f\";\n")
                .append("\toutdate-peer \"/usr/lib/heartbeat/drbd-peer-outdater -t 5\";\n")
                .append("\t}\n\n")
                .append("\tstartup {\n")
                .append("\tdegr-wfc-timeout ").append(r.degradedWaitSeconds()).append(";\n")
                .append("\t}\n\n")
                .append("\tdisk {\n")
                .append("\ton-io-error ").append(r.onIoError()).append(";\n")
                .append("\t}\n\n")
                .append("\tnet {\n")
                .append("\tcram-hmac-alg ").append(r.hmacAlgorithm()).append(";\n")
                .append("\tshared-secret \"").append(secrets.ref(SecretNames.DRBD_SHARED_SECRET, r.sharedSecret())).append("\";\n")
                .append("\tafter-sb-0pri ").append(r.splitBrain().afterSb0pri()).append(";\n")
                .append("\tafter-sb-1pri ").append(r.splitBrain().afterSb1pri()).append(";\n")
                .append("\tafter-sb-2pri ").append(r.splitBrain().afterSb2pri()).append(";\n")
                .append("\trr-conflict ").append(r.splitBrain().rrConflict()).append(";\n");
        if (r.peerTimeouts() != null) {
            out.append("\tping-int ").append(r.peerTimeouts().pingIntervalSeconds()).append(";\n")
                    .append("\tping-timeout ").append(r.peerTimeouts().pingTimeoutTenths()).append(";\n")
                    .append("\ttimeout ").append(r.peerTimeouts().timeoutTenths()).append(";\n");
        }
        out.append("\t}\n\n")
                .append("\tsyncer {\n")
                .append("\trate ").append(r.syncRate()).append(";\n")
                .append("\tverify-alg ").append(r.verifyAlgorithm()).append(";\n")
                .append("\tal-extents ").append(r.alExtents()).append(";\n")
                .append("\t}\n");
        for (Node node : project.nodes()) {
            Backing backing = resource.backingOn(node.name()).orElseThrow();
            out.append("\n\ton ").append(node.name()).append(" {\n")
                    .append("\tdevice  ").append(resource.device()).append(";\n")
                    .append("\tdisk    ").append(backing.drbdDisk()).append(";\n")
                    .append("\taddress ").append(node.address(NetworkRole.REPLICATION)).append(':').append(resource.port()).append(";\n")
                    .append("\tmeta-disk ").append(backing.metaDiskSpec()).append(";\n")
                    .append("\t}\n");
        }
        return out.append("}\n").toString();
    }

}
