package io.tandem.plan;

import io.tandem.facts.DrbdDeviceState;
import io.tandem.facts.FactParseException;
import io.tandem.facts.ProcDrbdParser;
import io.tandem.model.Backing;
import io.tandem.model.DrbdResource;
import io.tandem.ssh.RemoteCommand;
import io.tandem.text.ShellQuote;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * DRBD brought up by hand before Pacemaker takes it over: metadata created (only on a device that
 * holds nothing, or with its typed confirmation, checked again right before writing), the resource
 * up on both nodes, connected, the initial sync run to UpToDate/UpToDate with its progress.
 */
public final class DrbdSteps {

    private static final Duration SHORT = Duration.ofMinutes(2);

    private DrbdSteps() {
    }

    /** The device carrying the metadata: the backing disk itself for internal metadata. */
    static String metadataDevice(Backing backing) {
        return backing.internalMetadata() ? backing.drbdDisk() : backing.metaDisk();
    }

    static Probe deviceProbe(String node, String device) {
        return new Probe(node, "dev-" + FileWrite.sha256(device).substring(0, 12), DeviceState.probe(ShellQuote.quote(device)));
    }

    public static Step createMetadata(DrbdResource resource, Backing backing, ProbeResults probed) {
        String node = backing.node();
        String device = metadataDevice(backing);
        Probe probe = deviceProbe(node, device);
        Check check = Check.of(device + " holds DRBD metadata", probe, out -> DeviceState.parse(out).map(DeviceState::hasDrbdMetadata).orElse(false));
        Optional<DeviceState> seen = probed.text(probe).flatMap(DeviceState::parse);
        List<String> inUse = seen.map(DeviceState::inUse).orElse(List.of());
        String q = ShellQuote.quote(device);
        String script = "d=" + ShellQuote.quote(device) + "\n" + DestructiveWrite.guard("", true, "a signature or a mount")
                + "drbdadm create-md " + ShellQuote.quote(resource.name()) + " </dev/null\n";
        Action create = new Action(node, "check that " + device + " holds nothing (again), "
                + (inUse.isEmpty() ? "" : "wipe its signatures (confirmed), ") + "drbdadm create-md " + resource.name(), remote ->
                DestructiveWrite.run(remote, device, script,
                        new StepFailure(device + " on " + node + " holds data now (it did not when the plan was made); nothing was written",
                                "Look at it (lsblk -f " + device + "); if it may be overwritten, run apply again with --confirm-destroy " + node + ":" + device),
                        RemoteCommand.script("drbdadm create-md " + resource.name())));
        Step step = Step.on(node, Phase.REPLICATION, "drbd-md:" + resource.name() + ":" + node, "Create DRBD metadata for " + resource.name()
                        + " on " + device + (inUse.isEmpty() ? " (it holds nothing)" : ": this DESTROYS what it holds (" + String.join(", ", inUse) + ")"),
                check, "not undoable: the metadata overwrote the end of " + device, create);
        return inUse.isEmpty() ? step : step.destroying(device);
    }

    static Probe procDrbd(String node) {
        // /proc/drbd read by the shell itself: a cat would be one process more.
        return new Probe(node, "proc-drbd", "if [ -r /proc/drbd ]; then while IFS= read -r l || [ -n \"$l\" ]; do printf '%s\\n' \"$l\"; done < /proc/drbd; fi; true");
    }

    static Optional<DrbdDeviceState> state(String procDrbd, int minor) {
        try {
            return ProcDrbdParser.parse(procDrbd).stream().filter(d -> d.minor() == minor).findFirst();
        } catch (FactParseException e) {
            return Optional.empty();
        }
    }

    public static Step up(DrbdResource resource, String node) {
        Probe probe = procDrbd(node);
        Check check = Check.of(resource.name() + " is up on " + node, probe,
                out -> state(out, resource.minor()).map(s -> s.isConfigured() && !"StandAlone".equals(s.connectionState())).orElse(false));
        RemoteCommand command = RemoteCommand.of("drbdadm", "adjust", resource.name());
        return Step.on(node, Phase.REPLICATION, "drbd-up:" + resource.name() + ":" + node, "Bring DRBD resource " + resource.name()
                        + " up on " + node + " (" + resource.device() + ")", check, "drbdadm down " + resource.name(),
                new Action(node, command.display(), remote -> remote.require(command, SHORT)));
    }

    /** Connected to the peer, also while a sync, verify or the bitmap exchange of a connection runs. */
    static boolean connected(String cs) {
        return cs.equals("Connected") || cs.startsWith("Sync") || cs.startsWith("PausedSync") || cs.startsWith("Verify")
                || cs.startsWith("StartingSync") || cs.startsWith("WFBitMap") || cs.equals("WFSyncUUID");
    }

    static boolean upToDate(Optional<DrbdDeviceState> s) {
        return s.map(d -> "UpToDate".equals(d.diskState()) && "UpToDate".equals(d.peerDiskState())).orElse(false);
    }

    public static Step initialSync(DrbdResource resource, String first, String second, ProbeResults probed) {
        Probe p1 = procDrbd(first);
        Probe p2 = procDrbd(second);
        Check check = Check.on(resource.name() + " is UpToDate on both nodes", List.of(p1, p2),
                results -> results.text(p1).map(o -> upToDate(state(o, resource.minor()))).orElse(false)
                        && results.text(p2).map(o -> upToDate(state(o, resource.minor()))).orElse(false));
        String name = resource.name();
        RemoteCommand poll = RemoteCommand.script(ProcDrbdParser.COMMAND);
        Action sync = new Action(first, "wait until " + name + " is connected; when both sides are Inconsistent: drbdadm primary --force "
                + name + " on " + first + ", then drbdadm secondary " + name + "; wait for UpToDate/UpToDate", remote -> {
            Waiting.until(remote, poll, r -> state(r.stdout(), resource.minor())
                    .map(s -> new Waiting.Seen(connected(s.connectionState()), name + ": " + s.connectionState()))
                    .orElse(Waiting.Seen.waiting(name + " not up")), Duration.ofMinutes(3), Duration.ofSeconds(2), name + " connects to its peer");
            Optional<DrbdDeviceState> now = state(remote.run(poll, new byte[0], SHORT, l -> { }).stdout(), resource.minor());
            if (now.map(s -> "Inconsistent".equals(s.diskState()) && "Inconsistent".equals(s.peerDiskState())).orElse(false)) {
                remote.require(RemoteCommand.of("drbdadm", "primary", "--force", name), SHORT);
                remote.require(RemoteCommand.of("drbdadm", "secondary", name), SHORT);
            }
            Waiting.until(remote, poll, r -> {
                Optional<DrbdDeviceState> s = state(r.stdout(), resource.minor());
                if (upToDate(s)) {
                    return Waiting.Seen.finished();
                }
                return Waiting.Seen.waiting(s.map(DrbdSteps::describeSync).orElse(name + " not up"));
            }, Duration.ofHours(12), Duration.ofSeconds(2), name + " is UpToDate on both nodes");
        });
        String sizeNote = probed.text(p1).flatMap(o -> state(o, resource.minor())).filter(DrbdDeviceState::isSyncing)
                .map(s -> " (" + describeSync(s) + ")").orElse("");
        return new Step("drbd-sync:" + name, Phase.REPLICATION, List.of(first, second), "Run the initial sync of " + name + " from "
                + first + " to " + second + ": every block is copied once" + sizeNote, check, List.of(sync),
                "nothing to undo: both sides hold the same data", Optional.empty(), List.of());
    }

    /** "r0: SyncSource 43.2 %, 21.3 MiB/s, 0:32 left". */
    static String describeSync(DrbdDeviceState s) {
        if (s.sync() == null) {
            return "minor " + s.minor() + ": " + s.connectionState() + " " + s.diskState() + "/" + s.peerDiskState();
        }
        DrbdDeviceState.SyncProgress p = s.sync();
        long left = p.finish() == null ? 0 : p.finish().toSeconds();
        return String.format("minor %d: %s %.1f %%, %.1f MiB/s, %d:%02d left", s.minor(), s.connectionState(), p.percentDone(),
                p.speedKiBPerSecond() / 1024.0, left / 60, left % 60);
    }
}
