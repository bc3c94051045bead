package io.tandem.render.modern;

import io.tandem.model.Project;
import io.tandem.model.TargetImplementation;
import io.tandem.render.FileRenderer;
import io.tandem.render.Header;
import io.tandem.render.RenderedFile;
import io.tandem.render.SecretBook;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Kernel settings the cluster needs, applied at boot by systemd-sysctl. With Tandem's LIO agent the
 * target starts before the virtual IP (PacemakerLayoutBuilder) and so listens on an address the node
 * does not hold yet, which the kernel allows only with {@code net.ipv4.ip_nonlocal_bind}.
 */
public final class SysctlRenderer implements FileRenderer {

    public static final String PATH = "/etc/sysctl.d/90-tandem.conf";
    public static final String NONLOCAL_BIND = "net.ipv4.ip_nonlocal_bind";
    public static final String RP_FILTER = "net.ipv4.conf.all.rp_filter";
    public static final String THIN_LINEAR_TIMEOUTS = "net.ipv4.tcp_thin_linear_timeouts";

    @Override
    public List<RenderedFile> render(Project project, SecretBook secrets) {
        boolean lio = project.target().implementation() == TargetImplementation.LIO;
        boolean fallback = project.networks().replication().fallsBackOverClient();
        if (!lio && !fallback) {
            return List.of();
        }
        StringBuilder content = new StringBuilder(Header.hash(project, "Kernel settings of the cluster."));
        List<String> purposes = new ArrayList<>();
        if (lio) {
            content.append("# The iSCSI target listens on the virtual IP before this node holds it: the address comes up\n")
                    .append("# on a portal that answers, and initiators connecting then are not refused.\n")
                    .append(NONLOCAL_BIND).append(" = 1\n");
            purposes.add("lets the iSCSI target listen on the virtual IP before the node holds it (" + NONLOCAL_BIND + ")");
        }
        if (fallback) {
            content.append("# Replication falls back to the client network while its own link is down: the peer's\n")
                    .append("# replication address then arrives over the client network, which reverse-path filtering\n")
                    .append("# must accept (loose mode; Debian's default is off, Ubuntu's loose).\n")
                    .append(RP_FILTER).append(" = 2\n")
                    .append("# A packet lost in the cut is sent again 0.2 s apart, not 0.2, 0.4, 0.8, 1.6 s: DRBD's few\n")
                    .append("# packets in flight are then sent again within about 0.2 s of the new route, not up to 1.6 s later.\n")
                    .append(THIN_LINEAR_TIMEOUTS).append(" = 1\n");
            purposes.add("filters reverse paths loosely and retransmits without back-off while few packets are in flight,"
                    + " for the replication network's fallback over the client network");
        }
        String description = String.join("; ", purposes);
        String text = content.toString();
        return project.nodes().stream()
                .map(node -> RenderedFile.whole(node.name(), PATH, text,
                        Character.toUpperCase(description.charAt(0)) + description.substring(1) + "."))
                .toList();
    }

    /** The settings of a sysctl.d file as systemd-sysctl reads them: key = value, # and ; start comments, a leading - only says to ignore errors. */
    public static Map<String, String> settings(String text) {
        Map<String, String> settings = new LinkedHashMap<>();
        for (String line : text.lines().map(String::strip).toList()) {
            int eq = line.indexOf('=');
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";") || eq < 0) {
                continue;
            }
            String key = line.substring(line.startsWith("-") ? 1 : 0, eq).strip();
            settings.put(key, line.substring(eq + 1).strip());
        }
        return settings;
    }
}
