package io.tandem.gui.home;

import atlantafx.base.theme.Styles;
import io.tandem.monitor.SplitBrain;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The split-brain dialog: both sides as cards, a choice per side ("throw away node2's changes"),
 * the words to type, and the recovery's progress. The button stays disabled until the typed words
 * match and the choice is allowed.
 */
public final class SplitBrainDialog {

    private final Stage stage = new Stage();

    public SplitBrainDialog(SplitBrainViewModel model, Window owner) {
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle("Split brain on " + model.resourceName());
        Label intro = new Label("The two copies of " + model.resourceName() + " were changed separately. DRBD will not join them again "
                + "until one side's changes since the split are thrown away. Tandem never chooses for you: compare both sides, choose, "
                + "and type the words shown to confirm.");
        wrap(intro);
        HBox cards = new HBox(12);
        ToggleGroup choice = new ToggleGroup();
        Runnable fill = () -> {
            cards.getChildren().clear();
            for (SplitBrain.Side side : model.sides()) {
                Label name = new Label(side.node());
                name.getStyleClass().add(Styles.TITLE_4);
                VBox card = new VBox(4, name);
                model.describe(side).forEach(line -> {
                    card.getChildren().add(wrap(new Label(line)));
                });
                RadioButton discard = new RadioButton("Throw away " + side.node() + "'s changes");
                discard.setId("split-brain-discard-" + side.node());
                discard.setToggleGroup(choice);
                discard.setUserData(side.node());
                card.getChildren().add(discard);
                card.setPadding(new Insets(10));
                card.setStyle("-fx-background-color: -color-bg-subtle; -fx-background-radius: 6;");
                card.setPrefWidth(340);
                HBox.setHgrow(card, Priority.ALWAYS);
                cards.getChildren().add(card);
            }
        };
        model.sides().addListener((ListChangeListener<SplitBrain.Side>) c -> fill.run());
        fill.run();
        choice.selectedToggleProperty().addListener((obs, old, now) -> model.victimProperty().set(now == null ? "" : (String) now.getUserData()));
        Label refusal = new Label();
        refusal.setId("split-brain-refusal");
        wrap(refusal);
        refusal.getStyleClass().add(Styles.DANGER);
        refusal.textProperty().bind(model.refusalProperty());
        Label ask = new Label();
        ask.setId("split-brain-ask");
        ask.textProperty().bind(Bindings.createStringBinding(() -> model.victimProperty().get().isEmpty() ? ""
                : "To confirm, type: " + model.expectedWords(), model.victimProperty()));
        TextField typed = new TextField();
        typed.setId("split-brain-typed");
        typed.textProperty().bindBidirectional(model.typedProperty());
        typed.disableProperty().bind(model.victimProperty().isEmpty().or(model.refusalProperty().isNotEmpty()));
        Label status = new Label();
        status.setId("split-brain-status");
        wrap(status);
        status.textProperty().bind(model.statusProperty());
        ListView<String> log = new ListView<>(model.log());
        log.setPrefHeight(110);
        Button recover = new Button("Discard and resync");
        recover.setId("split-brain-recover");
        recover.getStyleClass().add(Styles.DANGER);
        recover.disableProperty().bind(model.canRecoverProperty().not());
        recover.setOnAction(e -> model.recover());
        Button close = new Button("Close");
        close.setId("split-brain-close");
        close.setCancelButton(true);
        close.setOnAction(e -> stage.close());
        HBox buttons = new HBox(10, recover, close);
        VBox root = new VBox(10, intro, cards, refusal, ask, typed, status, log, buttons);
        root.setId("split-brain-dialog");
        root.setPadding(new Insets(16));
        root.setPrefWidth(760);
        stage.setScene(new Scene(root));
        if (owner != null && owner.getScene() != null) {
            stage.getScene().getStylesheets().setAll(owner.getScene().getStylesheets());
        }
    }

    /** A label that wraps at its width and grows to show every line: a cut reason ("…") could hide the one word that matters. */
    private static Label wrap(Label label) {
        label.setWrapText(true);
        label.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        label.setMaxWidth(Double.MAX_VALUE);
        return label;
    }

    public void show() {
        stage.show();
    }
}
