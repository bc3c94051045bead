package io.tandem.plan;

import io.tandem.render.modern.ReplicationFallback;
import io.tandem.ssh.RemoteCommand;
import io.tandem.text.ShellQuote;

import java.util.Optional;

/**
 * What a running service needs after Tandem rewrote its file, so a changed file also changes what
 * runs (a file step is done when the file is right; nothing else would notice). Each command does
 * nothing when the service is not running: the later steps start it with the new file.
 */
final class Reloads {

    /**
     * corosync-qdevice reads its device section (timeouts, witness, algorithm) only when it starts,
     * and a reload does not tell it. Restarted while it runs, but only if the nodes' own votes keep
     * quorum meanwhile (the device's vote is gone for that second): with the peer down it would stop
     * the service, so then it says so and keeps running on the old values until it is restarted.
     */
    static final String QDEVICE_RESTART = """
            if systemctl is-active -q corosync-qdevice; then
              q=$(corosync-quorumtool -s 2>/dev/null)
              need=$(printf '%s\\n' "$q" | sed -n 's/^Quorum: *\\([0-9]*\\).*/\\1/p')
              have=$(printf '%s\\n' "$q" | awk '/^Membership information/ { m = 1 } m && $1 ~ /^[1-9][0-9]*$/ { v += $2 } END { print v + 0 }')
              if [ -n "$need" ] && [ "$have" -ge "$need" ]; then systemctl restart corosync-qdevice
              else echo "corosync-qdevice keeps its old settings: the nodes' own votes ($have) are not quorum (${need:-unknown}) without it; restart it once the other node is back" >&2
              fi
            fi""";

    private Reloads() {
    }

    static Optional<RemoteCommand> after(String path) {
        if (path.startsWith("/etc/iscsi/")) {
            // iscsid reads the initiator name only when it starts.
            return Optional.of(RemoteCommand.script("if systemctl is-active -q iscsid; then systemctl restart iscsid; fi"));
        }
        if (path.startsWith("/etc/chrony/")) {
            return Optional.of(RemoteCommand.script("if systemctl is-active -q chrony; then systemctl restart chrony; fi"));
        }
        if (path.equals(ReplicationFallback.UNIT_PATH) || path.equals(ReplicationFallback.SCRIPT_PATH)) {
            // Its arguments and its script are read when it starts.
            return Optional.of(RemoteCommand.script("systemctl daemon-reload\nif systemctl is-active -q " + ReplicationFallback.UNIT
                    + "; then systemctl restart " + ReplicationFallback.UNIT + "; fi"));
        }
        if (path.startsWith("/etc/systemd/system/")) {
            // systemd reads unit files and their drop-ins only when told to.
            return Optional.of(RemoteCommand.script("systemctl daemon-reload"));
        }
        if (path.equals("/etc/corosync/corosync.conf")) {
            return Optional.of(RemoteCommand.script("if systemctl is-active -q corosync; then corosync-cfgtool -R; fi\n" + QDEVICE_RESTART));
        }
        if (path.startsWith("/etc/drbd.d/") && path.endsWith(".res")) {
            String name = path.substring("/etc/drbd.d/".length(), path.length() - ".res".length());
            String q = ShellQuote.quote(name);
            return Optional.of(RemoteCommand.script("m=$(drbdadm sh-minor " + q + " 2>/dev/null) || exit 0\n"
                    + "if grep -Eq \"^ *$m: cs:\" /proc/drbd 2>/dev/null && ! grep -Eq \"^ *$m: cs:Unconfigured\" /proc/drbd; then drbdadm adjust "
                    + q + "; fi"));
        }
        return Optional.empty();
    }
}
