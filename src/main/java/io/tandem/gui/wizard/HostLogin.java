package io.tandem.gui.wizard;

import io.tandem.discovery.Check;
import io.tandem.discovery.HostConnector;
import io.tandem.discovery.HostFacts;
import io.tandem.model.Secret;
import io.tandem.ssh.Authentication;
import io.tandem.ssh.ConnectionSettings;
import io.tandem.ssh.SshFailure;
import io.tandem.ssh.SshTarget;
import io.tandem.ssh.Sudo;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * How to log in to one host (a node or a client), and its discovery: progress, status and report.
 * Passwords live only here, in memory: they are never written to the project.
 */
public final class HostLogin {

    public enum Method { AGENT, KEY_FILE, PASSWORD }

    public final ObjectProperty<Method> method = new SimpleObjectProperty<>(Method.KEY_FILE);
    public final StringProperty keyFile = new SimpleStringProperty(Path.of(System.getProperty("user.home"), ".ssh", "id_ed25519").toString());
    public final StringProperty password = new SimpleStringProperty("");
    public final StringProperty sudoPassword = new SimpleStringProperty("");
    public final StringProperty status = new SimpleStringProperty("Not discovered yet.");
    public final BooleanProperty running = new SimpleBooleanProperty(false);
    public final ObservableList<Check> report = FXCollections.observableArrayList();
    private final ObjectProperty<HostFacts> facts = new SimpleObjectProperty<>();
    private io.tandem.gui.Background.Job job;

    private record Found(HostFacts facts, List<Check> report) {
    }

    /** What discovery found, or null before. */
    public ObjectProperty<HostFacts> factsProperty() {
        return facts;
    }

    /**
     * Connects and reads the host's facts in the background; the report is computed there too, so
     * the FX thread only stores the result and runs {@code onFound}.
     */
    void discover(WizardViewModel wizard, SshTarget target, Function<HostFacts, List<Check>> reportOf, Consumer<HostFacts> onFound) {
        ConnectionSettings settings = settings(wizard, target);
        HostConnector connector = wizard.connectorProperty().get();
        running.set(true);
        status.set("Connecting to " + target + " and reading its facts…");
        job = wizard.background().run(() -> {
            HostFacts found = connector.discover(settings);
            return new Found(found, reportOf.apply(found));
        }, found -> wizard.batch(() -> {
            running.set(false);
            facts.set(found.facts());
            status.set("Discovered " + found.facts().hostname() + " in "
                    + String.format("%.1f", found.facts().elapsed().toMillis() / 1000.0) + " s" + (connector.isDemo() ? " (demo host)" : ""));
            report.setAll(found.report());
            wizard.rememberLogin(target, this);
            onFound.accept(found.facts());
        }), failure -> {
            running.set(false);
            status.set(failure instanceof SshFailure f ? f.getMessage() : "Discovery failed: " + failure.getMessage());
        });
    }

    /** How to log in to {@code target} as the user chose here (also for plan, apply and the status read). */
    ConnectionSettings settings(WizardViewModel wizard, SshTarget target) {
        return ConnectionSettings.of(target, authentication(), wizard.hostKeys(), wizard.dialogs()::trustHostKey)
                .withSudo(sudoPassword.get().isEmpty() ? Sudo.forUser(target.user()) : new Sudo.WithPassword(Secret.of(sudoPassword.get())));
    }

    /** Back to "not discovered": the facts and report belonged to another project's host. */
    void reset() {
        cancel();
        facts.set(null);
        report.clear();
        status.set("Not discovered yet.");
    }

    void cancel() {
        if (job != null && running.get()) {
            job.cancel();
            running.set(false);
            status.set("Cancelled.");
        }
    }

    /** The address, port and user at {@code base} (e.g. "$.nodes[0].ssh"), or empty with the reason in the status. */
    java.util.Optional<SshTarget> target(WizardViewModel wizard, String base) {
        String address = wizard.draft().text(base + ".address");
        if (io.tandem.model.Ipv4.isMistyped(address)) {
            status.set("'" + address + "' is not a valid IPv4 address (four numbers from 0 to 255): correct it before discovering.");
            return java.util.Optional.empty();
        }
        java.util.Optional<SshTarget> target = wizard.sshTarget(base);
        if (target.isEmpty()) {
            status.set("Enter the address, user and port first.");
        }
        return target;
    }

    private List<Authentication> authentication() {
        return switch (method.get()) {
            case AGENT -> List.of(new Authentication.Agent());
            case KEY_FILE -> List.of(new Authentication.KeyFile(Path.of(keyFile.get())));
            case PASSWORD -> List.of(new Authentication.Password(Secret.of(password.get())));
        };
    }
}
