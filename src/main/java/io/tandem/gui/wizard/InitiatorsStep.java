package io.tandem.gui.wizard;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Step 8: the clients. Each one's IQN goes into the target's allowed initiators; its replacement
 * timeout is matched to the cluster's failover time. For initiators Tandem cannot reach (Windows,
 * VMware), the settings to enter by hand are shown.
 */
public final class InitiatorsStep extends StepViewModel {

    InitiatorsStep(WizardViewModel wizard) {
        super(wizard, "Initiators");
        rebuild();
    }

    @Override
    protected List<String> paths() {
        return List.of("$.initiators");
    }

    public int count() {
        return wizard.draft().size("$.initiators");
    }

    /** Fields of initiator {@code i}, in the order shown. */
    public List<FieldBinding> fieldsOf(int i) {
        String prefix = "$.initiators[" + i + "]";
        return fields().stream().filter(f -> f.path().startsWith(prefix + ".")).toList();
    }

    /** Adds a client with safe defaults: replacement timeout above the worst failover time. */
    public void add() {
        int i = count();
        String base = "$.initiators[" + i + "]";
        wizard.draft().set(base, Map.of(
                "name", "client" + (i + 1),
                "os", wizard.draft().text("$.nodes[0].os").isEmpty() ? "debian-12" : wizard.draft().text("$.nodes[0].os"),
                "ssh", Map.of("address", "", "user", "root", "port", 22),
                "iqn", "iqn.2024-01." + reversedDomain() + ":client" + (i + 1),
                "timeouts", Map.of("replacementTimeout", suggestedReplacementTimeout(), "loginTimeout", 15, "logoutTimeout", 15,
                        "noopOutInterval", 5, "noopOutTimeout", 5, "abortTimeout", 15, "luResetTimeout", 30, "initialLoginRetryMax", 8),
                "session", Map.of("cmdsMax", 128, "queueDepth", 32, "initialR2T", true, "immediateData", true, "firstBurstLength", 65536,
                        "maxBurstLength", 1048576, "maxRecvDataSegmentLength", 262144, "discoveryMaxRecvDataSegmentLength", 32768,
                        "fastAbort", true)));
        wizard.draft().remove(base + ".ssh.address");
        rebuild();
        wizard.changedByStep("$.initiators");
    }

    public void remove(int i) {
        wizard.draft().remove("$.initiators[" + i + "]");
        rebuild();
        wizard.changedByStep("$.initiators");
    }

    private void rebuild() {
        clearFields();
        for (int i = 0; i < count(); i++) {
            String base = "$.initiators[" + i + "]";
            field(base + ".name", "Name");
            field(base + ".ssh.address", "Address");
            field(base + ".iqn", "Initiator name (IQN)");
            number(base + ".timeouts.replacementTimeout", "Replacement timeout (s)");
            field(base + ".filesystem.type", "Filesystem (optional)");
            field(base + ".filesystem.mountPoint", "Mount point");
        }
    }

    /** Token timeout twice, plus half an operation timeout, rounded up: what the validator checks against. */
    public int suggestedReplacementTimeout() {
        int token = parse(wizard.draft().text("$.cluster.tokenMs"), 5000);
        int op = parse(wizard.draft().text("$.cluster.operationTimeoutSeconds"), 120);
        return Math.max(120, (token / 1000 * 2 + op / 2) * 2);
    }

    private static int parse(String text, int fallback) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private String reversedDomain() {
        List<String> labels = new ArrayList<>(List.of(wizard.draft().text("$.domain").split("\\.")));
        java.util.Collections.reverse(labels);
        return String.join(".", labels);
    }

    /** What to type into an initiator Tandem does not manage (Windows iSCSI Initiator, VMware). */
    public String manualSettings() {
        return "Target portal: " + wizard.draft().text("$.networks.client.virtualIp") + ":" + wizard.draft().text("$.target.portalPort")
                + "\nTarget name: " + wizard.draft().text("$.target.iqn")
                + "\nCHAP user: " + wizard.draft().text("$.chap.incoming.user") + " (the secret is on the Target step)"
                + "\nAdd the initiator's own IQN here as an initiator, so the target admits it.";
    }
}
