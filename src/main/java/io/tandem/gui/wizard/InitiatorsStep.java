package io.tandem.gui.wizard;

import io.tandem.discovery.InitiatorReport;
import io.tandem.model.FailoverEstimate;
import io.tandem.model.StonithType;
import io.tandem.model.ValuePatterns;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Step 8: the clients. Each one's IQN goes into the target's allowed initiators; its replacement
 * timeout is matched to the cluster's failover time. For initiators Tandem cannot reach (Windows,
 * VMware), the settings to enter by hand are shown.
 */
public final class InitiatorsStep extends StepViewModel {

    /** The largest RecoveryTimeout the ESXi software iSCSI adapter accepts. */
    static final int VMWARE_MAX_RECOVERY_TIMEOUT = 120;

    /** One login per initiator, in the order of {@code $.initiators}. */
    private final List<HostLogin> logins = new ArrayList<>();

    InitiatorsStep(WizardViewModel wizard) {
        super(wizard, "Initiators");
        rebuild();
    }

    @Override
    protected void startedAfresh() {
        logins.forEach(HostLogin::reset);
        logins.clear();
        rebuild();
    }

    @Override
    protected void reloadFields() {
        if (logins.size() != count()) {
            rebuild(); // another project was opened, with a different number of initiators
        }
        super.reloadFields();
    }

    public HostLogin login(int i) {
        return logins.get(i);
    }

    /**
     * Logs in to client {@code i} and reads its facts in the background. What it finds fills the
     * name, OS and, when the client already has one, its own initiator name: other targets may
     * admit it by that name, so Tandem never renames a client that has one.
     */
    public void discover(int i) {
        HostLogin login = logins.get(i);
        String base = "$.initiators[" + i + "]";
        login.target(wizard, base + ".ssh").ifPresent(target -> login.discover(wizard, target, InitiatorReport::forClient, facts -> {
            if (ValuePatterns.HOST_NAME.matches(facts.hostname())) {
                wizard.draft().set(base + ".name", facts.hostname());
            }
            facts.os().flatMap(os -> os.operatingSystem()).ifPresent(os -> wizard.draft().set(base + ".os", NodesStep.jsonName(os)));
            InitiatorReport.keptName(facts).ifPresent(iqn -> wizard.draft().set(base + ".iqn", iqn));
            wizard.changedByStep(base);
        }));
    }

    public void cancel(int i) {
        logins.get(i).cancel();
    }

    @Override
    protected List<String> paths() {
        return List.of("$.initiators", QUORUM_DEVICE);
    }

    private static final String QUORUM_DEVICE = "$.cluster.quorumDevice";

    public static final String WITNESS = "Quorum witness: this client also runs corosync-qnetd, the cluster's third vote. The node that "
            + "still reaches it keeps quorum, so a crashed node is fenced at once instead of after a 15 s delay. With the witness "
            + "and one node down together, the other node stops the service.";

    /** True when initiator {@code i} is the quorum device's witness. */
    public boolean witness(int i) {
        String host = wizard.draft().text(QUORUM_DEVICE + ".host");
        return !host.isEmpty() && host.equals(wizard.draft().text("$.initiators[" + i + "].name"));
    }

    /** Makes initiator {@code i} the witness, or no client at all; two_node goes off with a witness (corosync refuses both) and back without. */
    public void setWitness(int i, boolean on) {
        if (on) {
            wizard.draft().set(QUORUM_DEVICE, Map.of("host", wizard.draft().text("$.initiators[" + i + "].name")));
            wizard.draft().set("$.cluster.twoNode", false);
        } else if (witness(i)) {
            wizard.draft().remove(QUORUM_DEVICE);
            wizard.draft().set("$.cluster.twoNode", true);
        } else {
            return;
        }
        wizard.changedByStep(QUORUM_DEVICE);
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
        add(true);
    }

    /** Adds a client Tandem does not log in to (Windows, VMware): the target admits it; its settings are typed by hand. */
    public void addManual() {
        add(false);
    }

    private void add(boolean managed) {
        int i = count();
        String base = "$.initiators[" + i + "]";
        // loginTimeout 5, not open-iscsi's 15: during a failover the initiator's connect to the virtual IP
        // that no node holds backs off (SYN again after 1, 2, 4, 8 s) until login_timeout restarts it, so
        // 15 left up to 8 s between the address coming back and the next try; 5 leaves at most 2 s and
        // still 2 s for a CHAP login begun on the last retry (1-2 s on the VM lab's emulated CPUs).
        wizard.draft().set(base, Map.of(
                "name", (managed ? "client" : "other") + (i + 1),
                "os", !managed ? "other" : wizard.draft().text("$.nodes[0].os").isEmpty() ? "debian-12" : wizard.draft().text("$.nodes[0].os"),
                "ssh", Map.of("address", "", "user", "root", "port", 22),
                "iqn", managed ? "iqn.2024-01." + reversedDomain() + ":client" + (i + 1) : "",
                "timeouts", Map.of("replacementTimeout", suggestedReplacementTimeout(), "loginTimeout", 5, "logoutTimeout", 15,
                        "noopOutInterval", 5, "noopOutTimeout", 5, "abortTimeout", 15, "luResetTimeout", 30, "initialLoginRetryMax", 8),
                "session", Map.of("cmdsMax", 128, "queueDepth", 32, "initialR2T", true, "immediateData", true, "firstBurstLength", 65536,
                        "maxBurstLength", 1048576, "maxRecvDataSegmentLength", 262144, "discoveryMaxRecvDataSegmentLength", 32768,
                        "fastAbort", true)));
        wizard.draft().remove(managed ? base + ".ssh.address" : base + ".ssh");
        if (!managed) {
            wizard.draft().remove(base + ".iqn"); // to be typed: missing reads "Required", not "'' is not a valid iSCSI name"
        }
        rebuild();
        wizard.changedByStep("$.initiators");
    }

    /** True when Tandem logs in to initiator {@code i} (it has SSH settings). */
    public boolean managed(int i) {
        return wizard.draft().has("$.initiators[" + i + "].ssh");
    }

    public void remove(int i) {
        setWitness(i, false);
        logins.get(i).cancel();
        logins.remove(i);
        wizard.draft().remove("$.initiators[" + i + "]");
        rebuild();
        wizard.changedByStep("$.initiators");
    }

    private void rebuild() {
        clearFields();
        while (logins.size() < count()) {
            logins.add(new HostLogin());
        }
        while (logins.size() > count()) {
            logins.removeLast().cancel();
        }
        for (int i = 0; i < count(); i++) {
            String base = "$.initiators[" + i + "]";
            field(base + ".name", "Name");
            field(base + ".iqn", "Initiator name (IQN)");
            number(base + ".timeouts.replacementTimeout", managed(i) ? "Replacement timeout (s)" : "Keep I/O waiting for (s)");
            if (managed(i)) {
                field(base + ".ssh.address", "Address");
                field(base + ".ssh.user", "User");
                number(base + ".ssh.port", "SSH port");
                field(base + ".filesystem.type", "Filesystem (optional)");
                field(base + ".filesystem.mountPoint", "Mount point");
            }
        }
    }

    /** How long a failover usually takes with this cluster's settings: the figure the validator warns against. */
    public int failoverSeconds() {
        int token = parse(wizard.draft().text("$.cluster.tokenMs"), 3000);
        int op = parse(wizard.draft().text("$.cluster.operationTimeoutSeconds"), 120);
        StonithType fencing = java.util.Arrays.stream(StonithType.values())
                .filter(t -> t.agent().equals(wizard.draft().text("$.cluster.stonith.type"))).findFirst().orElse(StonithType.NONE);
        String msgwait = wizard.draft().text("$.cluster.stonith.sbd.msgwaitTimeout");
        boolean witness = !wizard.draft().text("$.cluster.quorumDevice.host").isEmpty();
        return FailoverEstimate.seconds(token, op, fencing, msgwait.isEmpty() ? null : parse(msgwait, 0), witness);
    }

    /** Twice the failover estimate: a new initiator's default, and what the step suggests. */
    public int suggestedReplacementTimeout() {
        return FailoverEstimate.suggestedReplacementTimeout(failoverSeconds());
    }

    /**
     * The step's advice, one story for every figure: the failover estimate is the least, the
     * suggestion twice that, and where ESXi's ceiling falls between or below them.
     */
    public String timeoutAdvice() {
        int failover = failoverSeconds();
        int suggested = suggestedReplacementTimeout();
        String esxi = failover > VMWARE_MAX_RECOVERY_TIMEOUT
                ? " VMware ESXi accepts at most " + VMWARE_MAX_RECOVERY_TIMEOUT + " s, less than a failover here: its virtual "
                + "machines would see I/O errors; shorten the cluster's timeouts if ESXi hosts use this storage."
                : suggested > VMWARE_MAX_RECOVERY_TIMEOUT ? " VMware ESXi accepts at most " + VMWARE_MAX_RECOVERY_TIMEOUT
                + " s: enter " + VMWARE_MAX_RECOVERY_TIMEOUT + " there, which still outlasts the " + failover + " s." : "";
        return "If a node fails, the other one takes over in up to about " + failover + " s here. A client keeps its applications "
                + "waiting instead of failing for as long as its replacement timeout: set it to at least " + failover
                + " s; Tandem suggests " + suggested + " s (twice that, for a margin) and uses it for new initiators." + esxi;
    }

    /** Whether initiator {@code i}'s timeout is short of a failover: its note says so. */
    public String timeoutNote(int i) {
        return timeoutNote(wizard.draft().text("$.initiators[" + i + "].timeouts.replacementTimeout"));
    }

    /** The note for a timeout typed as {@code text} (the View passes the field's value as it is typed). */
    public String timeoutNote(String text) {
        int value = parse(text, -1);
        int failover = failoverSeconds();
        if (value < 0) {
            return "";
        }
        return value < failover ? value + " s is shorter than a failover (about " + failover + " s): applications would see I/O errors."
                : value + " s outlasts a failover (about " + failover + " s).";
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

    /**
     * A line for optional CHAP credentials: without mutual CHAP typed into the client, a target that
     * is set up for it refuses the login, so the client's settings must say whether it is on. The
     * secret stays on the Target step: these settings are shown in a text area that may be copied.
     */
    private String chapLine(String path, String on, String off) {
        return "\n" + (wizard.draft().has(path + ".user")
                ? on + wizard.draft().text(path + ".user") + " (the secret is on the Target step)"
                : off);
    }

    /**
     * What to type into initiator {@code i} when Tandem does not log in to it (Windows iSCSI
     * Initiator, VMware). The hold time keeps I/O waiting through a failover instead of failing.
     */
    public String manualSettings(int i) {
        String base = "$.initiators[" + i + "]";
        String hold = wizard.draft().text(base + ".timeouts.replacementTimeout");
        return "Initiator name (set it on the client): " + wizard.draft().text(base + ".iqn")
                + "\nTarget portal: " + wizard.draft().text("$.networks.client.virtualIp") + ":" + wizard.draft().text("$.target.portalPort")
                + "\nTarget name: " + wizard.draft().text("$.target.iqn")
                + "\nCHAP: enabled, user " + wizard.draft().text("$.chap.incoming.user") + " (the secret is on the Target step)"
                + chapLine("$.chap.outgoing", "Mutual CHAP (the target proves itself): enabled, target user ",
                        "Mutual CHAP: off")
                + chapLine("$.chap.discovery", "Discovery CHAP: enabled, user ", "Discovery CHAP: off")
                + "\nHold I/O during a failover for " + hold + " s: Windows MaxRequestHoldTime (registry), VMware ESXi "
                + "RecoveryTimeout (iSCSI adapter, advanced)."
                + (parse(hold, 0) > VMWARE_MAX_RECOVERY_TIMEOUT ? " ESXi accepts at most " + VMWARE_MAX_RECOVERY_TIMEOUT + " s: enter "
                + VMWARE_MAX_RECOVERY_TIMEOUT + " there" + (failoverSeconds() > VMWARE_MAX_RECOVERY_TIMEOUT
                ? "; a failover here can take longer (about " + failoverSeconds() + " s) and would reach its virtual machines as I/O errors."
                : ", which still outlasts a failover here (about " + failoverSeconds() + " s).") : "");
    }
}
