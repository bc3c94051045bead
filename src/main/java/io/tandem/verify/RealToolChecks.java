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

    public static List<ToolCheck> all() {
        return List.of(new DrbdConfigCheck(), new CorosyncConfigCheck(), new PacemakerCheck(), new FenceAgentCheck());
    }

    public static List<CheckResult> run(Project project, FileSet files) throws IOException {
        // The files hold real secrets while being checked: nobody else may read them.
        Path work = Files.createTempDirectory("tandem-check-", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        try {
            List<CheckResult> results = new ArrayList<>();
            for (ToolCheck check : all()) {
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
