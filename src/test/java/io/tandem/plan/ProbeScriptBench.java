package io.tandem.plan;

import io.tandem.model.Project;
import io.tandem.render.FileSet;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Benchmark (mvn -Pbench test -Dtest=ProbeScriptBench, as root): the probe script {@code tandem plan}
 * sends to each host of the VM-lab projects, run on a {@link ConvergedHost} under strace. Prints per
 * host the probes, the processes the script starts and the programs it executes (on the VM lab each
 * costs 0.1–0.4 s, issue 11), and the wall time here. {@code -Dbench.dir=DIR} keeps each sandbox (script, output, strace log).
 */
@Tag("bench")
class ProbeScriptBench {

    @TempDir
    Path dir;

    @Test
    void convergedVmLab() throws Exception {
        ConvergedHost.require();
        Path base = System.getProperty("bench.dir") == null ? dir : Path.of(System.getProperty("bench.dir"));
        for (Project project : List.of(PlanFixtures.vmLab(), PlanFixtures.vmLabSbd())) {
            for (var host : scripts(project).entrySet()) {
                Path sandbox = Files.createDirectories(base.resolve(project.cluster().stonith().type() + "-" + host.getKey()));
                ConvergedHost.Count count = ConvergedHost.run(project, PlanFixtures.render(project), host.getKey(), host.getValue().script(), sandbox);
                System.out.printf("ProbeScriptBench: %-6s %-7s probes %3d  processes %3d  execs %3d  wall %4d ms  script %5d bytes%n",
                        project.cluster().stonith().type(), host.getKey(), host.getValue().probes(), count.processes(), count.execs(),
                        count.wallMillis(), host.getValue().script().length());
            }
        }
    }

    record HostScript(int probes, String script) {
    }

    /** Each host's probe script for the plan of {@code project}, as ProbeRunner sends it. */
    static Map<String, HostScript> scripts(Project project) {
        FileSet files = PlanFixtures.render(project);
        Map<String, HostScript> out = new java.util.LinkedHashMap<>();
        Planner.probes(Planner.candidates(project, files, new ProbeResults()))
                .forEach((host, probes) -> out.put(host, new HostScript(probes.size(), ProbeScript.script(probes, "0123456789ab"))));
        return out;
    }
}
