package io.tandem.gui;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.text.Text;

import java.util.ArrayList;
import java.util.List;

/** Checks on what a window shows, shared by the GUI tests. */
final class ScreenChecks {

    private ScreenChecks() {
    }

    /** Every showing label (cells of lists included) whose text is cut off with "…", described. */
    static List<String> cutOff(Parent root) {
        List<String> cut = new ArrayList<>();
        for (Labeled labeled : visibleLabeled(root)) {
            Text shown = (Text) labeled.lookup(".text");
            String full = labeled.getText();
            if (shown != null && full != null && !full.isEmpty() && !shown.getText().equals(full)
                    && shown.getText().endsWith(labeled.getEllipsisString())) {
                cut.add("'" + full + "' is cut off as '" + shown.getText() + "' (" + labeled.getClass().getSimpleName()
                        + (labeled.getId() == null ? "" : " #" + labeled.getId()) + ")");
            }
        }
        return cut;
    }

    /** Labeled controls that are showing. */
    static List<Labeled> visibleLabeled(Parent root) {
        List<Labeled> found = new ArrayList<>();
        List<Node> stack = new ArrayList<>(List.of(root));
        while (!stack.isEmpty()) {
            Node node = stack.removeLast();
            if (!node.isVisible()) {
                continue;
            }
            if (node instanceof Labeled labeled) {
                found.add(labeled);
            }
            if (node instanceof Parent parent) {
                stack.addAll(parent.getChildrenUnmodifiable());
            }
        }
        return found;
    }

    /** Shown on screen: the node and every parent visible (a hidden box hides its children without changing their flag). */
    static boolean shown(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }
}
