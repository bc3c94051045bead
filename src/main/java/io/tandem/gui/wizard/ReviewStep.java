package io.tandem.gui.wizard;

import io.tandem.discovery.HostFacts;
import io.tandem.export.AuditExporter;
import io.tandem.plan.FileChange;
import io.tandem.model.Problem;
import io.tandem.model.Project;
import io.tandem.model.ProjectValidator;
import io.tandem.render.FileSet;
import io.tandem.render.RenderedFile;
import io.tandem.render.Renderers;
import io.tandem.render.SecretPolicy;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Step 9: everything that will be done, as files per host with secrets masked, each compared with
 * the file on its host as discovered (new, changed, unchanged, unknown) with a line diff; export of
 * the audit bundle; the plan Apply runs ({@link PlanReview}).
 */
public final class ReviewStep extends StepViewModel {


    private final ObservableList<RenderedFile> files = FXCollections.observableArrayList();
    private final ObjectProperty<RenderedFile> selected = new SimpleObjectProperty<>();
    private final StringProperty content = new SimpleStringProperty("");
    private final StringProperty summary = new SimpleStringProperty("");
    private final StringProperty exportDirectory = new SimpleStringProperty(Path.of(System.getProperty("user.home"), "tandem-audit").toString());
    private final StringProperty exportStatus = new SimpleStringProperty("");
    private final Map<RenderedFile, FileChange> changes = new HashMap<>();
    /** The hosts the changes were compared with, by name; kept with them until the next render. */
    private Map<String, HostFacts> compared = Map.of();
    private final BooleanProperty showChanges = new SimpleBooleanProperty(false);
    private final BooleanProperty changesAvailable = new SimpleBooleanProperty(false);
    private final StringProperty changesTitle = new SimpleStringProperty("Changes");
    private final StringProperty changesNote = new SimpleStringProperty("");
    private final ObservableList<DiffRow> diffRows = FXCollections.observableArrayList();
    private FileSet fileSet;
    private Project project;
    private List<Problem> warnings = List.of();
    private final PlanReview planReview;
    private final StringProperty fullSummary = new SimpleStringProperty("");

    ReviewStep(WizardViewModel wizard) {
        super(wizard, "Review");
        planReview = new PlanReview(wizard);
        selected.addListener((obs, old, file) -> showSelected(file));
    }

    @Override
    protected List<String> paths() {
        return List.of("$");
    }

    @Override
    public void enter() {
        super.enter();
        render();
        if (fileSet != null) {
            fullSummary.set(AuditExporter.summary(project, fileSet, warnings));
            planReview.plan(project, warnings);
        }
    }

    /** The plan of what Apply will do, with its confirmations and whether Apply may be pressed. */
    public PlanReview plan() {
        return planReview;
    }

    public boolean wizardIsDemo() {
        return wizard.isDemo();
    }

    /** The text of the audit bundle's SUMMARY.md. */
    public StringProperty fullSummaryProperty() {
        return fullSummary;
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
        compareWithHosts();
        files.setAll(fileSet.files());
        summary.set(files.size() + " files for " + fileSet.hosts().size() + " hosts; " + problems.size() + " warning(s). "
                + "Against the hosts as discovered: " + count(FileChange.Status.NEW) + " new, " + count(FileChange.Status.CHANGED)
                + " changed, " + count(FileChange.Status.UNCHANGED) + " unchanged, " + count(FileChange.Status.UNKNOWN) + " unknown"
                + (wizard.isDemo() ? ". Demo cluster: nothing here touches a real server." : "."));
        selected.set(null); // an equal file from the last rendering must still refresh the views
        selected.set(files.isEmpty() ? null : files.getFirst());
    }

    /** Each rendered file against its host's file as discovered. */
    private void compareWithHosts() {
        changes.clear();
        compared = discoveredByHost();
        for (RenderedFile file : fileSet.files()) {
            HostFacts facts = compared.get(file.host());
            changes.put(file, facts != null ? FileChange.against(fileSet, file, facts.files()) : FileChange.unknown(file, unknownReason(file)));
        }
    }

    /** What discovery found per host name: nodes and clients are found by their place in the project. */
    private Map<String, HostFacts> discoveredByHost() {
        Map<String, HostFacts> byName = new HashMap<>();
        for (int n = 0; n < project.nodes().size(); n++) {
            HostFacts facts = wizard.facts().get(NodesStep.key(n));
            if (facts != null) {
                byName.put(project.nodes().get(n).name(), facts);
            }
        }
        InitiatorsStep initiators = wizard.step(InitiatorsStep.class);
        for (int i = 0; i < project.initiators().size() && i < initiators.count(); i++) {
            HostFacts facts = initiators.login(i).factsProperty().get();
            if (facts != null) {
                byName.put(project.initiators().get(i).name(), facts);
            }
        }
        return byName;
    }

    private String unknownReason(RenderedFile file) {
        if (file.host().equals(RenderedFile.CLUSTER)) {
            return "a cluster-wide file: it goes to Pacemaker or the shared volume, not to one host's disk";
        }
        boolean node = project.nodes().stream().anyMatch(n -> n.name().equals(file.host()));
        return file.host() + " has not been discovered (step " + (node ? "Nodes" : "Initiators") + ")";
    }

    private long count(FileChange.Status status) {
        return changes.values().stream().filter(c -> c.status() == status).count();
    }

    private void showSelected(RenderedFile file) {
        FileChange change = file == null ? null : changes.get(file);
        content.set(file == null || fileSet == null ? "" : fileSet.text(file, SecretPolicy.REDACT));
        diffRows.setAll(change == null ? List.of() : change.diff().map(DiffRow::of).orElse(List.of()));
        changesAvailable.set(change != null && change.status() != FileChange.Status.UNKNOWN);
        changesTitle.set(change == null ? "Changes" : "Changes against " + file.host() + discoveredAt(file));
        changesNote.set(change == null ? "" : switch (change.status()) {
            case NEW -> "Not on " + file.host() + " yet: every line is new.";
            case UNCHANGED -> "Already on " + file.host() + " exactly like this: nothing to change.";
            case CHANGED -> change.label().substring(0, 1).toUpperCase() + change.label().substring(1) + " lines"
                    + (file.placement() == io.tandem.render.Placement.WHOLE_FILE ? "." : "; " + file.placement().description() + ".");
            case UNKNOWN -> "No comparison: " + change.reason() + ".";
        } + (change != null && change.status() != FileChange.Status.UNKNOWN ? " Secrets show as {masked:…}: the same code on both sides "
                + "means the same secret (codes are valid in this session only)." : ""));
    }

    private String discoveredAt(RenderedFile file) {
        HostFacts facts = compared.get(file.host());
        return facts == null ? "" : " (as discovered at "
                + DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneId.systemDefault()).format(facts.discoveredAt()) + ")";
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

    /** The comparison of a listed file with its host's file; unknown before rendering. */
    public FileChange change(RenderedFile file) {
        FileChange change = changes.get(file);
        return change != null ? change : FileChange.unknown(file, "not rendered");
    }

    /** True: the changes view; false: the full rendered file. */
    public BooleanProperty showChangesProperty() {
        return showChanges;
    }

    /** False when there is nothing to compare the selected file with. */
    public BooleanProperty changesAvailableProperty() {
        return changesAvailable;
    }

    public StringProperty changesTitleProperty() {
        return changesTitle;
    }

    public StringProperty changesNoteProperty() {
        return changesNote;
    }

    public ObservableList<DiffRow> diffRows() {
        return diffRows;
    }

    public StringProperty exportDirectoryProperty() {
        return exportDirectory;
    }

    public StringProperty exportStatusProperty() {
        return exportStatus;
    }
}
