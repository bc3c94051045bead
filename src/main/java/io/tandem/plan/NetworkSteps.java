package io.tandem.plan;

import io.tandem.model.Node;
import io.tandem.model.NetworkLink;
import io.tandem.model.Project;
import io.tandem.render.FileSet;
import io.tandem.render.PlacedText;
import io.tandem.render.RenderedFile;
import io.tandem.render.SecretPolicy;
import io.tandem.render.modern.IfupdownRenderer;
import io.tandem.text.ShellQuote;

import java.util.ArrayList;
import java.util.List;

/**
 * A node's bonds and addresses: the files, then the interfaces brought up with commit-confirm.
 * Done when every file is Tandem's and every interface carries its address.
 */
public final class NetworkSteps {

    private NetworkSteps() {
    }

    static Probe addressProbe(String node) {
        return new Probe(node, "ipv4", "ip -o -4 addr show 2>/dev/null; true");
    }

    /** {@code ip -o -4 addr} lines: {@code 5: bond0    inet 192.168.50.11/24 brd … scope global bond0}. */
    static boolean hasAddress(String ipOutput, String device, String address) {
        return ipOutput.lines().map(l -> l.trim().split("\\s+")).anyMatch(w -> w.length > 3 && w[1].equals(device) && w[2].equals("inet")
                && w[3].startsWith(address + "/"));
    }

    /**
     * The interfaces ifupdown takes down and up: those whose file changes or which lack their address
     * (all of them when nothing was probed). On a running cluster each bounced link cuts a Corosync
     * ring, and bouncing the client link with the replication one cuts both: the peer would fence
     * this node for a change to the replication bond alone.
     */
    static List<String> bounced(FileSet files, List<RenderedFile> network, List<NetworkLink> links, String addresses, ProbeResults probed) {
        List<String> changed = links.stream().filter(l -> !hasAddress(addresses, l.interfaceName(), l.address())
                || network.stream().filter(f -> f.path().equals(IfupdownRenderer.path(l)))
                        .anyMatch(f -> !FileSteps.done(files, f, probed)))
                .map(NetworkLink::interfaceName).toList();
        // Nothing to bounce means the step would not be planned; should it run anyway, every link is brought up as before.
        return changed.isEmpty() ? links.stream().map(NetworkLink::interfaceName).toList() : changed;
    }

    public static Step step(Project project, Node node, FileSet files, List<RenderedFile> network, ProbeResults probed) {
        Probe addresses = addressProbe(node.name());
        List<Probe> fileProbes = network.stream().map(FileSteps::probe).toList();
        List<NetworkLink> links = node.links();
        List<Probe> probes = new ArrayList<>(fileProbes);
        probes.add(addresses);
        Check check = Check.on("the network files are Tandem's and every link has its address", probes, results ->
                network.stream().allMatch(f -> FileSteps.done(files, f, results))
                        && links.stream().allMatch(l -> hasAddress(results.text(addresses).orElse(""), l.interfaceName(), l.address())));
        boolean netplan = network.stream().anyMatch(f -> f.path().startsWith("/etc/netplan/"));
        String quoted = ShellQuote.join(bounced(files, network, links, probed.text(addresses).orElse(""), probed));
        String activate = netplan ? "netplan apply"
                : "for i in " + quoted + "; do ifdown --force \"$i\" >/dev/null 2>&1 || true; done; ifup " + quoted;
        String reactivate = netplan ? "netplan apply"
                : "for i in " + quoted + "; do ifdown --force \"$i\" >/dev/null 2>&1; ip link del \"$i\" >/dev/null 2>&1; done; ifup -a";
        List<NetworkChange.File> changeFiles = network.stream().map(f -> new NetworkChange.File(f.path(),
                PlacedText.place(f.placement(), java.util.Optional.empty(), files.text(f, SecretPolicy.REVEAL)), f.mode())).toList();
        // Over the new configuration, every link must carry its address before the change counts.
        String verify = String.join(" && ", links.stream().map(l -> "ip -o -4 addr show dev " + ShellQuote.quote(l.interfaceName())
                + " | grep -q " + ShellQuote.quote(" " + l.address() + "/")).toList());
        NetworkChange change = new NetworkChange(changeFiles, activate, reactivate, verify, Planner.NETWORK_WINDOW);
        Action apply = new Action(node.name(), "arm a rollback on " + node.name() + " (it restores the old files and runs '" + reactivate
                + "' unless Tandem reconnects within " + Planner.NETWORK_WINDOW.toSeconds() + " s); write "
                + String.join(", ", network.stream().map(RenderedFile::path).toList()) + "; " + activate + "; reconnect; disarm",
                remote -> remote.changeNetwork(change));
        List<FileChange> changes = network.stream().map(f -> FileSteps.step(files, f, Phase.NETWORK, "", probed).changes().getFirst()).toList();
        String summary = String.join(", ", links.stream().map(l -> l.interfaceName() + " " + l.address()
                + (l.bond() == null ? "" : " (bond of " + String.join(" + ", l.bond().slaves()) + ", " + l.bond().mode().name().toLowerCase().replace('_', '-') + ")")).toList());
        return new Step("network:" + node.name(), Phase.NETWORK, List.of(node.name()), "Configure " + summary + " on " + node.name()
                + "; if the change cuts Tandem off, the node puts its old network back by itself after "
                + Planner.NETWORK_WINDOW.toSeconds() + " s", check, List.of(apply),
                "the node's own rollback (armed during the change) or the copies in " + FileWrite.BACKUP_ROOT + "/<run>",
                java.util.Optional.empty(), changes);
    }
}
