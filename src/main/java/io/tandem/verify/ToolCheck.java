package io.tandem.verify;

import io.tandem.model.Project;
import io.tandem.render.FileSet;

import java.nio.file.Path;
import java.util.List;

/** Checks generated files with a real tool, offline, in a private work directory. */
public interface ToolCheck {

    List<CheckResult> run(Project project, FileSet files, Path workDir);
}
