package io.tandem.gui;

import io.tandem.discovery.DemoHostConnector;
import io.tandem.discovery.HostConnector;
import io.tandem.gui.wizard.AppPaths;
import io.tandem.gui.wizard.WizardViewModel;
import io.tandem.ssh.HostKeyStore;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** Builds the real window (real background threads, real dialogs) for TestFX tests, and small robot helpers. */
final class WizardFx {

    final WizardViewModel wizard;
    final WizardView view;

    WizardFx(Stage stage, Path dir) {
        javafx.application.Application.setUserAgentStylesheet(new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
        wizard = new WizardViewModel(new FxBackground(), new FxDialogs(() -> stage), AppPaths.under(dir), HostConnector.SSH,
                new DemoHostConnector(Duration.ofMillis(100)));
        wizard.useHostKeyStore(new HostKeyStore(List.of(), dir.resolve("known_hosts")));
        view = new WizardView(wizard);
        stage.setScene(new Scene(view.root(), 1180, 820));
        stage.setOnCloseRequest(e -> {
            if (!view.mayClose()) {
                e.consume();
            }
        });
        stage.show();
    }

    /** Types the namespace lab's addresses, user and key into the Nodes step. */
    static void fillLabLogins(FxRobot robot, io.tandem.testing.LabEnv lab) {
        String[] addresses = {lab.node1(), lab.node2()};
        for (int n = 0; n < 2; n++) {
            int node = n;
            robot.interact(() -> {
                robot.lookup("#nodes-" + node + "-ssh-address").queryAs(javafx.scene.control.TextField.class).setText(addresses[node]);
                robot.lookup("#nodes-" + node + "-ssh-user").queryAs(javafx.scene.control.TextField.class).setText(lab.get("LAB_KEY_USER"));
                robot.lookup("#key-file-" + node).queryAs(javafx.scene.control.TextField.class).setText(lab.key().toString());
            });
        }
    }

    /** Starts the demo from Welcome and discovers both nodes, trusting their host keys. */
    void discoverDemo(FxRobot robot) {
        robot.clickOn("#welcome-demo");
        robot.clickOn("#discover-0");
        trustHostKey(robot);
        robot.clickOn("#discover-1");
        trustHostKey(robot);
        waitUntil(() -> wizard.facts().containsKey(io.tandem.gui.wizard.NodesStep.key(1)), "node 2 is discovered");
    }

    static void waitUntil(BooleanSupplier condition, String what) {
        waitUntil(condition, 40, () -> what);
    }

    static void waitUntil(BooleanSupplier condition, int seconds, String what) {
        waitUntil(condition, seconds, () -> what);
    }

    /** Waits up to {@code seconds} for {@code condition}, then for the FX thread; {@code what} is read only on a timeout. */
    static void waitUntil(BooleanSupplier condition, int seconds, java.util.function.Supplier<String> what) {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition::getAsBoolean);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("timed out after " + seconds + " s waiting until " + what.get(), e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** From the demo's Disks step to Initiators: node2's vdc confirmed, no fencing acknowledged, Next on each step. */
    static void demoFromDisksToInitiators(FxRobot robot) {
        clickIntoView(robot, "#confirm-1-1").write("/dev/vdc");
        next(robot);
        next(robot);
        robot.interact(() -> robot.lookup("#accept-no-fencing").queryAs(javafx.scene.control.CheckBox.class).setSelected(true));
        next(robot);
        next(robot);
    }

    /** Waits until the wizard has validated the last change (validation runs in the background). */
    void settled() {
        waitUntil(() -> !wizard.validationPendingProperty().get(), "the last change is validated");
    }

    static void next(FxRobot robot) {
        Button next = robot.lookup("#next").queryButton();
        waitUntil(() -> !next.isDisabled(), "Next is enabled; blocked by: "
                + robot.lookup("#blockers").queryAs(javafx.scene.control.Label.class).getText());
        robot.clickOn(next);
        WaitForAsyncUtils.waitForFxEvents();
    }

    static void trustHostKey(FxRobot robot) {
        waitUntil(() -> robot.lookup("#host-key-dialog").tryQuery().isPresent(), "the host-key dialog is shown");
        robot.clickOn("Trust this key");
        WaitForAsyncUtils.waitForFxEvents();
    }

    /**
     * Scrolls the step so that the control {@code id} is on screen, as a user scrolls to it, then
     * clicks it. Below the fold a robot cannot click it: on a narrow window the Disks step puts the
     * second node's column under the first.
     */
    static org.testfx.api.FxRobotInterface clickIntoView(FxRobot robot, String id) {
        Node node = robot.lookup(id).query();
        robot.interact(() -> {
            for (Node p = node.getParent(); p != null; p = p.getParent()) {
                if (p instanceof javafx.scene.control.ScrollPane scroll && scroll.getContent() != null) {
                    javafx.geometry.Bounds b = scroll.getContent().sceneToLocal(node.localToScene(node.getBoundsInLocal()));
                    double hidden = scroll.getContent().getBoundsInLocal().getHeight() - scroll.getViewportBounds().getHeight();
                    if (hidden > 0) {
                        scroll.setVvalue(Math.clamp((b.getMinY() - 40) / hidden, 0, 1) * (scroll.getVmax() - scroll.getVmin()) + scroll.getVmin());
                    }
                    scroll.layout();
                    break;
                }
            }
        });
        return robot.clickOn(id);
    }

    static <T extends Node> T find(FxRobot robot, String id) {
        return robot.lookup(id).query();
    }

    /** A wizard as the app makes it, in {@code stage}, with its own app folder under {@code app}: the Primer theme, the FX background, demo hosts answering after 50 ms. */
    static WizardViewModel appWizard(javafx.stage.Stage stage, java.nio.file.Path app) {
        javafx.application.Application.setUserAgentStylesheet(new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
        WizardViewModel wizard = new WizardViewModel(new FxBackground(), new FxDialogs(() -> stage), io.tandem.gui.wizard.AppPaths.under(app),
                io.tandem.discovery.HostConnector.SSH, new io.tandem.discovery.DemoHostConnector(java.time.Duration.ofMillis(50)));
        wizard.useHostKeyStore(new io.tandem.ssh.HostKeyStore(java.util.List.of(), app.resolve("known_hosts")));
        return wizard;
    }

    /** The app's wizard at 1366×768 in {@code stage}, its demo paced at {@code pace}: the window the monitoring views' demo tests start from. */
    static WizardViewModel demoWindow(javafx.stage.Stage stage, java.nio.file.Path app, double pace) {
        WizardViewModel wizard = appWizard(stage, app);
        wizard.useDemoPace(pace);
        stage.setScene(new javafx.scene.Scene(new WizardView(wizard).root(), 1366, 768));
        stage.show();
        return wizard;
    }
}
