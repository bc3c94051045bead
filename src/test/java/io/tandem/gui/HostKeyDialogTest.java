package io.tandem.gui;

import io.tandem.ssh.HostKeyPrompt;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The host-key dialog as a hurried user meets it: Enter must never trust a key. */
@ExtendWith(ApplicationExtension.class)
class HostKeyDialogTest {

    private static final HostKeyPrompt.UnknownKey KEY = new HostKeyPrompt.UnknownKey("10.0.0.5", 22, "ssh-ed25519",
            "SHA256:mN5mVbPZ6UXk5vJTrq3ZcQ3lYt0T9zQ8oJjL2e0Hk1A");
    private FxDialogs dialogs;

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(new StackPane(), 400, 300));
        stage.show();
        dialogs = new FxDialogs(() -> stage);
    }

    private CompletableFuture<Boolean> ask(FxRobot robot) {
        // As discovery asks: from a background thread, waiting for the answer.
        CompletableFuture<Boolean> answer = CompletableFuture.supplyAsync(() -> dialogs.trustHostKey(KEY));
        WizardFx.waitUntil(() -> robot.lookup("#host-key-dialog").tryQuery().isPresent(), "the host-key dialog is shown");
        return answer;
    }

    @Test
    void enterRefusesTheKey(FxRobot robot) throws Exception {
        CompletableFuture<Boolean> answer = ask(robot);
        Button trust = robot.lookup("Trust this key").queryButton();
        Button refuse = robot.lookup("Refuse").queryButton();
        robot.type(KeyCode.ENTER);
        assertThat(answer.get(10, TimeUnit.SECONDS)).as("Enter trusted the key").isFalse();
        assertThat(trust.isDefaultButton()).as("Trust is not the default button").isFalse();
        assertThat(refuse.isDefaultButton()).isTrue();
    }

    @Test
    void escapeRefusesTheKeyAndOnlyTheTrustButtonTrustsIt(FxRobot robot) throws Exception {
        CompletableFuture<Boolean> escaped = ask(robot);
        robot.type(KeyCode.ESCAPE);
        assertThat(escaped.get(10, TimeUnit.SECONDS)).isFalse();

        CompletableFuture<Boolean> clicked = ask(robot);
        robot.clickOn("Trust this key");
        assertThat(clicked.get(10, TimeUnit.SECONDS)).isTrue();
    }
}
