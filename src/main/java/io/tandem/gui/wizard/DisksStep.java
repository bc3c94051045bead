package io.tandem.gui.wizard;

import io.tandem.discovery.CompatibilityReport;
import io.tandem.discovery.HostFacts;
import io.tandem.discovery.SystemDevices;
import io.tandem.facts.BlockDevice;
import io.tandem.model.Backing;
import io.tandem.model.DiskLayout;
import io.tandem.model.PartitionNames;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Step 4: the backing device of each replicated volume on each node, chosen from the discovered
 * disks. A device the server itself uses (mounted, swap, LVM, RAID, held; see {@link SystemDevices})
 * is never a choice. A device that holds anything else (filesystem, partitions, DRBD metadata) can
 * only be chosen by typing its path: nothing is destroyed by a misclick.
 */
public final class DisksStep extends StepViewModel {

    /**
     * One disk as offered: path, size, what it is, why it is in use (empty when free), and why it
     * can never be chosen (empty when it can).
     */
    public record DeviceChoice(String path, long sizeBytes, String description, List<String> inUse, boolean partition, String refusal) {
        /** Path, size and whether it is free: what the closed choice box shows. */
        public String shortLabel() {
            return path + "  " + size() + (refused() ? "  not available" : inUse.isEmpty() ? "  free" : "  in use");
        }

        private String size() {
            return sizeBytes >> 30 > 0 ? (sizeBytes >> 30) + " GiB" : (sizeBytes >> 20) + " MiB";
        }

        public String label() {
            return path + "  " + size() + "  " + description
                    + (refused() ? "  NOT AVAILABLE: " + refusal : inUse.isEmpty() ? "  (free)" : "  IN USE: " + String.join(", ", inUse));
        }

        /** The server uses it: shown, greyed, never chosen. */
        public boolean refused() {
            return !refusal.isEmpty();
        }
    }

    private final Map<String, StringProperty> confirmations = new HashMap<>();

    DisksStep(WizardViewModel wizard) {
        super(wizard, "Disks");
    }

    @Override
    protected List<String> paths() {
        return List.of("$.replication.resources");
    }

    public int resourceCount() {
        return wizard.draft().size("$.replication.resources");
    }

    public String resourceName(int r) {
        return wizard.draft().text("$.replication.resources[" + r + "].name");
    }

    // ---- adding and removing volumes

    /**
     * Adds a volume: a DRBD resource named, numbered and given a port after the existing ones
     * (r2, minor 2, port 7791 beside r0 and r1), with the next LUN and a serial that follows the
     * project's, and on each node a free device not chosen yet, if discovery saw one.
     */
    public void addVolume() {
        VolumeNumbering next = VolumeNumbering.next(wizard.draft());
        Map<String, Object> resource = new LinkedHashMap<>();
        resource.put("name", next.name());
        resource.put("minor", next.minor());
        resource.put("port", next.port());
        resource.put("purpose", "lun");
        List<Map<String, Object>> backing = new ArrayList<>();
        for (int n = 0; n < 2; n++) {
            Map<String, Object> side = new LinkedHashMap<>();
            side.put("node", nodeName(n));
            unchosenFreeDevice(n).ifPresent(d -> side.put("disk", d));
            side.put("metaDisk", Backing.INTERNAL);
            backing.add(side);
        }
        resource.put("backing", backing);
        Map<String, Object> lun = new LinkedHashMap<>();
        lun.put("number", next.lun());
        lun.put("resource", next.name());
        lun.put("serial", next.serial());
        next.productId().ifPresent(id -> lun.put("productId", id));
        wizard.batch(() -> {
            wizard.draft().set("$.replication.resources[" + resourceCount() + "]", resource);
            wizard.draft().set("$.target.luns[" + wizard.draft().size("$.target.luns") + "]", lun);
            wizard.changedByStep("$.replication.resources");
        });
    }

    private Optional<String> unchosenFreeDevice(int n) {
        HostFacts facts = wizard.facts().get(NodesStep.key(n));
        if (facts == null) {
            return Optional.empty();
        }
        List<String> chosen = new ArrayList<>();
        for (int r = 0; r < resourceCount(); r++) {
            chosen.add(selected(r, n));
            chosen.add(metadata(r, n));
        }
        return CompatibilityReport.freeDevices(facts).stream().map(BlockDevice::path).filter(p -> !chosen.contains(p)).findFirst();
    }

    /** Why volume r cannot be removed, in a sentence; empty when it can. */
    public String removalBlocker(int r) {
        String name = resourceName(r);
        boolean lun = "lun".equals(wizard.draft().text("$.replication.resources[" + r + "].purpose"));
        int luns = 0;
        for (int i = 0; i < resourceCount(); i++) {
            luns += "lun".equals(wizard.draft().text("$.replication.resources[" + i + "].purpose")) ? 1 : 0;
        }
        if (resourceCount() == 1 || (lun && luns == 1)) {
            return "Volume " + name + " is the only one: the initiators need at least one disk. Choose another device for it instead.";
        }
        for (int l = 0; l < wizard.draft().size("$.target.luns"); l++) {
            if (!name.equals(wizard.draft().text("$.target.luns[" + l + "].resource"))) {
                continue;
            }
            String number = wizard.draft().text("$.target.luns[" + l + "].number");
            for (int i = 0; i < wizard.draft().size("$.initiators"); i++) {
                String fs = "$.initiators[" + i + "].filesystem";
                boolean onThisLun = wizard.draft().has(fs) && (wizard.draft().has(fs + ".lun")
                        ? number.equals(wizard.draft().text(fs + ".lun")) : l == 0);
                if (onThisLun) {
                    return wizard.draft().text("$.initiators[" + i + "].name") + " keeps its filesystem ("
                            + wizard.draft().text(fs + ".mountPoint") + ") on volume " + name + " (LUN " + number + "). Remove another "
                            + "volume, or move that filesystem on the Initiators step first.";
                }
            }
        }
        return "";
    }

    /** Removes volume r and its LUN; the other volumes keep their names, numbers and confirmations. */
    public boolean removeVolume(int r) {
        if (r < 0 || r >= resourceCount() || !removalBlocker(r).isEmpty()) {
            return false;
        }
        String name = resourceName(r);
        Map<String, StringProperty> kept = new HashMap<>();
        confirmations.forEach((key, typed) -> {
            int volume = Integer.parseInt(key.substring(0, key.indexOf(':')));
            if (volume != r) {
                kept.put((volume > r ? volume - 1 : volume) + key.substring(key.indexOf(':')), typed);
            }
        });
        confirmations.clear();
        confirmations.putAll(kept);
        wizard.batch(() -> {
            wizard.draft().remove("$.replication.resources[" + r + "]");
            for (int l = wizard.draft().size("$.target.luns") - 1; l >= 0; l--) {
                if (name.equals(wizard.draft().text("$.target.luns[" + l + "].resource"))) {
                    wizard.draft().remove("$.target.luns[" + l + "]");
                }
            }
            wizard.changedByStep("$.replication.resources");
        });
        return true;
    }

    /** Index of node {@code n}'s entry in a resource's backing list (created when missing). */
    private int backingIndex(int r, int n) {
        String node = wizard.draft().text("$.nodes[" + n + "].name");
        String base = "$.replication.resources[" + r + "].backing";
        for (int b = 0; b < wizard.draft().size(base); b++) {
            if (node.equals(wizard.draft().text(base + "[" + b + "].node"))) {
                return b;
            }
        }
        return n;
    }

    public String diskPath(int r, int n) {
        return "$.replication.resources[" + r + "].backing[" + backingIndex(r, n) + "].disk";
    }

    public String selected(int r, int n) {
        return wizard.draft().text(diskPath(r, n));
    }

    /** Chooses the device of volume r on node n; false (nothing changes) for a device the server itself uses. */
    public boolean select(int r, int n, String device) {
        if (choice(n, device).map(DeviceChoice::refused).orElse(false)) {
            return false;
        }
        wizard.draft().set(diskPath(r, n), device);
        wizard.draft().set("$.replication.resources[" + r + "].backing[" + backingIndex(r, n) + "].node",
                wizard.draft().text("$.nodes[" + n + "].name"));
        confirmation(r, n).set("");
        if (!layoutAvailable(r, n)) {
            wizard.draft().remove(backingPath(r, n) + ".layout");
        }
        wizard.changedByStep(diskPath(r, n));
        return true;
    }

    private String backingPath(int r, int n) {
        return "$.replication.resources[" + r + "].backing[" + backingIndex(r, n) + "]";
    }

    // ---- partition layout

    public DiskLayout layout(int r, int n) {
        return "gpt-partition".equals(wizard.draft().text(backingPath(r, n) + ".layout")) ? DiskLayout.GPT_PARTITION : DiskLayout.WHOLE_DEVICE;
    }

    /** A partition table can only go on a whole disk, not on a partition. */
    public boolean layoutAvailable(int r, int n) {
        return choice(n, selected(r, n)).map(c -> !c.partition()).orElse(!PartitionNames.isPartition(selected(r, n)));
    }

    public void setLayout(int r, int n, DiskLayout layout) {
        if (layout == DiskLayout.GPT_PARTITION && layoutAvailable(r, n)) {
            wizard.draft().set(backingPath(r, n) + ".layout", "gpt-partition");
        } else {
            wizard.draft().remove(backingPath(r, n) + ".layout");
        }
        wizard.changedByStep(backingPath(r, n) + ".layout");
    }

    /** What DRBD will use, in words: the device, or the partition made on it. */
    public String layoutNote(int r, int n) {
        String device = selected(r, n);
        return layout(r, n) == DiskLayout.GPT_PARTITION
                ? "A new partition table on " + device + " with one partition, " + PartitionNames.firstPartition(device)
                + ", named tandem-" + resourceName(r) + ": the name tells anyone looking at the disk that it is in use."
                : "DRBD uses " + device + " as it is, without a partition table.";
    }

    // ---- metadata

    /** "internal", or the external metadata device. */
    public String metadata(int r, int n) {
        return wizard.draft().text(backingPath(r, n) + ".metaDisk");
    }

    /**
     * Internal metadata (the default: DRBD keeps it at the end of the data device), or a separate
     * device; resources sharing one get distinct slots (their index), as in the tutorial.
     */
    public void setMetadata(int r, int n, String metaDisk) {
        wizard.draft().set(backingPath(r, n) + ".metaDisk", metaDisk);
        if (Backing.INTERNAL.equals(metaDisk)) {
            wizard.draft().remove(backingPath(r, n) + ".metaIndex");
        } else {
            wizard.draft().set(backingPath(r, n) + ".metaIndex", r);
        }
        wizard.changedByStep(backingPath(r, n) + ".metaDisk");
    }

    /** Devices that can hold external metadata on node n: free ones, not chosen as any volume's data device. */
    public List<String> metadataChoices(int n) {
        List<String> data = new ArrayList<>();
        for (int r = 0; r < resourceCount(); r++) {
            data.add(selected(r, n));
        }
        List<String> choices = new ArrayList<>(List.of(Backing.INTERNAL));
        choices(n).stream().filter(c -> c.inUse().isEmpty() && !data.contains(c.path())).map(DeviceChoice::path).forEach(choices::add);
        return choices;
    }

    public List<DeviceChoice> choices(int n) {
        HostFacts facts = wizard.facts().get(NodesStep.key(n));
        if (facts == null) {
            return List.of();
        }
        List<DeviceChoice> choices = new ArrayList<>();
        for (BlockDevice d : facts.allBlockDevices()) {
            if (Set.of("disk", "part", "loop").contains(d.type()) && d.sizeBytes() > 0 && !d.readOnly()) {
                String what = Optional.ofNullable(d.model()).map(String::strip).filter(m -> !m.isEmpty()).orElse(d.type())
                        + Optional.ofNullable(d.serial()).map(s -> " " + s.strip()).orElse("");
                choices.add(new DeviceChoice(d.path(), d.sizeBytes(), what, facts.inUseReasons(d), d.type().equals("part"),
                        SystemDevices.refusal(facts, d).orElse("")));
            }
        }
        return choices;
    }

    public Optional<DeviceChoice> choice(int n, String path) {
        return choices(n).stream().filter(c -> c.path().equals(path)).findFirst();
    }

    /** What the user typed to confirm destroying the selected device of resource r on node n. */
    public StringProperty confirmation(int r, int n) {
        return confirmations.computeIfAbsent(r + ":" + n, k -> {
            StringProperty typed = new SimpleStringProperty("");
            typed.addListener((obs, old, now) -> wizard.revalidate());
            return typed;
        });
    }

    /** True when the chosen device holds data and must be confirmed by typing its path. */
    public boolean needsConfirmation(int r, int n) {
        return choice(n, selected(r, n)).map(c -> !c.inUse().isEmpty() && !c.refused()).orElse(false);
    }

    /** Why the chosen device of volume r on node n can never be used, in a sentence; empty when it can. */
    public String refusal(int r, int n) {
        return refusalOf(n, selected(r, n));
    }

    private String refusalOf(int n, String device) {
        return choice(n, device).filter(DeviceChoice::refused).map(c -> nodeName(n) + "'s " + device + " " + c.refusal()
                + ": the server itself uses it, so it can never hold replicated data. Choose another device.").orElse("");
    }

    private String nodeName(int n) {
        return wizard.draft().text("$.nodes[" + n + "].name");
    }

    @Override
    protected List<String> missing() {
        List<String> missing = new ArrayList<>();
        for (int r = 0; r < resourceCount(); r++) {
            for (int n = 0; n < 2; n++) {
                if (selected(r, n).isEmpty()) {
                    missing.add("Volume " + resourceName(r) + " has no device on " + nodeName(n) + " yet: choose one, or remove the volume.");
                }
                if (!refusal(r, n).isEmpty()) {
                    missing.add(refusal(r, n));
                }
                if (needsConfirmation(r, n) && !confirmation(r, n).get().equals(selected(r, n))) {
                    missing.add("Node " + (n + 1) + ": " + selected(r, n) + " holds data. Type its path to confirm it may be destroyed, "
                            + "or choose a free device.");
                }
                String meta = metadata(r, n);
                if (!Backing.INTERNAL.equals(meta) && !refusalOf(n, meta).isEmpty()) {
                    missing.add("The metadata device: " + refusalOf(n, meta));
                } else if (!Backing.INTERNAL.equals(meta) && choice(n, meta).map(c -> !c.inUse().isEmpty()).orElse(false)) {
                    missing.add("Node " + (n + 1) + ": the metadata device " + meta + " holds data; choose a free device or internal metadata.");
                }
            }
        }
        return missing;
    }

    /**
     * Why the chosen devices are not provably blank, one sentence per device ("node2's /dev/vdc
     * has an ext4 filesystem"); empty when discovery saw every one without partition table,
     * filesystem or any other signature, by lsblk and wipefs both. Skipping the initial sync is
     * only safe on such devices (the engine checks again at apply, reading them).
     */
    public List<String> notProvablyBlank() {
        List<String> reasons = new ArrayList<>();
        for (int n = 0; n < 2; n++) {
            HostFacts facts = wizard.facts().get(NodesStep.key(n));
            if (facts == null) {
                reasons.add(nodeName(n) + " was not discovered, so nothing shows that its disks are blank.");
                continue;
            }
            for (int r = 0; r < resourceCount(); r++) {
                String device = selected(r, n);
                Optional<DeviceChoice> choice = choice(n, device);
                if (choice.isEmpty()) {
                    reasons.add(nodeName(n) + "'s " + (device.isEmpty() ? "device of volume " + resourceName(r) : device)
                            + " was not seen by discovery.");
                } else if (!choice.get().inUse().isEmpty()) {
                    reasons.add(nodeName(n) + "'s " + device + " " + String.join(", ", choice.get().inUse()) + ".");
                } else if (!facts.signatures().containsKey(device)) {
                    reasons.add(nodeName(n) + "'s " + device + " was not read by wipefs, so it is not known to be blank.");
                }
            }
        }
        return reasons;
    }

    /** Sizes differ: the volume gets the smaller one; said plainly. */
    public String sizeNote(int r) {
        Optional<DeviceChoice> a = choice(0, selected(r, 0));
        Optional<DeviceChoice> b = choice(1, selected(r, 1));
        if (a.isEmpty() || b.isEmpty() || a.get().sizeBytes() == b.get().sizeBytes()) {
            return "";
        }
        long smaller = Math.min(a.get().sizeBytes(), b.get().sizeBytes());
        return "The devices differ in size: the replicated volume will have the smaller size, " + (smaller >> 20) + " MiB.";
    }

    /** When the chosen devices don't exist on the discovered hosts, proposes free ones of matching size. */
    void suggestFromFacts() {
        for (int n = 0; n < 2; n++) {
            HostFacts facts = wizard.facts().get(NodesStep.key(n));
            if (facts == null) {
                continue;
            }
            List<String> free = new ArrayList<>(CompatibilityReport.freeDevices(facts).stream().map(BlockDevice::path).toList());
            for (int r = 0; r < resourceCount(); r++) {
                String chosen = selected(r, n);
                if (choice(n, chosen).isEmpty() && !free.isEmpty()) {
                    wizard.draft().set(diskPath(r, n), free.removeFirst());
                } else {
                    free.remove(chosen);
                }
            }
        }
        reloadFields();
    }
}
