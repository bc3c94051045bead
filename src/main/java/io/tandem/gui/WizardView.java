package io.tandem.gui;

import io.tandem.gui.steps.ClusterView;
import io.tandem.gui.steps.DisksView;
import io.tandem.gui.steps.InitiatorsView;
import io.tandem.gui.steps.NetworkView;
import io.tandem.gui.steps.NodesView;
import io.tandem.gui.steps.ReplicationView;
import io.tandem.gui.steps.ReviewView;
import io.tandem.gui.steps.TargetView;
import io.tandem.gui.steps.WelcomeView;
import io.tandem.gui.wizard.ClusterStep;
import io.tandem.gui.wizard.DisksStep;
import io.tandem.gui.wizard.InitiatorsStep;
import io.tandem.gui.wizard.NetworkStep;
import io.tandem.gui.wizard.NodesStep;
import io.tandem.gui.wizard.ReplicationStep;
import io.tandem.gui.wizard.ReviewStep;
import io.tandem.gui.wizard.StepState;
import io.tandem.gui.wizard.StepViewModel;
import io.tandem.gui.wizard.TargetStep;
import io.tandem.gui.wizard.WizardViewModel;
import io.tandem.model.Problem;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.kordamp.ikonli.javafx.FontIcon;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The full-window wizard: the steps with their state on the left, the current step in the
 * middle, what holds Next back and Back/Next at the bottom, the File menu on top.
 */
public final class WizardView {

    private final WizardViewModel wizard;
    private final BorderPane root = new BorderPane();
    private final ScrollPane center = new ScrollPane();
    private final Label demoBadge = new Label("DEMO — simulated servers");
    private final Node navigator;
    private final Node footer;
    private Node monitorScreen;
    private io.tandem.gui.help.HelpView help; // made on the first "?": the guide is read then, off the FX thread
    private io.tandem.gui.help.HelpViewModel helpModel;

    /** Opens a report page in the desktop's browser; set by the app (tests leave it unset: no browser). */
    private java.util.function.Consumer<java.nio.file.Path> opener;

    public void setOpener(java.util.function.Consumer<java.nio.file.Path> opener) {
        this.opener = opener;
    }

    public WizardView(WizardViewModel wizard) {
        this.wizard = wizard;
        root.setTop(new VBox(menu(), header()));
        navigator = navigator();
        footer = footer();
        center.setFitToWidth(true);
        center.setId("step-content");
        wizard.currentProperty().addListener((obs, old, now) -> show());
        wizard.startedProperty().addListener((obs, old, now) -> show());
        wizard.screenProperty().addListener((obs, old, now) -> showScreen());
        // A completed apply shows its "done" for a moment, then the cluster's home screen.
        wizard.appliedProperty().addListener((obs, old, applied) -> {
            if (applied) {
                javafx.animation.PauseTransition pause = new javafx.animation.PauseTransition(javafx.util.Duration.seconds(2.5));
                pause.setOnFinished(e -> {
                    if (wizard.screenProperty().get() == WizardViewModel.Screen.APPLY && wizard.appliedProperty().get()) {
                        wizard.showHome();
                    }
                });
                pause.play();
            }
        });
        showScreen();
        show();
    }

    /** The wizard with its navigator and footer, or the apply screen, or the home screen: all full-window, the header stays. */
    private void showScreen() {
        switch (wizard.screenProperty().get()) {
            case WIZARD -> {
                root.setLeft(navigator);
                root.setCenter(center);
                root.setBottom(footer);
                show();
            }
            case APPLY -> {
                root.setLeft(null);
                root.setBottom(null);
                root.setCenter(new io.tandem.gui.apply.ApplyView(wizard.applyProperty().get(), wizard::showHome).root());
            }
            case HOME -> {
                root.setLeft(null);
                root.setBottom(null);
                if (monitorScreen == null) { // made once: its views listen to the clusters' models as long as they poll
                    monitorScreen = new io.tandem.gui.home.MonitorScreen(wizard.board(), this::homeActions, this::monitorAnother).root();
                }
                root.setCenter(monitorScreen);
            }
        }
    }

    public BorderPane root() {
        return root;
    }

    /** A monitored cluster's buttons: its setup opens in the wizard (another project's after the unsaved-changes question). */
    private io.tandem.gui.home.HomeView.Actions homeActions(io.tandem.gui.home.ClusterBoard.Entry entry) {
        Runnable edit = () -> { // decided on click: the wizard may have opened another project since
            if (entry.model() == wizard.homeProperty().get()) {
                wizard.editSetup();
            } else if (entry.file() != null) {
                open(entry.file());
            }
        };
        List<Node> tools = new java.util.ArrayList<>(entry.model() == wizard.homeProperty().get() ? demoTools() : List.of());
        tools.add(testFailoverButton(entry));
        return new io.tandem.gui.home.HomeView.Actions(edit, finding -> splitBrain(entry, finding), owner -> exportEvents(entry, owner), tools);
    }

    private void exportEvents(io.tandem.gui.home.ClusterBoard.Entry entry, Window owner) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export the event log of " + entry.name());
        chooser.setInitialFileName(entry.name() + "-events.csv");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV", "*.csv"));
        java.io.File file = chooser.showSaveDialog(owner);
        if (file == null) {
            return;
        }
        try {
            entry.model().exportEvents(file.toPath());
        } catch (IOException e) {
            error("Cannot export the event log", "Writing " + file + " failed: " + e.getMessage() + ". Choose a folder you can write to.");
        }
    }

    /** The split-brain dialog of the finding's resource, on the cluster's own connections. */
    private void splitBrain(io.tandem.gui.home.ClusterBoard.Entry entry, io.tandem.monitor.Finding finding) {
        var home = entry.model();
        home.hostCommands().ifPresentOrElse(hosts -> {
            var model = new io.tandem.gui.home.SplitBrainViewModel(home.project(), finding.subject(), home, hosts, home.background());
            new io.tandem.gui.home.SplitBrainDialog(model, window()).show();
            model.open();
        }, () -> error("Cannot resolve the split brain here", "Tandem has no connection to " + entry.name()
                + "'s nodes to run the recovery. Open the project and discover its nodes, then try again."));
    }

    /** "Test failover…": the failover test dialog on the cluster's own connections; its reports go to the project's state folder. */
    private Node testFailoverButton(io.tandem.gui.home.ClusterBoard.Entry entry) {
        javafx.scene.control.Button button = new javafx.scene.control.Button("Test failover…", new org.kordamp.ikonli.javafx.FontIcon("mdi2s-swap-horizontal"));
        button.setId("home-test-failover");
        button.setOnAction(e -> {
            var home = entry.model();
            home.hostCommands().ifPresentOrElse(hosts -> {
                boolean demo = home.project().simulated();
                var model = new io.tandem.gui.home.FailoverTestViewModel(home.project(), home.statusSource(), hosts, home.background(),
                        wizard.failoverReports(entry.file(), home.project().clusterName()),
                        demo ? io.tandem.gui.home.FailoverTestViewModel.DEMO_SETTINGS : io.tandem.failover.FailoverDrill.Settings.DEFAULT,
                        (at, words) -> home.record(java.time.Instant.ofEpochMilli((long) (at * 1000)), "failover.test", words));
                new io.tandem.gui.home.FailoverTestDialog(model, window(), opener).show();
            }, () -> error("Cannot test failover here", "Tandem has no connection to " + entry.name()
                    + "'s nodes. Open the project and discover its nodes, then try again."));
        });
        return button;
    }

    /** The demo's "Simulate a problem" menu, for the demo's own cluster. */
    private List<Node> demoTools() {
        return wizard.demoCluster().map(cluster -> List.<Node>of(new io.tandem.gui.home.DemoProblemsMenu(cluster).root())).orElse(List.of());
    }

    private void monitorAnother() {
        FileChooser chooser = chooser("Monitor another project");
        java.io.File file = chooser.showOpenDialog(window());
        if (file == null) {
            return;
        }
        List<Problem> problems = wizard.monitorAnother(file.toPath());
        if (!problems.isEmpty()) {
            error("Cannot monitor " + file.getName(), problems.stream().map(Problem::describe).reduce((a, b) -> a + "\n" + b).orElse(""));
        }
    }

    private Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }

    private Node header() {
        Label title = new Label();
        title.textProperty().bind(Bindings.createStringBinding(() -> switch (wizard.screenProperty().get()) {
            case APPLY -> "Applying the project to the servers";
            case HOME -> "Cluster home";
            case WIZARD -> (wizard.currentProperty().get() + 1) + ". " + wizard.currentStep().title();
        }, wizard.currentProperty(), wizard.screenProperty()));
        title.getStyleClass().add("title-3");
        title.setId("screen-title");
        // "?": the user guide's section for the step shown, in a window beside the wizard.
        Button stepHelp = new Button("?");
        stepHelp.setId("help");
        stepHelp.setStyle("-fx-font-weight: bold; -fx-padding: 2 10;");
        stepHelp.setTooltip(new javafx.scene.control.Tooltip("Help for this step (F1)"));
        stepHelp.accessibleTextProperty().bind(Bindings.createStringBinding(() -> "Help for " + title.getText(), title.textProperty()));
        stepHelp.visibleProperty().bind(wizard.screenProperty().isEqualTo(WizardViewModel.Screen.WIZARD));
        stepHelp.managedProperty().bind(stepHelp.visibleProperty());
        stepHelp.setOnAction(e -> openHelp());
        demoBadge.setId("demo-badge");
        demoBadge.setStyle("-fx-background-color: #f0b429; -fx-text-fill: #1f1f1f; -fx-padding: 4 10; "
                + "-fx-background-radius: 4; -fx-font-weight: bold;");
        demoBadge.visibleProperty().bind(Bindings.createBooleanBinding(wizard::isDemo, wizard.connectorProperty()));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label file = new Label();
        file.textProperty().bind(Bindings.createStringBinding(() -> (wizard.fileProperty().get() == null ? "unsaved project"
                : wizard.fileProperty().get().getFileName().toString()) + (wizard.dirtyProperty().get() ? " •" : ""),
                wizard.fileProperty(), wizard.dirtyProperty()));
        HBox header = new HBox(12, title, stepHelp, spacer, file, demoBadge);
        header.setAlignment(Pos.CENTER_LEFT);
        header.setPadding(new Insets(10, 16, 10, 16));
        // After "continue the unfinished apply?": what to do, until the apply screen takes over.
        Label resume = new Label();
        resume.setId("resume-note");
        resume.setWrapText(true);
        resume.textProperty().bind(wizard.resumeOfferedProperty());
        resume.visibleProperty().bind(wizard.resumeOfferedProperty().isNotEmpty().and(wizard.screenProperty().isEqualTo(WizardViewModel.Screen.WIZARD)));
        resume.managedProperty().bind(resume.visibleProperty());
        resume.setPadding(new Insets(0, 16, 8, 16));
        return new VBox(header, resume);
    }

    private MenuBar menu() {
        MenuItem newProject = new MenuItem("New project");
        newProject.setOnAction(e -> {
            if (wizard.mayClose(this::askSavePath)) {
                wizard.startNew();
                wizard.goTo(1);
            }
        });
        MenuItem open = new MenuItem("Open…");
        open.setAccelerator(KeyCombination.keyCombination("Shortcut+O"));
        open.setOnAction(e -> openFile());
        MenuItem save = new MenuItem("Save");
        save.setAccelerator(KeyCombination.keyCombination("Shortcut+S"));
        save.setOnAction(e -> save(false));
        MenuItem saveAs = new MenuItem("Save as…");
        saveAs.setOnAction(e -> save(true));
        Menu recent = new Menu("Recent projects");
        Runnable fillRecent = () -> recent.getItems().setAll(wizard.recent().stream().map(p -> {
            MenuItem item = new MenuItem(p.toString());
            item.setOnAction(e -> open(p));
            return item;
        }).toList());
        wizard.recent().addListener((javafx.collections.ListChangeListener<Path>) c -> fillRecent.run());
        fillRecent.run();
        MenuItem quit = new MenuItem("Quit");
        quit.setId("quit");
        quit.setAccelerator(KeyCombination.keyCombination("Shortcut+Q"));
        quit.setOnAction(e -> quit());
        Menu file = new Menu("_File", null, newProject, open, recent, new SeparatorMenuItem(), save, saveAs, new SeparatorMenuItem(), quit);
        MenuItem about = new MenuItem("About Tandem");
        about.setId("about");
        about.setOnAction(e -> AboutDialog.create(window(), io.tandem.build.BuildInfo.current(),
                io.tandem.build.ThirdPartyLicences.bundled()).showAndWait());
        MenuItem guide = new MenuItem("User guide");
        guide.setId("user-guide");
        guide.setAccelerator(KeyCombination.keyCombination("F1"));
        guide.setOnAction(e -> openHelp());
        Menu help = new Menu("_Help", null, guide, new SeparatorMenuItem(), about);
        return new MenuBar(file, help);
    }

    /** The user guide at the step or screen shown, bundled in the jar: no network needed. */
    private void openHelp() {
        if (help == null) {
            helpModel = new io.tandem.gui.help.HelpViewModel(wizard.background(), io.tandem.help.UserGuide::bundled);
            help = new io.tandem.gui.help.HelpView(helpModel, window());
        }
        helpModel.open(wizard.helpAnchor());
        help.show();
    }

    /** Closes the window after the unsaved-changes question, as its close button does. */
    void quit() {
        if (mayClose() && window() != null) {
            window().hide();
        }
    }

    private Node navigator() {
        ListView<StepViewModel> steps = new ListView<>();
        steps.getItems().setAll(wizard.steps());
        steps.setId("navigator");
        steps.setPrefWidth(220);
        steps.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(StepViewModel step, boolean empty) {
                super.updateItem(step, empty);
                textProperty().unbind();
                if (empty || step == null) {
                    setText(null);
                    setGraphic(null);
                    return;
                }
                int index = wizard.steps().indexOf(step);
                setText((index + 1) + ". " + step.title());
                FontIcon icon = new FontIcon();
                Runnable paint = () -> {
                    StepState state = step.stateProperty().get();
                    icon.setIconLiteral(switch (state) {
                        case CURRENT -> "mdi2a-arrow-right-circle";
                        case DONE -> "mdi2c-check-circle";
                        case HAS_PROBLEMS -> "mdi2a-alert-circle";
                        case NEEDS_REVIEW -> "mdi2r-refresh-circle";
                        case NOT_STARTED -> "mdi2c-checkbox-blank-circle-outline";
                    });
                    setAccessibleText(getText() + ", " + state.words());
                };
                step.stateProperty().addListener((obs, old, now) -> paint.run());
                paint.run();
                setGraphic(icon);
                // A step that cannot be opened yet looks it (greyed) and takes no hover or click.
                disableProperty().unbind();
                disableProperty().bind(step.openableProperty().not());
                setOnMouseClicked(e -> {
                    wizard.goTo(index);
                    steps.getSelectionModel().select(wizard.currentProperty().get());
                });
            }
        });
        // The highlighted step is always the one shown, whatever was clicked.
        steps.getSelectionModel().select(wizard.currentProperty().get());
        wizard.currentProperty().addListener((obs, old, now) -> steps.getSelectionModel().select(now.intValue()));
        VBox box = new VBox(steps);
        VBox.setVgrow(steps, Priority.ALWAYS);
        return box;
    }

    private Node footer() {
        Button back = new Button("_Back", new FontIcon("mdi2a-arrow-left"));
        back.setId("back");
        back.setMnemonicParsing(true);
        back.setAccessibleText("Back");
        back.disableProperty().bind(wizard.currentProperty().isEqualTo(0));
        back.setOnAction(e -> wizard.back());
        Button next = new Button("_Next", new FontIcon("mdi2a-arrow-right"));
        next.setId("next");
        next.setMnemonicParsing(true);
        next.setAccessibleText("Next");
        next.setDefaultButton(true);
        next.disableProperty().bind(wizard.canGoNextProperty().not());
        next.setOnAction(e -> wizard.next());
        // A disabled button gets no clicks; its holder does: a click on the greyed Next shows every field's problem.
        javafx.scene.layout.StackPane nextHolder = new javafx.scene.layout.StackPane(next);
        nextHolder.setId("next-holder");
        nextHolder.setOnMousePressed(e -> {
            if (next.isDisabled()) {
                wizard.next();
            }
        });
        Label blockers = new Label();
        blockers.setId("blockers");
        blockers.setWrapText(true);
        blockers.setStyle("-fx-text-fill: #5f6b7a;");
        Runnable bindBlockers = () -> {
            blockers.textProperty().unbind();
            blockers.textProperty().bind(wizard.currentStep().blockersProperty());
        };
        wizard.currentProperty().addListener((obs, old, now) -> bindBlockers.run());
        bindBlockers.run();
        blockers.setMaxWidth(Double.MAX_VALUE);
        blockers.setMinHeight(Region.USE_PREF_SIZE); // every reason in full, however many lines
        blockers.managedProperty().bind(blockers.textProperty().isNotEmpty());
        HBox buttons = new HBox(10, back, nextHolder);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        // Reasons above the buttons, across the whole width: a long one wraps instead of ending in "…".
        VBox footer = new VBox(6, blockers, buttons);
        footer.setPadding(new Insets(10, 16, 12, 16));
        return footer;
    }

    /** Builds the current step's view afresh: it then reflects what earlier steps changed. */
    private void show() {
        StepViewModel step = wizard.currentStep();
        Node view = switch (step) {
            case NodesStep s -> new NodesView(s, wizard.isDemo()).root();
            case NetworkStep s -> new NetworkView(s, wizard).root();
            case DisksStep s -> new DisksView(s, wizard).root();
            case ReplicationStep s -> new ReplicationView(s).root();
            case ClusterStep s -> new ClusterView(s, wizard.draft().text("$.cluster.stonith.type")).root();
            case TargetStep s -> new TargetView(s).root();
            case InitiatorsStep s -> new InitiatorsView(s, this::show).root();
            case ReviewStep s -> new ReviewView(s, () -> save(false)).root();
            default -> new WelcomeView(wizard, this::openFile, this::open).root();
        };
        center.setContent(view);
        center.setVvalue(0); // each step opens at its top, not at the previous step's scroll position
        center.setHvalue(0);
    }

    private void openFile() {
        FileChooser chooser = chooser("Open a Tandem project");
        java.io.File file = chooser.showOpenDialog(window());
        if (file != null) {
            open(file.toPath());
        }
    }

    private void open(Path path) {
        if (!wizard.mayClose(this::askSavePath)) {
            return;
        }
        List<Problem> problems = wizard.open(path);
        if (problems.isEmpty()) {
            wizard.goTo(1);
            wizard.checkJournalAfterOpen();
        } else {
            error("Cannot open " + path.getFileName(), problems.stream().map(Problem::describe).reduce((a, b) -> a + "\n" + b).orElse(""));
        }
    }

    private void save(boolean as) {
        if (!wizard.readyToSave()) {
            return; // the demo's question was cancelled: before any file dialog
        }
        try {
            if (as || !wizard.save()) {
                askSavePath().ifPresent(path -> {
                    try {
                        wizard.saveAs(path);
                    } catch (IOException e) {
                        error("Cannot save", e.getMessage() + ". Choose a folder you can write to.");
                    }
                });
            }
        } catch (IOException e) {
            error("Cannot save", e.getMessage() + ". Choose a folder you can write to.");
        }
    }

    private Optional<Path> askSavePath() {
        return SaveDialog.ask(window(), wizard.fileProperty().get());
    }

    private static FileChooser chooser(String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Tandem projects", "*.tandem.json"));
        return chooser;
    }

    private void error(String header, String text) {
        Alert alert = new Alert(Alert.AlertType.ERROR, text);
        alert.initOwner(window());
        alert.setHeaderText(header);
        alert.showAndWait();
    }

    /** Hook for the window's close button: true when it may close. An apply running is asked about first. */
    public boolean mayClose() {
        if (wizard.applyRunning()) {
            if (!wizard.dialogs().stopApplyAndClose()) {
                return false;
            }
            wizard.applyProperty().get().cancel();
        }
        return wizard.mayClose(this::askSavePath);
    }
}
