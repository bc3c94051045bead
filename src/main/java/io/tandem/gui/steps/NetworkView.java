package io.tandem.gui.steps;

import io.tandem.discovery.HostFacts;
import io.tandem.facts.NetLink;
import io.tandem.facts.NicHardware;
import io.tandem.gui.form.Form;
import io.tandem.gui.wizard.FieldBinding;
import io.tandem.gui.wizard.NetworkStep;
import io.tandem.gui.wizard.NodesStep;
import io.tandem.gui.wizard.WizardViewModel;
import io.tandem.model.BondMode;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

import java.util.List;

/** Step 3: bonds from the real NICs, bond mode with its explanation, addresses, VIP, domain, time. */
public final class NetworkView implements StepView {

    private final VBox root = new VBox(12);
    private final List<Runnable> refreshNics = new java.util.ArrayList<>();
    private boolean refreshing;

    public NetworkView(NetworkStep step, WizardViewModel wizard) {
        root.setPadding(new Insets(20));
        var fields = step.fields();
        root.getChildren().addAll(Form.note("Each node needs two networks: the client network, where the initiators reach the storage "
                + "at the virtual IP (it moves to whichever node serves), and a separate replication network over which the nodes "
                + "mirror their disks. Each is a bond of two NICs, so one cable or switch port may fail."),
                NetworkPicture.of(step, List.of(wizard.draft().text("$.nodes[0].name"), wizard.draft().text("$.nodes[1].name"))));
        root.getChildren().add(Form.heading("Networks"));
        root.getChildren().add(Form.grid(2, List.of(Form.field(Form.byPath(fields, "$.networks.client.cidr")),
                Form.field(Form.byPath(fields, "$.networks.client.virtualIp")), Form.field(Form.byPath(fields, "$.networks.client.gateway")),
                Form.field(Form.byPath(fields, "$.networks.replication.cidr")), Form.field(Form.byPath(fields, "$.domain")),
                Form.field(step.timeServers()))));
        CheckBox fallback = new CheckBox(io.tandem.model.Network.FALLBACK_LABEL);
        fallback.setId("replication-fallback");
        fallback.selectedProperty().bindBidirectional(step.fallbackProperty());
        root.getChildren().addAll(fallback, Form.note(NetworkStep.FALLBACK_NOTE));
        ComboBox<BondMode> mode = new ComboBox<>();
        mode.getItems().addAll(BondMode.values());
        mode.valueProperty().bindBidirectional(step.modeProperty());
        mode.setId("bond-mode");
        mode.setAccessibleText("Bond mode");
        mode.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(BondMode value) {
                // The name the bonding driver and its docs use.
                return value == null ? "" : value.kernelName() + (value == BondMode.ACTIVE_BACKUP ? " (recommended)" : "");
            }

            @Override
            public BondMode fromString(String text) {
                return null;
            }
        });
        Label explanation = new Label();
        explanation.textProperty().bind(Bindings.createStringBinding(() -> NetworkStep.explain(step.modeProperty().get()), step.modeProperty()));
        explanation.setWrapText(true);
        explanation.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        root.getChildren().addAll(Form.heading("Bond mode"), mode, explanation);
        root.getChildren().add(Form.columns(List.of(node(step, wizard, 0), node(step, wizard, 1))));
    }

    /** The bond's problem in words right under its NICs (too few, say), following every validation. */
    private static Label bondProblem(NetworkStep step, WizardViewModel wizard, int n, int link) {
        Label problem = new Label();
        problem.setId("bond-problem-" + n + "-" + link);
        problem.setWrapText(true);
        problem.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE); // the whole message, never cut with "…"
        problem.setStyle("-fx-text-fill: #c62828;");
        problem.managedProperty().bind(problem.textProperty().isNotEmpty());
        javafx.collections.ListChangeListener<io.tandem.model.Problem> show = c -> problem.setText(step.bondProblem(n, link));
        // Weak: the view is built anew each time the step is shown; the label keeps its listener alive while it lives.
        problem.getProperties().put("problems-listener", show);
        wizard.problems().addListener(new javafx.collections.WeakListChangeListener<>(show));
        problem.setText(step.bondProblem(n, link));
        return problem;
    }

    /** Shows every NIC box's saved state again (ticking one for a bond greys it on the other). */
    private void refreshNics() {
        refreshing = true;
        try {
            refreshNics.forEach(Runnable::run);
        } finally {
            refreshing = false;
        }
    }

    private VBox node(NetworkStep step, WizardViewModel wizard, int n) {
        VBox box = new VBox(8, Form.heading("Node " + (n + 1) + " — " + wizard.draft().text("$.nodes[" + n + "].name")));
        var fields = step.fields();
        HostFacts facts = wizard.facts().get(NodesStep.key(n));
        box.getChildren().add(nicTable(step, n));
        for (int link = 0; link < 2; link++) {
            String prefix = "$.nodes[" + n + "].links[" + link + "]";
            box.getChildren().add(new Label(link == NetworkStep.CLIENT ? "Client bond: NICs" : "Replication bond: NICs"));
            javafx.scene.layout.FlowPane nics = Form.row(List.of());
            Label bondProblem = bondProblem(step, wizard, n, link);
            for (NetLink nic : step.nics(n)) {
                NicHardware hw = facts == null ? null : facts.nicHardware().get(nic.name());
                String text = nic.name() + (hw != null && hw.speedMbps() != null ? " " + hw.speedMbps() + " Mb/s" : "")
                        + (nic.carrier() ? "" : " (no link)");
                CheckBox box2 = new CheckBox();
                box2.setId("nic-" + n + "-" + link + "-" + nic.name());
                final int l = link;
                // Always the saved state: a NIC the other bond uses is greyed with the reason, never taken from it.
                Runnable show = () -> {
                    String usedBy = step.usedBy(n, l, nic.name());
                    box2.setSelected(step.slaves(n, l).contains(nic.name()));
                    box2.setDisable(!usedBy.isEmpty());
                    box2.setText(usedBy.isEmpty() ? text : text + " — " + usedBy);
                };
                show.run();
                box2.selectedProperty().addListener((obs, old, now) -> {
                    if (!refreshing && now != step.slaves(n, l).contains(nic.name())) {
                        step.setSlave(n, l, nic.name(), now);
                        refreshNics();
                    }
                });
                refreshNics.add(show);
                nics.getChildren().add(box2);
            }
            if (step.nics(n).isEmpty()) {
                nics.getChildren().add(Form.note("Discover the node to choose from its NICs."));
            }
            box.getChildren().addAll(nics, bondProblem);
            box.getChildren().add(Form.grid(2, List.of(Form.field(Form.byPath(fields, prefix + ".interfaceName")),
                    Form.field(Form.byPath(fields, prefix + ".address")))));
        }
        // Follows the client address as it is typed, not only when the step is opened again.
        FieldBinding clientAddress = Form.byPath(fields, "$.nodes[" + n + "].links[0].address");
        Label loud = new Label();
        // From the field's value, not the draft: this binding may be read before the draft has the new value.
        loud.textProperty().bind(Bindings.createStringBinding(() -> step.addressWarning(n, clientAddress.value().get()),
                clientAddress.value()));
        loud.setWrapText(true);
        loud.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE); // the whole rollback explanation, never cut with "…"
        loud.setStyle("-fx-text-fill: #a35c00; -fx-font-weight: bold;");
        loud.setId("address-warning-" + n);
        loud.visibleProperty().bind(loud.textProperty().isNotEmpty());
        loud.managedProperty().bind(loud.visibleProperty());
        box.getChildren().add(loud);
        box.setPrefWidth(440);
        box.setMinWidth(Form.MIN_COLUMN_WIDTH * 2 + 16);
        return box;
    }

    /** The node's NICs as discovery saw them: link, speed, MAC, and the one Tandem's SSH session uses. */
    private static Node nicTable(NetworkStep step, int n) {
        var nics = step.nicFacts(n);
        if (nics.isEmpty()) {
            return Form.note("Discover the node to see its NICs.");
        }
        javafx.scene.layout.GridPane table = new javafx.scene.layout.GridPane();
        table.setId("nic-facts-" + n);
        table.setHgap(12);
        table.setVgap(2);
        List<String> head = List.of("NIC", "Link", "Speed", "MAC");
        for (int c = 0; c < head.size(); c++) {
            Label h = new Label(head.get(c));
            h.setStyle("-fx-font-weight: bold;");
            table.add(h, c, 0);
        }
        int row = 1;
        Label ssh = null;
        for (NetworkStep.NicFact nic : nics) {
            table.add(new Label(nic.name() + (nic.carriesSsh() ? " ★" : "")), 0, row);
            Label link = new Label(nic.linkUp() ? "up" : "no link");
            link.setStyle(nic.linkUp() ? "-fx-text-fill: #2e7d32;" : "-fx-text-fill: #c62828;");
            table.add(link, 1, row);
            table.add(new Label(nic.speedMbps() == null ? "?" : nic.speedMbps() + " Mb/s"), 2, row);
            table.add(new Label(nic.mac() == null ? "?" : nic.mac()), 3, row);
            if (nic.carriesSsh()) {
                ssh = Form.note("★ " + nic.name() + " carries Tandem's SSH connection" + (nic.addresses().isEmpty() ? "" : " ("
                        + String.join(", ", nic.addresses()) + ")") + ": keep it in the client bond.");
                ssh.setId("nic-ssh-" + n);
            }
            row++;
        }
        VBox box = new VBox(4, table);
        if (ssh != null) {
            box.getChildren().add(ssh);
        }
        return box;
    }

    @Override
    public Node root() {
        return root;
    }
}
