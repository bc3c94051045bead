package io.tandem.gui;

import io.tandem.ssh.HostKeyPrompt;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/** Dialogs on the FX thread; a background caller waits for the answer (the FX thread never waits). */
public final class FxDialogs implements Dialogs {

    // Trusting a host key is the one answer that must be chosen on purpose: not the default
    // button (YES would be, and Enter would press it), while Refuse is both default and cancel.
    public static final ButtonType TRUST = new ButtonType("Trust this key", ButtonBar.ButtonData.OTHER);
    public static final ButtonType REFUSE = new ButtonType("Refuse", ButtonBar.ButtonData.CANCEL_CLOSE);
    public static final ButtonType SAVE = new ButtonType("Save", ButtonBar.ButtonData.YES);
    public static final ButtonType DISCARD = new ButtonType("Discard changes", ButtonBar.ButtonData.NO);

    private final Supplier<Window> owner;

    public FxDialogs(Supplier<Window> owner) {
        this.owner = owner;
    }

    @Override
    public boolean trustHostKey(HostKeyPrompt.UnknownKey key) {
        return onFxThread(() -> {
            Alert alert = new Alert(Alert.AlertType.CONFIRMATION, "", TRUST, REFUSE);
            alert.initOwner(owner.get());
            alert.setTitle("New host key");
            alert.setHeaderText(key.host() + " is not known yet");
            alert.setContentText("It presents this " + key.keyType() + " key:\n\n" + key.fingerprint() + "\n\n"
                    + "Compare it with the fingerprint shown on the server's own console "
                    + "(ssh-keygen -lf /etc/ssh/ssh_host_*_key.pub). Trust it only if they match: otherwise someone may be "
                    + "in between.");
            alert.getDialogPane().setId("host-key-dialog");
            Button refuse = (Button) alert.getDialogPane().lookupButton(REFUSE);
            refuse.setDefaultButton(true);
            alert.setOnShown(e -> refuse.requestFocus());
            return alert.showAndWait().orElse(REFUSE) == TRUST;
        });
    }

    @Override
    public UnsavedChoice unsavedChanges() {
        Alert alert = new Alert(Alert.AlertType.WARNING, "The project has changes that are not saved.", SAVE, DISCARD, ButtonType.CANCEL);
        alert.initOwner(owner.get());
        alert.setTitle("Unsaved changes");
        alert.setHeaderText("Save the project before closing?");
        alert.getDialogPane().setId("unsaved-dialog");
        ButtonType answer = alert.showAndWait().orElse(ButtonType.CANCEL);
        return answer == SAVE ? UnsavedChoice.SAVE : answer == DISCARD ? UnsavedChoice.DISCARD : UnsavedChoice.CANCEL;
    }

    public static final ButtonType KEEP_DEMO = new ButtonType("Keep it a demo", ButtonBar.ButtonData.YES);
    public static final ButtonType SAVE_AS_REAL = new ButtonType("Save as a real project", ButtonBar.ButtonData.OTHER);

    @Override
    public DemoSaveChoice saveDemo(String addresses) {
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, "", KEEP_DEMO, SAVE_AS_REAL, ButtonType.CANCEL);
        alert.initOwner(owner.get());
        alert.setTitle("Save the demo");
        alert.setHeaderText("This project is the demo: its servers are simulated.");
        alert.setContentText("Keep it a demo: it opens again as the demo, with the DEMO badge, and Discover answers with the "
                + "simulated servers without connecting anywhere.\n\nSave as a real project: from now on Discover and Apply connect "
                + "over SSH to the addresses in it (" + addresses + "). Choose this only to start your own cluster from the demo, "
                + "and put in your servers' addresses.");
        alert.getDialogPane().setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        alert.getDialogPane().setId("demo-save-dialog");
        ButtonType answer = alert.showAndWait().orElse(ButtonType.CANCEL);
        return answer == KEEP_DEMO ? DemoSaveChoice.KEEP_DEMO : answer == SAVE_AS_REAL ? DemoSaveChoice.SAVE_AS_REAL : DemoSaveChoice.CANCEL;
    }

    public static final ButtonType KEEP_APPLYING = new ButtonType("Keep applying", ButtonBar.ButtonData.CANCEL_CLOSE);
    public static final ButtonType STOP_AND_CLOSE = new ButtonType("Stop and close", ButtonBar.ButtonData.OTHER);
    public static final ButtonType RESUME = new ButtonType("Continue the apply", ButtonBar.ButtonData.YES);
    public static final ButtonType NOT_NOW = new ButtonType("Not now", ButtonBar.ButtonData.CANCEL_CLOSE);

    @Override
    public boolean stopApplyAndClose() {
        Alert alert = new Alert(Alert.AlertType.WARNING, "", STOP_AND_CLOSE, KEEP_APPLYING);
        alert.initOwner(owner.get());
        alert.setTitle("Apply is running");
        alert.setHeaderText("Tandem is applying the project to the servers");
        alert.setContentText("Closing now stops the apply after the step that is running. The servers keep what was done; "
                + "when you open the project again, Tandem offers to continue from there (every step is checked first, "
                + "nothing is done twice).");
        alert.getDialogPane().setId("close-during-apply-dialog");
        alert.getDialogPane().setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        Button keep = (Button) alert.getDialogPane().lookupButton(KEEP_APPLYING);
        keep.setDefaultButton(true);
        return alert.showAndWait().orElse(KEEP_APPLYING) == STOP_AND_CLOSE;
    }

    @Override
    public boolean resumeUnfinishedApply(String description) {
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, "", RESUME, NOT_NOW);
        alert.initOwner(owner.get());
        alert.setTitle("Unfinished apply");
        alert.setHeaderText("The last apply of this project did not finish");
        alert.setContentText(description + "\n\nContinue it? Tandem checks every step again first, so what was done is not redone.");
        alert.getDialogPane().setId("resume-apply-dialog");
        alert.getDialogPane().setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        return alert.showAndWait().orElse(NOT_NOW) == RESUME;
    }

    private static <T> T onFxThread(Supplier<T> dialog) {
        if (Platform.isFxApplicationThread()) {
            return dialog.get();
        }
        CompletableFuture<T> answer = new CompletableFuture<>();
        Platform.runLater(() -> answer.complete(dialog.get()));
        return answer.join();
    }
}
