package io.tandem.gui;

import io.tandem.model.DemoProject;
import io.tandem.model.Problem;
import io.tandem.model.Project;
import io.tandem.model.ProjectValidator;
import io.tandem.render.FileSet;
import io.tandem.render.RenderedFile;
import io.tandem.render.Renderers;
import io.tandem.render.SecretPolicy;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.ObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * State of the preview screen: the project's generated files (secrets always redacted), the
 * selected file's text and the validation summary. Plain properties: testable without a screen.
 */
public final class PreviewViewModel {

    private final ObservableList<RenderedFile> files = FXCollections.observableArrayList();
    private final ObjectProperty<RenderedFile> selected = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper content = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private FileSet fileSet;

    public PreviewViewModel() {
        selected.addListener((obs, old, file) -> content.set(file == null ? "" : fileSet.text(file, SecretPolicy.REDACT)));
    }

    public void loadDemo() {
        load(DemoProject.load());
    }

    public void load(Project project) {
        var problems = ProjectValidator.validate(project);
        long errors = problems.stream().filter(Problem::isError).count();
        if (errors > 0) {
            fileSet = null;
            files.clear();
            summary.set(project.clusterName() + ": " + errors + " error(s); fix them to see the generated files.");
            return;
        }
        fileSet = Renderers.render(project);
        files.setAll(fileSet.files());
        summary.set("Cluster " + project.clusterName() + ": " + project.nodes().size() + " nodes, virtual IP "
                + project.networks().client().virtualIp() + ", " + project.target().luns().size() + " LUN(s), "
                + files.size() + " generated files, " + (problems.size()) + " warning(s).");
        selected.set(files.isEmpty() ? null : files.getFirst());
    }

    public ObservableList<RenderedFile> files() {
        return files;
    }

    public ObjectProperty<RenderedFile> selectedProperty() {
        return selected;
    }

    public ReadOnlyStringProperty contentProperty() {
        return content.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** How a file is listed: host and path. */
    public static String label(RenderedFile file) {
        return file.host() + ":" + file.path();
    }
}
