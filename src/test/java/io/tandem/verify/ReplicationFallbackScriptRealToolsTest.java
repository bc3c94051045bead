package io.tandem.verify;

import io.tandem.model.NetworkRole;
import io.tandem.model.Node;
import io.tandem.model.Project;
import io.tandem.render.FileSet;
import io.tandem.render.RenderedFile;
import io.tandem.render.Renderers;
import io.tandem.render.SecretPolicy;
import io.tandem.render.modern.ReplicationFallback;
import io.tandem.testing.Examples;
import io.tandem.testing.RealTools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tier 2: the rendered replication fallback script run with the real {@code ip} and sysfs in a
 * private network namespace ({@link Sandbox}, with its own sysfs mounted). A veth pair stands for
 * the replication bond: taking its far end (the "switch") down takes the bond's carrier, as a cut
 * cable does. The node's addresses and arguments are the VM lab example's, read from its unit.
 */
class ReplicationFallbackScriptRealToolsTest {

    private static final Pattern MS = Pattern.compile(" after (\\d+) ms$");

    @Test
    void aCutReplicationLinkRoutesThePeerOverTheClientNetworkUntilItIsBackAndAStopLeavesNoRoute(@TempDir Path work)
            throws IOException {
        RealTools.require("ip", "bash");
        RealTools.requireSandbox();
        Project project = Examples.read(Examples.VM_LAB_IPMI);
        Node node = project.nodes().getFirst();
        ReplicationFallback fallback = ReplicationFallback.of(project, node).orElseThrow();
        FileSet files = Renderers.render(project);
        RenderedFile script = files.find(node.name(), ReplicationFallback.SCRIPT_PATH).orElseThrow();
        Files.writeString(work.resolve("fallback"), files.text(script, SecretPolicy.REDACT));
        String unit = files.text(files.find(node.name(), ReplicationFallback.UNIT_PATH).orElseThrow(), SecretPolicy.REDACT);
        String arguments = String.join(" ", fallback.bond(), fallback.arpTarget(), fallback.via(), fallback.client());
        assertThat(unit).contains("ExecStart=" + ReplicationFallback.SCRIPT_PATH + " " + arguments + "\n");

        var out = Sandbox.run(Sandbox.unshare().orElseThrow(), """
                set +e
                mount -t sysfs sysfs /sys
                ip link set lo up
                route() { ip -o route show "$PEER/32"; }
                # Prints how long until the peer's host route is (or is no longer) there.
                until_route() {
                  start=$(date +%s%N)
                  for _ in $(seq 400); do
                    now=$(route)
                    if { [ "$1" = present ] && [ -n "$now" ]; } || { [ "$1" = absent ] && [ -z "$now" ]; }; then
                      echo "$1: $now after $(( ($(date +%s%N) - start) / 1000000 )) ms"; return
                    fi
                    sleep 0.02
                  done
                  echo "never $1"
                }
                # Whether the bond's neighbour entry for the peer is deleted (at the script's next look, every 5 s).
                until_neighbour_gone() {
                  for _ in $(seq 400); do
                    [ -z "$(ip neigh show to "$PEER" dev "$BOND")" ] && { echo "neighbour gone"; return; }
                    sleep 0.02
                  done
                  echo "neighbour kept: $(ip neigh show to "$PEER" dev "$BOND")"
                }
                # A bond as ifup makes it: a veth whose far end, the switch, can be taken down.
                bond() {
                  ip link add "$BOND" type veth peer name sw1
                  ip link set sw1 up; ip link set "$BOND" up
                  ip addr add "$OWN_REPLICATION" dev "$BOND"
                }
                # Started before the node's network is up, as apply does.
                bash "$WORK/fallback" "$BOND" "$PEER" "$VIA" "$CLIENT" 2>"$WORK/journal" &
                pid=$!
                sleep 0.5
                ip link add "$CLIENT" type veth peer name sw0
                ip link set sw0 up; ip link set "$CLIENT" up
                ip addr add "$OWN_CLIENT" dev "$CLIENT"
                bond
                sleep 2
                echo "linked: $(route)"
                ip link set sw1 down; until_route present
                # An entry for the peer on the bond, as one that holds a packet sent just before the route moved.
                ip neigh replace "$PEER" dev "$BOND" lladdr 02:00:00:00:00:01 nud stale
                until_neighbour_gone
                ip link set sw1 up; until_route absent
                # ifdown deletes the bond, ifup makes it anew: still followed, by one monitor.
                ip link del "$BOND"; sleep 0.5; bond; sleep 1.5
                echo "ip processes: $(pgrep -c -P "$pid" -x ip)"
                ip link set sw1 down; until_route present
                kill -TERM "$pid"; wait "$pid"; echo "stopped $?: $(route)"
                """, Map.of("WORK", work.toString(), "BOND", fallback.bond(), "CLIENT", fallback.client(),
                "PEER", fallback.arpTarget(), "VIA", fallback.via(),
                "OWN_REPLICATION", node.address(NetworkRole.REPLICATION) + "/" + project.networks().replication().prefixLength(),
                "OWN_CLIENT", node.address(NetworkRole.CLIENT) + "/" + project.networks().client().prefixLength()), work, Duration.ofMinutes(1));
        assertThat(out.exitCode()).as(out.stderr()).isZero();
        String route = fallback.arpTarget() + " via " + fallback.via() + " dev " + fallback.client();
        List<String> lines = out.stdout().lines().map(line -> MS.matcher(line).replaceFirst("").strip()).toList();
        // Two ip processes: the one that routes and the one monitor of the bond (the deleted bond's was ended).
        assertThat(lines).containsExactly("linked:", "present: " + route, "neighbour gone", "absent:", "ip processes: 2", "present: " + route,
                "stopped 0:");
        assertThat(Files.readString(work.resolve("journal")))
                .contains(fallback.bond() + " has no link: " + fallback.arpTarget() + " over " + fallback.client() + " through " + fallback.via())
                .contains("waiting for " + fallback.bond())
                .contains(fallback.bond() + " has a link: " + fallback.arpTarget() + " over " + fallback.bond())
                .doesNotContain("RTNETLINK");
    }
}
