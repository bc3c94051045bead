package io.tandem.verify;

import io.tandem.model.Project;
import io.tandem.render.FileSet;
import io.tandem.render.RenderedFile;
import io.tandem.render.Renderers;
import io.tandem.render.SecretPolicy;
import io.tandem.render.modern.CibRenderer;
import io.tandem.render.modern.PacemakerLayoutBuilder;
import io.tandem.render.modern.VirtualIpAgentRenderer;
import io.tandem.testing.Examples;
import io.tandem.testing.RealTools;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tier 2: the rendered {@code ocf:tandem:VirtualIp} run for real in a private network namespace
 * ({@link Sandbox}): a veth pair stands for the client network, c0 with 192.0.2.11/24 (a
 * documentation network) on the node's side, c0p the switch, where a raw socket counts the
 * gratuitous ARPs for the virtual IP. A dummy c1 holds an address of another network. Every
 * {@code agent} line prints "OPERATION EXIT".
 */
class VirtualIpAgentRealToolsTest {

    private static final String PRELUDE = """
            set +e
            ip link set lo up
            ip link add c0 type veth peer name c0p
            ip link set c0 up; ip link set c0p up
            ip addr add 192.0.2.11/24 dev c0
            ip link add c1 type dummy; ip link set c1 up
            ip addr add 198.51.100.11/24 dev c1
            agent() { "$AGENT" "$1" 2>>"$WORK/agent.log" >/dev/null; echo "$1 $?"; }
            where() {
              for dev in c0 c1; do
                ip -o -4 addr show dev $dev | grep -q " 192.0.2.100/24 " && echo "on $dev"
              done
              ip -o -4 addr show | grep -q " 192.0.2.100/" || echo "nowhere"
            }
            # Counts ARP frames whose sender is 192.0.2.100 on the switch side for $1 seconds.
            arps() {
              python3 -c 'import socket, sys, time
            s = socket.socket(socket.AF_PACKET, socket.SOCK_RAW, socket.htons(0x0806)); s.bind(("c0p", 0)); s.settimeout(0.2)
            open(sys.argv[2], "w").close()
            n, end = 0, time.time() + float(sys.argv[1])
            while time.time() < end:
                try: frame = s.recv(128)
                except socket.timeout: continue
                if frame[28:32] == socket.inet_aton("192.0.2.100"): n += 1
            print("arps " + ("some" if n else "none"))' "$1" "$WORK/capturing" &
              while [ ! -e "$WORK/capturing" ]; do sleep 0.05; done
              rm -f "$WORK/capturing"
            }
            export OCF_RESKEY_ip=192.0.2.100 OCF_RESKEY_cidr_netmask=24 OCF_RESKEY_nic=c0
            """;

    private Path agent;

    @BeforeEach
    void tools(@TempDir Path work) throws IOException {
        RealTools.require("ip", "python3", "/usr/libexec/heartbeat/send_arp");
        RealTools.requireSandbox();
        Project project = Examples.read(Examples.VM_LAB_IPMI);
        FileSet files = Renderers.render(project);
        RenderedFile file = files.find(project.nodes().getFirst().name(), VirtualIpAgentRenderer.INSTALLED_PATH).orElseThrow();
        assertThat(file.octalMode()).isEqualTo("0755");
        String cib = files.text(files.files().stream().filter(f -> f.path().equals(CibRenderer.PATH)).findFirst().orElseThrow(),
                SecretPolicy.REDACT);
        assertThat(cib).contains("<primitive id=\"" + PacemakerLayoutBuilder.VIP_ID + "\" class=\"ocf\" provider=\"tandem\" type=\"VirtualIp\">");
        agent = work.resolve("VirtualIp");
        Files.writeString(agent, files.text(file, SecretPolicy.REDACT));
        Files.setPosixFilePermissions(agent, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @Test
    void startAddsAndAnnouncesTheAddressStopRemovesItAndEveryStepIsIdempotent(@TempDir Path work) throws IOException {
        List<String> transcript = run(work, """
                agent monitor; where
                arps 3; agent start; wait; where; agent monitor
                agent start; where
                agent stop; where; agent monitor; agent stop
                """);
        assertThat(transcript).containsExactly(
                "monitor 7", "nowhere",
                "start 0", "arps some", "on c0", "monitor 0",
                "start 0", "on c0",
                "stop 0", "nowhere", "monitor 7", "stop 0");
    }

    @Test
    void withoutANicTheAddressGoesWhereItsNetworkIs(@TempDir Path work) throws IOException {
        List<String> transcript = run(work, """
                unset OCF_RESKEY_nic
                agent start; where; agent monitor; agent stop; where
                OCF_RESKEY_ip=203.0.113.5 agent start
                """);
        assertThat(transcript).containsExactly("start 0", "on c0", "monitor 0", "stop 0", "nowhere",
                // No interface of this node is in 203.0.113.0/24: the address cannot run here.
                "start 5");
        assertThat(Files.readString(work.resolve("agent.log"))).contains("ocf-exit-reason:no interface with an address in 203.0.113.5/24");
    }

    @Test
    void aMissingInterfaceOrIprouteMeansNotRunningHereAndAStopSucceeds(@TempDir Path work) throws IOException {
        List<String> transcript = run(work, """
                OCF_RESKEY_nic=nosuch agent monitor; OCF_RESKEY_nic=nosuch agent start; OCF_RESKEY_nic=nosuch agent stop
                PATH=/nonexistent agent monitor; PATH=/nonexistent agent start; PATH=/nonexistent agent stop
                "$AGENT" 2>/dev/null; echo "no-operation $?"
                agent promote
                "$AGENT" meta-data | head -c 21; echo
                """);
        assertThat(transcript).containsExactly("monitor 7", "start 5", "stop 0", "monitor 7", "start 5", "stop 0",
                "no-operation 2", "promote 3", "<?xml version=\"1.0\"?>");
    }

    @Test
    void hostileParametersAreRejectedBeforeIpRuns(@TempDir Path work) throws IOException {
        List<String> transcript = run(work, """
                mkdir "$WORK/noting"
                printf '#!/bin/sh\\n: > "%s/ip-ran"\\nexec ip "$@"\\n' "$WORK" > "$WORK/noting/ip"
                chmod 755 "$WORK/noting/ip"
                export PATH="$WORK/noting:$PATH"
                for operation in validate-all start stop monitor; do
                  OCF_RESKEY_ip='192.0.2.100;touch $WORK/pwned' agent $operation
                  OCF_RESKEY_cidr_netmask='24 dev lo' agent $operation
                  OCF_RESKEY_nic='c0$(touch $WORK/pwned)' agent $operation
                done
                for value in 256.0.0.1 192.0.2 192.0.2.1.5 .192.0.2 192.0..2 ''; do OCF_RESKEY_ip="$value" agent validate-all; done
                for value in 0 33 x ''; do OCF_RESKEY_cidr_netmask="$value" agent validate-all; done
                ls "$WORK"
                """);
        List<String> rejected = transcript.stream().filter(l -> l.endsWith(" 6")).toList();
        assertThat(rejected).hasSize(4 * 3 + 6 + 4);
        assertThat(transcript).doesNotContain("pwned", "ip-ran");
    }

    private List<String> run(Path work, String steps) throws IOException {
        Path state = Files.createDirectories(work.resolve("rsctmp"));
        Map<String, String> environment = new HashMap<>(Map.of("AGENT", agent.toString(), "WORK", work.toString(),
                "HA_RSCTMP", state.toString()));
        var out = Sandbox.run(Sandbox.unshare().orElseThrow(), PRELUDE + steps, environment, work, Duration.ofMinutes(2));
        assertThat(out.exitCode()).as(out.stderr()).isZero();
        return out.stdout().lines().toList();
    }
}
