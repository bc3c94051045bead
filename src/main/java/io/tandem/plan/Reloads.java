package io.tandem.plan;

import io.tandem.ssh.RemoteCommand;
import io.tandem.text.ShellQuote;

import java.util.Optional;

/**
 * What a running service needs after Tandem rewrote its file, so a changed file also changes what
 * runs (a file step is done when the file is right; nothing else would notice). Each command does
 * nothing when the service is not running: the later steps start it with the new file.
 */
final class Reloads {

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
        if (path.startsWith("/etc/systemd/system/")) {
            // systemd reads unit files and their drop-ins only when told to.
            return Optional.of(RemoteCommand.script("systemctl daemon-reload"));
        }
        if (path.equals("/etc/corosync/corosync.conf")) {
            return Optional.of(RemoteCommand.script("if systemctl is-active -q corosync; then corosync-cfgtool -R; fi"));
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
