package io.tandem.gui.wizard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tandem.discovery.HostFacts;
import io.tandem.facts.BlockDevice;
import io.tandem.model.ProjectDraft;
import io.tandem.model.Sbd;
import io.tandem.model.StonithType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The fencing types in plain words, what switching between them does to the draft, and the disks SBD could use. */
public final class FencingChoices {

    static final String STONITH = "$.cluster.stonith";
    static final String SBD = STONITH + ".sbd";
    static final String ACTION = STONITH + ".action";

    /** One fencing type: its project value, a short title, and one sentence on what it needs and when to choose it. */
    public record Choice(String type, String title, String explanation) {
        @Override
        public String toString() {
            return title;
        }
    }

    public static final List<Choice> ALL = List.of(
            new Choice(StonithType.IPMI.agent(), "IPMI (BMC)", "Each server's management board (BMC: iDRAC, iLO, IPMI) switches it "
                    + "off. Needs each BMC's address, user and password; choose it for physical servers with a BMC."),
            new Choice(StonithType.SBD.agent(), "SBD shared disk", "A small disk both nodes see (a LUN from other storage) carries "
                    + "\"switch off\" messages, and a watchdog resets a node that stops obeying. Choose it when there is no BMC "
                    + "but a shared disk; Tandem writes the disk's header at apply, after you confirm."),
            new Choice(StonithType.VIRSH.agent(), "Hypervisor (libvirt)", "The nodes are virtual machines on a KVM/libvirt host, "
                    + "which switches the lost one off. Needs the host's address, an SSH login there and each VM's name."),
            new Choice(StonithType.NONE.agent(), "None", "No fencing: only for tests. If the nodes lose sight of each other both "
                    + "may take over, and the data splits."));

    /** One disk that both nodes see, offered for SBD. */
    public record SharedDisk(String path, long sizeBytes, String model, List<String> inUse) {
        public String label() {
            return path + "  " + (sizeBytes >> 20) + " MiB" + (model == null ? "" : "  " + model)
                    + (inUse.isEmpty() ? "  (free)" : "  IN USE: " + String.join(", ", inUse));
        }
    }

    private FencingChoices() {
    }

    static String device(int n) {
        return STONITH + ".devices[" + n + "]";
    }

    /**
     * Switches the draft to fencing {@code type}: a device per node for IPMI and libvirt, SBD's
     * settings for SBD, and nothing the type does not use. What the user typed for the other types
     * goes to {@code remembered} and comes back when they switch back, so a look at another type
     * never wipes BMC addresses, users and passwords. IPMI and libvirt share the per-node fields.
     */
    static void prepare(ProjectDraft draft, String type, Map<String, JsonNode> remembered) {
        remember(draft, remembered);
        draft.set(STONITH + ".type", type);
        boolean perNode = type.equals(StonithType.IPMI.agent()) || type.equals(StonithType.VIRSH.agent());
        if (perNode) {
            if (!draft.has(STONITH + ".devices") && remembered.containsKey(DEVICES)) {
                draft.set(STONITH + ".devices", remembered.get(DEVICES).deepCopy());
            }
            for (int n = 0; n < 2; n++) {
                draft.set(device(n) + ".node", draft.text("$.nodes[" + n + "].name"));
                JsonNode plug = remembered.containsKey(DEVICES) ? remembered.get(DEVICES).path(n).path("plug") : null;
                JsonNode cipher = remembered.containsKey(DEVICES) ? remembered.get(DEVICES).path(n).path("cipher") : null;
                if (type.equals(StonithType.IPMI.agent())) {
                    draft.remove(device(n) + ".plug");
                    if (!draft.has(device(n) + ".cipher") && cipher != null && cipher.isInt()) {
                        draft.set(device(n) + ".cipher", cipher.intValue());
                    }
                } else {
                    draft.remove(device(n) + ".cipher");
                    if (!draft.has(device(n) + ".plug") && plug != null && plug.isTextual()) {
                        draft.set(device(n) + ".plug", plug.asText());
                    }
                }
            }
        } else {
            draft.remove(STONITH + ".devices");
            // Only a BMC or libvirt host leaves a node off sooner; the wizard offers it for those alone.
            draft.remove(ACTION);
        }
        if (type.equals(StonithType.SBD.agent())) {
            if (draft.get(SBD).isMissingNode() && remembered.containsKey(SBD_SETTINGS)) {
                draft.set(SBD, remembered.get(SBD_SETTINGS).deepCopy());
            } else if (draft.get(SBD).isMissingNode()) {
                draft.set(SBD + ".devices", List.of());
                draft.set(SBD + ".watchdog", Sbd.SOFTDOG);
                draft.set(SBD + ".watchdogTimeout", Sbd.DEFAULT_WATCHDOG_TIMEOUT);
                draft.set(SBD + ".msgwaitTimeout", Sbd.DEFAULT_MSGWAIT_TIMEOUT);
            }
        } else {
            draft.remove(SBD);
        }
    }

    private static final String DEVICES = "devices";
    private static final String SBD_SETTINGS = "sbd";

    /** Keeps the current per-node devices and SBD settings; a VM name survives a spell of IPMI, a cipher suite one of libvirt. */
    private static void remember(ProjectDraft draft, Map<String, JsonNode> remembered) {
        JsonNode devices = draft.get(STONITH + ".devices");
        if (devices.isArray()) {
            ArrayNode copy = devices.deepCopy();
            JsonNode before = remembered.get(DEVICES);
            for (int n = 0; n < copy.size() && before != null; n++) {
                for (String kept : List.of("plug", "cipher")) {
                    if (copy.get(n) instanceof ObjectNode device && !device.has(kept) && before.path(n).has(kept)) {
                        device.set(kept, before.path(n).get(kept));
                    }
                }
            }
            remembered.put(DEVICES, copy);
        }
        JsonNode sbd = draft.get(SBD);
        if (sbd.isObject()) {
            remembered.put(SBD_SETTINGS, sbd.deepCopy());
        }
    }

    /**
     * Whole disks with the same WWN on both nodes, named by their /dev/disk/by-id/wwn-0x… link
     * (udev's name for it, the same on both nodes). Disks without a WWN are left to typing.
     */
    static List<SharedDisk> sharedDisks(HostFacts first, HostFacts second) {
        if (first == null || second == null) {
            return List.of();
        }
        List<SharedDisk> shared = new ArrayList<>();
        for (BlockDevice disk : first.allBlockDevices()) {
            if (!"disk".equals(disk.type()) || disk.wwn() == null || !disk.wwn().startsWith("0x")) {
                continue;
            }
            Optional<BlockDevice> twin = second.allBlockDevices().stream()
                    .filter(d -> "disk".equals(d.type()) && disk.wwn().equals(d.wwn())).findFirst();
            if (twin.isPresent()) {
                List<String> inUse = new ArrayList<>(first.inUseReasons(disk));
                second.inUseReasons(twin.get()).stream().filter(r -> !inUse.contains(r)).forEach(inUse::add);
                shared.add(new SharedDisk("/dev/disk/by-id/wwn-" + disk.wwn(), disk.sizeBytes(),
                        disk.model() == null ? null : disk.model().strip(), inUse));
            }
        }
        return shared;
    }
}
