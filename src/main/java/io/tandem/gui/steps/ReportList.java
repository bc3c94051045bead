package io.tandem.gui.steps;

import io.tandem.discovery.Check;
import javafx.collections.ObservableList;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.paint.Color;
import org.kordamp.ikonli.javafx.FontIcon;

/** A compatibility report: one line per check with a pass/warning/fail icon, its reason and fix. */
final class ReportList {

    private ReportList() {
    }

    static ListView<Check> of(ObservableList<Check> checks, String id) {
        ListView<Check> list = new ListView<>(checks);
        list.setId(id);
        list.setPrefHeight(170);
        list.setCellFactory(v -> new ListCell<>() {
            // One icon per cell, restyled on update: new nodes per update would each need CSS and layout.
            private final FontIcon icon = new FontIcon();

            {
                setWrapText(true);
                setPrefWidth(0);
            }

            @Override
            protected void updateItem(Check check, boolean empty) {
                super.updateItem(check, empty);
                if (empty || check == null) {
                    setText(null);
                    setGraphic(null);
                    return;
                }
                setText(check.title() + ": " + check.reason() + (check.fix().isEmpty() ? "" : " — " + check.fix()));
                icon.setIconLiteral(switch (check.status()) {
                    case PASS -> "mdi2c-check-circle";
                    case WARNING -> "mdi2a-alert";
                    case FAIL -> "mdi2c-close-circle";
                });
                icon.setIconColor(switch (check.status()) {
                    case PASS -> Color.SEAGREEN;
                    case WARNING -> Color.DARKORANGE;
                    case FAIL -> Color.FIREBRICK;
                });
                setGraphic(icon);
                setAccessibleText(check.status().name().toLowerCase() + ": " + getText());
            }
        });
        return list;
    }
}
