package io.tandem.gui.wizard;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Step 6: Corosync/Pacemaker settings, fencing (or the acknowledged risk of none), the failover preview. */
public final class ClusterStep extends StepViewModel {

    private final BooleanProperty acceptNoFencing = new SimpleBooleanProperty(false);
    private final StringProperty preview = new SimpleStringProperty("");
    /** Fencing settings of the types not chosen now, kept for this session only (see {@link FencingChoices#prepare}). */
    private final Map<String, JsonNode> rememberedFencing = new HashMap<>();

    public static final String TWO_NODE = "With two nodes, losing one would normally mean losing quorum (a majority). "
            + "two_node lets the survivor carry on; fencing makes that safe.";
    public static final String NO_FENCING_RISK = "Without fencing, if the nodes lose sight of each other while both still run, both "
            + "can take over the storage at once. Clients then write to two copies that drift apart (split brain), and the "
            + "changes on one side must be thrown away. Run like this only for tests.";

    ClusterStep(WizardViewModel wizard) {
        super(wizard, "Cluster");
        number("$.cluster.tokenMs", "Token timeout (ms)");
        field("$.cluster.stonith.type", "Fencing (STONITH)");
        // One set of fields for IPMI and libvirt: the View's headings say which controller they mean.
        for (int n = 0; n < 2; n++) {
            String device = FencingChoices.device(n);
            field(device + ".address", "Address for node " + (n + 1));
            field(device + ".user", "User");
            field(device + ".password", "Password");
            field(device + ".plug", "Virtual machine name of node " + (n + 1));
        }
        list(FencingChoices.SBD + ".devices", "Shared disks (one, or three separated by spaces)");
        field(FencingChoices.SBD + ".watchdog", "Watchdog");
        number(FencingChoices.SBD + ".watchdogTimeout", "Watchdog timeout (s)");
        number(FencingChoices.SBD + ".msgwaitTimeout", "Message wait (s)");
        acceptNoFencing.addListener((obs, old, now) -> wizard.revalidate());
    }

    /** The fencing types offered, each with one plain sentence. */
    public List<FencingChoices.Choice> fencingChoices() {
        return FencingChoices.ALL;
    }

    /** Disks both discovered nodes see under the same WWN, for SBD; empty before discovery. */
    public List<FencingChoices.SharedDisk> sharedDisks() {
        return FencingChoices.sharedDisks(wizard.facts().get(NodesStep.key(0)), wizard.facts().get(NodesStep.key(1)));
    }

    /** Adds a discovered shared disk to the SBD disks (at most three). */
    public void addSbdDisk(String path) {
        String list = FencingChoices.SBD + ".devices";
        List<String> disks = new ArrayList<>();
        wizard.draft().get(list).forEach(d -> disks.add(d.asText()));
        if (!disks.contains(path) && disks.size() < 3) {
            disks.add(path);
            wizard.draft().set(list, disks);
            wizard.changedByStep(list);
        }
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

    @Override
    protected void startedAfresh() {
        rememberedFencing.clear();
    }

    public BooleanProperty acceptNoFencingProperty() {
        return acceptNoFencing;
    }

    /**
     * Switching type prepares what it needs (a device per node, or SBD defaults) and drops what it
     * does not use from the draft; what was typed is remembered for switching back.
     */
    public void setStonith(String type) {
        FencingChoices.prepare(wizard.draft(), type, rememberedFencing);
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
