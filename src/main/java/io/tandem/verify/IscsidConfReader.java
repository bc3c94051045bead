package io.tandem.verify;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads {@code iscsid.conf} as open-iscsi's record code does: one {@code name = value} per line,
 * the name up to a blank or {@code =}, blanks around {@code =} and at the end of the value ignored,
 * {@code #} lines and blank lines skipped, a later line overriding an earlier one. iscsiadm itself
 * cannot judge the file here: it takes the defaults for new records from a running iscsid, and
 * iscsid needs the kernel's iSCSI transport (it refuses to start without NETLINK_ISCSI).
 */
final class IscsidConfReader {

    /**
     * The settings open-iscsi 2.1.8 knows for a node and a SendTargets discovery record, as
     * {@code iscsiadm -m node} and {@code iscsiadm -m discoverydb} print them (the tests compare this
     * list with those captured outputs). Interface ({@code iface.*}) settings are left out: Tandem
     * writes none.
     */
    static final Set<String> KNOWN = Set.of(
            "node.name", "node.tpgt", "node.startup", "node.leading_login", "node.discovery_address", "node.discovery_port",
            "node.discovery_type", "node.session.initial_cmdsn", "node.session.initial_login_retry_max",
            "node.session.xmit_thread_priority", "node.session.cmds_max", "node.session.queue_depth", "node.session.nr_sessions",
            "node.session.auth.authmethod", "node.session.auth.username", "node.session.auth.password",
            "node.session.auth.username_in", "node.session.auth.password_in", "node.session.auth.chap_algs",
            "node.session.timeo.replacement_timeout", "node.session.err_timeo.abort_timeout", "node.session.err_timeo.lu_reset_timeout",
            "node.session.err_timeo.tgt_reset_timeout", "node.session.err_timeo.host_reset_timeout", "node.session.iscsi.FastAbort",
            "node.session.iscsi.InitialR2T", "node.session.iscsi.ImmediateData", "node.session.iscsi.FirstBurstLength",
            "node.session.iscsi.MaxBurstLength", "node.session.iscsi.DefaultTime2Retain", "node.session.iscsi.DefaultTime2Wait",
            "node.session.iscsi.MaxConnections", "node.session.iscsi.MaxOutstandingR2T", "node.session.iscsi.ERL",
            "node.session.scan", "node.session.reopen_max", "node.conn[0].address", "node.conn[0].port", "node.conn[0].startup",
            "node.conn[0].tcp.window_size", "node.conn[0].tcp.type_of_service", "node.conn[0].timeo.logout_timeout",
            "node.conn[0].timeo.login_timeout", "node.conn[0].timeo.auth_timeout", "node.conn[0].timeo.noop_out_interval",
            "node.conn[0].timeo.noop_out_timeout", "node.conn[0].iscsi.MaxXmitDataSegmentLength",
            "node.conn[0].iscsi.MaxRecvDataSegmentLength", "node.conn[0].iscsi.HeaderDigest", "node.conn[0].iscsi.DataDigest",
            "node.conn[0].iscsi.IFMarker", "node.conn[0].iscsi.OFMarker",
            "discovery.startup", "discovery.type", "discovery.sendtargets.address", "discovery.sendtargets.port",
            "discovery.sendtargets.auth.authmethod", "discovery.sendtargets.auth.username", "discovery.sendtargets.auth.password",
            "discovery.sendtargets.auth.username_in", "discovery.sendtargets.auth.password_in", "discovery.sendtargets.timeo.login_timeout",
            "discovery.sendtargets.use_discoveryd", "discovery.sendtargets.discoveryd_poll_inval", "discovery.sendtargets.reopen_max",
            "discovery.sendtargets.timeo.auth_timeout", "discovery.sendtargets.timeo.active_timeout",
            "discovery.sendtargets.iscsi.MaxRecvDataSegmentLength");

    private IscsidConfReader() {
    }

    /** The settings in file order, each with its last value. */
    static Map<String, String> read(String text) {
        Map<String, String> settings = new LinkedHashMap<>();
        for (String raw : text.lines().toList()) {
            String line = raw.stripLeading();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int end = 0;
            while (end < line.length() && !Character.isWhitespace(line.charAt(end)) && line.charAt(end) != '=') {
                end++;
            }
            String name = line.substring(0, end);
            String rest = line.substring(end).stripLeading();
            if (rest.startsWith("=")) {
                rest = rest.substring(1);
            }
            settings.remove(name); // a later line wins, and counts where it stands
            settings.put(name, rest.strip());
        }
        return settings;
    }

    /** Record lines ({@code name = value}) of {@code iscsiadm -m node|discoverydb} output: their names. */
    static List<String> recordNames(String iscsiadmOutput) {
        return read(iscsiadmOutput).keySet().stream().toList();
    }
}
