package io.tandem.gui.wizard;

import io.tandem.model.Project;
import io.tandem.render.Renderers;
import io.tandem.verify.FailoverPreview;
import io.tandem.verify.ResourcePlacement;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Step 6: Corosync/Pacemaker settings, fencing (or the acknowledged risk of none), the failover preview. */
public final class ClusterStep extends StepViewModel {

    private final BooleanProperty acceptNoFencing = new SimpleBooleanProperty(false);
    private final StringProperty preview = new SimpleStringProperty("");

    public static final String TWO_NODE = "With two nodes, losing one would normally mean losing quorum (a majority). "
            + "two_node lets the survivor carry on; fencing makes that safe.";
    public static final String NO_FENCING_RISK = "Without fencing, if the nodes lose sight of each other while both still run, both "
            + "can take over the storage at once. Clients then write to two copies that drift apart (split brain), and the "
            + "changes on one side must be thrown away. Run like this only for tests.";

    ClusterStep(WizardViewModel wizard) {
        super(wizard, "Cluster");
        number("$.cluster.tokenMs", "Token timeout (ms)");
        field("$.cluster.stonith.type", "Fencing (STONITH)");
        for (int n = 0; n < 2; n++) {
            field("$.cluster.stonith.devices[" + n + "].address", "BMC address of node " + (n + 1));
            field("$.cluster.stonith.devices[" + n + "].user", "BMC user");
            field("$.cluster.stonith.devices[" + n + "].password", "BMC password");
        }
        acceptNoFencing.addListener((obs, old, now) -> wizard.revalidate());
    }

    @Override
    protected List<String> paths() {
        return List.of("$.cluster.tokenMs", "$.cluster.twoNode", "$.cluster.stonith", "$.cluster.resourceStickiness",
                "$.cluster.operationTimeoutSeconds", "$.cluster.heartbeat");
    }

    @Override
    protected List<String> missing() {
        return "none".equals(wizard.draft().text("$.cluster.stonith.type")) && !acceptNoFencing.get()
                ? List.of("Configure fencing, or confirm that you understand the risk of running without it.") : List.of();
    }

    public BooleanProperty acceptNoFencingProperty() {
        return acceptNoFencing;
    }

    /** Switching to IPMI fencing prepares one device entry per node. */
    public void setStonith(String type) {
        wizard.draft().set("$.cluster.stonith.type", type);
        if ("fence_ipmilan".equals(type)) {
            for (int n = 0; n < 2; n++) {
                wizard.draft().set("$.cluster.stonith.devices[" + n + "].node", wizard.draft().text("$.nodes[" + n + "].name"));
            }
        } else {
            wizard.draft().remove("$.cluster.stonith.devices");
        }
        wizard.changedByStep("$.cluster.stonith");
    }

    public StringProperty previewProperty() {
        return preview;
    }

    public boolean previewAvailable() {
        return FailoverPreview.available();
    }

    /** Runs crm_simulate on the generated CIB in the background and describes where everything runs. */
    public void runPreview() {
        Project project = wizard.draft().toProject().project();
        if (project == null || io.tandem.model.ProjectValidator.hasErrors(io.tandem.model.ProjectValidator.validate(project))) {
            preview.set("The preview needs a complete project without errors.");
            return;
        }
        preview.set("Asking Pacemaker's scheduler…");
        wizard.background().run(() -> {
            var work = Files.createTempDirectory("tandem-preview-");
            try {
                return FailoverPreview.run(project, Renderers.render(project), work);
            } finally {
                try (var walk = Files.walk(work)) {
                    walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }, result -> preview.set(describe(result)), failure -> preview.set("The preview failed: " + failure.getMessage()));
    }

    static String describe(FailoverPreview.Result result) {
        return "Now: " + summary(result.start()) + "\nIf " + result.lostNode() + " fails: " + summary(result.afterLoss());
    }

    private static String summary(List<ResourcePlacement> placements) {
        Map<String, List<String>> byNode = new java.util.TreeMap<>();
        for (ResourcePlacement p : placements) {
            if (p.node() != null && (p.role().equals("Started") || p.role().equals("Promoted"))) {
                byNode.computeIfAbsent(p.node(), k -> new ArrayList<>()).add(p.resource() + (p.role().equals("Promoted") ? " (primary)" : ""));
            }
        }
        List<String> parts = new ArrayList<>();
        byNode.forEach((node, resources) -> parts.add(node + " runs " + String.join(", ", resources)));
        return parts.isEmpty() ? "nothing runs" : String.join("; ", parts);
    }
}
