package io.tandem.gui.wizard;

import io.tandem.apply.ApplySession;
import io.tandem.gui.Background;
import io.tandem.model.Node;
import io.tandem.model.Problem;
import io.tandem.model.Project;
import io.tandem.plan.Action;
import io.tandem.plan.FileChange;
import io.tandem.plan.Plan;
import io.tandem.plan.Step;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Review's plan: the engine's plan made in the background (over SSH, or on the demo's simulated
 * hosts), listed per host with each step's sentence, commands and diffs; every step that destroys
 * data marked with its device and gated by a typed confirmation (one typed on the Disks step
 * counts); a plain summary on top; and whether Apply may be pressed, with the reasons when not.
 */
public final class PlanReview {

    public enum Status { IDLE, PLANNING, READY, FAILED }

    /** One line of the plan list: a host's heading, or one of its steps (numbered in run order). */
    public record Line(String host, int number, Optional<Step> step) {
        public boolean heading() {
            return step.isEmpty();
        }

        public String text() {
            return step.map(s -> number + ". " + s.sentence()).orElse(host);
        }
    }

    /** A device a step overwrites: typed here, or on the Disks step. */
    public static final class Confirmation {
        private final String host;
        private final String device;
        private final String reason;
        private final StringProperty typed = new SimpleStringProperty("");
        private final boolean fromDisks;

        Confirmation(String host, String device, String reason, boolean fromDisks) {
            this.host = host;
            this.device = device;
            this.reason = reason;
            this.fromDisks = fromDisks;
        }

        public String host() {
            return host;
        }

        public String device() {
            return device;
        }

        /** "node2's /dev/vdc will be erased (it holds an ext4 filesystem)". */
        public String sentence() {
            return host + "'s " + device + " will be erased" + (reason.isEmpty() ? "" : " (" + reason + ")");
        }

        public StringProperty typedProperty() {
            return typed;
        }

        /** True when the path was typed on the Disks step already. */
        public boolean fromDisks() {
            return fromDisks;
        }

        public boolean given() {
            return fromDisks || typed.get().strip().equals(device);
        }

        public String key() {
            return host + ":" + device;
        }
    }

    private final WizardViewModel wizard;
    private final ObjectProperty<Status> status = new SimpleObjectProperty<>(Status.IDLE);
    private final StringProperty message = new SimpleStringProperty("");
    private final ObjectProperty<Plan> plan = new SimpleObjectProperty<>();
    private final ObservableList<Line> lines = FXCollections.observableArrayList();
    private final ObservableList<Confirmation> confirmations = FXCollections.observableArrayList();
    private final StringProperty overview = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper blockers = new ReadOnlyStringWrapper("");
    private final BooleanProperty canApply = new SimpleBooleanProperty(false);
    private final BooleanProperty demoFailure = new SimpleBooleanProperty(false);
    private ApplySession session;
    private Background.Job job;
    private long generation;

    PlanReview(WizardViewModel wizard) {
        this.wizard = wizard;
        demoFailure.addListener((obs, old, on) -> wizard.demoCluster().ifPresent(c -> c.armMissingPackage(on)));
        wizard.fileProperty().addListener((obs, old, now) -> update());
        wizard.dirtyProperty().addListener((obs, old, now) -> update());
    }

    /** Plans the project as it stands (read-only on the hosts), in the background. */
    void plan(Project project, List<Problem> warnings) {
        if (job != null) {
            job.cancel();
        }
        long mine = ++generation;
        status.set(Status.PLANNING);
        message.set(wizard.isDemo() ? "Checking each step on the demo's simulated servers…"
                : "Connecting to the servers and checking each step (read-only: nothing is changed)…");
        plan.set(null);
        lines.clear();
        confirmations.clear();
        overview.set("");
        update();
        var opener = wizard.sessionOpener(project);
        job = wizard.background().run(() -> {
            ApplySession opened = opener.call();
            try {
                return Map.entry(opened, opened.plan());
            } catch (Exception e) {
                opened.close();
                throw e;
            }
        }, planned -> {
            if (mine != generation) {
                planned.getKey().close();
                return;
            }
            closeSession();
            session = planned.getKey();
            show(project, planned.getValue(), warnings);
        }, failure -> {
            if (mine != generation) {
                return;
            }
            status.set(Status.FAILED);
            message.set("Could not make the plan: " + failure.getMessage());
            update();
        });
    }

    private void show(Project project, Plan made, List<Problem> warnings) {
        plan.set(made);
        Map<String, List<Step>> byHost = new LinkedHashMap<>();
        List<Step> steps = made.steps();
        for (Step s : steps) {
            byHost.computeIfAbsent(s.hostLabel(), h -> new ArrayList<>()).add(s);
        }
        List<Line> all = new ArrayList<>();
        byHost.forEach((host, list) -> {
            all.add(new Line(host + " — " + list.size() + " step(s)", 0, Optional.empty()));
            list.forEach(s -> all.add(new Line(host, steps.indexOf(s) + 1, Optional.of(s))));
        });
        lines.setAll(all);
        List<Confirmation> needed = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (Step s : steps) {
            if (s.destroys().isPresent() && seen.add(s.hostLabel() + ":" + s.destroys().get())) {
                String host = s.hosts().getFirst();
                String device = s.destroys().get();
                needed.add(new Confirmation(host, device, reason(project, host, device), typedOnDisks(project, host, device)));
            }
        }
        needed.forEach(c -> c.typedProperty().addListener((obs, old, now) -> update()));
        confirmations.setAll(needed);
        overview.set(overview(made, warnings));
        status.set(Status.READY);
        message.set(made.isEmpty() ? "Nothing to do: the servers already match this project."
                : made.steps().size() + " step(s) to run" + (wizard.isDemo() ? " on the demo's simulated servers" : "") + ".");
        update();
    }

    /** Why the device counts as holding data, from discovery (the Disks step's words). */
    private String reason(Project project, String host, String device) {
        int n = nodeIndex(project, host);
        if (n < 0) {
            return "";
        }
        return wizard.step(DisksStep.class).choice(n, device).map(c -> String.join(", ", c.inUse())).orElse("");
    }

    private boolean typedOnDisks(Project project, String host, String device) {
        int n = nodeIndex(project, host);
        DisksStep disks = wizard.step(DisksStep.class);
        if (n < 0) {
            return false;
        }
        for (int r = 0; r < disks.resourceCount(); r++) {
            if (device.equals(disks.selected(r, n)) && device.equals(disks.confirmation(r, n).get().strip())) {
                return true;
            }
        }
        return false;
    }

    private static int nodeIndex(Project project, String host) {
        List<Node> nodes = project.nodes();
        for (int i = 0; i < nodes.size(); i++) {
            if (nodes.get(i).name().equals(host)) {
                return i;
            }
        }
        return -1;
    }

    /** The plain summary: what happens where, what is erased, every warning and note in full, and why Apply would refuse. */
    private String overview(Plan made, List<Problem> warnings) {
        StringBuilder out = new StringBuilder();
        made.refusals().forEach(r -> out.append("Apply cannot run: ").append(r).append(".\n"));
        if (made.isEmpty()) {
            out.append("Nothing to do: the servers already match this project.\n");
        } else {
            Map<String, Long> perHost = made.steps().stream().flatMap(s -> s.hosts().stream())
                    .collect(Collectors.groupingBy(h -> h, LinkedHashMap::new, Collectors.counting()));
            out.append("Apply will run ").append(made.steps().size()).append(" steps: ").append(perHost.entrySet().stream()
                    .map(e -> e.getValue() + " on " + e.getKey()).collect(Collectors.joining(", "))).append(". It installs the packages, "
                    + "writes the configuration files (each old file is kept as a backup), sets up the network with an automatic "
                    + "rollback, prepares the disks, starts DRBD and the cluster, and logs the client in.\n");
        }
        for (Step s : made.steps()) {
            s.destroys().ifPresent(d -> out.append("⚠ ").append(s.hostLabel()).append("'s ").append(d).append(" will be erased.\n"));
        }
        List<Problem> shown = warnings.stream().filter(p -> !p.isError()).toList();
        if (!shown.isEmpty()) {
            out.append(shown.size()).append(shown.size() == 1 ? " warning:\n" : " warnings:\n");
            shown.forEach(p -> out.append("• ").append(p.message()).append(p.fix().isBlank() ? "" : " " + p.fix()).append('\n'));
        }
        made.notes().forEach(n -> out.append("Note: ").append(n).append('\n'));
        return out.toString().strip();
    }

    /** Recomputes whether Apply may be pressed, and what holds it back. */
    void update() {
        List<String> reasons = new ArrayList<>();
        Plan p = plan.get();
        if (status.get() != Status.READY || p == null) {
            reasons.add(status.get() == Status.FAILED ? "The plan could not be made (see above)." : "The plan is not ready yet.");
        } else {
            if (!p.refusals().isEmpty()) {
                reasons.add("Apply would refuse this plan: " + String.join("; ", p.refusals()) + ".");
            }
            if (p.isEmpty()) {
                reasons.add("Nothing to do: the servers already match this project.");
            }
            confirmations.stream().filter(c -> !c.given()).forEach(c -> reasons.add("Type " + c.device() + " to confirm that " + c.sentence() + "."));
            if (!wizard.isDemo() && (wizard.fileProperty().get() == null || wizard.dirtyProperty().get())) {
                reasons.add("Save the project first: the apply journal is kept with the saved project.");
            }
        }
        blockers.set(String.join("\n", reasons));
        canApply.set(reasons.isEmpty());
    }

    /** "host:device" for every confirmation given. */
    public Set<String> confirmed() {
        return confirmations.stream().filter(Confirmation::given).map(Confirmation::key).collect(Collectors.toSet());
    }

    /** Starts the apply of the plan shown (only when Apply may be pressed). */
    public void apply() {
        update();
        if (!canApply.get()) {
            return;
        }
        ApplySession s = session;
        session = null;
        wizard.startApply(s, plan.get(), confirmed());
    }

    void closeSession() {
        if (session != null) {
            session.close();
            session = null;
        }
    }

    /** The commands of a step as the plan shows them (secrets masked), one per action. */
    public static String commands(Step step) {
        StringBuilder out = new StringBuilder("Done when: " + step.check().describe() + "\n");
        for (Action a : step.actions()) {
            out.append("\non ").append(a.host()).append(":\n  ").append(a.display().replace("\n", "\n  ")).append('\n');
        }
        out.append("\nUndo: ").append(step.undo()).append('\n');
        return out.toString();
    }

    /** The file changes of a step, as diff rows (empty for steps that write no file). */
    public static List<DiffRow> diff(Step step) {
        return step.changes().stream().map(FileChange::diff).flatMap(Optional::stream).flatMap(d -> DiffRow.of(d).stream()).toList();
    }

    public ObjectProperty<Status> statusProperty() {
        return status;
    }

    public StringProperty messageProperty() {
        return message;
    }

    public ObjectProperty<Plan> planProperty() {
        return plan;
    }

    public ObservableList<Line> lines() {
        return lines;
    }

    public ObservableList<Confirmation> confirmations() {
        return confirmations;
    }

    public StringProperty overviewProperty() {
        return overview;
    }

    public ReadOnlyStringProperty blockersProperty() {
        return blockers.getReadOnlyProperty();
    }

    public BooleanProperty canApplyProperty() {
        return canApply;
    }

    /** Demo only: make node2's package install fail once, to see a failure and its Retry. */
    public BooleanProperty demoFailureProperty() {
        return demoFailure;
    }
}
