package io.tandem.gui.wizard;

import io.tandem.discovery.CompatibilityReport;
import io.tandem.discovery.HostFacts;
import io.tandem.facts.IfAddress;
import io.tandem.facts.NetLink;
import io.tandem.model.BondMode;
import io.tandem.model.Ipv4;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Step 3: which NICs form each bond, the bond mode, the addresses of both networks, the virtual
 * IP, the domain and time servers. Links 0 and 1 of each node are the client and replication links.
 */
public final class NetworkStep extends StepViewModel {

    public static final int CLIENT = 0;
    public static final int REPLICATION = 1;

    public static final String FALLBACK = "$.networks.replication.fallbackOverClient";
    public static final String FALLBACK_NOTE = "While the replication network is cut, the nodes reach each other's replication address "
            + "through the client network: replication goes on and client writes are not held while DRBD waits for the cluster. "
            + "The replication bonds then check their link by ARP to the other node (not possible with 802.3ad, balance-tlb or balance-alb).";

    private final ObjectProperty<BondMode> mode = new SimpleObjectProperty<>(BondMode.ACTIVE_BACKUP);
    private final BooleanProperty fallback = new SimpleBooleanProperty();
    private boolean loadingFallback;
    private final FieldBinding timeServers;

    NetworkStep(WizardViewModel wizard) {
        super(wizard, "Network");
        field("$.domain", "Domain (nodes become NAME.domain)");
        field("$.networks.client.cidr", "Client network (CIDR)");
        field("$.networks.client.gateway", "Gateway (optional)");
        field("$.networks.client.virtualIp", "Virtual IP for initiators");
        field("$.networks.replication.cidr", "Replication network (CIDR)");
        for (int n = 0; n < 2; n++) {
            field(link(n, CLIENT) + ".address", "Client address");
            field(link(n, CLIENT) + ".interfaceName", "Client bond name");
            field(link(n, REPLICATION) + ".address", "Replication address");
            field(link(n, REPLICATION) + ".interfaceName", "Replication bond name");
        }
        timeServers = field("$.time.servers[0]", "Time server (optional)");
        String current = wizard.draft().text(link(0, CLIENT) + ".bond.mode");
        for (BondMode m : BondMode.values()) {
            if (m.kernelName().equals(current)) {
                mode.set(m);
            }
        }
        mode.addListener((obs, old, now) -> setMode(now));
        readFallback();
        fallback.addListener((obs, old, now) -> {
            if (loadingFallback) {
                return;
            }
            if (now) {
                wizard.draft().set(FALLBACK, true);
            } else {
                wizard.draft().remove(FALLBACK);
            }
            wizard.changedByStep(FALLBACK);
        });
    }

    private void readFallback() {
        loadingFallback = true;
        try {
            fallback.set(wizard.draft().text(FALLBACK).equals("true"));
        } finally {
            loadingFallback = false;
        }
    }

    @Override
    protected void reloadFields() {
        super.reloadFields();
        readFallback();
    }

    /** {@code networks.replication.fallbackOverClient}: replication over the client network while its own is cut. */
    public BooleanProperty fallbackProperty() {
        return fallback;
    }

    static String link(int node, int link) {
        return "$.nodes[" + node + "].links[" + link + "]";
    }

    @Override
    protected List<String> paths() {
        return List.of("$.domain", "$.networks", "$.nodes[0].links", "$.nodes[1].links", "$.time");
    }

    public ObjectProperty<BondMode> modeProperty() {
        return mode;
    }

    public FieldBinding timeServers() {
        return timeServers;
    }

    /** One sentence for a non-expert about each mode. */
    public static String explain(BondMode mode) {
        return switch (mode) {
            case ACTIVE_BACKUP -> "One NIC carries the traffic, the other takes over when it fails. Works with any switch (recommended).";
            case BALANCE_RR -> "Packets take turns on the NICs. Faster, but may reorder packets across two switches.";
            case LACP -> "802.3ad link aggregation: both NICs carry traffic. Needs a switch with LACP configured for these ports.";
            case BALANCE_XOR -> "Each peer uses one NIC chosen by address. Needs a static link aggregation on the switch.";
            case BROADCAST -> "Every packet on every NIC. Only for special setups.";
            case BALANCE_TLB -> "Outgoing traffic spread by load, incoming on one NIC. Works with any switch.";
            case BALANCE_ALB -> "Like balance-tlb, incoming balanced too. Works with any switch, needs NICs that can change their MAC.";
        };
    }

    private void setMode(BondMode newMode) {
        for (int n = 0; n < 2; n++) {
            for (int l = 0; l < 2; l++) {
                String bond = link(n, l) + ".bond";
                wizard.draft().set(bond + ".mode", newMode.kernelName());
                List<String> slaves = slaves(n, l);
                if (newMode == BondMode.ACTIVE_BACKUP && !slaves.isEmpty()) {
                    wizard.draft().set(bond + ".primary", slaves.getFirst());
                } else {
                    wizard.draft().remove(bond + ".primary");
                }
            }
        }
        wizard.changedByStep("$.nodes");
    }

    /** The NICs of node {@code n} that can be bonded, from discovery. */
    public List<NetLink> nics(int n) {
        HostFacts facts = wizard.facts().get(NodesStep.key(n));
        return facts == null ? List.of() : CompatibilityReport.usableNics(facts);
    }

    public List<String> slaves(int n, int link) {
        List<String> slaves = new ArrayList<>();
        wizard.draft().get(link(n, link) + ".bond.slaves").forEach(s -> slaves.add(s.asText()));
        return slaves;
    }

    /**
     * Adds or removes a NIC from bond {@code link} of node n. A NIC the other bond uses is refused
     * (false, nothing changes): it is never taken from that bond behind the user's back.
     */
    public boolean setSlave(int n, int link, String nic, boolean selected) {
        List<String> slaves = new ArrayList<>(slaves(n, link));
        if (selected == slaves.contains(nic)) {
            return true;
        }
        if (selected && !usedBy(n, link, nic).isEmpty()) {
            return false;
        }
        if (selected) {
            slaves.add(nic);
        } else {
            slaves.remove(nic);
        }
        writeSlaves(n, link, slaves);
        wizard.changedByStep(link(n, link) + ".bond.slaves");
        return true;
    }

    /**
     * Why NIC {@code nic} cannot be ticked for bond {@code link} of node n ("used by the
     * replication bond"); empty when it can, or when it is in this bond already.
     */
    public String usedBy(int n, int link, String nic) {
        int other = link == CLIENT ? REPLICATION : CLIENT;
        return !slaves(n, link).contains(nic) && slaves(n, other).contains(nic)
                ? "used by the " + (other == CLIENT ? "client" : "replication") + " bond" : "";
    }

    /** What is wrong with bond {@code link} of node n, in words (e.g. too few NICs); empty when nothing. */
    public String bondProblem(int n, int link) {
        String bond = link(n, link) + ".bond";
        return wizard.problems().stream().filter(p -> p.isError() && (p.path().equals(bond) || p.path().startsWith(bond + ".")))
                .map(p -> (link == CLIENT ? "Client bond: " : "Replication bond: ") + p.messageInWizard() + " " + p.fixInWizard())
                .findFirst().orElse("");
    }

    private void writeSlaves(int n, int l, List<String> slaves) {
        wizard.draft().set(link(n, l) + ".bond.slaves", slaves);
        if (mode.get() == BondMode.ACTIVE_BACKUP && !slaves.isEmpty()) {
            wizard.draft().set(link(n, l) + ".bond.primary", slaves.getFirst());
        } else {
            wizard.draft().remove(link(n, l) + ".bond.primary");
        }
    }

    /**
     * Proposes bonds from the real NICs when the project's don't exist on the host: the NIC that
     * carries Tandem's SSH connection and the next one for the client network, the next two for
     * replication; the current SSH address as the client address, so the node stays reachable.
     */
    void suggestFromFacts(int n, HostFacts facts) {
        List<String> names = CompatibilityReport.usableNics(facts).stream().map(NetLink::name).toList();
        List<String> current = new ArrayList<>(slaves(n, CLIENT));
        current.addAll(slaves(n, REPLICATION));
        if (!names.isEmpty() && !names.containsAll(current)) {
            List<String> order = new ArrayList<>(names);
            facts.sshInterface().ifPresent(ssh -> {
                order.remove(ssh);
                order.addFirst(ssh);
            });
            writeSlaves(n, CLIENT, new ArrayList<>(order.subList(0, Math.min(2, order.size()))));
            writeSlaves(n, REPLICATION, new ArrayList<>(order.subList(Math.min(2, order.size()), Math.min(4, order.size()))));
        }
        Optional<IfAddress> sshAddress = facts.sshInterface().flatMap(i -> facts.addresses().getOrDefault(i, List.of()).stream()
                .filter(a -> a.family() == IfAddress.Family.IPV4).findFirst());
        if (sshAddress.isPresent() && wizard.draft().text(link(n, CLIENT) + ".address").isEmpty()) {
            wizard.draft().set(link(n, CLIENT) + ".address", sshAddress.get().address());
            if (wizard.draft().text("$.networks.client.cidr").isEmpty()) {
                Ipv4.Subnet.parse(sshAddress.get().cidr()).ifPresent(s -> wizard.draft().set("$.networks.client.cidr", s.base() + "/" + s.prefix()));
            }
        }
        reloadFields();
    }

    /** What discovery saw of one NIC: enough to tell the cables apart (link, speed, MAC) and which one Tandem is using. */
    public record NicFact(String name, boolean linkUp, Integer speedMbps, String mac, boolean carriesSsh, List<String> addresses) {
    }

    /** The bondable NICs of node {@code n} with their link state, speed, MAC and whether Tandem's SSH session runs over it. */
    public List<NicFact> nicFacts(int n) {
        HostFacts facts = wizard.facts().get(NodesStep.key(n));
        if (facts == null) {
            return List.of();
        }
        List<NicFact> out = new ArrayList<>();
        for (NetLink nic : CompatibilityReport.usableNics(facts)) {
            var hw = facts.nicHardware().get(nic.name());
            List<String> addresses = facts.addresses().getOrDefault(nic.name(), List.of()).stream()
                    .filter(a -> a.family() == IfAddress.Family.IPV4).map(IfAddress::address).toList();
            out.add(new NicFact(nic.name(), nic.carrier(), hw == null ? null : hw.speedMbps(),
                    nic.permanentMac() != null ? nic.permanentMac() : nic.mac(), facts.sshInterface().map(nic.name()::equals).orElse(false),
                    addresses));
        }
        return out;
    }

    /** A loud note when the new client address is not the one Tandem is connected through. */
    public String addressWarning(int n) {
        return addressWarning(n, wizard.draft().text(link(n, CLIENT) + ".address"));
    }

    /** As {@link #addressWarning(int)} for the address {@code planned}: the View passes the field's value as it is typed. */
    public String addressWarning(int n, String planned) {
        HostFacts facts = wizard.facts().get(NodesStep.key(n));
        if (facts == null) {
            return "";
        }
        String connectedTo = wizard.draft().text("$.nodes[" + n + "].ssh.address");
        boolean moves = facts.sshInterface().map(i -> facts.addresses().getOrDefault(i, List.of()).stream()
                .noneMatch(a -> a.address().equals(planned))).orElse(false);
        return moves ? "Tandem is connected to this node through " + connectedTo + ". The new configuration moves that NIC to "
                + (planned.isEmpty() ? "another address" : planned) + ": Tandem applies it with an automatic rollback — if it cannot "
                + "reconnect within a minute, the node restores its old network by itself." : "";
    }
}
