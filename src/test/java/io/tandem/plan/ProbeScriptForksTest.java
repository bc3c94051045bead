package io.tandem.plan;

import io.tandem.model.Project;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 11: planning a converged cluster must stay fast on emulated hosts, where each process a
 * probe script starts costs 0.1–0.4 s. The scripts of the VM-lab projects, run on a
 * {@link ConvergedHost} under strace, start at most this many processes per host (measured: 28 on
 * an SBD node here, where sysfs has no size for the fake disks, pcsd has a SysV script and the fake
 * disks carry no DRBD signature, so each also gets the one {@code cmp} of its first 128 KiB that a
 * real converged node skips; 10 on the client; before the shared reads 122 and 21).
 */
class ProbeScriptForksTest {

    static final int NODE_BOUND = 30;
    static final int CLIENT_BOUND = 12;

    @TempDir
    Path dir;

    @Test
    void theConvergedPlansProbeScriptsStartFewProcesses() throws Exception {
        ConvergedHost.require();
        for (Project project : List.of(PlanFixtures.vmLab(), PlanFixtures.vmLabSbd())) {
            for (var host : ProbeScriptBench.scripts(project).entrySet()) {
                Path sandbox = Files.createDirectories(dir.resolve(project.cluster().stonith().type() + "-" + host.getKey()));
                ConvergedHost.Count count = ConvergedHost.run(project, PlanFixtures.render(project), host.getKey(), host.getValue().script(), sandbox);
                int bound = host.getKey().equals("client") ? CLIENT_BOUND : NODE_BOUND;
                assertTrue(count.processes() <= bound, project.clusterName() + " " + project.cluster().stonith().type() + " " + host.getKey()
                        + ": " + count.processes() + " processes, bound " + bound + " (strace log: " + sandbox.resolve("strace.log") + ")");
                assertTrue(count.processes() > 3, "the count must see the script's processes at all: " + count);
            }
        }
    }
}
