package io.tandem.plan;

import io.tandem.facts.SbdHeader;
import io.tandem.model.Sbd;
import io.tandem.render.modern.SbdSettings;
import io.tandem.ssh.RemoteCommand;
import io.tandem.text.ShellQuote;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * SBD fencing: the header written once on each shared disk (from the preferred node: the disk is
 * the same on both), and sbd.service enabled on each node before its cluster stack starts. Debian's
 * sbd.service is started only as a dependency of corosync (RequiredBy=corosync.service, and it
 * refuses a manual start), so "enabled" is all apply does to it; the cluster start then brings it up.
 */
public final class SbdSteps {

    private static final Duration SHORT = Duration.ofMinutes(2);
    static final int NO_DEVICE = 6;
    static final int SBD_RUNNING = 7;
    /** Splits a header probe's output: the device's state above, sbd's dump below. */
    static final String DUMP_MARK = "#tandem-sbd-dump";

    private SbdSteps() {
    }

    /** Read-only: the device's signatures, mounts and size ({@link DeviceState#probe}), then {@code sbd -d DEV dump} and its exit status. */
    static Probe headerProbe(String node, String device) {
        String q = ShellQuote.quote(device);
        return new Probe(node, "sbd-" + FileWrite.sha256(device).substring(0, 12), DeviceState.probe(q) + "\necho '" + DUMP_MARK + "'\n"
                + "sbd -d " + q + " dump 2>/dev/null; echo \"" + DUMP_MARK + "-exit $?\"");
    }

    /** The header the probe's dump shows, when sbd dumped one (exit 0). */
    static Optional<SbdHeader> header(String probeOutput) {
        int mark = probeOutput.indexOf(DUMP_MARK + "\n");
        if (mark < 0 || !probeOutput.strip().endsWith(DUMP_MARK + "-exit 0")) {
            return Optional.empty();
        }
        return SbdHeader.parse(probeOutput.substring(mark));
    }

    static Optional<DeviceState> device(String probeOutput) {
        int mark = probeOutput.indexOf(DUMP_MARK + "\n");
        return mark < 0 ? Optional.empty() : DeviceState.parse(probeOutput.substring(0, mark));
    }

    /**
     * Writes the SBD header on {@code device} from {@code node}; done when both nodes read it with the
     * project's timeouts (which also proves the path names the same disk on both). A disk with a
     * signature, a mount or an SBD header of other timeouts is overwritten only with its typed
     * confirmation, checked again right before writing.
     */
    public static Step header(Sbd sbd, String device, String node, String peer, ProbeResults probed) {
        int watchdog = sbd.watchdogTimeout();
        int msgwait = sbd.msgwaitTimeout();
        Probe here = headerProbe(node, device);
        Probe there = headerProbe(peer, device);
        Check check = Check.on(node + " and " + peer + " read an SBD header on " + device + " with watchdog " + watchdog + " s and msgwait "
                + msgwait + " s", List.of(here, there), results -> List.of(here, there).stream().allMatch(p -> results.text(p)
                .flatMap(SbdSteps::header).map(h -> h.hasTimeouts(watchdog, msgwait)).orElse(false)));

        List<String> inUse = new ArrayList<>();
        probed.text(here).flatMap(SbdSteps::header).filter(h -> !h.hasTimeouts(watchdog, msgwait)).ifPresent(h -> inUse.add(
                "an SBD header with watchdog " + h.watchdogSeconds() + " s and msgwait " + h.msgwaitSeconds() + " s, perhaps another cluster's"));
        Optional<DeviceState> seen = probed.text(here).flatMap(SbdSteps::device);
        seen.ifPresent(d -> inUse.addAll(d.inUse()));
        long plannedSize = seen.filter(DeviceState::exists).map(DeviceState::sizeBytes).orElse(DestructiveWrite.UNKNOWN_SIZE);

        List<String> create = SbdSettings.createCommand(sbd, device);
        String script = "d=" + ShellQuote.quote(device) + "\n"
                + "[ -b \"$d\" ] || { echo \"$d is not a block device on this node: is the shared disk attached?\" >&2; exit " + NO_DEVICE + "; }\n"
                // The state again, right before writing: the disk may have changed since the plan.
                + "dump=$(sbd -d \"$d\" dump 2>/dev/null) || dump=\n"
                + "w=$(printf '%s\\n' \"$dump\" | sed -n 's/^Timeout (watchdog) *: *\\([0-9]*\\) *$/\\1/p')\n"
                + "m=$(printf '%s\\n' \"$dump\" | sed -n 's/^Timeout (msgwait) *: *\\([0-9]*\\) *$/\\1/p')\n"
                + "[ \"$w\" = " + watchdog + " ] && [ \"$m\" = " + msgwait + " ] && exit 0\n"
                + DestructiveWrite.sizeGuard(plannedSize)
                + notRunning(node)
                + DestructiveWrite.guard("[ -n \"$w$m\" ]", true, "a signature, a mount or an SBD header with watchdog ${w:-?} s, msgwait ${m:-?} s")
                + ShellQuote.join(create) + " </dev/null\n"
                + "sbd -d \"$d\" dump\n";
        Action peerIdle = new Action(peer, "check that sbd does not run on " + peer + " (it would keep the old header's timeouts)", remote ->
                remote.require(RemoteCommand.script(notRunning(peer)), SHORT));
        Action write = new Action(node, "check that " + device + " holds nothing (again), "
                + (inUse.isEmpty() ? "" : "wipe its signatures (confirmed), ") + ShellQuote.join(create) + ", sbd -d " + device + " dump", remote -> {
            DestructiveWrite.run(remote, device, plannedSize, script, new byte[0], new StepFailure(device + " on " + node
                            + " holds data now (it did not when the plan was made); nothing was written",
                    "Look at it (lsblk -f " + device + "; sbd -d " + device + " dump); if it may be overwritten, run apply again with --confirm-destroy "
                            + node + ":" + device), RemoteCommand.script(ShellQuote.join(create)));
        });
        Step step = new Step("sbd-header:" + device, Phase.DISKS, List.of(node, peer), "Write the SBD header (watchdog " + watchdog
                + " s, msgwait " + msgwait + " s, 255 empty slots) on the shared disk " + device + " from " + node
                + (inUse.isEmpty() ? " (it holds nothing)" : ": this DESTROYS what it holds (" + String.join(", ", inUse) + ")"),
                check, List.of(peerIdle, write), "not undoable: the header overwrote the start of " + device, Optional.empty(), List.of());
        return inUse.isEmpty() ? step : step.destroying(device);
    }

    private static String notRunning(String node) {
        return "if systemctl is-active -q sbd 2>/dev/null; then echo \"sbd runs on " + node + ": a new header needs sbd stopped on both nodes; "
                + "stop the cluster there first (systemctl stop pacemaker corosync)\" >&2; exit " + SBD_RUNNING + "; fi\n";
    }

    /** {@code sbd ENABLED-STATE}, then {@code watchdog} when the watchdog device exists; from the host's {@link UnitRead}. */
    static Probe unitProbe(String node, Sbd sbd) {
        return UnitRead.probe(node, "sbd-unit", new UnitRead(List.of("sbd"), List.of(sbd.watchdogDevice())), seen -> seen.lines(List.of("sbd"))
                .map(line -> "sbd " + line.split(" ", -1)[1] + "\n" + (seen.charDevices().contains(sbd.watchdogDevice()) ? "watchdog\n" : "")));
    }

    static boolean enabledWithWatchdog(String output) {
        List<String> lines = output.lines().toList();
        return lines.contains("sbd enabled") && lines.contains("watchdog");
    }

    /**
     * Enables sbd.service on {@code node} before its cluster stack starts: corosync then requires it,
     * so the start (and every boot) brings sbd up with it, before pacemaker (Before=pacemaker.service). Its watchdog device must exist by then.
     */
    public static Step enable(String node, Sbd sbd) {
        Probe probe = unitProbe(node, sbd);
        Check check = Check.of("sbd.service is enabled on " + node + " and its watchdog " + sbd.watchdogDevice() + " exists", probe,
                SbdSteps::enabledWithWatchdog);
        String wd = ShellQuote.quote(sbd.watchdogDevice());
        String missing = sbd.softdog() ? "the softdog module is not loaded (modprobe softdog)"
                : "no driver for the hardware watchdog is loaded (lsmod; dmesg | grep -i watchdog), or use \"watchdog\": \"softdog\"";
        RemoteCommand command = RemoteCommand.script("[ -c " + wd + " ] || { echo " + ShellQuote.quote(sbd.watchdogDevice() + " does not exist on "
                + node + ": " + missing) + " >&2; exit " + NO_DEVICE + "; }\nsystemctl enable sbd");
        return Step.on(node, Phase.CLUSTER, "sbd-enable:" + node, "Enable sbd on " + node + " (watchdog " + sbd.watchdogDevice()
                        + "): corosync starts it along, at the cluster start and at every boot, and pacemaker waits for it", check, "systemctl disable sbd",
                new Action(node, "check that " + sbd.watchdogDevice() + " exists; systemctl enable sbd", remote -> remote.require(command, SHORT)));
    }
}
