package io.tandem.gui.wizard;

import com.fasterxml.jackson.databind.JsonNode;
import io.tandem.model.Project;
import io.tandem.render.Renderers;
import io.tandem.render.modern.PacemakerLayoutBuilder;
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

    /** What leaving a fenced node off means, under its check box. */
    public static final String LEAVE_OFF = "The other node takes over sooner: it need not wait until the lost node is powered "
            + "on again. The lost node then stays off until someone has looked at it and powered it on; until then the storage "
            + "runs on one node.";
    private final BooleanProperty leaveFencedNodeOff = new SimpleBooleanProperty(false);
    private boolean loadingAction;

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
            number(device + ".cipher", "IPMI cipher suite (optional, e.g. 3 or 17)");
        }
        list(FencingChoices.SBD + ".devices", "Shared disks (one, or three separated by spaces)");
        field(FencingChoices.SBD + ".watchdog", "Watchdog");
        number(FencingChoices.SBD + ".watchdogTimeout", "Watchdog timeout (s)");
        number(FencingChoices.SBD + ".msgwaitTimeout", "Message wait (s)");
        acceptNoFencing.addListener((obs, old, now) -> wizard.revalidate());
        readFenceAction();
        leaveFencedNodeOff.addListener((obs, old, now) -> {
            if (!loadingAction) {
                if (now) {
                    wizard.draft().set(FencingChoices.ACTION, io.tandem.model.FenceAction.OFF.keyword());
                } else {
                    wizard.draft().remove(FencingChoices.ACTION);
                }
                wizard.changedByStep(FencingChoices.ACTION);
            }
        });
    }

    /** Power fencing that leaves the lost node off ("action": "off") instead of rebooting it. */
    public BooleanProperty leaveFencedNodeOffProperty() {
        return leaveFencedNodeOff;
    }

    @Override
    protected void reloadFields() {
        super.reloadFields();
        readFenceAction();
    }

    private void readFenceAction() {
        loadingAction = true;
        leaveFencedNodeOff.set(io.tandem.model.FenceAction.OFF.keyword().equals(wizard.draft().text(FencingChoices.ACTION)));
        loadingAction = false;
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
        readFenceAction();
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
        }, result -> preview.set(describe(result, project)), failure -> preview.set("The preview failed: " + failure.getMessage()));
    }

    /**
     * The preview in the words of someone who runs storage, not Pacemaker: what serves the clients
     * (the virtual IP, the target, its LUNs) and which node is primary, now and after the preferred
     * node is lost. Resource ids (p_vip, drbd_r0) and the plumbing around them (port blocks, the
     * mutual-CHAP binding) stay out of it.
     */
    static String describe(FailoverPreview.Result result, Project project) {
        String vip = project.networks().client().virtualIp();
        String startNode = serving(result.start());
        String afterNode = serving(result.afterLoss());
        StringBuilder text = new StringBuilder();
        if (startNode == null) {
            text.append("Now: nothing would start; check the fencing and the disks.");
        } else {
            text.append("Now: ").append(startNode).append(" serves the clients — ").append(join(served(result.start(), startNode, vip)))
                    .append(primaries(result.start(), startNode)).append(". ").append(other(project, startNode))
                    .append(" keeps a copy of every volume.");
        }
        text.append("\nIf ").append(result.lostNode()).append(" fails: ");
        if (afterNode == null) {
            text.append("nothing takes over; the clients wait until ").append(result.lostNode()).append(" is back.");
        } else if (afterNode.equals(startNode)) {
            text.append(afterNode).append(" goes on serving the clients.");
        } else {
            text.append("the virtual IP ").append(vip).append(" moves to ").append(afterNode);
            List<String> rest = new ArrayList<>(served(result.afterLoss(), afterNode, vip));
            rest.removeIf(s -> s.startsWith("the virtual IP"));
            if (!rest.isEmpty()) {
                text.append(", with ").append(join(rest));
            }
            text.append(primaries(result.afterLoss(), afterNode)).append(". Initiators reconnect to the same address.");
        }
        return text.toString();
    }

    /** The node that holds the virtual IP, or null. */
    private static String serving(List<ResourcePlacement> placements) {
        return placements.stream().filter(p -> p.resource().equals(PacemakerLayoutBuilder.VIP_ID) && p.role().equals("Started") && p.node() != null)
                .map(ResourcePlacement::node).findFirst().orElse(null);
    }

    /** What {@code node} serves to clients, in the group's order, in plain words. */
    private static List<String> served(List<ResourcePlacement> placements, String node, String vip) {
        List<String> served = new ArrayList<>();
        for (ResourcePlacement p : placements) {
            if (node.equals(p.node()) && p.role().equals("Started")) {
                String words = p.resource().equals(PacemakerLayoutBuilder.VIP_ID) ? "the virtual IP " + vip
                        : p.resource().equals(io.tandem.render.modern.PacemakerLayoutBuilder.TARGET_ID) ? "the iSCSI target"
                        : p.resource().matches("p_lun\\d+") ? "LUN " + p.resource().substring("p_lun".length()) : null;
                if (words != null && !served.contains(words)) {
                    served.add(words);
                }
            }
        }
        return served;
    }

    /** ", and is primary of volumes r0 and r1", or "" when none is promoted there. */
    private static String primaries(List<ResourcePlacement> placements, String node) {
        List<String> volumes = placements.stream().filter(p -> node.equals(p.node()) && p.role().equals("Promoted"))
                .map(p -> p.resource().replaceFirst(":\\d+$", "").replaceFirst("^drbd_", "")).distinct().toList();
        return volumes.isEmpty() ? "" : "; it is the primary of volume" + (volumes.size() > 1 ? "s " : " ") + join(volumes);
    }

    private static String other(Project project, String node) {
        return project.nodes().stream().map(io.tandem.model.Node::name).filter(n -> !n.equals(node)).findFirst().orElse("The other node");
    }

    /** "a", "a and b", "a, b and c". */
    static String join(List<String> items) {
        if (items.size() <= 1) {
            return items.isEmpty() ? "" : items.getFirst();
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.getLast();
    }
}
