package io.tandem.plan;

import io.tandem.model.Filesystem;
import io.tandem.model.Initiator;
import io.tandem.model.Lun;
import io.tandem.model.Project;
import io.tandem.render.PlacedText;
import io.tandem.render.RenderedFile;
import io.tandem.render.SecretBook;
import io.tandem.render.initiator.FstabRenderer;
import io.tandem.ssh.RemoteCommand;
import io.tandem.text.ShellQuote;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The client's side: logged in to the target through the virtual IP (with the CHAP settings its
 * iscsid.conf carries, written before), set to log in again at boot, and a filesystem made on a
 * LUN only when the LUN provably holds nothing (or with its typed confirmation), mounted by UUID.
 */
public final class InitiatorSteps {

    private static final Duration SHORT = Duration.ofMinutes(2);

    private InitiatorSteps() {
    }

    static String portal(Project project) {
        return project.networks().client().virtualIp() + ":" + project.target().portalPort();
    }

    static Probe sessionProbe(String host) {
        return new Probe(host, "iscsi-sessions", "iscsiadm -m session 2>/dev/null; true");
    }

    /** Whether {@code iscsiadm -m session} lists a session with {@code iqn} at {@code portal}; output it cannot read says no. */
    static boolean loggedIn(String sessions, String portal, String iqn) {
        try {
            return io.tandem.facts.IscsiSessionParser.parse(sessions).stream()
                    .anyMatch(s -> s.portal().equals(portal) && s.targetIqn().equals(iqn));
        } catch (io.tandem.facts.FactParseException e) {
            return false;
        }
    }

    public static Step login(Project project, Initiator initiator) {
        String host = initiator.name();
        String portal = portal(project);
        String iqn = project.target().iqn();
        Probe probe = sessionProbe(host);
        Check check = Check.of(host + " has a session with " + iqn + " at " + portal, probe, out -> loggedIn(out, portal, iqn));
        RemoteCommand command = RemoteCommand.script("set -e\n"
                + ShellQuote.join(List.of("iscsiadm", "-m", "discovery", "-t", "sendtargets", "-p", portal)) + "\n"
                + ShellQuote.join(List.of("iscsiadm", "-m", "node", "-T", iqn, "-p", portal, "-o", "update", "-n", "node.startup", "-v", "automatic")) + "\n"
                + ShellQuote.join(List.of("iscsiadm", "-m", "node", "-T", iqn, "-p", portal, "--login")) + "\n"
                + "udevadm settle -t 30 || true\n");
        return Step.on(host, Phase.INITIATORS, "iscsi-login:" + host, "Discover the target through the virtual IP " + portal
                        + " and log in (CHAP as iscsid.conf says), logging in again at every boot", check,
                "iscsiadm -m node -T " + iqn + " -p " + portal + " --logout", new Action(host, command.display(), remote -> remote.require(command, SHORT)));
    }

    static String lunDevice(Project project, Filesystem fs) {
        Lun lun = fs.lun() == null ? project.target().luns().getFirst()
                : project.target().luns().stream().filter(l -> l.number().equals(fs.lun())).findFirst().orElseThrow();
        return "/dev/disk/by-path/ip-" + portal(project) + "-iscsi-" + project.target().iqn() + "-lun-" + lun.number();
    }

    public static Step filesystem(Project project, Initiator initiator, ProbeResults probed) {
        String host = initiator.name();
        Filesystem fs = initiator.filesystem();
        String device = lunDevice(project, fs);
        Probe probe = new Probe(host, "lun-device", DeviceState.probe(ShellQuote.quote(device)));
        Check check = Check.of(device + " holds a " + fs.type() + " filesystem", probe,
                out -> DeviceState.parse(out).map(d -> d.signatures().contains(fs.type())).orElse(false));
        Optional<DeviceState> seen = probed.text(probe).flatMap(DeviceState::parse);
        List<String> inUse = seen.map(DeviceState::inUse).orElse(List.of());
        String script = "d=" + ShellQuote.quote(device) + "\nudevadm settle -t 30 || true\n"
                + "[ -b \"$d\" ] || { echo \"$d does not exist: is the session logged in?\" >&2; exit 6; }\n"
                + DestructiveWrite.guard("", false, "")
                + ShellQuote.join(List.of("mkfs", "-t", fs.type(), "-q")) + " \"$d\" </dev/null\n";
        Action mkfs = new Action(host, "check that " + device + " holds nothing (again); mkfs -t " + fs.type() + " on it", remote ->
                DestructiveWrite.run(remote, device, script, new StepFailure(device + " on " + host + " holds data now; no filesystem was made",
                                "If it may be overwritten, run apply again with --confirm-destroy " + host + ":" + device),
                        RemoteCommand.script("mkfs -t " + fs.type() + " " + device)));
        Step step = Step.on(host, Phase.INITIATORS, "mkfs:" + host, "Make an " + fs.type() + " filesystem on LUN " + device
                        + (inUse.isEmpty() ? " (it holds nothing)" : ": this DESTROYS what it holds (" + String.join(", ", inUse) + ")"), check,
                "not undoable: the filesystem overwrote the LUN's start", mkfs);
        return inUse.isEmpty() ? step : step.destroying(device);
    }

    /** The initiator's fstab block for the filesystem with {@code uuid}. */
    static RenderedFile fstab(Project project, Initiator initiator, String uuid) {
        Filesystem fs = initiator.filesystem();
        Filesystem withUuid = new Filesystem(fs.lun(), fs.type(), fs.mountPoint(), fs.options(), uuid);
        Initiator changed = new Initiator(initiator.name(), initiator.os(), initiator.ssh(), initiator.iqn(), initiator.timeouts(),
                initiator.session(), withUuid);
        Project only = new Project(project.schemaVersion(), project.profile(), project.clusterName(), project.domain(), project.nodes(),
                project.networks(), project.replication(), project.cluster(), project.target(), project.chap(), List.of(changed), project.time());
        return new FstabRenderer().render(only, new SecretBook()).getFirst();
    }

    public static Step mount(Project project, Initiator initiator) {
        String host = initiator.name();
        Filesystem fs = initiator.filesystem();
        String device = lunDevice(project, fs);
        Probe fstabProbe = FileRead.probe(host, "fstab", "/etc/fstab");
        Probe uuidProbe = new Probe(host, "lun-uuid", "blkid -c /dev/null -p -s UUID -o value " + ShellQuote.quote(device) + " 2>/dev/null; true");
        Probe mountProbe = new Probe(host, "mount", "findmnt -rn -o TARGET " + ShellQuote.quote(fs.mountPoint()) + " 2>/dev/null; true");
        Check check = Check.on(fs.mountPoint() + " is in /etc/fstab by UUID and mounted", List.of(fstabProbe, uuidProbe, mountProbe), results -> {
                Optional<String> uuid = results.text(uuidProbe).map(String::strip).filter(u -> u.matches("[0-9a-fA-F-]{8,}"));
                Optional<HostFileState> tab = results.text(fstabProbe).flatMap(HostFileState::parse);
                if (uuid.isEmpty() || tab.isEmpty() || !tab.get().exists()) {
                    return false;
                }
                RenderedFile wanted = fstab(project, initiator, uuid.get());
                boolean written = PlacedText.place(wanted.placement(), tab.get().existing(), wanted.content()).equals(tab.get().content());
                return written && results.text(mountProbe).map(m -> m.strip().equals(fs.mountPoint())).orElse(false);
        });
        Action action = new Action(host, "read the filesystem's UUID; put it in Tandem's block of /etc/fstab (with _netdev); "
                + "mkdir -p " + fs.mountPoint() + "; mount it", remote -> {
            String uuid = remote.require(RemoteCommand.script(uuidProbe.script()), SHORT).stdout().strip();
            if (!uuid.matches("[0-9a-fA-F-]{8,}")) {
                throw new StepFailure(device + " on " + host + " has no filesystem UUID", "Run apply again: the filesystem step comes first.");
            }
            RenderedFile wanted = fstab(project, initiator, uuid);
            FileWrite.write(remote, wanted.path(), wanted.mode(), existing -> PlacedText.place(wanted.placement(), existing, wanted.content()));
            remote.require(RemoteCommand.script("mkdir -p " + ShellQuote.quote(fs.mountPoint()) + "\nsystemctl daemon-reload 2>/dev/null || true\n"
                    + "findmnt -rn " + ShellQuote.quote(fs.mountPoint()) + " >/dev/null || mount " + ShellQuote.quote(fs.mountPoint())), SHORT);
        });
        return Step.on(host, Phase.INITIATORS, "mount:" + host, "Mount the LUN's filesystem on " + fs.mountPoint()
                + " by UUID (in /etc/fstab with _netdev, so boot waits for the network)", check, "umount it and remove Tandem's block from /etc/fstab", action);
    }
}
