package io.tandem.gui.home;

import io.tandem.apply.DemoFault;
import io.tandem.apply.SimulatedCluster;
import javafx.scene.Node;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.MenuButton;
import javafx.scene.control.Tooltip;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The demo's "Simulate a problem" menu: each problem the simulated servers can show (a replication
 * link down, a bond's NIC down, a node lost, a split brain), ticked on and off. The next monitoring
 * round shows what the view says about it.
 */
public final class DemoProblemsMenu {

    private final MenuButton root = new MenuButton("Simulate a problem", new FontIcon("mdi2f-flash-alert-outline"));

    public DemoProblemsMenu(SimulatedCluster cluster) {
        root.setId("demo-problems");
        root.setTooltip(new Tooltip("Make the simulated servers fail in one way, to see what monitoring says and what it asks you to do"));
        for (DemoFault fault : DemoFault.values()) {
            CheckMenuItem item = new CheckMenuItem(fault.label());
            item.setId("demo-problem-" + fault.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
            item.setSelected(cluster.faults().contains(fault));
            item.setDisable(!cluster.simulatable().contains(fault));
            item.setOnAction(e -> cluster.setFault(fault, item.isSelected()));
            root.getItems().add(item);
        }
        // A split brain ends with the dialog's recovery, not with the menu: keep the ticks true to the simulation.
        root.setOnShowing(e -> root.getItems().forEach(i -> {
            DemoFault fault = DemoFault.valueOf(i.getId().substring("demo-problem-".length()).toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
            ((CheckMenuItem) i).setSelected(cluster.faults().contains(fault));
        }));
    }

    public Node root() {
        return root;
    }
}
