package io.tandem.gui.steps;

import io.tandem.gui.form.Form;
import io.tandem.gui.wizard.DisksStep;
import io.tandem.gui.wizard.WizardViewModel;
import io.tandem.model.DiskLayout;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * Step 4: a device per volume and node; a device holding data needs its path typed to be chosen, a
 * device the server itself uses is shown greyed with the reason and cannot be chosen. Volumes can
 * be added and removed (not the last one).
 */
public final class DisksView implements StepView {

    private final VBox root = new VBox(12);
    private final DisksStep step;
    private final WizardViewModel wizard;

    public DisksView(DisksStep step, WizardViewModel wizard) {
        this.step = step;
        this.wizard = wizard;
        root.setPadding(new Insets(20));
        build();
    }

    /** Built again after a volume is added or removed: every volume's controls follow its index. */
    private void build() {
        root.getChildren().setAll(Form.note("Each volume is mirrored between the two nodes and appears to the initiators as one disk. "
                + "Pick an empty device on each node; their sizes should match. The defaults are safe: the device as it is, with "
                + "DRBD's metadata inside it (internal). Devices the server itself uses (its system disk, swap, LVM, RAID) are "
                + "shown greyed and cannot be chosen."));
        for (int r = 0; r < step.resourceCount(); r++) {
            int volume = r;
            Button remove = new Button("Remove volume " + step.resourceName(r));
            remove.setId("remove-volume-" + r);
            Label why = Form.note(step.removalBlocker(r));
            why.setId("remove-volume-why-" + r);
            why.managedProperty().bind(why.textProperty().isNotEmpty());
            remove.setDisable(!step.removalBlocker(r).isEmpty());
            remove.setOnAction(e -> {
                if (step.removeVolume(volume)) {
                    build();
                }
            });
            HBox heading = new HBox(12, Form.heading("Volume " + step.resourceName(r)), remove);
            heading.setAlignment(Pos.CENTER_LEFT);
            root.getChildren().addAll(heading, why);
            // The size note follows either node's choice as it is made, not only when the step is opened again.
            Label sizeNote = Form.note(step.sizeNote(r));
            sizeNote.setId("size-note-" + r);
            sizeNote.managedProperty().bind(sizeNote.textProperty().isNotEmpty());
            sizeNote.visibleProperty().bind(sizeNote.textProperty().isNotEmpty());
            Runnable sizes = () -> sizeNote.setText(step.sizeNote(volume));
            root.getChildren().add(Form.columns(java.util.List.of(choice(step, wizard, r, 0, sizes), choice(step, wizard, r, 1, sizes))));
            root.getChildren().add(sizeNote);
        }
        Button add = new Button("Add a volume");
        add.setId("add-volume");
        add.setOnAction(e -> {
            step.addVolume();
            build();
        });
        root.getChildren().addAll(add, Form.note("Each volume needs its own device on each node. One volume is enough; add one per "
                + "further disk pair you want to offer as a separate LUN."));
    }

    private static VBox choice(DisksStep step, WizardViewModel wizard, int r, int n, Runnable chosen) {
        ComboBox<DisksStep.DeviceChoice> devices = new ComboBox<>();
        devices.getItems().addAll(step.choices(n));
        devices.setId("disk-" + r + "-" + n);
        devices.setAccessibleText("Device of volume " + step.resourceName(r) + " on node " + (n + 1));
        devices.setButtonCell(cell(DisksStep.DeviceChoice::shortLabel, false));
        devices.setCellFactory(v -> cell(DisksStep.DeviceChoice::label, true));
        step.choice(n, step.selected(r, n)).ifPresent(devices::setValue);
        devices.setMaxWidth(Double.MAX_VALUE);
        TextField confirm = new TextField();
        confirm.textProperty().bindBidirectional(step.confirmation(r, n));
        confirm.setId("confirm-" + r + "-" + n);
        confirm.setPromptText("type the device path to confirm");
        Label warning = new Label();
        warning.setWrapText(true);
        warning.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE); // the whole warning, however narrow the column
        warning.managedProperty().bind(warning.textProperty().isNotEmpty());
        warning.setStyle("-fx-text-fill: #c62828; -fx-font-weight: bold;");
        ComboBox<DiskLayout> layout = new ComboBox<>();
        layout.getItems().addAll(DiskLayout.values());
        layout.setId("layout-" + r + "-" + n);
        layout.setAccessibleText("Partition layout of volume " + step.resourceName(r) + " on node " + (n + 1));
        layout.setConverter(new StringConverter<>() {
            @Override
            public String toString(DiskLayout value) {
                return value == null ? "" : switch (value) {
                    case WHOLE_DEVICE -> "Use the device as it is";
                    case GPT_PARTITION -> "Make one GPT partition on it";
                };
            }

            @Override
            public DiskLayout fromString(String text) {
                return null;
            }
        });
        layout.setValue(step.layout(r, n));
        Label layoutNote = new Label(step.layoutNote(r, n));
        layoutNote.setWrapText(true);
        layoutNote.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        ComboBox<String> metadata = new ComboBox<>();
        metadata.getItems().addAll(step.metadataChoices(n));
        metadata.setId("metadata-" + r + "-" + n);
        metadata.setAccessibleText("Where DRBD keeps the metadata of volume " + step.resourceName(r) + " on node " + (n + 1));
        metadata.setValue(step.metadata(r, n));
        metadata.setConverter(new StringConverter<>() {
            @Override
            public String toString(String value) {
                return value == null ? "" : value.equals("internal") ? "Metadata inside the device (internal)" : "Metadata on " + value;
            }

            @Override
            public String fromString(String text) {
                return null;
            }
        });
        metadata.valueProperty().addListener((obs, old, now) -> {
            if (now != null && !now.equals(step.metadata(r, n))) {
                step.setMetadata(r, n, now);
            }
        });
        VBox box = new VBox(6, new Label(wizard.draft().text("$.nodes[" + n + "].name")), devices, warning, confirm, layout, layoutNote,
                metadata);
        layout.valueProperty().addListener((obs, old, now) -> {
            if (now != null && now != step.layout(r, n)) {
                step.setLayout(r, n, now);
            }
            layoutNote.setText(step.layoutNote(r, n));
        });
        Runnable update = () -> {
            boolean destructive = step.needsConfirmation(r, n);
            warning.setText(!step.refusal(r, n).isEmpty() ? step.refusal(r, n)
                    : destructive ? step.selected(r, n) + " holds data (" + String.join(", ",
                    step.choice(n, step.selected(r, n)).map(DisksStep.DeviceChoice::inUse).orElse(java.util.List.of()))
                    + "). Using it DESTROYS that data. To confirm, type " + step.selected(r, n) + " below." : "");
            confirm.setVisible(destructive);
            confirm.setManaged(destructive);
            layout.setDisable(!step.layoutAvailable(r, n));
            layout.setValue(step.layout(r, n));
            layoutNote.setText(step.layoutNote(r, n));
        };
        devices.valueProperty().addListener((obs, old, now) -> {
            if (now != null && now.refused()) {
                // Greyed cells cannot be clicked, but keys can still move onto them: go back.
                Platform.runLater(() -> devices.setValue(step.choice(n, step.selected(r, n)).orElse(null)));
                return;
            }
            if (now != null && !now.path().equals(step.selected(r, n))) {
                step.select(r, n, now.path());
            }
            update.run();
            chosen.run();
        });
        update.run();
        box.setPrefWidth(460);
        return box;
    }

    /**
     * The list shows everything about a device; the closed box only what fits (the warning says the
     * rest). In the list a device the server uses is greyed and cannot be picked.
     */
    private static ListCell<DisksStep.DeviceChoice> cell(java.util.function.Function<DisksStep.DeviceChoice, String> text, boolean inList) {
        return new ListCell<>() {
            @Override
            protected void updateItem(DisksStep.DeviceChoice item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : text.apply(item));
                boolean refused = inList && !empty && item != null && item.refused();
                setDisable(refused);
                setStyle(refused ? "-fx-text-fill: #8a8f98;" : "");
                setId(inList && !empty && item != null ? "disk-choice-" + item.path().replace('/', '-') : null);
            }
        };
    }

    @Override
    public Node root() {
        return root;
    }
}
