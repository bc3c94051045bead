package io.tandem.gui.wizard;

import io.tandem.discovery.HostFacts;
import io.tandem.facts.NicHardware;
import io.tandem.model.SecretGenerator;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

import java.util.List;
import java.util.Optional;

/** Step 5: DRBD protocol, resync speed, verification, the shared secret, first primary, initial sync. */
public final class ReplicationStep extends StepViewModel {

    private final BooleanProperty showSecret = new SimpleBooleanProperty(false);
    private final FieldBinding secret;

    ReplicationStep(WizardViewModel wizard) {
        super(wizard, "Replication");
        field("$.replication.protocol", "Protocol");
        field("$.replication.dynamicResync.maxRate", "Highest resync speed");
        field("$.replication.verifyAlgorithm", "Online-verify algorithm");
        secret = field("$.replication.sharedSecret", "Shared secret (authenticates the peer)");
        field("$.cluster.preferredNode", "Node that starts as primary");
        field("$.replication.initialSync", "Initial sync");
    }

    @Override
    protected List<String> paths() {
        return List.of("$.replication.protocol", "$.replication.syncRate", "$.replication.dynamicResync", "$.replication.verifyAlgorithm",
                "$.replication.hmacAlgorithm", "$.replication.sharedSecret", "$.replication.splitBrain", "$.replication.fencing",
                "$.replication.alExtents", "$.replication.onIoError", "$.replication.degradedWaitSeconds", "$.replication.initialSync",
                "$.cluster.preferredNode");
    }

    /** The nodes' names, for the first-primary choice. */
    public List<String> nodeNames() {
        return List.of(wizard.draft().text("$.nodes[0].name"), wizard.draft().text("$.nodes[1].name"));
    }

    @Override
    protected List<String> missing() {
        return skipSyncRefusal().isEmpty() ? List.of() : List.of(skipSyncRefusal());
    }

    /**
     * Why "skip the initial sync" is refused, naming each node's device and what it holds; empty
     * when it is not chosen, or discovery saw every chosen device blank ({@link DisksStep#notProvablyBlank}).
     * Apply proves blankness once more by reading the devices; this is the early refusal.
     */
    public String skipSyncRefusal() {
        if (!"skip-new-disks".equals(wizard.draft().text("$.replication.initialSync"))) {
            return "";
        }
        List<String> reasons = wizard.step(DisksStep.class).notProvablyBlank();
        return reasons.isEmpty() ? "" : "Skipping the initial sync needs blank disks on both nodes, but " + String.join(" ", reasons)
                + " Choose a full initial sync.";
    }

    public BooleanProperty showSecretProperty() {
        return showSecret;
    }

    public void regenerateSecret() {
        secret.value().set(SecretGenerator.generate(24).reveal());
    }

    public static final String WHY_PROTOCOL_C = "Protocol C confirms a write only when both nodes have it on disk: a failover "
            + "loses nothing. A and B are for distant sites and can lose the last writes.";
    public static final String SKIP_SYNC_CONDITION = "Skipping the initial sync is safe only when both disks are brand new and "
            + "were never written (all zeros): then both sides are already equal. Apply reads both disks first and skips the copy "
            + "only when both read all zeros; otherwise it runs the full sync. When in doubt, use a full sync.";

    /** Replication link speed from the slower node's first replication NIC, in Mb/s. */
    public Optional<Integer> linkSpeedMbps() {
        Integer slowest = null;
        for (int n = 0; n < 2; n++) {
            HostFacts facts = wizard.facts().get(NodesStep.key(n));
            List<String> slaves = wizard.step(NetworkStep.class).slaves(n, NetworkStep.REPLICATION);
            if (facts == null || slaves.isEmpty()) {
                return Optional.empty();
            }
            NicHardware nic = facts.nicHardware().get(slaves.getFirst());
            if (nic == null || nic.speedMbps() == null) {
                return Optional.empty();
            }
            slowest = slowest == null ? nic.speedMbps() : Math.min(slowest, nic.speedMbps());
        }
        return Optional.ofNullable(slowest);
    }

    /** "A full sync of 200 GiB takes about 30 min at 1000 Mb/s" — from the chosen devices and link speed. */
    public String expectedSyncTime() {
        DisksStep disks = wizard.step(DisksStep.class);
        long bytes = 0;
        for (int r = 0; r < disks.resourceCount(); r++) {
            long a = disks.choice(0, disks.selected(r, 0)).map(DisksStep.DeviceChoice::sizeBytes).orElse(0L);
            long b = disks.choice(1, disks.selected(r, 1)).map(DisksStep.DeviceChoice::sizeBytes).orElse(0L);
            bytes += Math.min(a, b);
        }
        Optional<Integer> speed = linkSpeedMbps();
        if (bytes == 0 || speed.isEmpty()) {
            return "The expected sync time appears once both nodes are discovered and their disks chosen.";
        }
        // About 80 % of the link is usable for resync, and at most the configured maximum.
        double seconds = bytes * 8.0 / (speed.get() * 1_000_000.0 * 0.8);
        return String.format("A full initial sync copies %.1f GiB; at %d Mb/s that takes about %s. The cluster is usable meanwhile, "
                + "but not protected until it finishes.", bytes / (double) (1L << 30), speed.get(), duration(seconds));
    }

    static String duration(double seconds) {
        if (seconds < 90) {
            return Math.round(seconds) + " s";
        }
        if (seconds < 5400) {
            return Math.round(seconds / 60) + " min";
        }
        return String.format("%.1f h", seconds / 3600);
    }
}
