package io.tandem.gui.wizard;

import io.tandem.export.AuditExporter;
import io.tandem.model.Problem;
import io.tandem.model.Project;
import io.tandem.model.ProjectValidator;
import io.tandem.render.FileSet;
import io.tandem.render.RenderedFile;
import io.tandem.render.Renderers;
import io.tandem.render.SecretPolicy;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.util.List;

/**
 * Step 9: everything that will be done, as files per host with secrets masked; export of the
 * audit bundle; Apply comes with the apply engine.
 */
public final class ReviewStep extends StepViewModel {

    public static final String APPLY_LATER = "Apply will write these files to the hosts, install the packages and build the "
            + "cluster step by step, with typed confirmations for anything destructive. It arrives with the apply engine.";

    private final ObservableList<RenderedFile> files = FXCollections.observableArrayList();
    private final ObjectProperty<RenderedFile> selected = new SimpleObjectProperty<>();
    private final StringProperty content = new SimpleStringProperty("");
    private final StringProperty summary = new SimpleStringProperty("");
    private final StringProperty exportDirectory = new SimpleStringProperty(System.getProperty("user.home") + "/tandem-audit");
    private final StringProperty exportStatus = new SimpleStringProperty("");
    private FileSet fileSet;
    private Project project;
    private List<Problem> warnings = List.of();

    ReviewStep(WizardViewModel wizard) {
        super(wizard, "Review");
        selected.addListener((obs, old, file) -> content.set(file == null || fileSet == null ? "" : fileSet.text(file, SecretPolicy.REDACT)));
    }

    @Override
    protected List<String> paths() {
        return List.of("$");
    }

    @Override
    public void enter() {
        super.enter();
        render();
    }

    /** Renders the project as it stands; errors are listed instead of files. */
    public void render() {
        project = wizard.draft().toProject().project();
        List<Problem> problems = wizard.draft().problems();
        if (project == null || ProjectValidator.hasErrors(problems)) {
            fileSet = null;
            files.clear();
            summary.set("Fix these first:\n" + String.join("\n", problems.stream().filter(Problem::isError).map(Problem::describe).toList()));
            return;
        }
        warnings = problems;
        fileSet = Renderers.render(project);
        files.setAll(fileSet.files());
        summary.set(files.size() + " files for " + fileSet.hosts().size() + " hosts; " + problems.size() + " warning(s)"
                + (wizard.isDemo() ? ". Demo cluster: nothing here touches a real server." : "."));
        selected.set(files.isEmpty() ? null : files.getFirst());
    }

    /** Writes the audit bundle (secrets redacted) in the background. */
    public void export() {
        if (fileSet == null) {
            exportStatus.set("Nothing to export: the project has errors.");
            return;
        }
        Path out = Path.of(exportDirectory.get());
        Project p = project;
        FileSet f = fileSet;
        List<Problem> w = warnings;
        exportStatus.set("Exporting…");
        wizard.background().run(() -> new AuditExporter().export(p, f, w, out, SecretPolicy.REDACT, false),
                result -> exportStatus.set("Exported " + result.fileCount() + " files to " + result.directory() + " (secrets redacted)."),
                failure -> exportStatus.set("Export failed: " + failure.getMessage()));
    }

    public ObservableList<RenderedFile> files() {
        return files;
    }

    public ObjectProperty<RenderedFile> selectedProperty() {
        return selected;
    }

    public StringProperty contentProperty() {
        return content;
    }

    public StringProperty summaryProperty() {
        return summary;
    }

    public StringProperty exportDirectoryProperty() {
        return exportDirectory;
    }

    public StringProperty exportStatusProperty() {
        return exportStatus;
    }
}
