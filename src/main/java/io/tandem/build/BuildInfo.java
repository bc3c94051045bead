package io.tandem.build;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.Properties;

/**
 * Which Tandem this is: the version and build date Maven filled in ({@code build.properties}) and
 * the commit git-commit-id recorded ({@code git.properties}, absent when built from a source tree
 * without .git). Shown by {@code tandem --version} and Help → About.
 *
 * @param version  the Maven version, e.g. 0.1.0-SNAPSHOT; "development build" when run from
 *                 classes Maven did not build
 * @param commit   the abbreviated commit id, when known
 * @param commitDate the commit's date (yyyy-MM-dd, UTC), when known
 * @param localChanges whether the working tree had uncommitted changes at build time
 * @param built    when the jar was built (yyyy-MM-dd HH:mm, UTC), when known
 */
public record BuildInfo(String version, Optional<String> commit, Optional<String> commitDate, boolean localChanges,
                        Optional<String> built) {

    static final String BUILD_RESOURCE = "/io/tandem/build/build.properties";
    static final String GIT_RESOURCE = "/io/tandem/build/git.properties";

    /** This build's, from the class path. */
    public static BuildInfo current() {
        return of(read(BUILD_RESOURCE), read(GIT_RESOURCE));
    }

    /** From the two property files (an empty one for a file that is not there). */
    static BuildInfo of(Properties build, Properties git) {
        return new BuildInfo(value(build, "version").orElse("development build"), value(git, "git.commit.id.abbrev"),
                value(git, "git.commit.time"), Boolean.parseBoolean(git.getProperty("git.dirty")), value(build, "built"));
    }

    /** One line: {@code Tandem 0.1.0 (commit 0c958eb47d of 2026-12-02, built 2026-12-02 05:44 UTC)}. */
    public String line() {
        return "Tandem " + version + " (" + commitWords() + built.map(b -> ", built " + b + " UTC").orElse("") + ")";
    }

    /** "commit ID of DATE" (with local changes), or "unknown commit". */
    public String commitWords() {
        return commit.map(c -> "commit " + c + commitDate.map(d -> " of " + d).orElse("") + (localChanges ? " with local changes" : ""))
                .orElse("unknown commit");
    }

    private static Optional<String> value(Properties properties, String key) {
        String value = properties.getProperty(key, "").strip();
        // An unfiltered placeholder means Maven did not fill the file in: nothing is known.
        return value.isEmpty() || value.startsWith("${") ? Optional.empty() : Optional.of(value);
    }

    private static Properties read(String resource) {
        Properties properties = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream(resource)) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource + " from the jar", e);
        }
        return properties;
    }
}
