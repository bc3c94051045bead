package io.tandem.failover;

import io.tandem.text.ShellQuote;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The shell scripts a failover test runs as root on the hosts. Every value comes from the validated
 * project or from Tandem itself and is checked here again and quoted; each script that starts the
 * fault prints the host's clock first ({@value #STAMP}), so the fault's moment is known in the host's
 * own clock even when the host then dies.
 */
final class DrillScripts {

    static final String STAMP = "TANDEM-FAULT-AT";
    /** Where the probe and its log live on the initiator (not on the iSCSI disk: the log must survive the disk's trouble). */
    static final String WORK_DIR = "/var/tmp/tandem-failover";
    /** The probe's file on the initiator's filesystem on the iSCSI disk. */
    static final String PROBE_FILE = ".tandem-failover-probe";
    static final int BLOCK = 4096;

    private static final Pattern RUN_ID = Pattern.compile("[0-9a-f]{8,32}");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.:@-]{1,64}");
    private static final Pattern PATH = Pattern.compile("/[A-Za-z0-9_.+/-]*");
    private static final String STAMP_LINE = "echo \"" + STAMP + " $(date +%s.%N)\"";

    private final String runId;

    DrillScripts(String runId) {
        this.runId = check(RUN_ID, runId, "run id");
    }

    private static String check(Pattern pattern, String value, String what) {
        if (value == null || !pattern.matcher(value).matches() || value.contains("..")) {
            throw new IllegalArgumentException("unsafe " + what + ": " + value);
        }
        return value;
    }

    private static String q(Pattern pattern, String value, String what) {
        return ShellQuote.quote(check(pattern, value, what));
    }

    String log() {
        return WORK_DIR + "/probe-" + runId + ".log";
    }

    String stopFile() {
        return WORK_DIR + "/probe-" + runId + ".stop";
    }

    static String probeSource() {
        try (InputStream in = DrillScripts.class.getResourceAsStream("/io/tandem/failover/probe.py")) {
            if (in == null) {
                throw new IllegalStateException("probe.py is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The initiator's preparation: python3 (from its own repositories when missing), the mount point
     * mounted, the probe's file zeroed at its full size (a fresh file, so a block left from before
     * reads as lost, not as written), the probe started detached: it outlives this SSH session and
     * any trouble of the management network, and stops by itself after {@code maxSeconds}.
     */
    String startProbe(String mountPoint, int blocks, int intervalMs, int maxSeconds) {
        String mp = q(PATH, mountPoint, "mount point");
        String file = q(PATH, mountPoint + "/" + PROBE_FILE, "probe file");
        String source = probeSource();
        if (source.contains("TANDEM_PROBE_EOF")) {
            throw new IllegalStateException("probe.py must not contain its here-document's end word");
        }
        return String.join("\n",
                "set -e",
                "if ! command -v python3 >/dev/null 2>&1; then",
                "  echo 'python3 is missing: installing python3-minimal from this host'\\''s repositories' >&2",
                "  DEBIAN_FRONTEND=noninteractive apt-get install -y -q python3-minimal >&2",
                "fi",
                "mountpoint -q " + mp + " || { echo " + ShellQuote.quote("nothing is mounted on " + mountPoint) + " >&2; exit 3; }",
                "mkdir -p -m 0700 " + WORK_DIR,
                "cat > " + WORK_DIR + "/probe.py <<'TANDEM_PROBE_EOF'",
                source.stripTrailing(),
                "TANDEM_PROBE_EOF",
                "rm -f " + stopFile(),
                // In 1 MiB writes: 16384 direct 4 KiB writes over iSCSI took over 5 minutes in the VM lab.
                "timeout 300 dd if=/dev/zero of=" + file + " bs=1048576 count=" + mebibytes(blocks) + " oflag=direct conv=fsync status=none",
                "setsid nohup python3 " + WORK_DIR + "/probe.py " + file + " " + blocks + " " + intervalMs + " " + maxSeconds + " "
                        + stopFile() + " " + runId + " > " + log() + " 2>&1 < /dev/null &",
                "echo started");
    }

    /** The probe file's size in MiB: whole MiB, so the zeroing can write it in large direct writes. */
    static int mebibytes(int blocks) {
        if (blocks <= 0 || blocks % (1048576 / BLOCK) != 0) {
            throw new IllegalArgumentException("the probe file must be whole MiB of " + BLOCK + "-byte blocks, not " + blocks + " blocks");
        }
        return blocks / (1048576 / BLOCK);
    }

    /** The probe's output from byte {@code offset} on (1-based for tail: offset 0 reads all). */
    String readLog(long offset) {
        return "tail -c +" + (offset + 1) + " " + log() + " 2>/dev/null || true";
    }

    /** Asks the probe to stop and read back; it prints its VERIFY line when done. */
    String stopProbe() {
        return "touch " + stopFile();
    }

    /**
     * After a start that failed or timed out: the stop file (a probe started late stops at once) and
     * whatever of the zeroing still runs, then the file.
     */
    String abandonStart(String mountPoint) {
        String file = q(PATH, mountPoint + "/" + PROBE_FILE, "probe file");
        return String.join("\n",
                "mkdir -p -m 0700 " + WORK_DIR,
                "touch " + stopFile(),
                "pkill -f " + ShellQuote.quote("dd if=/dev/zero of=" + mountPoint + "/" + PROBE_FILE) + " || true",
                "rm -f " + file);
    }

    /** Removes the probe's 64 MiB file and its stop file; the log stays until the next test (it is small). */
    String cleanUp(String mountPoint) {
        return "rm -f " + q(PATH, mountPoint + "/" + PROBE_FILE, "probe file") + " " + stopFile();
    }

    /**
     * Asks the cluster to move the group to {@code node} and returns at once (the drill follows the
     * move with short reads, so the host's connection stays free for the monitoring's).
     */
    static String move(String group, String node) {
        return String.join("\n",
                STAMP_LINE,
                "crm_resource --move --resource " + q(NAME, group, "group") + " --node " + q(NAME, node, "node"));
    }

    /** Removes the move's constraint: the group stays where it is (stickiness), and the cluster may move it again later. */
    static String clear(String group) {
        return "crm_resource --clear --resource " + q(NAME, group, "group");
    }

    /** Where the group runs now (crm_resource's own words). */
    static String locate(String group) {
        return "crm_resource --locate --resource " + q(NAME, group, "group") + " 2>&1 || true";
    }

    /** What {@link #idle} prints when the coordinator was idle: the seconds it waited and the coordinator's name. */
    static final String IDLE = "TANDEM-IDLE";
    /** What {@link #idle} prints when the coordinator was still busy at the end: the seconds waited, its name and its state. */
    static final String BUSY = "TANDEM-BUSY";

    /**
     * Waits, at most {@code waitSeconds}, until the cluster's coordinator (the DC) is idle. {@code crm_resource
     * --wait} is not enough: it only asks whether the scheduler has actions left to do, while a DC that lost an
     * operation's result waits its timeout + start-delay + cluster-delay for it in S_TRANSITION_ENGINE (200 s in the
     * VM lab) and starts no new transition meanwhile, so a fault caused then is answered that much later. Each
     * question is bounded (crmadmin waits for an answer that may not come). With {@code -q} crmadmin prints the DC's
     * name, and then its state, alone on stdout (Pacemaker 2.1.5); the name is kept to a node name's characters
     * before it goes into the next command line and the report.
     */
    static String idle(int waitSeconds) {
        if (waitSeconds < 1 || waitSeconds > 3600) {
            throw new IllegalArgumentException("idle wait out of range: " + waitSeconds);
        }
        return String.join("\n",
                "start=$(date +%s); end=$((start + " + waitSeconds + "))",
                "while :; do",
                "  dc=$(timeout 5 crmadmin -D -q 2>/dev/null | tail -n 1 | tr -cd 'A-Za-z0-9_.:@-'); state=",
                "  [ -n \"$dc\" ] && state=$(timeout 5 crmadmin -q -S \"$dc\" 2>/dev/null | grep -o 'S_[A-Z_]*' | head -n 1)",
                "  now=$(date +%s)",
                "  if [ \"$state\" = S_IDLE ]; then echo \"" + IDLE + " $((now - start)) $dc\"; exit 0; fi",
                "  if [ \"$now\" -ge \"$end\" ]; then echo \"" + BUSY + " $((now - start)) ${dc:-?} ${state:-unknown}\"; exit 0; fi",
                "  sleep 1",
                "done");
    }

    /** Waits for the cluster to settle (no transition in progress). */
    static String settle(int waitSeconds) {
        return "crm_resource --wait --timeout=" + waitSeconds + "s";
    }

    /** The emergency reboot, a second after this script returns (so its answer still arrives). */
    static String crash() {
        return String.join("\n",
                "echo \"" + STAMP + " $(($(date +%s) + 1)).$(date +%N)\"",
                "nohup sh -c 'sleep 1; echo 1 > /proc/sys/kernel/sysrq; echo b > /proc/sysrq-trigger' >/dev/null 2>&1 < /dev/null &",
                "echo crashing");
    }

    /**
     * After a crash Tandem caused: the node's SBD slot still holds the survivor's "reset", and with
     * SBD_STARTMODE=clean sbd (and so the cluster) will not start on it until the slot is cleared.
     * Run on the survivor, which sees the same disks.
     */
    static String clearSbdSlot(List<String> devices, String node) {
        StringBuilder script = new StringBuilder();
        for (String device : devices) {
            script.append("sbd -d ").append(q(PATH, device, "SBD device")).append(" message ").append(q(NAME, node, "node")).append(" clear\n");
        }
        return script.toString();
    }

    /**
     * Powers on a node that fencing switched off ({@code stonith-action=off}), through the cluster's
     * own fence device for it: the "on" action of its BMC or libvirt host. Run on the survivor.
     */
    static String powerOn(String node) {
        return "stonith_admin --unfence " + q(NAME, node, "node");
    }

    /** Starts the cluster stack on a node that rebooted: sbd and corosync come with pacemaker, and with them corosync-qdevice (Tandem's corosync drop-in). */
    static String startCluster() {
        return "systemctl start pacemaker";
    }

    /** What {@link #qdeviceAfterStart()} prints when the qdevice came up with the cluster stack, and when the script had to start it. */
    static final String QDEVICE_CAME_UP = "qdevice came up with corosync";
    static final String QDEVICE_STARTED_HERE = "qdevice started here";

    /**
     * After {@link #startCluster()} with a quorum device: waits up to 30 s for corosync-qdevice, which
     * the drop-in makes corosync's start pull in (at boot it failed with corosync, which
     * SBD_STARTMODE=clean kept down after the fencing). A cluster applied before the drop-in existed
     * does not start it: then it is started here, and the script says which.
     */
    static String qdeviceAfterStart() {
        return String.join("\n",
                "for i in $(seq 1 30); do",
                "    if systemctl is-active -q corosync-qdevice; then echo '" + QDEVICE_CAME_UP + "'; exit 0; fi",
                "    sleep 1",
                "done",
                "systemctl start corosync-qdevice && echo '" + QDEVICE_STARTED_HERE + "'");
    }

    /**
     * NICs down for {@code holdSeconds}, then up again, detached: the host brings them back by itself
     * even if Tandem loses it meanwhile. {@code activeOf}: take down only the bond's active NIC
     * (read from the bonding driver) instead of the NICs listed.
     */
    static String linksDown(List<String> nics, String activeOf, int holdSeconds) {
        StringBuilder pick = new StringBuilder();
        if (activeOf != null) {
            pick.append("nics=$(sed -n 's/^Currently Active Slave: //p' /proc/net/bonding/").append(q(NAME, activeOf, "bond")).append(")\n")
                    .append("[ -n \"$nics\" ] || { echo ").append(ShellQuote.quote(activeOf + " has no active NIC")).append(" >&2; exit 3; }\n");
        } else {
            pick.append("nics=").append(ShellQuote.quote(String.join(" ", nics.stream().map(n -> check(NAME, n, "NIC")).toList()))).append('\n');
        }
        return pick + String.join("\n",
                STAMP_LINE,
                "echo \"TANDEM-NICS $nics\"",
                "nohup sh -c 'for n in $0; do ip link set dev \"$n\" down; done; sleep " + holdSeconds
                        + "; for n in $0; do ip link set dev \"$n\" up; done' \"$nics\" >/dev/null 2>&1 < /dev/null &");
    }

    /** The journal lines a timeline needs, since {@code sinceEpoch} in the host's clock. */
    static String journal(long sinceEpoch) {
        return "journalctl --since=@" + sinceEpoch + " -o short-unix --no-pager -q 2>/dev/null | grep -E "
                + ShellQuote.quote("Requesting local execution of|Result of [a-z_]+ operation for|Token has not been received|"
                + "A processor failed|A new membership|terminated \\(|fenced \\(|Operation .?(reboot|off)|fence-peer|"
                + "conn\\( [A-Za-z]+ -> (NetworkFailure|Timeout|BrokenPipe|ProtocolError)")
                + " | tail -n 20000 || true";
    }
}
