package io.tandem.verify;

import io.tandem.model.Project;
import io.tandem.render.FileSet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Runs every real-tool check in a private (0700) temporary directory that is removed afterwards. */
public final class RealToolChecks {

    private RealToolChecks() {
    }

    /**
     * Every check of the generated files by a real tool, or where no tool can judge a file offline
     * (iscsid.conf, initiatorname.iscsi, modules-load.d, sysctl.d, /etc/default/sbd) by a reader that reads it
     * as its program does. Each one
     * also compares what the tool read with the project, so a file that parses but says something
     * else fails too.
     */
    public static List<ToolCheck> all() {
        return List.of(new DrbdConfigCheck(), new CorosyncConfigCheck(), new PacemakerCheck(), new FenceAgentCheck(),
                new ResourceAgentCheck(), new NetplanCheck(), new IfupdownCheck(), new ChronyCheck(), new HostsCheck(),
                new OpenIscsiFilesCheck(), new FstabCheck(), new ModulesLoadCheck(), new SysctlCheck(), new SbdConfigCheck(), new SystemdDropInCheck(), new ClusterConsistencyCheck(),
                new PcsScriptCheck());
    }

    public static List<CheckResult> run(Project project, FileSet files) throws IOException {
        return run(project, files, all());
    }

    public static List<CheckResult> run(Project project, FileSet files, List<ToolCheck> checks) throws IOException {
        // The files hold real secrets while being checked: nobody else may read them.
        Path work = Files.createTempDirectory("tandem-check-", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        try {
            List<CheckResult> results = new ArrayList<>();
            for (ToolCheck check : checks) {
                results.addAll(check.run(project, files, work));
            }
            return results;
        } finally {
            try (Stream<Path> walk = Files.walk(work)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }
}
