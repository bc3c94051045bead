package io.tandem.gui.wizard;

import java.nio.file.Path;

/**
 * Where the app keeps its own files: recent projects, the autosaved draft, and the state folder
 * that holds each project's apply journal ({@link io.tandem.apply.StateDirectory}).
 */
public record AppPaths(Path recentFile, Path autosaveFile, Path stateBase) {

    public static AppPaths forCurrentUser() {
        Path home = Path.of(System.getProperty("user.home"));
        return new AppPaths(home.resolve(".config/tandem/recent-projects"), home.resolve(".local/state/tandem/draft.tandem.json"),
                io.tandem.apply.StateDirectory.base());
    }

    public static AppPaths under(Path dir) {
        return new AppPaths(dir.resolve("recent-projects"), dir.resolve("draft.tandem.json"), dir.resolve("state"));
    }

    /** The apply journal of the project saved at {@code projectFile}. */
    public Path journal(Path projectFile, String clusterName) {
        return io.tandem.apply.StateDirectory.of(stateBase, projectFile, clusterName).resolve("journal.jsonl");
    }

    /** How the user logged in to the hosts of the project saved at {@code projectFile} (method and key file, no password). */
    public Path logins(Path projectFile, String clusterName) {
        return io.tandem.apply.StateDirectory.of(stateBase, projectFile, clusterName).resolve("logins.json");
    }

    /** Where the monitoring view keeps the project's event log and when each node was last Primary and serving. */
    public io.tandem.gui.home.HomeViewModel.Store monitorStore(Path projectFile, String clusterName) {
        Path dir = io.tandem.apply.StateDirectory.of(stateBase, projectFile, clusterName);
        return new io.tandem.gui.home.HomeViewModel.Store(dir.resolve("events.jsonl"), dir.resolve("sides.json"));
    }

    /** Where the failover tests' reports of a project go (as tandem failover-test writes them); the demo's under the demo's folder. */
    public Path failoverReports(Path projectFile, String clusterName) {
        return (projectFile == null ? stateBase.resolve("demo") : io.tandem.apply.StateDirectory.of(stateBase, projectFile, clusterName))
                .resolve("failover-tests");
    }

    /** The demo cluster's journal: its simulated hosts exist only while the app runs, so it starts afresh with each demo. */
    public Path demoJournal() {
        return stateBase.resolve("demo").resolve("journal.jsonl");
    }
}
