package io.tandem.gui.steps;

import javafx.scene.Node;

/** The screen of one wizard step; it only binds to its ViewModel. */
public interface StepView {

    Node root();
}
