package io.tandem.render.modern;

import io.tandem.model.FenceAction;
import io.tandem.model.FenceDevice;
import io.tandem.model.Node;
import io.tandem.model.Project;
import io.tandem.model.Stonith;
import io.tandem.model.StonithType;
import io.tandem.render.SecretBook;
import io.tandem.render.SecretNames;
import io.tandem.render.modern.PacemakerLayout.Location;
import io.tandem.render.modern.PacemakerLayout.Nvpair;
import io.tandem.render.modern.PacemakerLayout.Op;
import io.tandem.render.modern.PacemakerLayout.Order;
import io.tandem.render.modern.PacemakerLayout.Primitive;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** The STONITH part of the Pacemaker layout: fence primitives, where they may run, and fencing properties. */
final class FencingLayout {

    static final String SBD_PRIMITIVE = "fence_sbd";

    final List<Primitive> primitives = new ArrayList<>();
    final List<Location> locations = new ArrayList<>();
    final List<Order> orders = new ArrayList<>();
    final List<Nvpair> properties = new ArrayList<>();

    FencingLayout(Project project, SecretBook secrets) {
        Stonith stonith = project.cluster().stonith();
        List<Op> monitor = List.of(new Op("monitor", "60s", project.cluster().operationTimeoutSeconds() + "s", null));
        // Without a quorum device both nodes keep quorum in a split (two_node) and race to fence: the
        // preferred node's delay decides the race. With one, only the side with quorum fences: no delay.
        boolean raced = project.cluster().witness().isEmpty();
        switch (stonith.type()) {
            case NONE -> { }
            case IPMI, VIRSH -> stonith.devices().forEach(device -> perNode(stonith, device, monitor, secrets,
                    raced && device.node().equals(project.cluster().preferredNode())));
            case SBD -> {
                // One device for both nodes: each node's sbd daemon watches its own slot, found by
                // name. The host list is static so the fencer does not ask fence_sbd for its list
                // first (pcmk_host_check's default): 2-3 s of a crash's failover in the VM lab.
                String hosts = project.nodes().stream().map(Node::name).collect(Collectors.joining(" "));
                List<Nvpair> params = new ArrayList<>(List.of(new Nvpair("devices", String.join(",", stonith.sbd().devices())),
                        new Nvpair("pcmk_host_list", hosts)));
                if (raced) {
                    params.add(new Nvpair("pcmk_delay_base", project.cluster().preferredNode() + ":" + DELAY));
                }
                primitives.add(new Primitive(SBD_PRIMITIVE, "stonith:" + StonithType.SBD.agent(), params, monitor));
                // When the node running this device crashes, the survivor starts it in the same transition
                // as the storage; the fencer does not need it started, but its start and first monitor
                // (fence_sbd, Python) then competed for the CPU with the promotions and DRBD's fence-peer
                // handlers. Only in such a transition: its start waits for the group.
                orders.add(new Order("ord_" + PacemakerLayoutBuilder.GROUP + "_before_" + SBD_PRIMITIVE, PacemakerLayoutBuilder.GROUP,
                        "start", SBD_PRIMITIVE, "start", Order.OPTIONAL));
                properties.add(new Nvpair("stonith-timeout", SbdSettings.stonithTimeoutSeconds(stonith.sbd()) + "s"));
            }
        }
        if (stonith.leavesNodeOff()) {
            // Off is done when the node is off; a reboot also waits until the BMC reports it on again.
            properties.add(new Nvpair("stonith-action", FenceAction.OFF.keyword()));
        }
    }

    /** Fencing the preferred node waits this long, so in a race it is the one that survives (pcmk_delay_base); not with a quorum device. */
    private static final String DELAY = Stonith.PREFERRED_NODE_FENCE_DELAY_SECONDS + "s";

    private void perNode(Stonith stonith, FenceDevice device, List<Op> monitor, SecretBook secrets, boolean fencesPreferredNode) {
        StonithType type = stonith.type();
        String id = "fence_" + device.node();
        List<Nvpair> params = new ArrayList<>(List.of(
                new Nvpair("ip", device.address()),
                new Nvpair("username", device.user()),
                new Nvpair("password", secrets.ref(SecretNames.fencePassword(device.node()), device.password()))));
        if (type == StonithType.IPMI) {
            params.add(new Nvpair("lanplus", "1"));
            if (device.cipher() != null) {
                params.add(new Nvpair("cipher", device.cipher().toString()));
            }
            if (stonith.leavesNodeOff()) {
                // fence_ipmilan sleeps power_wait (2 s) after "power off" before it polls the BMC, and
                // reports success only once the BMC says off: the sleep guards nothing here (2 of the
                // agent's 7 s in the VM lab). A reboot keeps it: its "power on" follows the off.
                params.add(new Nvpair("power_wait", "0"));
            }
        } else {
            // fence_virsh logs in over SSH (its default) and destroys this libvirt domain.
            params.add(new Nvpair("plug", device.plug()));
        }
        params.add(new Nvpair("pcmk_host_list", device.node()));
        if (fencesPreferredNode) {
            params.add(new Nvpair("pcmk_delay_base", DELAY));
        }
        primitives.add(new Primitive(id, "stonith:" + type.agent(), params, monitor));
        // A node must never be the one to shoot itself.
        locations.add(new Location("loc_" + id + "_avoids_" + device.node(), id, device.node(), "-INFINITY"));
    }
}
