package io.tandem.gui.wizard;

import io.tandem.discovery.Check;
import io.tandem.discovery.CompatibilityReport;
import io.tandem.discovery.HostFacts;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.List;

/**
 * Step 2: the two servers, how to log in ({@link HostLogin}), and discovery with its compatibility
 * report; what discovery finds fills the Network and Disks steps.
 */
public final class NodesStep extends StepViewModel {

    private final List<HostLogin> logins = List.of(new HostLogin(), new HostLogin());
    private final ObservableList<Check> pairReport = FXCollections.observableArrayList();
    private final BooleanProperty acceptFailures = new SimpleBooleanProperty(false);
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
    protected void startedAfresh() {
        logins.forEach(HostLogin::reset);
        pairReport.clear();
        acceptFailures.set(false);
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

    public HostLogin login(int node) {
        return logins.get(node);
    }

    public ObservableList<Check> pairReport() {
        return pairReport;
    }

    public BooleanProperty acceptFailuresProperty() {
        return acceptFailures;
    }

    /** Connects to node {@code n} and reads its facts in the background; the host-key question goes to the user. */
    public void discover(int n) {
        HostLogin login = logins.get(n);
        login.target(wizard, "$.nodes[" + n + "].ssh").ifPresent(target -> login.discover(wizard, target, CompatibilityReport::forNode, facts -> {
            wizard.facts().put(key(n), facts);
            fillFromFacts(n, facts);
            updatePairReport();
        }));
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
        logins.get(n).cancel();
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
