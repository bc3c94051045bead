package io.tandem.gui.wizard;

import io.tandem.discovery.Check;
import io.tandem.discovery.CompatibilityReport;
import io.tandem.discovery.HostFacts;
import io.tandem.gui.Background;
import io.tandem.model.Secret;
import io.tandem.ssh.Authentication;
import io.tandem.ssh.ConnectionSettings;
import io.tandem.ssh.HostKeyStore;
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
import java.util.ArrayList;
import java.util.List;

/**
 * Step 2: the two servers, how to log in, and discovery with its compatibility report. Login
 * secrets live only here, in memory: they are never written to the project.
 */
public final class NodesStep extends StepViewModel {

    public enum Login { AGENT, KEY_FILE, PASSWORD }

    /** Per node: how to log in, discovery progress and report. */
    public static final class NodeLogin {
        public final ObjectProperty<Login> login = new SimpleObjectProperty<>(Login.KEY_FILE);
        public final StringProperty keyFile = new SimpleStringProperty(System.getProperty("user.home") + "/.ssh/id_ed25519");
        public final StringProperty password = new SimpleStringProperty("");
        public final StringProperty sudoPassword = new SimpleStringProperty("");
        public final StringProperty status = new SimpleStringProperty("Not discovered yet.");
        public final BooleanProperty running = new SimpleBooleanProperty(false);
        public final ObservableList<Check> report = FXCollections.observableArrayList();
        Background.Job job;
    }

    private record Discovered(HostFacts facts, List<Check> report) {
    }

    private final List<NodeLogin> logins = List.of(new NodeLogin(), new NodeLogin());
    private final ObservableList<Check> pairReport = FXCollections.observableArrayList();
    private final BooleanProperty acceptFailures = new SimpleBooleanProperty(false);
    private HostKeyStore hostKeys = HostKeyStore.forCurrentUser();
    private final StringProperty scanSubnet = new SimpleStringProperty("");
    private final StringProperty scanStatus = new SimpleStringProperty("");
    private final ObservableList<String> scanResults = FXCollections.observableArrayList();

    NodesStep(WizardViewModel wizard) {
        super(wizard, "Nodes");
        for (int n = 0; n < 2; n++) {
            field("$.nodes[" + n + "].name", "Name (its host name)");
            field("$.nodes[" + n + "].ssh.address", "Address");
            field("$.nodes[" + n + "].ssh.user", "User");
            number("$.nodes[" + n + "].ssh.port", "SSH port");
        }
        acceptFailures.addListener((obs, old, now) -> wizard.revalidate());
        wizard.facts().addListener((javafx.collections.MapChangeListener<String, HostFacts>) change -> wizard.revalidate());
    }

    @Override
    protected List<String> paths() {
        return List.of("$.nodes[0].name", "$.nodes[0].ssh", "$.nodes[0].os", "$.nodes[0].drbdVersion",
                "$.nodes[1].name", "$.nodes[1].ssh", "$.nodes[1].os", "$.nodes[1].drbdVersion");
    }

    @Override
    protected List<String> missing() {
        List<String> missing = new ArrayList<>();
        for (int n = 0; n < 2; n++) {
            if (!wizard.facts().containsKey(key(n))) {
                missing.add("Discover node " + (n + 1) + " first.");
            }
        }
        boolean failures = logins.stream().anyMatch(l -> l.report.stream().anyMatch(c -> c.status() == Check.Status.FAIL))
                || pairReport.stream().anyMatch(c -> c.status() == Check.Status.FAIL);
        if (missing.isEmpty() && failures && !acceptFailures.get()) {
            missing.add("The compatibility report has failures: fix them and discover again, or continue anyway to plan now.");
        }
        return missing;
    }

    public static String key(int node) {
        return "node" + node;
    }

    public NodeLogin login(int node) {
        return logins.get(node);
    }

    public ObservableList<Check> pairReport() {
        return pairReport;
    }

    public BooleanProperty acceptFailuresProperty() {
        return acceptFailures;
    }

    /** Tandem's own known-hosts store; tests point it at a temporary file. */
    public void useHostKeyStore(HostKeyStore store) {
        this.hostKeys = store;
    }

    /** Connects to node {@code n} and reads its facts in the background; the host-key question goes to the user. */
    public void discover(int n) {
        NodeLogin login = logins.get(n);
        SshTarget target;
        try {
            target = new SshTarget(wizard.draft().text("$.nodes[" + n + "].ssh.address"),
                    Integer.parseInt(wizard.draft().text("$.nodes[" + n + "].ssh.port")), wizard.draft().text("$.nodes[" + n + "].ssh.user"));
        } catch (IllegalArgumentException e) {
            login.status.set("Enter the address, user and port first.");
            return;
        }
        ConnectionSettings settings = ConnectionSettings.of(target, authentication(login), hostKeys, wizard.dialogs()::trustHostKey)
                .withSudo(login.sudoPassword.get().isEmpty() ? Sudo.forUser(target.user()) : new Sudo.WithPassword(Secret.of(login.sudoPassword.get())));
        login.running.set(true);
        login.status.set("Connecting to " + target + " and reading its facts…");
        var connector = wizard.connectorProperty().get();
        // The report is computed with the facts, off the FX thread; the handler only stores and fills.
        login.job = wizard.background().run(() -> {
            HostFacts facts = connector.discover(settings);
            return new Discovered(facts, CompatibilityReport.forNode(facts));
        }, found -> wizard.batch(() -> {
            HostFacts facts = found.facts();
            login.running.set(false);
            wizard.facts().put(key(n), facts);
            login.status.set("Discovered " + facts.hostname() + " in " + String.format("%.1f", facts.elapsed().toMillis() / 1000.0) + " s"
                    + (connector.isDemo() ? " (demo host)" : ""));
            login.report.setAll(found.report());
            fillFromFacts(n, facts);
            updatePairReport();
        }), failure -> {
            login.running.set(false);
            login.status.set(failure instanceof SshFailure f ? f.getMessage() : "Discovery failed: " + failure.getMessage());
        });
    }

    public StringProperty scanSubnetProperty() {
        return scanSubnet;
    }

    public StringProperty scanStatusProperty() {
        return scanStatus;
    }

    public ObservableList<String> scanResults() {
        return scanResults;
    }

    /** Lists the hosts answering SSH in the subnet (demo: the demo hosts), in the background. */
    public void scan() {
        String cidr = scanSubnet.get().strip();
        var connector = wizard.connectorProperty().get();
        scanStatus.set("Scanning " + cidr + "…");
        wizard.background().run(() -> connector.scan(cidr), found -> {
            scanResults.setAll(found);
            scanStatus.set(found.size() + " host(s) answer SSH in " + cidr + ". Pick one for each node.");
        }, failure -> scanStatus.set(failure.getMessage()));
    }

    /** Takes a scanned address for node {@code n}. */
    public void use(int n, String address) {
        wizard.draft().set("$.nodes[" + n + "].ssh.address", address);
        wizard.changedByStep("$.nodes[" + n + "].ssh.address");
    }

    public void cancel(int n) {
        NodeLogin login = logins.get(n);
        if (login.job != null) {
            login.job.cancel();
            login.running.set(false);
            login.status.set("Cancelled.");
        }
    }

    private static List<Authentication> authentication(NodeLogin login) {
        return switch (login.login.get()) {
            case AGENT -> List.of(new Authentication.Agent());
            case KEY_FILE -> List.of(new Authentication.KeyFile(Path.of(login.keyFile.get())));
            case PASSWORD -> List.of(new Authentication.Password(Secret.of(login.password.get())));
        };
    }

    /** What discovery tells us goes into the project: the host name, OS and DRBD generation. */
    private void fillFromFacts(int n, HostFacts facts) {
        String node = "$.nodes[" + n + "]";
        if (io.tandem.model.ValuePatterns.HOST_NAME.matches(facts.hostname())) {
            wizard.draft().set(node + ".name", facts.hostname());
        }
        facts.os().flatMap(os -> os.operatingSystem()).ifPresent(os -> wizard.draft().set(node + ".os", jsonName(os)));
        facts.drbd().generation().ifPresent(v -> wizard.draft().set(node + ".drbdVersion", v == io.tandem.model.DrbdVersion.V9 ? "9" : "8.4"));
        wizard.step(NetworkStep.class).suggestFromFacts(n, facts);
        wizard.step(DisksStep.class).suggestFromFacts();
        wizard.changedByStep(node);
    }

    private void updatePairReport() {
        HostFacts a = wizard.facts().get(key(0));
        HostFacts b = wizard.facts().get(key(1));
        pairReport.setAll(a != null && b != null ? CompatibilityReport.forPair(a, b) : List.of());
        wizard.revalidate();
    }

    static String jsonName(Enum<?> value) {
        try {
            var annotation = value.getDeclaringClass().getField(value.name()).getAnnotation(com.fasterxml.jackson.annotation.JsonProperty.class);
            return annotation == null ? value.name() : annotation.value();
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException(e);
        }
    }
}
