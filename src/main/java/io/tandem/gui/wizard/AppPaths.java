package io.tandem.gui.wizard;

import java.nio.file.Path;

/** Where the app keeps its own files: recent projects and the autosaved draft. */
public record AppPaths(Path recentFile, Path autosaveFile) {

    public static AppPaths forCurrentUser() {
        Path home = Path.of(System.getProperty("user.home"));
        return new AppPaths(home.resolve(".config/tandem/recent-projects"), home.resolve(".local/state/tandem/draft.tandem.json"));
    }

    public static AppPaths under(Path dir) {
        return new AppPaths(dir.resolve("recent-projects"), dir.resolve("draft.tandem.json"));
    }
}
