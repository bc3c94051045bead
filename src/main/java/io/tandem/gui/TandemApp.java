package io.tandem.gui;

import atlantafx.base.theme.PrimerLight;
import io.tandem.discovery.DemoHostConnector;
import io.tandem.discovery.HostConnector;
import io.tandem.gui.wizard.AppPaths;
import io.tandem.gui.wizard.WizardViewModel;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;

import java.time.Duration;

/** The desktop application: the setup wizard, with the built-in demo cluster one click away. */
public final class TandemApp extends Application {

    /** Set by the Launcher: when the JVM started, to report the time to the first window. */
    static volatile long launchedAtNanos = System.nanoTime();

    /**
     * JavaFX warns on every start that it was loaded from the class path ("Unsupported JavaFX
     * configuration"): Tandem is one shaded jar on purpose. Only that record is dropped; the logger
     * is held here because the logging system keeps loggers weakly.
     */
    private static final java.util.logging.Logger JAVAFX_LOG = java.util.logging.Logger.getLogger("javafx");

    public static void launchApp(String[] args) {
        launchedAtNanos = System.nanoTime();
        JAVAFX_LOG.setFilter(r -> r.getMessage() == null || !r.getMessage().startsWith("Unsupported JavaFX configuration"));
        // Nothing else starts beside the toolkit: the first window needs neither Jackson nor the demo
        // project, and on two cores loading them here takes a core from the toolkit's start (about
        // 0.3 s to the window, bench/startup.sh); warmUp loads them once the window is shown.
        SoftwareRendering.chooseBeforeStart();
        Application.launch(TandemApp.class, args);
    }

    private static void phase(String name) {
        if (Boolean.getBoolean("tandem.startupTiming")) {
            System.out.printf("startup-phase %s %d%n", name, (System.nanoTime() - launchedAtNanos) / 1_000_000);
        }
    }

    @Override
    public void start(Stage stage) {
        phase("toolkit-ready");
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        phase("theme-set");
        Stage[] holder = {stage};
        WizardViewModel wizard = new WizardViewModel(new FxBackground(), new FxDialogs(() -> holder[0]), AppPaths.forCurrentUser(),
                HostConnector.SSH, new DemoHostConnector(Duration.ofMillis(600)));
        phase("viewmodel");
        WizardView view = new WizardView(wizard);
        view.setOpener(page -> getHostServices().showDocument(page.toUri().toString()));
        phase("view");
        var screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        WindowSize first = WindowSize.fitting(WindowSize.PREFERRED, screen.getWidth(), screen.getHeight());
        WindowSize minimum = WindowSize.fitting(WindowSize.MINIMUM, screen.getWidth(), screen.getHeight());
        stage.setScene(new Scene(view.root(), first.width(), first.height()));
        stage.setMinWidth(minimum.width());
        stage.setMinHeight(minimum.height());
        stage.titleProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> "Tandem" + (wizard.isDemo() ? " — DEMO" : ""),
                wizard.connectorProperty()));
        stage.getIcons().setAll(AppIcons.forWindow());
        stage.setOnCloseRequest(e -> {
            if (!view.mayClose()) {
                e.consume();
            }
        });
        stage.setOnHidden(e -> wizard.board().stopAll()); // the monitored clusters' polling and SSH connections end with the window
        stage.setOnShown(e -> {
            if (Boolean.getBoolean("tandem.startupTiming")) {
                System.out.printf("startup-ms %d%n", (System.nanoTime() - launchedAtNanos) / 1_000_000);
            }
        });
        stage.show();
        warmUp();
    }

    /**
     * Validates and renders the demo once on a background thread right after start: class loading
     * and JIT then happen while the user reads the first screen, not in the middle of a discovery.
     */
    private static void warmUp() {
        if ("false".equals(System.getProperty("tandem.warmUp"))) { // installer/build's training start: not in the class cache
            return;
        }
        Thread.ofVirtual().start(TandemApp::warmUpNow);
    }

    static void warmUpNow() {
        var project = io.tandem.model.DemoProject.load();
        for (int i = 0; i < 3; i++) {
            io.tandem.model.ProjectDraft.of(project).problems();
            io.tandem.render.Renderers.render(project);
        }
    }
}
