package io.tandem.gui.steps;

import io.tandem.gui.wizard.HostLogin;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.util.StringConverter;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.List;

/**
 * The login controls of one host (method, key file or password, sudo password), its Discover
 * and Cancel buttons with progress, the status line and the report. Ids end in {@code suffix}
 * (e.g. "-0" or "-initiator-1") so tests find each host's controls.
 */
final class LoginControls {

    private LoginControls() {
    }

    static List<Node> of(HostLogin login, String suffix, Runnable discover, Runnable cancel) {
        ComboBox<HostLogin.Method> how = new ComboBox<>();
        how.getItems().addAll(HostLogin.Method.values());
        how.valueProperty().bindBidirectional(login.method);
        how.setAccessibleText("How to log in");
        how.setConverter(new StringConverter<>() {
            @Override
            public String toString(HostLogin.Method value) {
                return value == null ? "" : switch (value) {
                    case AGENT -> "ssh-agent";
                    case KEY_FILE -> "Key file";
                    case PASSWORD -> "Password";
                };
            }

            @Override
            public HostLogin.Method fromString(String text) {
                return null;
            }
        });
        how.setId("login" + suffix);
        TextField key = new TextField();
        key.textProperty().bindBidirectional(login.keyFile);
        key.setId("key-file" + suffix);
        key.setPromptText("Private key file");
        key.setAccessibleText("Private key file");
        key.visibleProperty().bind(login.method.isEqualTo(HostLogin.Method.KEY_FILE));
        key.managedProperty().bind(key.visibleProperty());
        PasswordField password = new PasswordField();
        password.textProperty().bindBidirectional(login.password);
        password.setPromptText("Password (kept in memory only)");
        password.setAccessibleText("Login password");
        password.setId("password" + suffix);
        password.visibleProperty().bind(login.method.isEqualTo(HostLogin.Method.PASSWORD));
        password.managedProperty().bind(password.visibleProperty());
        PasswordField sudo = new PasswordField();
        sudo.textProperty().bindBidirectional(login.sudoPassword);
        sudo.setPromptText("sudo password, if the user needs one");
        sudo.setAccessibleText("sudo password");
        Button discoverButton = new Button("Discover", new FontIcon("mdi2m-magnify"));
        discoverButton.setId("discover" + suffix);
        discoverButton.disableProperty().bind(login.running);
        discoverButton.setOnAction(e -> discover.run());
        Button cancelButton = new Button("Cancel");
        cancelButton.visibleProperty().bind(login.running);
        cancelButton.setOnAction(e -> cancel.run());
        ProgressIndicator progress = new ProgressIndicator();
        progress.setPrefSize(20, 20);
        progress.visibleProperty().bind(login.running);
        Label status = new Label();
        status.textProperty().bind(login.status);
        status.setWrapText(true);
        status.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE); // a discovery failure in full, never cut with "…"
        status.setId("status" + suffix);
        return List.of(new Label("Log in with"), how, key, password, sudo, new HBox(8, discoverButton, cancelButton, progress), status,
                ReportList.of(login.report, "report" + suffix));
    }
}
