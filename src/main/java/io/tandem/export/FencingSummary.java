package io.tandem.export;

import io.tandem.model.FenceDevice;
import io.tandem.model.Sbd;
import io.tandem.model.Stonith;
import io.tandem.model.StonithType;
import io.tandem.render.modern.SbdSettings;
import io.tandem.text.ShellQuote;

/** The summary's lines about fencing: which agent, what it reaches, and what apply will do first (SBD). */
final class FencingSummary {

    private final Stonith stonith;
    private final StringBuilder out;

    FencingSummary(Stonith stonith, StringBuilder out) {
        this.stonith = stonith;
        this.out = out;
    }

    void write() {
        switch (stonith.type()) {
            case IPMI -> {
                out.append("- STONITH with fence_ipmilan: a node that stops answering is powered off through its BMC "
                        + "before the other takes over.");
                stonith.devices().forEach(d -> out.append(" ").append(d.node()).append(": BMC ").append(d.address()).append('.'));
                out.append('\n');
            }
            case VIRSH -> {
                out.append("- STONITH with fence_virsh: the nodes are virtual machines; a node that stops answering is switched "
                        + "off by its libvirt host (over SSH) before the other takes over.");
                for (FenceDevice d : stonith.devices()) {
                    out.append(" ").append(d.node()).append(": domain `").append(d.plug()).append("` on ").append(d.user()).append('@')
                            .append(d.address()).append('.');
                }
                out.append('\n');
            }
            case SBD -> sbd(stonith.sbd());
            case NONE -> { }
        }
        if (stonith.leavesNodeOff()) {
            out.append("- A fenced node is switched off and stays off (`stonith-action=off`): the other node takes over as soon as "
                    + "it is off, and the pair then runs on one node until someone has looked at the fenced one and powered it on."
                    + (stonith.type() == StonithType.IPMI
                            ? " fence_ipmilan polls the BMC right after the off command (`power_wait=0`, its default waits 2 s first) "
                            + "and still reports success only once the BMC says the node is off."
                            : "")
                    + "\n");
        }
    }

    private void sbd(Sbd sbd) {
        out.append("- STONITH with SBD (fence_sbd) on ").append(sbd.devices().size() == 1 ? "the shared disk " : "the shared disks ")
                .append(String.join(", ", sbd.devices().stream().map(d -> "`" + d + "`").toList()))
                .append(": to fence a node the other writes a reset message into the node's slot on the disk; the node's sbd "
                        + "obeys, and if it hangs instead its watchdog (")
                .append(sbd.softdog() ? "softdog, the kernel's software watchdog" : sbd.watchdog())
                .append(") resets it within ").append(sbd.watchdogTimeout()).append(" s. The fencing node waits msgwait (")
                .append(sbd.msgwaitTimeout()).append(" s) before it takes over; Pacemaker's stonith-timeout is ")
                .append(SbdSettings.stonithTimeoutSeconds(sbd)).append(" s. A fenced node stays out of the cluster until its slot "
                        + "is cleared (`SBD_STARTMODE=clean`), so it cannot rejoin and fail again in a loop.\n");
        out.append("- **The SBD disks must be initialized once, before the cluster starts.** Apply will run ");
        for (var command : SbdSettings.createCommands(sbd)) {
            out.append("`").append(ShellQuote.join(command)).append("` ");
        }
        out.append("on one node. This overwrites the start of each disk, so apply does it only after you typed the disk's path "
                + "to confirm (GUI) or passed `--confirm-destroy DEVICE` (CLI). These files do not do it.\n");
    }
}
