package io.tandem.gui.wizard;

import io.tandem.discovery.HostConnector;
import io.tandem.discovery.HostFacts;
import io.tandem.files.AtomicFile;
import io.tandem.gui.Background;
import io.tandem.gui.Dialogs;
import io.tandem.model.DemoProject;
import io.tandem.model.Problem;
import io.tandem.model.ProjectDraft;
import io.tandem.model.ProjectFileException;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The whole wizard's state: the draft project, its steps, where the user is, what was discovered,
 * and whether there are unsaved changes. Holds no JavaFX nodes; tested without a screen.
 */
public final class WizardViewModel {

    private final Background background;
    private final Dialogs dialogs;
    private final AppPaths paths;
    private final ProjectDraft draft;
    private final List<StepViewModel> steps = new ArrayList<>();
    private final IntegerProperty current = new SimpleIntegerProperty(0);
    private final BooleanProperty dirty = new SimpleBooleanProperty(false);
    private final BooleanProperty started = new SimpleBooleanProperty(false);
    private final ObjectProperty<Path> file = new SimpleObjectProperty<>();
    private final ObjectProperty<HostConnector> connector = new SimpleObjectProperty<>();
    private final ObservableMap<String, HostFacts> facts = FXCollections.observableHashMap();
    private final ObservableList<Problem> problems = FXCollections.observableArrayList();
    private final ObservableList<Path> recent = FXCollections.observableArrayList();
    private final HostConnector realHosts;
    private final HostConnector demoHosts;
    private long savedRevision;
    private io.tandem.ssh.HostKeyStore hostKeys = io.tandem.ssh.HostKeyStore.forCurrentUser();
    private final BooleanBinding canGoNext;

    /** What the window shows: the wizard, the apply running, or the cluster's home screen. */
    public enum Screen { WIZARD, APPLY, HOME }

    private final ObjectProperty<Screen> screen = new SimpleObjectProperty<>(Screen.WIZARD);
    private final ObjectProperty<io.tandem.gui.apply.ApplyViewModel> apply = new SimpleObjectProperty<>();
    private final ObjectProperty<io.tandem.gui.home.HomeViewModel> home = new SimpleObjectProperty<>();
    private final BooleanProperty applied = new SimpleBooleanProperty(false);
    private io.tandem.apply.SimulatedCluster demoCluster;
    private double demoPace = 1.0;

    public WizardViewModel(Background background, Dialogs dialogs, AppPaths paths, HostConnector realHosts, HostConnector demoHosts) {
        this.background = background;
        this.dialogs = dialogs;
        this.paths = paths;
        this.realHosts = realHosts;
        this.demoHosts = demoHosts;
        // Empty until a project is chosen: nothing to parse or validate before the first window.
        this.draft = ProjectDraft.empty();
        connector.set(realHosts);
        steps.add(new WelcomeStep(this));
        steps.add(new NodesStep(this));
        steps.add(new NetworkStep(this));
        steps.add(new DisksStep(this));
        steps.add(new ReplicationStep(this));
        steps.add(new ClusterStep(this));
        steps.add(new TargetStep(this));
        steps.add(new InitiatorsStep(this));
        steps.add(new ReviewStep(this));
        canGoNext = Bindings.createBooleanBinding(() -> current.get() < steps.size() - 1 && steps.get(current.get()).isValid(),
                current, steps.get(0).validProperty(), steps.get(1).validProperty(), steps.get(2).validProperty(),
                steps.get(3).validProperty(), steps.get(4).validProperty(), steps.get(5).validProperty(), steps.get(6).validProperty(),
                steps.get(7).validProperty(), steps.get(8).validProperty());
        loadRecent();
        steps.getFirst().refresh(List.of());
        steps.getFirst().enter();
        updateStates();
    }

    // ---- starting points

    /** A new project from safe defaults, with fresh secrets; the hosts are real servers. */
    public void startNew() {
        draft.replaceWith(DemoProject.withFreshSecrets());
        Templates.clearSiteSpecificValues(draft);
        begin(realHosts, null);
    }

    /** The built-in demo cluster: simulated hosts, everything prefilled; marked so that it stays a demo when saved. */
    public void startDemo() {
        draft.replaceWith(DemoProject.withFreshSecrets());
        draft.set(DEMO, true);
        begin(demoHosts, null);
        demoSaveDecided = false;
    }

    /**
     * The demo as if its setup had been applied: the simulated servers hold the whole cluster, and
     * the monitoring view opens on it (with the menu of problems to simulate). Edit setup leads
     * back to the demo's steps, all walked.
     */
    public void startDemoMonitoring() {
        startDemo();
        io.tandem.model.Project project = draft.toProject().project();
        if (project == null) {
            return;
        }
        steps.forEach(StepViewModel::enter); // as if walked: Edit setup opens Review
        demoCluster = io.tandem.apply.SimulatedCluster.applied(project, demoPace);
        showHome();
    }

    /** Where a saved demo says it is one ({@code "demo": true}): it reopens with the simulated hosts. */
    private static final String DEMO = "$.demo";
    /** Whether the user has said how this demo is saved (a demo opened from its file has been). */
    private boolean demoSaveDecided = true;

    /**
     * Opens a project file (complete or not); problems reading it are returned, nothing else
     * changes. A saved demo opens as the demo: Discover never connects to its addresses.
     */
    public List<Problem> open(Path path) {
        try {
            draft.replaceWith(ProjectDraft.read(path));
            begin(draft.get(DEMO).asBoolean(false) ? demoHosts : realHosts, path);
            demoSaveDecided = true;
            remember(path);
            return List.of();
        } catch (ProjectFileException e) {
            return e.problems();
        }
    }

    private void begin(HostConnector hosts, Path path) {
        if (applyRunning()) {
            apply.get().cancel();
        }
        screen.set(Screen.WIZARD);
        apply.set(null);
        home.set(null);
        applied.set(false);
        demoCluster = null;
        if (hosts.isDemo()) {
            try {
                Files.deleteIfExists(paths.demoJournal());
            } catch (IOException ignored) {
                // A journal of an earlier demo only adds old lines; the new demo's run is recorded after them.
            }
        }
        connector.set(hosts);
        facts.clear();
        file.set(path);
        started.set(true);
        savedRevision = path == null ? -1 : draft.revision();
        steps.forEach(StepViewModel::startedAfresh);
        steps.forEach(StepViewModel::reloadFields);
        steps.forEach(StepViewModel::forgetTouches);
        loginMemory().ifPresent(this::restoreLogins);
        revalidate();
    }

    /** The logins that worked for this saved project's hosts (none for the demo or an unsaved project). */
    private java.util.Optional<LoginMemory> loginMemory() {
        Path project = file.get();
        return isDemo() || project == null ? java.util.Optional.empty()
                : java.util.Optional.of(new LoginMemory(paths.logins(project, draft.text("$.clusterName"))));
    }

    /** A discovery logged in: remember how, so that opening the project later needs no retyping. */
    void rememberLogin(io.tandem.ssh.SshTarget target, HostLogin login) {
        loginMemory().ifPresent(memory -> memory.remember(target, login));
    }

    private void restoreLogins(LoginMemory memory) {
        forEachLogin((target, login) -> memory.restore(target, login));
    }

    /** Each host's login (both nodes, then the initiators) with its complete address, port and user. */
    private void forEachLogin(java.util.function.BiConsumer<io.tandem.ssh.SshTarget, HostLogin> action) {
        NodesStep nodes = step(NodesStep.class);
        for (int n = 0; n < 2; n++) {
            HostLogin login = nodes.login(n);
            sshTarget("$.nodes[" + n + "].ssh").ifPresent(t -> action.accept(t, login));
        }
        InitiatorsStep initiators = step(InitiatorsStep.class);
        for (int i = 0; i < initiators.count(); i++) {
            HostLogin login = initiators.login(i);
            sshTarget("$.initiators[" + i + "].ssh").ifPresent(t -> action.accept(t, login));
        }
    }

    /** The address, port and user at {@code base} (e.g. "$.nodes[0].ssh"), or empty when they are not complete. */
    java.util.Optional<io.tandem.ssh.SshTarget> sshTarget(String base) {
        try {
            return java.util.Optional.of(new io.tandem.ssh.SshTarget(draft.text(base + ".address"), Integer.parseInt(draft.text(base + ".port")),
                    draft.text(base + ".user")));
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }

    // ---- saving

    /** Saves to the current file; false when there is none yet (the View then asks for one). */
    public boolean save() throws IOException {
        if (file.get() == null) {
            return false;
        }
        return saveAs(file.get());
    }

    /**
     * Whether saving may go on: on the first save of the demo, asks whether it stays a demo (the
     * default) or becomes a project of real servers, which then forgets the simulated facts and
     * connects for real from now on. False when the user cancels.
     */
    public boolean readyToSave() {
        if (!isDemo() || demoSaveDecided) {
            return true;
        }
        switch (dialogs.saveDemo(serverAddresses())) {
            case CANCEL -> {
                return false;
            }
            case KEEP_DEMO -> draft.set(DEMO, true);
            case SAVE_AS_REAL -> {
                draft.remove(DEMO);
                begin(realHosts, file.get());
                dirty.set(true);
            }
        }
        demoSaveDecided = true;
        return true;
    }

    private String serverAddresses() {
        List<String> addresses = new ArrayList<>();
        for (int n = 0; n < draft.size("$.nodes"); n++) {
            addresses.add(draft.text("$.nodes[" + n + "].ssh.address"));
        }
        for (int i = 0; i < draft.size("$.initiators"); i++) {
            if (draft.has("$.initiators[" + i + "].ssh.address")) {
                addresses.add(draft.text("$.initiators[" + i + "].ssh.address"));
            }
        }
        return String.join(", ", addresses.stream().filter(a -> !a.isEmpty()).toList());
    }

    /** Saves to {@code path}; false when the user cancelled (see {@link #readyToSave()}). */
    public boolean saveAs(Path path) throws IOException {
        if (!readyToSave()) {
            return false;
        }
        draft.write(path);
        file.set(path);
        savedRevision = draft.revision();
        dirty.set(false);
        remember(path);
        deleteAutosave();
        loginMemory().ifPresent(this::rememberWorkingLogins);
        return true;
    }

    /** On saving: the hosts discovered before the project had a file are remembered too. */
    private void rememberWorkingLogins(LoginMemory memory) {
        forEachLogin((target, login) -> {
            if (login.factsProperty().get() != null) {
                memory.remember(target, login);
            }
        });
    }

    /** Asks about unsaved changes; true when the window may close. */
    public boolean mayClose() {
        return mayClose(java.util.Optional::empty);
    }

    /** As {@link #mayClose()}; {@code askPath} supplies a file when saving a project that has none yet. */
    public boolean mayClose(java.util.function.Supplier<java.util.Optional<Path>> askPath) {
        if (!dirty.get()) {
            return true;
        }
        return switch (dialogs.unsavedChanges()) {
            case CANCEL -> false;
            case DISCARD -> {
                deleteAutosave();
                yield true;
            }
            case SAVE -> {
                try {
                    if (!readyToSave()) {
                        yield false;
                    }
                    if (file.get() != null) {
                        yield save();
                    }
                    var path = askPath.get();
                    if (path.isEmpty()) {
                        yield false;
                    }
                    yield saveAs(path.get());
                } catch (IOException e) {
                    yield false;
                }
            }
        };
    }

    // ---- navigation

    public void next() {
        validateNow();
        if (canGoNext.get()) {
            goTo(current.get() + 1);
        } else {
            currentStep().revealProblems();
        }
    }

    public void back() {
        if (current.get() > 0) {
            goTo(current.get() - 1);
        }
    }

    /** Goes to a step already reached, or to the next one when the current step is valid. */
    public void goTo(int index) {
        validateNow();
        if (!canOpen(index)) {
            return;
        }
        current.set(index);
        steps.get(index).enter();
        reviewed.remove(index);
        revalidate();
        updateStates();
    }

    private final java.util.Set<Integer> reviewed = new java.util.HashSet<>();

    /**
     * Whether {@link #goTo} would open step {@code index} now: one already reached (before the first
     * project, only Welcome), or the next when the current step is valid. The sidebar greys the others.
     */
    public boolean canOpen(int index) {
        if (index < 0 || index >= steps.size()) {
            return false;
        }
        if (index > 0 && !started.get()) {
            return false;
        }
        return !((!steps.get(index).visited() && index > current.get() + 1)
                || (index == current.get() + 1 && !steps.get(current.get()).isValid()));
    }

    // ---- changes

    /** A field changed: validate again; later steps already seen get marked for review. */
    void changed(String path) {
        dirty.set(true);
        for (int i = current.get() + 1; i < steps.size(); i++) {
            if (steps.get(i).visited()) {
                reviewed.add(i);
            }
        }
        revalidate();
        autosave();
    }

    private int batchDepth;
    private boolean revalidationPending;

    /** Runs several changes with one validation at the end, not one per change (keeps the FX thread free). */
    public void batch(Runnable changes) {
        batchDepth++;
        try {
            changes.run();
        } finally {
            batchDepth--;
            if (batchDepth == 0 && revalidationPending) {
                revalidationPending = false;
                revalidate();
            }
        }
    }

    /*
     * Validation runs in the background on a copy of the draft (parsing and checking the whole
     * project takes 2-20 ms, too much for every keystroke on the FX thread). At most one runs at a
     * time; changes made meanwhile start one more when it ends, and only the newest result is
     * shown. Next and step jumps validate synchronously when a result is still pending, so a
     * stale "valid" can never let the user past a problem.
     */
    private long requestedGeneration;
    private long shownGeneration;
    private boolean validationRunning;
    private final ReadOnlyBooleanWrapper validationPending = new ReadOnlyBooleanWrapper(false);

    void revalidate() {
        if (batchDepth > 0) {
            revalidationPending = true;
            return;
        }
        requestedGeneration++;
        validationPending.set(true);
        if (!validationRunning) {
            startValidation();
        }
    }

    private void startValidation() {
        validationRunning = true;
        long generation = requestedGeneration;
        ProjectDraft snapshot = ProjectDraft.copyOf(draft);
        background.run(snapshot::problems, all -> validated(generation, all), failure -> validated(generation, draft.problems()));
    }

    private void validated(long generation, List<Problem> all) {
        validationRunning = false;
        if (generation < requestedGeneration) {
            if (shownGeneration < requestedGeneration) {
                startValidation(); // changed while this one ran
            }
            return;
        }
        if (generation > shownGeneration) {
            show(generation, all);
        }
    }

    /** Brings validity up to date at once; for decisions (Next) that must not use a stale result. */
    private void validateNow() {
        if (validationPending.get()) {
            show(requestedGeneration, draft.problems());
        }
    }

    private void show(long generation, List<Problem> all) {
        shownGeneration = generation;
        validationPending.set(false);
        problems.setAll(all);
        steps.forEach(s -> s.refresh(all));
        updateStates();
    }

    /** True while a change has not been validated yet (tests wait for it to become false). */
    public ReadOnlyBooleanProperty validationPendingProperty() {
        return validationPending.getReadOnlyProperty();
    }

    private void updateStates() {
        for (int i = 0; i < steps.size(); i++) {
            StepViewModel step = steps.get(i);
            step.setOpenable(canOpen(i));
            step.setState(i == current.get() ? StepState.CURRENT
                    : reviewed.contains(i) ? StepState.NEEDS_REVIEW
                    : !step.visited() ? StepState.NOT_STARTED
                    : step.isValid() ? StepState.DONE : StepState.HAS_PROBLEMS);
        }
    }

    private void autosave() {
        ProjectDraft snapshot = ProjectDraft.copyOf(draft);
        background.run(() -> {
            snapshot.write(paths.autosaveFile());
            return null;
        }, ignored -> { }, failure -> { });
    }

    private void deleteAutosave() {
        try {
            Files.deleteIfExists(paths.autosaveFile());
        } catch (IOException ignored) {
            // A stale draft is offered once more at start; nothing is lost.
        }
    }

    /** An autosaved draft from a session that ended without saving, if any. */
    public boolean hasAutosave() {
        return Files.isRegularFile(paths.autosaveFile());
    }

    public List<Problem> restoreAutosave() {
        List<Problem> result = open(paths.autosaveFile());
        if (result.isEmpty()) {
            file.set(null);
            dirty.set(true);
        }
        return result;
    }

    // ---- recent projects

    private void loadRecent() {
        try {
            if (Files.isRegularFile(paths.recentFile())) {
                Files.readAllLines(paths.recentFile()).stream().filter(l -> !l.isBlank()).map(Path::of).forEach(recent::add);
            }
        } catch (IOException ignored) {
            // No recent list is not a problem.
        }
    }

    private void remember(Path path) {
        Path absolute = path.toAbsolutePath();
        recent.remove(absolute);
        recent.addFirst(absolute);
        while (recent.size() > 8) {
            recent.removeLast();
        }
        try {
            AtomicFile.write(paths.recentFile(), recent.stream().map(p -> p + "\n").collect(Collectors.joining()),
                    AtomicFile.OWNER_ONLY);
        } catch (IOException ignored) {
            // The list is a convenience; the project itself was saved.
        }
    }

    // ---- accessors

    public ProjectDraft draft() {
        return draft;
    }

    public List<StepViewModel> steps() {
        return steps;
    }

    @SuppressWarnings("unchecked")
    public <T extends StepViewModel> T step(Class<T> type) {
        return (T) steps.stream().filter(type::isInstance).findFirst().orElseThrow();
    }

    public IntegerProperty currentProperty() {
        return current;
    }

    public StepViewModel currentStep() {
        return steps.get(current.get());
    }

    /** The user guide's section for what the window shows: the step's (its heading is the step's header, "4. Disks"), Apply's, or monitoring's. */
    public String helpAnchor() {
        return switch (screen.get()) {
            case WIZARD -> helpAnchor(currentStep());
            case APPLY -> io.tandem.help.GuideAnchors.APPLY;
            case HOME -> io.tandem.help.GuideAnchors.AFTER_APPLY;
        };
    }

    /** The user guide's section for {@code step}. */
    public String helpAnchor(StepViewModel step) {
        return io.tandem.help.GuideAnchors.forStep(steps.indexOf(step) + 1, step.title());
    }

    public BooleanBinding canGoNextProperty() {
        return canGoNext;
    }

    public BooleanProperty dirtyProperty() {
        return dirty;
    }

    public BooleanProperty startedProperty() {
        return started;
    }

    public ObjectProperty<Path> fileProperty() {
        return file;
    }

    public boolean isDemo() {
        return connector.get().isDemo();
    }

    public ObjectProperty<HostConnector> connectorProperty() {
        return connector;
    }

    public ObservableMap<String, HostFacts> facts() {
        return facts;
    }

    public ObservableList<Problem> problems() {
        return problems;
    }

    public ObservableList<Path> recent() {
        return recent;
    }

    public Background background() {
        return background;
    }

    public Dialogs dialogs() {
        return dialogs;
    }

    /** Where accepted host keys are kept (Tandem's own store plus known_hosts). */
    public io.tandem.ssh.HostKeyStore hostKeys() {
        return hostKeys;
    }

    /** Tests point the store at a temporary file. */
    public void useHostKeyStore(io.tandem.ssh.HostKeyStore store) {
        this.hostKeys = store;
    }

    // ---- apply and the home screen

    /** Tests make the demo's simulated servers faster (1 = about 30 s for the whole apply). */
    public void useDemoPace(double pace) {
        this.demoPace = pace;
    }

    /** The demo's simulated servers, once a demo plan was made. */
    public java.util.Optional<io.tandem.apply.SimulatedCluster> demoCluster() {
        return java.util.Optional.ofNullable(demoCluster);
    }

    /**
     * Opens the hosts of {@code project} for planning and applying: the demo's simulated servers, or
     * SSH with the logins of the Nodes and Initiators steps. Called on a background thread; the
     * logins are read before it starts ({@link #sessionOpener}).
     */
    java.util.concurrent.Callable<io.tandem.apply.ApplySession> sessionOpener(io.tandem.model.Project project) {
        if (isDemo()) {
            if (demoCluster == null) {
                demoCluster = new io.tandem.apply.SimulatedCluster(project, demoPace);
                demoCluster.armMissingPackage(step(ReviewStep.class).plan().demoFailureProperty().get());
            }
            io.tandem.apply.SimulatedCluster cluster = demoCluster;
            return () -> io.tandem.apply.ApplySession.simulated(project, cluster);
        }
        java.util.Map<String, io.tandem.ssh.ConnectionSettings> settings = connectionSettings(project);
        return () -> io.tandem.apply.ApplySession.open(project, settings);
    }

    /** Each host's login as entered on the Nodes and Initiators steps. */
    private java.util.Map<String, io.tandem.ssh.ConnectionSettings> connectionSettings(io.tandem.model.Project project) {
        java.util.Map<String, io.tandem.ssh.ConnectionSettings> settings = new java.util.LinkedHashMap<>();
        NodesStep nodes = step(NodesStep.class);
        for (int n = 0; n < project.nodes().size(); n++) {
            HostLogin login = nodes.login(n);
            int node = n;
            login.target(this, "$.nodes[" + n + "].ssh").ifPresent(t -> settings.put(project.nodes().get(node).name(), login.settings(this, t)));
        }
        InitiatorsStep initiators = step(InitiatorsStep.class);
        for (int i = 0; i < project.initiators().size() && i < initiators.count(); i++) {
            HostLogin login = initiators.login(i);
            int index = i;
            login.target(this, "$.initiators[" + i + "].ssh").ifPresent(t -> settings.put(project.initiators().get(index).name(), login.settings(this, t)));
        }
        return settings;
    }

    /** The journal of this project's applies: per saved project file, or the demo's own. */
    public io.tandem.apply.Journal journal() {
        if (isDemo()) {
            return new io.tandem.apply.Journal(paths.demoJournal());
        }
        Path project = file.get();
        String cluster = draft.text("$.clusterName");
        return new io.tandem.apply.Journal(paths.journal(project == null ? Path.of("unsaved.tandem.json") : project, cluster));
    }

    /** Switches to the apply screen and starts running {@code plan} through {@code session}. */
    void startApply(io.tandem.apply.ApplySession session, io.tandem.plan.Plan plan, java.util.Set<String> confirmed) {
        io.tandem.gui.apply.ApplyViewModel vm = new io.tandem.gui.apply.ApplyViewModel(session, plan, confirmed, journal(), background);
        vm.onDone(() -> applied.set(true));
        applied.set(false);
        resumeOffered.set("");
        apply.set(vm);
        screen.set(Screen.APPLY);
        vm.start();
    }

    public boolean applyRunning() {
        return apply.get() != null && apply.get().isRunning();
    }

    /** The cluster's home screen, from one status read. */
    public void showHome() {
        io.tandem.model.Project project = draft.toProject().project();
        if (project == null) {
            return;
        }
        io.tandem.monitor.StatusSource source = isDemo() && demoCluster != null ? demoCluster.statusSource()
                : new io.tandem.monitor.SshStatusSource(connectionSettings(project), io.tandem.monitor.ClusterMonitor.DEFAULT_INTERVAL);
        Path saved = isDemo() ? null : file.get();
        io.tandem.gui.home.HomeViewModel vm = new io.tandem.gui.home.HomeViewModel(project, source, background, isDemo(),
                saved == null ? io.tandem.gui.home.HomeViewModel.Store.MEMORY : paths.monitorStore(saved, project.clusterName()));
        home.set(vm);
        board.show(saved, vm);
        screen.set(Screen.HOME);
    }

    private final io.tandem.gui.home.ClusterBoard board = new io.tandem.gui.home.ClusterBoard();

    /** The clusters this window monitors: this project's and any other added to the list. */
    /** Where the failover tests' reports of {@code projectFile} go (the demo's when null). */
    public java.nio.file.Path failoverReports(java.nio.file.Path projectFile, String clusterName) {
        return paths.failoverReports(projectFile, clusterName);
    }

    public io.tandem.gui.home.ClusterBoard board() {
        return board;
    }

    /**
     * Adds the cluster of the project saved at {@code path} to the monitored list and shows it,
     * logging in to its hosts as remembered for that project (key file or agent), or with the
     * wizard's default key file for a host never logged in to here; a host logged in to by password
     * is reported "no login" until the project is opened and discovered (passwords are never kept).
     * The project being edited stays as it is.
     */
    public List<Problem> monitorAnother(Path path) {
        try {
            board.show(path, OtherProjectMonitor.open(this, paths, path));
            screen.set(Screen.HOME);
            return List.of();
        } catch (io.tandem.model.ProjectFileException e) {
            return e.problems();
        }
    }

    /** Back from the home screen (or a finished apply) to the wizard: Review when the steps were walked, else Nodes. */
    public void editSetup() {
        screen.set(Screen.WIZARD);
        int review = steps.size() - 1;
        if (steps.get(review).visited()) {
            goTo(review);
        } else if (current.get() == 0) {
            goTo(1);
        }
    }

    /**
     * After opening a project: its journal says whether it was applied. A completed last run opens
     * the home screen; an unfinished one is offered to be continued (from the Nodes step: the
     * servers are logged in to again, then Review plans what is left and Apply continues).
     */
    public void checkJournalAfterOpen() {
        if (isDemo() || file.get() == null) {
            return;
        }
        io.tandem.apply.Journal journal = journal();
        String state = journal.lastRunState();
        if (state.equals("done")) {
            showHome();
        } else if (!state.equals("none")) {
            String where = journal.lastInterrupted().map(io.tandem.apply.Journal.Interrupted::describe)
                    .orElse("The last apply " + (state.equals("failed") ? "stopped at a failed step." : "was stopped before its end."));
            if (dialogs.resumeUnfinishedApply(where)) {
                resumeOffered.set(where + " Log in to the servers (Discover), then go to Review and press Apply: it continues from there.");
                goTo(1);
            }
        }
    }

    private final javafx.beans.property.StringProperty resumeOffered = new javafx.beans.property.SimpleStringProperty("");

    /** Set when the user chose to continue an unfinished apply: what to do next, in words. */
    public javafx.beans.property.StringProperty resumeOfferedProperty() {
        return resumeOffered;
    }

    public ObjectProperty<Screen> screenProperty() {
        return screen;
    }

    public ObjectProperty<io.tandem.gui.apply.ApplyViewModel> applyProperty() {
        return apply;
    }

    public ObjectProperty<io.tandem.gui.home.HomeViewModel> homeProperty() {
        return home;
    }

    /** True once an apply completed in this session (the window then moves to the home screen). */
    public BooleanProperty appliedProperty() {
        return applied;
    }

    /** A change made by a step outside its fields (e.g. filled from facts): validate and mark dirty. */
    public void changedByStep(String path) {
        changed(path);
        steps.forEach(StepViewModel::reloadFields);
    }
}
