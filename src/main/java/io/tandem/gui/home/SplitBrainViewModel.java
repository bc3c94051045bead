package io.tandem.gui.home;

import io.tandem.gui.Background;
import io.tandem.model.DrbdResource;
import io.tandem.model.Project;
import io.tandem.monitor.ClusterSnapshot;
import io.tandem.monitor.HostCommands;
import io.tandem.monitor.SplitBrain;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The split-brain dialog of one DRBD resource: both sides side by side (role, out-of-sync amount,
 * when each was last Primary and last served sessions, its generation identifiers in words), the
 * operator's choice of the side whose changes are thrown away, the typed confirmation, the
 * recovery ({@link SplitBrain#recover}) and the resync that follows, read from the monitoring
 * rounds. Nothing runs until the typed words match.
 */
public final class SplitBrainViewModel {

    private final Project project;
    private final DrbdResource resource;
    private final HomeViewModel home;
    private final HostCommands hosts;
    private final Background background;
    private final ObservableList<SplitBrain.Side> sides = FXCollections.observableArrayList();
    private final StringProperty victim = new SimpleStringProperty("");
    private final StringProperty typed = new SimpleStringProperty("");
    private final StringProperty refusal = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("Reading both sides…");
    private final BooleanProperty running = new SimpleBooleanProperty(false);
    private final BooleanProperty started = new SimpleBooleanProperty(false);
    private final BooleanProperty finished = new SimpleBooleanProperty(false);
    private final ObservableList<String> log = FXCollections.observableArrayList();
    private final BooleanBinding canRecover;

    public SplitBrainViewModel(Project project, String resourceName, HomeViewModel home, HostCommands hosts, Background background) {
        this.project = project;
        this.resource = project.resource(resourceName).orElseThrow(() -> new IllegalArgumentException("no DRBD resource " + resourceName));
        this.home = home;
        this.hosts = hosts;
        this.background = background;
        victim.addListener((obs, old, now) -> judgeChoice());
        canRecover = Bindings.createBooleanBinding(() -> !victim.get().isEmpty() && refusal.get().isEmpty() && !started.get()
                        && typed.get().strip().equals(SplitBrain.confirmationFor(victim.get(), resource.name())),
                victim, typed, refusal, started);
        home.snapshotProperty().addListener((obs, old, now) -> {
            if (started.get() && now != null) {
                follow(now);
            }
        });
    }

    /** Reads each side's generation identifiers (read-only) and fills the sides from the last round. */
    public void open() {
        ClusterSnapshot now = home.snapshotProperty().get();
        background.run(() -> {
            List<SplitBrain.Side> read = new java.util.ArrayList<>();
            for (var node : project.nodes()) {
                read.add(side(now, node.name()));
            }
            return read;
        }, read -> {
            sides.setAll(read);
            status.set("Choose the node whose changes since the split are thrown away. Its data is then copied from the other node.");
        }, failure -> status.set("Could not read both sides: " + failure.getMessage()));
    }

    private SplitBrain.Side side(ClusterSnapshot now, String node) throws InterruptedException {
        Optional<ClusterSnapshot.DrbdLine> line = now == null ? Optional.empty()
                : now.drbd().stream().filter(d -> d.node().equals(node) && d.resource().equals(resource.name())).findFirst();
        Optional<SplitBrain.GenerationIds> ids;
        try {
            ids = SplitBrain.GenerationIds.parse(hosts.runAsRoot(node, SplitBrain.readIds(resource), java.time.Duration.ofSeconds(15)).stdout());
        } catch (io.tandem.ssh.SshFailure e) {
            ids = Optional.empty();
        }
        return new SplitBrain.Side(node, line.map(d -> d.roles().split("/")[0]).orElse("unknown (no answer)"),
                line.map(d -> d.disks().split("/")[0]).orElse("unknown"),
                line.map(ClusterSnapshot.DrbdLine::state).map(s -> s.outOfSyncKiB()).orElse(-1L),
                ids, home.sides().lastPrimary(node, resource.name()), home.sides().lastServing(node));
    }

    /** The words for one side's card. */
    public List<String> describe(SplitBrain.Side side) {
        Optional<SplitBrain.GenerationIds> peer = sides.stream().filter(s -> !s.node().equals(side.node())).findFirst().flatMap(SplitBrain.Side::ids);
        String when = "never seen by Tandem";
        return List.of("Role now: " + side.role() + ", disk " + side.disk(),
                "Out of sync: " + (side.outOfSyncKiB() < 0 ? "unknown" : io.tandem.monitor.Amounts.kib(side.outOfSyncKiB())
                        + " that the other side lacks or differs in"),
                "Last Primary: " + (side.role().equals("Primary") ? "now" : side.lastPrimary().map(HomeTimes::format).orElse(when)),
                "Last served iSCSI sessions: " + (servingNow(side.node()) ? "now" : side.lastServing().map(HomeTimes::format).orElse(when)),
                side.ids().map(ids -> "Data: " + ids.words(peer)).orElse("Data: its generation identifiers could not be read"));
    }

    private boolean servingNow(String node) {
        ClusterSnapshot now = home.snapshotProperty().get();
        return now != null && node.equals(now.servedBy()) && !now.sessions().isEmpty();
    }

    private void judgeChoice() {
        ClusterSnapshot now = home.snapshotProperty().get();
        refusal.set(victim.get().isEmpty() || now == null ? "" : SplitBrain.refusal(project, now, resource.name(), victim.get()).orElse(""));
        typed.set("");
    }

    /** Runs the recovery; does nothing unless the choice is allowed and confirmed. */
    public void recover() {
        if (!canRecover.get()) {
            return;
        }
        String chosen = victim.get();
        started.set(true);
        running.set(true);
        status.set("Discarding " + chosen + "'s changes of " + resource.name() + "…");
        background.run(() -> SplitBrain.recover(hosts, project, resource, chosen), lines -> {
            log.addAll(lines);
            status.set("Reconnected: waiting for DRBD to copy " + resource.name() + " from " + project.peerOf(chosen).name() + " to " + chosen + "…");
            home.refresh();
        }, failure -> {
            running.set(false);
            started.set(false);
            log.add(failure.getMessage());
            status.set("The recovery stopped: " + failure.getMessage() + ". Nothing else was changed; look at the kernel log (dmesg | grep drbd) on both nodes.");
        });
    }

    /** After the recovery: the resync's progress from each round, then done when both sides are connected and up to date. */
    private void follow(ClusterSnapshot now) {
        List<ClusterSnapshot.DrbdLine> lines = now.drbd().stream().filter(d -> d.resource().equals(resource.name())).toList();
        Optional<ClusterSnapshot.DrbdLine> syncing = lines.stream().filter(d -> d.state() != null && d.state().isSyncing()).findFirst();
        if (syncing.isPresent()) {
            var p = syncing.get().state().sync();
            status.set(String.format(Locale.ROOT, "Resyncing %s: %.1f %% done, %d KiB left.", resource.name(), p.percentDone(), p.remainingKiB()));
        } else if (lines.size() == project.nodes().size() && lines.stream().allMatch(ClusterSnapshot.DrbdLine::healthy)) {
            running.set(false);
            finished.set(true);
            status.set("Done: " + resource.name() + " is connected and up to date on both nodes; the split brain is over.");
        }
    }

    public ObservableList<SplitBrain.Side> sides() {
        return sides;
    }

    public StringProperty victimProperty() {
        return victim;
    }

    public StringProperty typedProperty() {
        return typed;
    }

    /** What must be typed for the chosen side. */
    public String expectedWords() {
        return victim.get().isEmpty() ? "" : SplitBrain.confirmationFor(victim.get(), resource.name());
    }

    public StringProperty refusalProperty() {
        return refusal;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public BooleanProperty runningProperty() {
        return running;
    }

    public BooleanProperty finishedProperty() {
        return finished;
    }

    public BooleanBinding canRecoverProperty() {
        return canRecover;
    }

    public ObservableList<String> log() {
        return log;
    }

    public String resourceName() {
        return resource.name();
    }
}
