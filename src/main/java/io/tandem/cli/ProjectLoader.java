package io.tandem.cli;

import io.tandem.model.Problem;
import io.tandem.model.Project;
import io.tandem.model.ProjectFile;
import io.tandem.model.ProjectFileException;
import io.tandem.model.ProjectValidator;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/** Reads a project for a command, printing file problems the same way for every command. */
final class ProjectLoader {

    private ProjectLoader() {
    }

    static Project read(Path file, PrintWriter err) {
        try {
            return ProjectFile.read(file);
        } catch (ProjectFileException e) {
            err.println("Cannot read project " + file + ":");
            e.problems().forEach(p -> err.println("  " + p.describe()));
            throw new UserError(e.problems().size() + " problem(s) in " + file, ExitCodes.BAD_INPUT);
        }
    }

    static List<Problem> validate(Project project) {
        return ProjectValidator.validate(project);
    }

    static void print(List<Problem> problems, PrintWriter out) {
        problems.forEach(p -> out.println(p.describe()));
    }

    static String counts(List<Problem> problems) {
        long errors = problems.stream().filter(Problem::isError).count();
        return errors + " error(s), " + (problems.size() - errors) + " warning(s)";
    }
}
