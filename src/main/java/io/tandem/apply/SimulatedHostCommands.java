package io.tandem.apply;

import io.tandem.discovery.FactScript;
import io.tandem.monitor.HostCommands;
import io.tandem.monitor.StatusSource;
import io.tandem.ssh.SshFailure;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The demo's hosts for the monitoring view: its status reads, and the few commands the view runs
 * (the split brain's recovery, {@link io.tandem.monitor.SplitBrain}), recognised by the drbdadm
 * command they contain and applied to the simulation as the real command would change the host.
 * Anything else is refused as a real host without the command would refuse it (exit 127).
 */
final class SimulatedHostCommands implements StatusSource, HostCommands {

    private static final Pattern GET_GI = Pattern.compile("drbdadm get-gi '?([A-Za-z0-9_.-]+)'?");
    private static final Pattern DISCARD = Pattern.compile("drbdadm connect --discard-my-data '?([A-Za-z0-9_.-]+)'?");
    private static final Pattern RECONNECT = Pattern.compile("drbdadm cstate '?([A-Za-z0-9_.-]+)'?");
    // The failover drill's scripts (io.tandem.failover.DrillScripts), by the command each is built around.
    private static final Pattern PROBE_START = Pattern.compile("setsid nohup python3 \\S+probe\\.py \\S+ \\d+ (\\d+) \\d+ \\S+ ([0-9a-f]+)");
    private static final Pattern PROBE_READ = Pattern.compile("tail -c \\+(\\d+) \\S*/probe-([0-9a-f]+)\\.log");
    private static final Pattern PROBE_STOP = Pattern.compile("touch \\S*/probe-([0-9a-f]+)\\.stop");
    private static final Pattern MOVE = Pattern.compile("crm_resource --move --resource (\\S+) --node (\\S+)");
    private static final Pattern LOCATE = Pattern.compile("crm_resource --locate --resource (\\S+)");
    private static final Pattern HOLD = Pattern.compile("ip link set dev \"\\$n\" down; done; sleep (\\d+);");
    private static final Pattern JOURNAL = Pattern.compile("journalctl --since=@(\\d+)");
    private static final String STAMP = "TANDEM-FAULT-AT ";
    /** What the drill's wait for an idle coordinator prints (io.tandem.failover.DrillScripts#idle). */
    private static final String IDLE = "TANDEM-IDLE ";

    private final SimulatedCluster cluster;
    private final StatusSource status;

    SimulatedHostCommands(SimulatedCluster cluster, StatusSource status) {
        this.cluster = cluster;
        this.status = status;
    }

    @Override
    public Map<String, FactScript.Section> read(String host, List<FactScript.Fact> facts) throws SshFailure, InterruptedException {
        return status.read(host, facts);
    }

    @Override
    public Result runAsRoot(String host, String script, Duration timeout) throws SshFailure {
        if (cluster.faults().contains(DemoFault.NODE_LOST) && host.equals(cluster.standbyNode())) {
            throw new SshFailure(SshFailure.Kind.UNREACHABLE, host, "connect timed out (the demo's " + host + " is lost)");
        }
        Matcher gi = GET_GI.matcher(script);
        if (gi.find()) {
            return cluster.splitBrainSides(gi.group(1)).stream().filter(s -> s.node().equals(host)).findFirst()
                    .map(s -> new Result(0, s.generationIdentifiers() + "\n", ""))
                    .orElse(new Result(0, "", ""));
        }
        Matcher discard = DISCARD.matcher(script);
        if (discard.find()) {
            try {
                cluster.discardChangesOf(host);
                return new Result(0, "", "");
            } catch (IllegalStateException e) {
                return new Result(11, "", e.getMessage() + "\n");
            }
        }
        if (RECONNECT.matcher(script).find()) {
            return new Result(0, "", ""); // the kept side reconnects by itself in the simulation
        }
        Optional<Result> drill = drill(host, script);
        if (drill.isPresent()) {
            return drill.get();
        }
        return new Result(127, "", "the demo's hosts do not run: " + script.lines().findFirst().orElse("") + "\n");
    }

    /** The failover drill's scripts, done to the simulation as the real hosts would do them. */
    private Optional<Result> drill(String host, String script) {
        SimulatedFailover failover = cluster.failover();
        Matcher m = PROBE_START.matcher(script);
        if (m.find()) {
            failover.startProbe(m.group(2), Integer.parseInt(m.group(1)));
            return Optional.of(new Result(0, "started\n", ""));
        }
        m = PROBE_READ.matcher(script);
        if (m.find()) {
            SimulatedFailover.Probe probe = failover.probe(m.group(2));
            String log = probe == null ? "" : probe.log(SimulatedFailover.now());
            int from = (int) Math.min(log.length(), Long.parseLong(m.group(1)) - 1);
            return Optional.of(new Result(0, log.substring(from), ""));
        }
        m = PROBE_STOP.matcher(script);
        if (m.find()) {
            Optional.ofNullable(failover.probe(m.group(1))).ifPresent(SimulatedFailover.Probe::stop);
            return Optional.of(new Result(0, "", ""));
        }
        if (script.contains(".tandem-failover-probe") && script.startsWith("rm -f")) {
            return Optional.of(new Result(0, "", ""));
        }
        m = MOVE.matcher(script);
        if (m.find()) {
            double t0 = SimulatedFailover.now();
            failover.move(m.group(2).replace("'", ""), t0);
            return Optional.of(new Result(0, stamp(t0), ""));
        }
        m = LOCATE.matcher(script);
        if (m.find()) {
            String group = m.group(1).replace("'", "");
            return Optional.of(new Result(0, "resource " + group + (cluster.allRunning() ? " is running on: " + cluster.servingNode() : " is NOT running")
                    + "\n", ""));
        }
        if (script.contains("crmadmin -D -q")) {
            return Optional.of(new Result(0, IDLE + "0 " + cluster.servingNode() + "\n", "")); // the simulation's coordinator is never busy
        }
        if (script.startsWith("crm_resource --wait") || script.startsWith("crm_resource --clear") || script.equals("true")
                || script.equals("systemctl start pacemaker") || script.startsWith("sbd -d ") || script.startsWith("stonith_admin --unfence ")) {
            return Optional.of(new Result(0, "", ""));
        }
        if (script.contains("/proc/sysrq-trigger")) {
            double t0 = SimulatedFailover.now() + 1;
            failover.crash(t0);
            return Optional.of(new Result(0, stamp(t0) + "crashing\n", ""));
        }
        m = HOLD.matcher(script);
        if (m.find()) {
            DemoFault fault = script.contains("/proc/net/bonding/") ? DemoFault.BOND_SLAVE_DOWN : DemoFault.REPLICATION_LINK_DOWN;
            String nics = String.join(" ", cluster.nicsCut(fault).stream().map(n -> n.substring(n.indexOf(' ') + 1)).toList());
            cluster.faultFor(fault, Duration.ofSeconds(Integer.parseInt(m.group(1))));
            return Optional.of(new Result(0, stamp(SimulatedFailover.now()) + "TANDEM-NICS " + nics + "\n", ""));
        }
        m = JOURNAL.matcher(script);
        if (m.find()) {
            return Optional.of(new Result(0, failover.journal(host, Long.parseLong(m.group(1))), ""));
        }
        return Optional.empty();
    }

    /** The line a fault's script prints first: the fault's moment in the host's clock. */
    private static String stamp(double epoch) {
        return STAMP + String.format(Locale.ROOT, "%.6f", epoch) + "\n";
    }
}
