package io.tandem.gui.steps;

import io.tandem.gui.form.Form;
import io.tandem.gui.wizard.ClusterStep;
import io.tandem.gui.wizard.FencingChoices;
import io.tandem.model.StonithType;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import java.util.ArrayList;
import java.util.List;

/** Step 6: Corosync/Pacemaker settings, fencing (IPMI, SBD, libvirt) or its acknowledged risk, and the failover preview. */
public final class ClusterView implements StepView {

    private static final String SBD = "$.cluster.stonith.sbd";
    private final VBox root = new VBox(12);

    public ClusterView(ClusterStep step, String stonithType) {
        root.setPadding(new Insets(20));
        var fields = step.fields();
        ComboBox<FencingChoices.Choice> fencing = new ComboBox<>();
        fencing.getItems().addAll(step.fencingChoices());
        fencing.setValue(step.fencingChoices().stream().filter(c -> c.type().equals(stonithType)).findFirst().orElse(null));
        fencing.setId("stonith-type");
        fencing.setAccessibleText("Fencing method");
        Label explanation = Form.note("");
        explanation.setId("stonith-explanation");

        Label perNodeHeading = Form.heading("");
        List<Node> plugs = new ArrayList<>();
        List<Node> ciphers = new ArrayList<>();
        VBox perNode = new VBox(6, perNodeHeading);
        for (int n = 0; n < 2; n++) {
            String base = "$.cluster.stonith.devices[" + n + "]";
            VBox plug = Form.field(Form.byPath(fields, base + ".plug"));
            plugs.add(plug);
            VBox cipher = Form.field(Form.byPath(fields, base + ".cipher"));
            ciphers.add(cipher);
            perNode.getChildren().addAll(Form.grid(3, List.of(Form.field(Form.byPath(fields, base + ".address")),
                    Form.field(Form.byPath(fields, base + ".user")),
                    Form.secret(Form.byPath(fields, base + ".password"), new SimpleBooleanProperty(false)))), plug, cipher);
        }
        CheckBox leaveOff = new CheckBox("Leave a fenced node switched off");
        leaveOff.setId("leave-fenced-node-off");
        leaveOff.selectedProperty().bindBidirectional(step.leaveFencedNodeOffProperty());
        perNode.getChildren().addAll(leaveOff, Form.note(ClusterStep.LEAVE_OFF));
        VBox sbd = sbdBox(step, fields);

        CheckBox accept = new CheckBox("I understand the risk and want to run without fencing");
        accept.setId("accept-no-fencing");
        accept.selectedProperty().bindBidirectional(step.acceptNoFencingProperty());
        Label risk = new Label(ClusterStep.NO_FENCING_RISK);
        risk.setWrapText(true);
        risk.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        risk.setStyle("-fx-text-fill: #c62828;");
        VBox noFencing = new VBox(6, risk, accept);
        Runnable show = () -> {
            FencingChoices.Choice choice = fencing.getValue();
            String type = choice == null ? "" : choice.type();
            explanation.setText(choice == null ? "" : choice.explanation());
            boolean virsh = type.equals(StonithType.VIRSH.agent());
            showIf(perNode, virsh || type.equals(StonithType.IPMI.agent()));
            perNodeHeading.setText(virsh ? "The libvirt host of each node, and the node's virtual machine" : "Each node's BMC");
            plugs.forEach(p -> showIf(p, virsh));
            ciphers.forEach(c -> showIf(c, type.equals(StonithType.IPMI.agent())));
            showIf(sbd, type.equals(StonithType.SBD.agent()));
            showIf(noFencing, type.equals(StonithType.NONE.agent()));
        };
        fencing.valueProperty().addListener((obs, old, now) -> {
            if (now != null) {
                step.setStonith(now.type());
            }
            show.run();
        });
        show.run();
        root.getChildren().addAll(Form.heading("Fencing (STONITH)"), Form.note("When a node stops answering, fencing makes sure it "
                + "is off before the other node takes over, so two nodes never write to the data at once."),
                fencing, explanation, perNode, sbd, noFencing);
        Button preview = new Button("Preview a failover");
        preview.setId("failover-preview");
        preview.setDisable(!step.previewAvailable());
        preview.setOnAction(e -> step.runPreview());
        Label result = new Label();
        result.textProperty().bind(step.previewProperty());
        result.setWrapText(true);
        result.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        result.setId("preview-result");
        root.getChildren().addAll(Form.heading("Failover preview"), Form.note(step.previewAvailable()
                ? "Pacemaker's own scheduler (crm_simulate) shows where everything runs now and after the preferred node fails."
                : "Install pacemaker-cli-utils on this workstation to preview failovers."), preview, result);
        root.getChildren().add(Form.advanced("cluster timing", new VBox(8,
                Form.field(Form.byPath(fields, "$.cluster.tokenMs")), Form.note("How long a node may stay silent before the other "
                        + "counts it as lost. Shorter fails over sooner but may take a busy network for a failure."),
                Form.note(ClusterStep.TWO_NODE))));
    }

    private static VBox sbdBox(ClusterStep step, List<io.tandem.gui.wizard.FieldBinding> fields) {
        VBox box = new VBox(6, Form.heading("SBD"), Form.field(Form.byPath(fields, SBD + ".devices")),
                Form.note("Use /dev/disk/by-id/… or /dev/disk/by-path/… names: they stay the same after a reboot and on both nodes."));
        var shared = step.sharedDisks();
        if (!shared.isEmpty()) {
            ComboBox<String> disks = new ComboBox<>();
            shared.forEach(d -> disks.getItems().add(d.label()));
            disks.setId("sbd-shared-disks");
            disks.setAccessibleText("Disks both nodes see");
            Button add = new Button("Add");
            add.setId("sbd-add-disk");
            add.setOnAction(e -> {
                int i = disks.getSelectionModel().getSelectedIndex();
                if (i >= 0) {
                    step.addSbdDisk(shared.get(i).path());
                }
            });
            box.getChildren().addAll(Form.note("Disks both nodes see (same WWN):"), new HBox(8, disks, add));
        }
        box.getChildren().addAll(Form.grid(3, List.of(Form.field(Form.byPath(fields, SBD + ".watchdog")),
                        Form.field(Form.byPath(fields, SBD + ".watchdogTimeout")),
                        Form.field(Form.byPath(fields, SBD + ".msgwaitTimeout")))),
                Form.note("Watchdog: softdog (the kernel's, loaded at boot) unless the servers have a hardware watchdog, e.g. "
                        + "/dev/watchdog0. The watchdog resets a node that hangs; the other node waits the message time (twice the "
                        + "watchdog timeout is usual) before it takes over."));
        return box;
    }

    private static void showIf(Node node, boolean visible) {
        node.setVisible(visible);
        node.setManaged(visible);
    }

    @Override
    public Node root() {
        return root;
    }
}
