package io.tandem.gui.wizard;

import io.tandem.model.Problem;
import io.tandem.model.ProjectDraft;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A problem as the wizard says it: the field by its label and whose it is ("Client address
 * (node 1)") instead of its JSON path, and the wizard's wording of the message and fix (the
 * validator's file wording stays for the CLI). Pure Java: tested without a screen.
 */
public final class ProblemWords {

    private static final Pattern STEP = Pattern.compile("\\.([A-Za-z0-9_]+)|\\[(\\d+)]");
    /** A JSON path inside a message ("… in $.target.luns"). */
    private static final Pattern PATH_IN_TEXT = Pattern.compile("\\$(?:\\.[A-Za-z0-9_]+|\\[\\d+])*");

    /** Labels by path with list indices left out ("[]"); the links keep theirs: 0 is the client link, 1 replication. */
    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("$", "The project"),
            Map.entry("$.schemaVersion", "Project version"),
            Map.entry("$.profile", "Profile"),
            Map.entry("$.clusterName", "Cluster name"),
            Map.entry("$.domain", "Domain"),
            Map.entry("$.nodes", "Nodes"),
            Map.entry("$.nodes[]", "Node"),
            Map.entry("$.nodes[].name", "Name"),
            Map.entry("$.nodes[].os", "Operating system"),
            Map.entry("$.nodes[].drbdVersion", "DRBD version"),
            Map.entry("$.nodes[].ssh", "Login"),
            Map.entry("$.nodes[].ssh.address", "Address"),
            Map.entry("$.nodes[].ssh.user", "User"),
            Map.entry("$.nodes[].ssh.port", "SSH port"),
            Map.entry("$.nodes[].links", "Networks"),
            Map.entry("$.nodes[].links[0]", "Client network settings"),
            Map.entry("$.nodes[].links[0].address", "Client address"),
            Map.entry("$.nodes[].links[0].interfaceName", "Client bond name"),
            Map.entry("$.nodes[].links[0].bond", "Client bond"),
            Map.entry("$.nodes[].links[0].bond.slaves", "NICs of the client bond"),
            Map.entry("$.nodes[].links[0].bond.primary", "Primary NIC of the client bond"),
            Map.entry("$.nodes[].links[0].bond.mode", "Bond mode"),
            Map.entry("$.nodes[].links[1]", "Replication network settings"),
            Map.entry("$.nodes[].links[1].address", "Replication address"),
            Map.entry("$.nodes[].links[1].interfaceName", "Replication bond name"),
            Map.entry("$.nodes[].links[1].bond", "Replication bond"),
            Map.entry("$.nodes[].links[1].bond.slaves", "NICs of the replication bond"),
            Map.entry("$.nodes[].links[1].bond.primary", "Primary NIC of the replication bond"),
            Map.entry("$.nodes[].links[1].bond.mode", "Bond mode"),
            Map.entry("$.networks", "Networks"),
            Map.entry("$.networks.client", "Client network"),
            Map.entry("$.networks.client.cidr", "Client network (CIDR)"),
            Map.entry("$.networks.client.gateway", "Gateway"),
            Map.entry("$.networks.client.virtualIp", "Virtual IP for initiators"),
            Map.entry("$.networks.replication", "Replication network"),
            Map.entry("$.networks.replication.cidr", "Replication network (CIDR)"),
            Map.entry("$.networks.replication.virtualIp", "Virtual IP on the replication network"),
            Map.entry("$.networks.replication.fallbackOverClient", io.tandem.model.Network.FALLBACK_LABEL),
            Map.entry("$.networks.client.fallbackOverClient", "Fallback of the client network"),
            Map.entry("$.time", "Time servers"),
            Map.entry("$.time.servers", "Time servers"),
            Map.entry("$.time.servers[]", "Time server"),
            Map.entry("$.replication", "Replication"),
            Map.entry("$.replication.protocol", "Protocol"),
            Map.entry("$.replication.syncRate", "Resync speed"),
            Map.entry("$.replication.dynamicResync", "Resync speed"),
            Map.entry("$.replication.dynamicResync.maxRate", "Highest resync speed"),
            Map.entry("$.replication.verifyAlgorithm", "Online-verify algorithm"),
            Map.entry("$.replication.hmacAlgorithm", "Peer authentication algorithm"),
            Map.entry("$.replication.sharedSecret", "Shared secret"),
            Map.entry("$.replication.splitBrain", "Split-brain policy"),
            Map.entry("$.replication.fencing", "DRBD fencing"),
            Map.entry("$.replication.initialSync", "Initial sync"),
            Map.entry("$.replication.peerTimeouts", "Peer timeouts"),
            Map.entry("$.replication.peerTimeouts.pingIntervalSeconds", "Ping interval"),
            Map.entry("$.replication.peerTimeouts.pingTimeoutTenths", "Ping timeout"),
            Map.entry("$.replication.peerTimeouts.timeoutTenths", "Answer timeout of the replication link"),
            Map.entry("$.replication.resources", "Volumes"),
            Map.entry("$.replication.resources[]", "Volume"),
            Map.entry("$.replication.resources[].backing", "Devices"),
            Map.entry("$.replication.resources[].backing[]", "Device"),
            Map.entry("$.replication.resources[].backing[].disk", "Device"),
            Map.entry("$.replication.resources[].backing[].metaDisk", "Metadata device"),
            Map.entry("$.replication.resources[].backing[].metaIndex", "Metadata index"),
            Map.entry("$.replication.resources[].backing[].layout", "Partition layout"),
            Map.entry("$.replication.resources[].filesystem", "Filesystem"),
            Map.entry("$.cluster", "Cluster"),
            Map.entry("$.cluster.preferredNode", "Node that starts as primary"),
            Map.entry("$.cluster.tokenMs", "Token timeout"),
            Map.entry("$.cluster.twoNode", "Two-node mode"),
            Map.entry("$.cluster.quorumDevice", "Quorum witness"),
            Map.entry("$.cluster.quorumDevice.host", "Quorum witness"),
            Map.entry("$.cluster.quorumDevice.address", "Quorum witness address"),
            Map.entry("$.cluster.quorumDevice.port", "Quorum witness port"),
            Map.entry("$.cluster.operationTimeoutSeconds", "Operation timeout"),
            Map.entry("$.cluster.resourceStickiness", "Resource stickiness"),
            Map.entry("$.cluster.stonith", "Fencing"),
            Map.entry("$.cluster.stonith.type", "Fencing (STONITH)"),
            Map.entry("$.cluster.stonith.devices", "Fencing devices"),
            Map.entry("$.cluster.stonith.devices[]", "Fencing device"),
            Map.entry("$.cluster.stonith.devices[].address", "Fencing address"),
            Map.entry("$.cluster.stonith.devices[].user", "Fencing user"),
            Map.entry("$.cluster.stonith.devices[].password", "Fencing password"),
            Map.entry("$.cluster.stonith.devices[].plug", "Virtual machine name"),
            Map.entry("$.cluster.stonith.sbd", "SBD"),
            Map.entry("$.cluster.stonith.sbd.devices", "SBD shared disks"),
            Map.entry("$.cluster.stonith.sbd.watchdog", "Watchdog"),
            Map.entry("$.cluster.stonith.sbd.watchdogTimeout", "Watchdog timeout"),
            Map.entry("$.cluster.stonith.sbd.msgwaitTimeout", "Message wait"),
            Map.entry("$.target", "Target"),
            Map.entry("$.target.iqn", "Target name (IQN)"),
            Map.entry("$.target.implementation", "Implementation"),
            Map.entry("$.target.portalPort", "Portal port"),
            Map.entry("$.target.session", "Session parameters"),
            Map.entry("$.target.luns", "LUNs"),
            Map.entry("$.target.luns[]", "LUN"),
            Map.entry("$.target.luns[].serial", "Serial number"),
            Map.entry("$.target.luns[].resource", "Volume"),
            Map.entry("$.chap", "CHAP"),
            Map.entry("$.chap.incoming", "CHAP"),
            Map.entry("$.chap.incoming.user", "CHAP user"),
            Map.entry("$.chap.incoming.secret", "CHAP secret"),
            Map.entry("$.chap.outgoing", "Mutual CHAP"),
            Map.entry("$.chap.outgoing.user", "Mutual CHAP user"),
            Map.entry("$.chap.outgoing.secret", "Mutual CHAP secret"),
            Map.entry("$.chap.discovery", "Discovery CHAP"),
            Map.entry("$.initiators", "Initiators"),
            Map.entry("$.initiators[]", "Initiator"),
            Map.entry("$.initiators[].name", "Name"),
            Map.entry("$.initiators[].os", "Operating system"),
            Map.entry("$.initiators[].iqn", "Initiator name (IQN)"),
            Map.entry("$.initiators[].ssh", "Login"),
            Map.entry("$.initiators[].ssh.address", "Address"),
            Map.entry("$.initiators[].ssh.user", "User"),
            Map.entry("$.initiators[].ssh.port", "SSH port"),
            Map.entry("$.initiators[].timeouts", "Timeouts"),
            Map.entry("$.initiators[].timeouts.replacementTimeout", "Replacement timeout"),
            Map.entry("$.initiators[].session", "Session settings"),
            Map.entry("$.initiators[].filesystem", "Filesystem"),
            Map.entry("$.initiators[].filesystem.type", "Filesystem"),
            Map.entry("$.initiators[].filesystem.mountPoint", "Mount point"),
            Map.entry("$.initiators[].filesystem.lun", "LUN of the filesystem"));

    private ProblemWords() {
    }

    /** The text under a field: the wizard's message and fix, without JSON paths, starting with a capital. */
    public static String atField(Problem problem, ProjectDraft draft) {
        String fix = problem.fixInWizard();
        String text = problem.messageInWizard() + (fix == null || fix.isEmpty() ? "" : " " + fix);
        return capitalized(withoutPaths(text, draft));
    }

    /** One line of what holds Next back: the field by its label and owner, then the message. */
    public static String blocker(Problem problem, ProjectDraft draft) {
        return where(problem.path(), draft) + ": " + withoutPaths(problem.messageInWizard(), draft);
    }

    /** Any JSON path in {@code text} replaced by the name of what it points at. */
    public static String withoutPaths(String text, ProjectDraft draft) {
        Matcher m = PATH_IN_TEXT.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = where(m.group(), draft);
            m.appendReplacement(out, Matcher.quoteReplacement(m.start() == 0 ? name : lowerFirst(name)));
        }
        m.appendTail(out);
        return out.toString();
    }

    /**
     * The field at {@code path} in plain words, e.g. "Client address (node 1)" for
     * {@code $.nodes[0].links[0].address}; a path without its own label is named after the closest
     * part that has one. {@code draft} (may be null) supplies volume and initiator names.
     */
    public static String where(String path, ProjectDraft draft) {
        List<String> owners = new ArrayList<>();
        StringBuilder generic = new StringBuilder("$");
        String parentKey = "";
        String label = LABELS.get("$");
        String labelledAt = "$";
        String concrete = "$";
        List<String> rest = new ArrayList<>();
        Matcher m = STEP.matcher(path);
        while (m.find()) {
            concrete += m.group();
            if (m.group(1) != null) {
                generic.append('.').append(m.group(1));
                parentKey = m.group(1);
            } else {
                int index = Integer.parseInt(m.group(2));
                boolean link = parentKey.equals("links");
                generic.append(link ? "[" + index + "]" : "[]");
                String owner = owner(parentKey, index, concrete, draft);
                if (owner != null) {
                    owners.add(owner);
                }
            }
            String known = LABELS.get(generic.toString());
            if (known != null) {
                label = known;
                labelledAt = generic.toString();
                rest.clear();
            } else if (m.group(1) != null) {
                rest.add(m.group(1));
            }
        }
        String name = rest.isEmpty() ? label : labelledAt.equals("$") ? capitalized(words(rest)) : label + ": " + words(rest);
        return owners.isEmpty() ? name : name + " (" + String.join(", ", owners) + ")";
    }

    /** Whose field it is, from a list index: "node 2", "volume r1", "initiator client". */
    private static String owner(String list, int index, String concretePath, ProjectDraft draft) {
        String named = draft == null ? "" : draft.text(concretePath + ".name");
        return switch (list) {
            case "nodes", "devices", "backing" -> "node " + (index + 1);
            case "resources" -> "volume " + (named.isEmpty() ? String.valueOf(index + 1) : named);
            case "initiators" -> "initiator " + (named.isEmpty() ? String.valueOf(index + 1) : named);
            case "luns" -> {
                String number = draft == null ? "" : draft.text(concretePath + ".number");
                yield "LUN " + (number.isEmpty() ? String.valueOf(index) : number);
            }
            case "servers" -> "number " + (index + 1);
            default -> null;
        };
    }

    /** "maxBurstLength" → "max burst length", several keys joined by ", ". */
    private static String words(List<String> keys) {
        List<String> out = new ArrayList<>();
        for (String key : keys) {
            out.add(key.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase());
        }
        return String.join(", ", out);
    }

    static String capitalized(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static String lowerFirst(String text) {
        // Keep acronyms ("LUNs", "CHAP user", "DRBD version") as they are.
        return text.length() > 1 && Character.isUpperCase(text.charAt(1)) ? text : Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }
}
