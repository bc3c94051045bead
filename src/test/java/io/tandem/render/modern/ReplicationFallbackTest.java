package io.tandem.render.modern;

import io.tandem.model.Project;
import io.tandem.plan.Planner;
import io.tandem.plan.ProbeResults;
import io.tandem.plan.Step;
import io.tandem.render.FileSet;
import io.tandem.render.Renderers;
import io.tandem.render.RenderedFile;
import io.tandem.render.SecretPolicy;
import io.tandem.testing.Examples;
import io.tandem.testing.JsonEdit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The replication network's fallback: its files on each node, the step that starts its service, and
 * the script itself run by the real bash against a stand-in {@code ip} (which logs its calls and
 * prints link events) and a stand-in sysfs carrier file, switched while it runs.
 */
class ReplicationFallbackTest {

    @TempDir
    Path dir;

    private static final Project FALLBACK = Examples.read(Examples.VM_LAB);

    @Test
    void eachNodeRunsItForItsOwnBondTowardsThePeer() throws Exception {
        FileSet files = Renderers.render(FALLBACK);
        RenderedFile unit = files.find("node1", ReplicationFallback.UNIT_PATH).orElseThrow();
        assertThat(files.text(unit, SecretPolicy.REVEAL)).contains(
                "ExecStart=/usr/local/sbin/tandem-replication-fallback bond1 192.168.60.12 192.168.50.12 bond0\n", "Restart=always\n",
                "WantedBy=multi-user.target\n");
        assertThat(files.text(files.find("node2", ReplicationFallback.UNIT_PATH).orElseThrow(), SecretPolicy.REVEAL))
                .contains("ExecStart=/usr/local/sbin/tandem-replication-fallback bond1 192.168.60.11 192.168.50.11 bond0\n");
        RenderedFile script = files.find("node2", ReplicationFallback.SCRIPT_PATH).orElseThrow();
        assertThat(script.mode()).isEqualTo(0755);
        assertThat(script.content()).startsWith("#!/bin/bash\n");
        assertThat(files.text(files.find("node1", "/etc/network/interfaces.d/bond1").orElseThrow(), SecretPolicy.REVEAL))
                .contains("    bond-arp-interval 100\n    bond-arp-ip-target 192.168.60.12\n    bond-arp-validate all\n")
                .doesNotContain("bond-miimon");
        assertThat(files.text(files.find("node1", "/etc/network/interfaces.d/bond0").orElseThrow(), SecretPolicy.REVEAL))
                .contains("bond-miimon 100").doesNotContain("route");

        Project without = JsonEdit.of(Examples.VM_LAB).remove("$.networks.replication.fallbackOverClient").project();
        FileSet plain = Renderers.render(without);
        assertThat(plain.find("node1", ReplicationFallback.UNIT_PATH)).isEmpty();
        assertThat(plain.find("node1", ReplicationFallback.SCRIPT_PATH)).isEmpty();
        assertThat(plain.text(plain.find("node1", "/etc/network/interfaces.d/bond1").orElseThrow(), SecretPolicy.REVEAL)).contains("bond-miimon 100")
                .doesNotContain("arp");
    }

    @Test
    void thePlanStartsTheServiceAfterWritingItsFiles() {
        List<String> ids = Planner.candidates(FALLBACK, Renderers.render(FALLBACK), new ProbeResults()).stream().map(Step::id).toList();
        for (String node : List.of("node1", "node2")) {
            String start = "unit:" + ReplicationFallback.UNIT + ":" + node;
            assertThat(ids).contains(start);
            assertThat(ids.indexOf("file:" + node + ":" + ReplicationFallback.UNIT_PATH)).isBetween(0, ids.indexOf(start));
            assertThat(ids.indexOf("file:" + node + ":" + ReplicationFallback.SCRIPT_PATH)).isBetween(0, ids.indexOf(start));
        }
    }

    @Test
    @Timeout(60)
    void theScriptRoutesOverTheClientNetworkWhileTheBondHasNoLinkAndBackAfter() throws Exception {
        Path sysfs = Files.createDirectories(dir.resolve("sys/bond1"));
        Path carrier = Files.writeString(sysfs.resolve("carrier"), "1\n");
        Path calls = dir.resolve("ip-calls");
        Path events = Files.writeString(dir.resolve("events"), "");
        // ip: "-o monitor link" prints each line appended to the events file; "-force -batch -" logs each
        // command line it reads, as does every other call its arguments.
        Path ip = script("ip", """
                #!/bin/bash
                if [ "$1" = -o ]; then echo "$*" > %s.monitor; exec tail -n +1 -f %s; fi
                if [ "$*" = "-force -batch -" ]; then while read -r line; do echo "$line" >> %s; done; exit; fi
                echo "$*" >> %s
                """.formatted(calls, events, calls, calls));
        Path fallback = Files.writeString(dir.resolve("fallback"), ReplicationFallback.script());
        ProcessBuilder builder = new ProcessBuilder("bash", fallback.toString(), "bond1", "192.168.60.12", "192.168.50.12", "bond0")
                .redirectErrorStream(true).redirectOutput(dir.resolve("out").toFile());
        builder.environment().put("TANDEM_IP", ip.toString());
        builder.environment().put("TANDEM_SYSFS", dir.resolve("sys").toString());
        Process process = builder.start();
        try {
            awaitCalls(calls, List.of("route del 192.168.60.12/32 via 192.168.50.12 dev bond0"));
            // The bond's own events only: while it has no link, its NICs' change about 40 times a second.
            Path monitor = Path.of(calls + ".monitor");
            for (int i = 0; i < 200 && !Files.exists(monitor); i++) {
                Thread.sleep(50);
            }
            assertThat(Files.readString(monitor).strip()).isEqualTo("-o monitor link dev bond1");

            Files.writeString(carrier, "0\n");
            Files.writeString(events, "5: bond1: <NO-CARRIER,BROADCAST,MULTICAST,MASTER,UP> mtu 1500 state DOWN\n",
                    java.nio.file.StandardOpenOption.APPEND);
            // The route over the client network, then the bond's neighbour entry for the peer (with any packet it holds) goes.
            awaitCalls(calls, List.of("route del 192.168.60.12/32 via 192.168.50.12 dev bond0",
                    "route replace 192.168.60.12/32 via 192.168.50.12 dev bond0", "neigh flush to 192.168.60.12 dev bond1"));

            // No event this time: the look every 5 seconds still finds it (and says the route again until then).
            Files.writeString(carrier, "1\n");
            awaitCalls(calls, List.of("route del 192.168.60.12/32 via 192.168.50.12 dev bond0",
                    "route replace 192.168.60.12/32 via 192.168.50.12 dev bond0", "neigh flush to 192.168.60.12 dev bond1",
                    "route del 192.168.60.12/32 via 192.168.50.12 dev bond0"));
            int said = Files.readAllLines(calls).size();
            Thread.sleep(5500);
            assertThat(Files.readAllLines(calls)).as("nothing more while the link stays").hasSize(said);

            // ifdown deletes the bond: its carrier file goes before its Deleted event comes. No link, and nothing said about the file.
            Files.delete(carrier);
            Files.writeString(events, "5: bond1: <BROADCAST,MULTICAST,MASTER> mtu 1500 state DOWN\n", java.nio.file.StandardOpenOption.APPEND);
            awaitCalls(calls, List.of("route del 192.168.60.12/32 via 192.168.50.12 dev bond0",
                    "route replace 192.168.60.12/32 via 192.168.50.12 dev bond0", "neigh flush to 192.168.60.12 dev bond1",
                    "route del 192.168.60.12/32 via 192.168.50.12 dev bond0",
                    "route replace 192.168.60.12/32 via 192.168.50.12 dev bond0", "neigh flush to 192.168.60.12 dev bond1"));
            assertThat(Files.readString(dir.resolve("out"))).doesNotContain("No such file");
        } finally {
            process.destroy();
            process.waitFor(10, TimeUnit.SECONDS);
            process.destroyForcibly();
        }
    }

    @Test
    void badArgumentsAreRefusedBeforeAnythingIsRouted() throws Exception {
        Path calls = dir.resolve("ip-calls");
        Path ip = script("ip", "#!/bin/bash\necho \"$*\" >> " + calls + "\n");
        Path fallback = Files.writeString(dir.resolve("fallback"), ReplicationFallback.script());
        ProcessBuilder builder = new ProcessBuilder("bash", fallback.toString(), "bond1;reboot", "192.168.60.12", "192.168.50.12", "bond0")
                .redirectErrorStream(true);
        builder.environment().put("TANDEM_IP", ip.toString());
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(2);
        assertThat(out).contains("usage:");
        assertThat(calls).doesNotExist();
    }

    private Path script(String name, String text) throws IOException {
        Path file = Files.writeString(dir.resolve(name), text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }

    private static void awaitCalls(Path calls, List<String> expected) throws Exception {
        long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        List<String> seen = List.of();
        while (System.nanoTime() < until) {
            seen = Files.exists(calls) ? withoutRepeats(Files.readAllLines(calls)) : List.of();
            if (seen.equals(expected)) {
                return;
            }
            Thread.sleep(50);
        }
        assertThat(seen).isEqualTo(expected);
    }

    /** The calls with each one said again while the link is down counted once: the route and the flush are said again at each look. */
    private static List<String> withoutRepeats(List<String> calls) {
        List<String> distinct = new java.util.ArrayList<>();
        java.util.Set<String> sinceBack = new java.util.HashSet<>();
        for (String call : calls) {
            if (call.startsWith("route del ")) {
                sinceBack.clear();
            } else if (!sinceBack.add(call)) {
                continue;
            }
            distinct.add(call);
        }
        return distinct;
    }
}
