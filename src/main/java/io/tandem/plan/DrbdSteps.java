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
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * DRBD brought up by hand before Pacemaker takes it over: metadata created (only on a device that
 * holds nothing, or with its typed confirmation, checked again right before writing), the resource
 * up on both nodes, connected, the initial sync run to UpToDate/UpToDate with its progress — or
 * skipped when both nodes proved their data blank: each node reads its whole data area (the size
 * DRBD exports, which excludes internal metadata) and compares it with zeros; only when both read
 * zeros does the preferred node clear the bitmap ({@code new-current-uuid --clear-bitmap}), so the
 * two sides are declared equal without a copy. Two all-zero disks are equal, so this is exact, not
 * a guess from missing signatures. DRBD's own record must agree: both sides' current data
 * generation is still the one create-md wrote ({@code get-gi}: "just created"), so a proof kept in
 * /run from an earlier build of the resource in the same boot cannot stand for a disk that held
 * data since. What it does not cover is a writer on the backing disk itself between the proof and
 * the sync (nothing Tandem starts writes there: both sides are Secondary).
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

    /**
     * {@code newPartition}: the device is the GPT partition an earlier step of this plan makes
     * ({@link PartitionSteps}), so what the plan saw of it (usually: no such device) says nothing.
     * Then the step is not marked destroying — the partition-table step carries the disk's
     * confirmation, and sfdisk wipes the new partition's range, whose start it zeroes when that
     * confirmation was given — and its size is not compared: it
     * is new. The write script still checks the partition right before create-md, so a partition
     * that holds data anyway (the table step found done at apply time after all) stops the step.
     * {@code table}: the GPT layout's partition-table check. The metadata is done only when the table
     * is too: a table step that runs wipes the partition's range (metadata found there at plan time
     * included), so the metadata step must run after it in the same apply, not be skipped as done.
     */
    public static Step createMetadata(DrbdResource resource, Backing backing, ProbeResults probed, boolean newPartition, Optional<Check> table) {
        String node = backing.node();
        String device = metadataDevice(backing);
        Probe probe = deviceProbe(node, device);
        Check own = Check.of(device + " holds DRBD metadata", probe, out -> DeviceState.parse(out).map(DeviceState::hasDrbdMetadata).orElse(false));
        Check check = table.map(t -> Check.on(own.describe() + " on the partition table of " + backing.disk(),
                java.util.stream.Stream.concat(t.probes().stream(), own.probes().stream()).toList(), r -> t.done(r) && own.done(r))).orElse(own);
        Optional<DeviceState> seen = newPartition ? Optional.empty() : probed.text(probe).flatMap(DeviceState::parse);
        List<String> inUse = seen.map(DeviceState::inUse).orElse(List.of());
        long plannedSize = seen.filter(DeviceState::exists).map(DeviceState::sizeBytes).orElse(DestructiveWrite.UNKNOWN_SIZE);
        String script = "d=" + ShellQuote.quote(device) + "\n" + DestructiveWrite.sizeGuard(plannedSize)
                + DestructiveWrite.guard("", true, "a signature or a mount")
                + "drbdadm create-md " + ShellQuote.quote(resource.name()) + " </dev/null\n";
        Action create = new Action(node, "check that " + device + " holds nothing" + (plannedSize < 0 ? "" : " and is still "
                + io.tandem.text.ByteSize.approximate(plannedSize)) + " (again), "
                + (inUse.isEmpty() ? "" : "wipe its signatures (confirmed), ") + "drbdadm create-md " + resource.name(), remote ->
                DestructiveWrite.run(remote, device, plannedSize, script, new byte[0],
                        new StepFailure(device + " on " + node + " holds data " + (newPartition ? "(the new partition starts 1 MiB into "
                                + backing.disk() + ", past where the plan looked)" : "now (it did not when the plan was made)") + "; nothing was written",
                                "Look at it (lsblk -f " + device + "); if it may be overwritten, run apply again with --confirm-destroy " + node + ":" + device),
                        RemoteCommand.script("drbdadm create-md " + resource.name())));
        String what = newPartition ? " (made by the partition step before)" : inUse.isEmpty() ? " (it holds nothing)"
                : ": this DESTROYS what it holds (" + String.join(", ", inUse) + ")";
        Step step = Step.on(node, Phase.REPLICATION, "drbd-md:" + resource.name() + ":" + node, "Create DRBD metadata for " + resource.name()
                        + " on " + device + what, check, "not undoable: the metadata overwrote the end of " + device, create);
        return inUse.isEmpty() ? step : step.destroying(device);
    }

    /** /proc/drbd read by the shell itself: a cat would be one process more. */
    private static final String READ_PROC_DRBD =
            "if [ -r /proc/drbd ]; then while IFS= read -r l || [ -n \"$l\" ]; do printf '%s\\n' \"$l\"; done < /proc/drbd; fi; true";

    static Probe procDrbd(String node) {
        return new Probe(node, "proc-drbd", READ_PROC_DRBD);
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

    /** Where a node keeps the outcome of its blank proof until the next boot: "blank BYTES" or "data". */
    static String blankMarker(String resource) {
        return "/run/tandem/drbd-blank/" + resource;
    }

    /** The node's proof when it made one, else its /proc/drbd (whether a proof is still needed). */
    static Probe blankProbe(String node, String resource) {
        return new Probe(node, "blank-" + FileWrite.sha256(resource).substring(0, 12), "m=\nf=" + ShellQuote.quote(blankMarker(resource)) + "\n"
                + "[ -r \"$f\" ] && read -r m < \"$f\"\nif [ -n \"$m\" ]; then echo \"proof $m\"; else " + READ_PROC_DRBD + "; fi");
    }

    /** Bytes proven zero from a marker's text, when it says blank. */
    static OptionalLong provenBlank(String marker) {
        String m = marker.strip();
        return m.matches("blank [0-9]{1,19}") ? OptionalLong.of(Long.parseLong(m.substring(6))) : OptionalLong.empty();
    }

    /**
     * Reads the node's data area of {@code resource} (the size DRBD exports now, never more) and keeps
     * whether it is all zeros. Done once read, or when the node's disk is no longer Inconsistent.
     */
    public static Step proveBlank(DrbdResource resource, Backing backing) {
        String node = backing.node();
        String name = resource.name();
        Check check = Check.of("the data area of " + name + " on " + node + " was read for zeros, or it is not Inconsistent",
                blankProbe(node, name), out -> out.startsWith("proof ")
                        || state(out, resource.minor()).map(s -> s.isConfigured() && !"Inconsistent".equals(s.diskState())).orElse(false));
        String file = blankMarker(name);
        RemoteCommand read = RemoteCommand.script("b=" + ShellQuote.quote(backing.drbdDisk()) + "\nm=" + ShellQuote.quote(file) + "\n"
                + "sectors=$(cat /sys/block/drbd" + resource.minor() + "/size 2>/dev/null)\n"
                + "[ \"${sectors:-0}\" -gt 0 ] || { echo \"drbd" + resource.minor() + " has no size: " + name + " is not attached\" >&2; exit 1; }\n"
                + "bytes=$((sectors * 512))\n"
                + "cmp -s -n \"$bytes\" /dev/zero \"$b\"\n"
                + "case $? in 0) v=\"blank $bytes\" ;; 1) v=data ;; *) echo \"reading $b failed\" >&2; exit 1 ;; esac\n"
                + "mkdir -p \"${m%/*}\" && echo \"$v\" > \"$m.t\" && mv -f \"$m.t\" \"$m\"\n");
        return Step.on(node, Phase.REPLICATION, "drbd-blank:" + name + ":" + node, "Read " + backing.drbdDisk() + " on " + node
                        + " to prove whether " + name + "'s data is blank (all zeros): if both nodes' is, the initial sync is skipped",
                check, "nothing to undo: it only reads", new Action(node, "cmp the data area of " + backing.drbdDisk() + " with /dev/zero; keep the result in " + file,
                        remote -> remote.require(read, Duration.ofHours(12))));
    }

    /** {@code skipBlank}: the project allows skipping the sync (skip-new-disks), so the nodes' blank proofs are read. */
    public static Step initialSync(DrbdResource resource, String first, String second, boolean skipBlank, ProbeResults probed) {
        Probe p1 = procDrbd(first);
        Probe p2 = procDrbd(second);
        Check check = Check.on(resource.name() + " is UpToDate on both nodes", List.of(p1, p2),
                results -> results.text(p1).map(o -> upToDate(state(o, resource.minor()))).orElse(false)
                        && results.text(p2).map(o -> upToDate(state(o, resource.minor()))).orElse(false));
        String name = resource.name();
        RemoteCommand poll = RemoteCommand.script(ProcDrbdParser.COMMAND);
        // The proof's line, then DRBD's data generation identifiers of the resource on that node.
        RemoteCommand readProof = RemoteCommand.script("m=\n[ -r " + ShellQuote.quote(blankMarker(name)) + " ] && read -r m < "
                + ShellQuote.quote(blankMarker(name)) + "\necho \"$m\"\ndrbdadm get-gi " + ShellQuote.quote(name) + " 2>/dev/null | head -n 1; true");
        AtomicReference<String> peerProof = new AtomicReference<>("");
        Action readPeer = new Action(second, "read " + second + "'s blank proof of " + name + " and its data generation",
                remote -> peerProof.set(remote.require(readProof, SHORT).stdout()));
        Action sync = new Action(first, "wait until " + name + " is connected; when both sides are Inconsistent: "
                + (skipBlank ? "if both proved their data blank, drbdadm new-current-uuid --clear-bitmap " + name + " on " + first + " (no copy); otherwise " : "")
                + "drbdadm primary --force " + name + " on " + first + ", then drbdadm secondary " + name + "; wait for UpToDate/UpToDate", remote -> {
            Waiting.until(remote, poll, r -> state(r.stdout(), resource.minor())
                    .map(s -> new Waiting.Seen(connected(s.connectionState()), name + ": " + s.connectionState()))
                    .orElse(Waiting.Seen.waiting(name + " not up")), Duration.ofMinutes(3), Duration.ofSeconds(2), name + " connects to its peer");
            Optional<DrbdDeviceState> now = state(remote.run(poll, new byte[0], SHORT, l -> { }).stdout(), resource.minor());
            if (now.map(s -> "Inconsistent".equals(s.diskState()) && "Inconsistent".equals(s.peerDiskState())).orElse(false)) {
                long exported = !skipBlank ? 0 : Long.parseLong(remote.require(RemoteCommand.script("cat /sys/block/drbd" + resource.minor() + "/size"), SHORT)
                        .stdout().strip()) * 512;
                if (skipBlank && bothBlank(remote.require(readProof, SHORT).stdout(), peerProof.get(), exported)) {
                    remote.progress(name + ": both nodes read zeros over its " + exported / (1024 * 1024) + " MiB: initial sync skipped");
                    remote.require(RemoteCommand.of("drbdadm", "new-current-uuid", "--clear-bitmap", name), SHORT);
                } else {
                    if (skipBlank) {
                        remote.progress(name + ": not both nodes read zeros: the full initial sync runs");
                    }
                    remote.require(RemoteCommand.of("drbdadm", "primary", "--force", name), SHORT);
                    remote.require(RemoteCommand.of("drbdadm", "secondary", name), SHORT);
                }
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
                + first + " to " + second + (skipBlank ? ": skipped if both nodes proved their data blank, else every block is copied once"
                : ": every block is copied once") + sizeNote, check, skipBlank ? List.of(readPeer, sync) : List.of(sync),
                "nothing to undo: both sides hold the same data", Optional.empty(), List.of());
    }

    /** DRBD's current data generation UUID right after create-md (UUID_JUST_CREATED in drbd 8.4's drbd_int.h). */
    static final String JUST_CREATED = "0000000000000004";

    /**
     * Both nodes' proofs ({@code readProof}'s output: the marker's line, then {@code get-gi}) say
     * blank over at least the size DRBD exports now (a proof made before connecting covers the
     * local, larger size), and on both DRBD's current generation is still the one create-md made.
     */
    static boolean bothBlank(String ownProof, String peerProof, long exportedBytes) {
        return exportedBytes > 0 && provenFresh(ownProof, exportedBytes) && provenFresh(peerProof, exportedBytes);
    }

    private static boolean provenFresh(String proof, long exportedBytes) {
        List<String> lines = proof.strip().lines().toList();
        OptionalLong blank = lines.isEmpty() ? OptionalLong.empty() : provenBlank(lines.getFirst());
        boolean fresh = lines.size() > 1 && lines.get(1).strip().toUpperCase(java.util.Locale.ROOT).startsWith(JUST_CREATED + ":");
        return blank.isPresent() && blank.getAsLong() >= exportedBytes && fresh;
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
