package io.tandem.model;

import java.nio.file.Path;
import java.util.List;

/**
 * A project file that cannot be read or written: unreadable, not JSON, wrong types, unknown or
 * missing fields. Carries every problem found, each naming the JSON path.
 */
public final class ProjectFileException extends Exception {

    private final Path file;
    private final List<Problem> problems;

    public ProjectFileException(Path file, List<Problem> problems) {
        super(file + ": " + problems.getFirst().message());
        this.file = file;
        this.problems = List.copyOf(problems);
    }

    public ProjectFileException(Path file, Problem problem) {
        this(file, List.of(problem));
    }

    public Path file() {
        return file;
    }

    public List<Problem> problems() {
        return problems;
    }
}
