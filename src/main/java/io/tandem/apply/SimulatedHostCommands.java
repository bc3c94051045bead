package io.tandem.apply;

import io.tandem.discovery.FactScript;
import io.tandem.monitor.HostCommands;
import io.tandem.monitor.StatusSource;
import io.tandem.ssh.SshFailure;

import java.time.Duration;
import java.util.List;
import java.util.Map;
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
        if (cluster.faults().contains(DemoFault.NODE_LOST) && !host.equals(cluster.project().cluster().preferredNode())) {
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
        return new Result(127, "", "the demo's hosts do not run: " + script.lines().findFirst().orElse("") + "\n");
    }
}
