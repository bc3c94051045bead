package io.tandem.gui.steps;

import io.tandem.discovery.HostFacts;
import io.tandem.facts.NetLink;
import io.tandem.facts.NicHardware;
import io.tandem.gui.form.Form;
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
        root.getChildren().add(Form.heading("Networks"));
        root.getChildren().add(Form.grid(2, List.of(Form.field(Form.byPath(fields, "$.networks.client.cidr")),
                Form.field(Form.byPath(fields, "$.networks.client.virtualIp")), Form.field(Form.byPath(fields, "$.networks.client.gateway")),
                Form.field(Form.byPath(fields, "$.networks.replication.cidr")), Form.field(Form.byPath(fields, "$.domain")),
                Form.field(step.timeServers()))));
        ComboBox<BondMode> mode = new ComboBox<>();
        mode.getItems().addAll(BondMode.values());
        mode.valueProperty().bindBidirectional(step.modeProperty());
        mode.setId("bond-mode");
        mode.setAccessibleText("Bond mode");
        mode.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(BondMode value) {
                return value == null ? "" : value.kernelName(); // the name the bonding driver and its docs use
            }

            @Override
            public BondMode fromString(String text) {
                return null;
            }
        });
        Label explanation = new Label();
        explanation.textProperty().bind(Bindings.createStringBinding(() -> NetworkStep.explain(step.modeProperty().get()), step.modeProperty()));
        explanation.setWrapText(true);
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
        String warning = step.addressWarning(n);
        if (!warning.isEmpty()) {
            Label loud = new Label(warning);
            loud.setWrapText(true);
            loud.setStyle("-fx-text-fill: #a35c00; -fx-font-weight: bold;");
            loud.setId("address-warning-" + n);
            box.getChildren().add(loud);
        }
        box.setPrefWidth(440);
        return box;
    }

    @Override
    public Node root() {
        return root;
    }
}
