package io.tandem.lab;

import io.tandem.apply.ApplyFailure;
import io.tandem.apply.ApplyListener;
import io.tandem.apply.ApplySession;
import io.tandem.apply.Journal;
import io.tandem.model.Project;
import io.tandem.model.ProjectFile;
import io.tandem.plan.Action;
import io.tandem.plan.Check;
import io.tandem.plan.Phase;
import io.tandem.plan.Plan;
import io.tandem.plan.Probe;
import io.tandem.plan.Step;
import io.tandem.ssh.Authentication;
import io.tandem.ssh.ConnectionSettings;
import io.tandem.ssh.HostKeyPrompt;
import io.tandem.ssh.HostKeyStore;
import io.tandem.ssh.RemoteCommand;
import io.tandem.ssh.SshConnection;
import io.tandem.ssh.SshTarget;
import io.tandem.testing.LabEnv;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Apply against real sshd in the namespace lab, on the client (whose /etc is its own overlay, so
 * writing there touches nothing of this machine's): the client's file steps of the VM lab's project,
 * then a slow step during which the client's SSH sessions are SIGKILLed. The run stops there with a
 * message saying the step may be half done; the next run skips what is done, finishes the rest,
 * and the journal records both runs without a secret in it.
 */
class LabApplyIT {

    private static final Duration T = Duration.ofSeconds(30);
    private static final List<String> CLIENT_FILES = List.of("/etc/hosts", "/etc/iscsi/initiatorname.iscsi", "/etc/iscsi/iscsid.conf");
    private static final String SLOW_FILE = "/etc/tandem-lab-apply-slow";

    private LabEnv lab;
    @TempDir
    Path dir;
    private HostKeyStore store;
    private SshConnection root;
    private final Map<String, String> saved = new LinkedHashMap<>();

    @BeforeEach
    void saveTheClientsFiles() throws Exception {
        lab = LabEnv.require();
        store = new HostKeyStore(List.of(), dir.resolve("known_hosts"));
        root = SshConnection.open(login(lab.get("LAB_CLIENT_ADDRESS")));
        for (String path : CLIENT_FILES) {
            saved.put(path, root.runAsRoot(RemoteCommand.script("[ -f " + path + " ] && base64 -w0 " + path + " || echo ABSENT"), T).stdout().strip());
        }
        root.runAsRoot(RemoteCommand.script("rm -f " + SLOW_FILE), T);
    }

    @AfterEach
    void restoreThem() throws Exception {
        if (root == null) {
            return;
        }
        for (var e : saved.entrySet()) {
            String restore = e.getValue().equals("ABSENT") ? "rm -f " + e.getKey()
                    : "echo " + e.getValue() + " | base64 -d > " + e.getKey() + ".t && mv -f " + e.getKey() + ".t " + e.getKey();
            root.runAsRoot(RemoteCommand.script(restore), T);
        }
        root.runAsRoot(RemoteCommand.script("rm -f " + SLOW_FILE), T);
        // The backups went to /var/lib/tandem/backup/<run>, on this machine's /var (the lab shares it): this test's runs only.
        for (String run : new Journal(dir.resolve("journal.jsonl")).read().stream().map(j -> j.run()).distinct().toList()) {
            root.runAsRoot(RemoteCommand.script("rm -rf /var/lib/tandem/backup/" + run), T);
        }
        root.close();
    }

    private ConnectionSettings login(String address) {
        return ConnectionSettings.of(new SshTarget(address, 22, lab.get("LAB_KEY_USER")), List.of(new Authentication.KeyFile(lab.key())),
                store, HostKeyPrompt.ACCEPT_NEW);
    }

    private Project labProject() throws Exception {
        String json = Files.readString(Path.of("examples/vm-lab.tandem.json"))
                .replace("10.205.0.11", lab.node1()).replace("10.205.0.12", lab.node2()).replace("10.205.0.20", lab.get("LAB_CLIENT_ADDRESS"));
        Path file = dir.resolve("lab.tandem.json");
        Files.writeString(file, json);
        return ProjectFile.read(file);
    }

    /**
     * A step that takes a while on the client, so its connection can be cut while it runs. It writes
     * to its session before the file: once the session is cut that write kills it (SIGPIPE), so the
     * file says done only if the step really ran to its end, however late the cut lands.
     */
    private static Step slowStep() {
        Probe probe = new Probe("client", "slow", "grep -qx done " + SLOW_FILE);
        RemoteCommand command = RemoteCommand.script("sleep 6; echo still connected; echo done > " + SLOW_FILE);
        return Step.on("client", Phase.FILES, "test:slow", "Write " + SLOW_FILE + " slowly", Check.exitZero(SLOW_FILE + " says done", probe),
                "rm it", new Action("client", command.display(), remote -> remote.require(command, Duration.ofSeconds(60))));
    }

    private static class Seen implements ApplyListener {
        private final List<String> started = new CopyOnWriteArrayList<>();
        private final List<String> skipped = new CopyOnWriteArrayList<>();
        private final List<String> done = new CopyOnWriteArrayList<>();

        List<String> done() {
            return done;
        }

        @Override
        public void stepStarted(Step step) {
            started.add(step.id());
        }

        @Override
        public void stepSkipped(Step step) {
            skipped.add(step.id());
        }

        @Override
        public void stepDone(Step step, Duration took) {
            done.add(step.id());
        }
    }

    @Test
    void aConnectionKilledDuringAStepStopsTheRunAndTheNextRunFinishesWithoutRedoingWhatWasDone() throws Exception {
        Project project = labProject();
        Map<String, ConnectionSettings> settings = new LinkedHashMap<>();
        settings.put("node1", login(lab.node1()));
        settings.put("node2", login(lab.node2()));
        settings.put("client", login(lab.get("LAB_CLIENT_ADDRESS")));
        Journal journal = new Journal(dir.resolve("journal.jsonl"));

        Optional<ApplyFailure> first;
        List<String> fileSteps;
        try (ApplySession session = ApplySession.open(project, settings)) {
            Plan full = session.plan();
            List<Step> steps = new ArrayList<>(full.steps().stream().filter(s -> s.id().startsWith("file:client:")).toList());
            fileSteps = steps.stream().map(Step::id).toList();
            assertThat(fileSteps).contains("file:client:/etc/hosts", "file:client:/etc/iscsi/iscsid.conf");
            steps.add(slowStep());
            Seen seen = new Seen() {
                @Override
                public void stepStarted(Step step) {
                    super.stepStarted(step);
                    if (step.id().equals("test:slow")) {
                        Thread.ofVirtual().start(LabApplyIT.this::killClientSessionsSoon);
                    }
                }
            };
            first = session.apply(new Plan(steps, List.of(), Map.of()), java.util.Set.of(), journal, seen, null);
            assertThat(seen.done()).as(first.map(ApplyFailure::describe).orElse("no failure")).containsAll(fileSteps);
        }
        assertThat(first).as("the cut connection stops the run").isPresent();
        assertThat(first.get().step().id()).isEqualTo("test:slow");
        assertThat(first.get().state()).contains("half done");
        assertThat(first.get().next()).contains("run apply again");
        assertThat(root.runAsRoot(RemoteCommand.script("cat " + SLOW_FILE + " 2>/dev/null; true"), T).stdout()).isEmpty();

        Seen again = new Seen();
        try (ApplySession session = ApplySession.open(project, settings)) {
            List<Step> steps = new ArrayList<>(session.plan().steps().stream().filter(s -> s.id().startsWith("file:client:")).toList());
            assertThat(steps).as("the client's files are done: the second plan has none of them").isEmpty();
            steps.add(slowStep());
            assertThat(session.apply(new Plan(steps, List.of(), Map.of()), java.util.Set.of(), journal, again, null)).isEmpty();
        }
        assertThat(again.done()).containsExactly("test:slow");
        assertThat(root.runAsRoot(RemoteCommand.script("cat " + SLOW_FILE), T).stdout()).isEqualTo("done\n");
        assertThat(root.runAsRoot(RemoteCommand.script("stat -c %a /etc/iscsi/iscsid.conf; grep -c 'BEGIN TANDEM' /etc/hosts"), T).stdout())
                .isEqualTo("600\n1\n");

        String text = Files.readString(journal.file());
        assertThat(text).contains("\"event\":\"step-failed\"", "\"step\":\"test:slow\"", "\"event\":\"run-end\"");
        assertThat(journal.read().stream().filter(e -> e.event().equals("run-start")).count()).isEqualTo(2);
        assertThat(journal.read()).filteredOn(e -> e.command() != null && e.command().contains("base64 -w0"))
                .as("the reads of files Tandem places content into are journaled without their output (base64 would hide secrets from the mask)")
                .isNotEmpty().allSatisfy(e -> assertThat(e.output()).doesNotContain("root:root"));
        for (String secret : List.of("Qm7wN3xV8cJ2hT5d", "rK8vT2qW6nZ4pX9s")) {
            assertThat(text).as("no secret in the journal").doesNotContain(secret);
        }
        assertThat(root.runAsRoot(RemoteCommand.script("ls /var/lib/tandem/backup/*/etc/hosts | wc -l"), T).stdout().strip())
                .as("the file there before was kept").isNotEqualTo("0");
    }

    /** Two seconds into the slow step, SIGKILL to the sshd processes serving the lab user in the client's namespace. */
    private void killClientSessionsSoon() {
        try {
            Thread.sleep(2000);
            try (SshConnection other = SshConnection.open(login(lab.node2()))) {
                other.runAsRoot(RemoteCommand.script("c=$(readlink /proc/$(cat " + lab.get("LAB_DIR") + "/client/sshd.pid)/ns/net)\n"
                        + "for p in $(pgrep -f '^sshd(-session)?: " + lab.get("LAB_KEY_USER") + "[ @]'); do\n"
                        + "    [ \"$(readlink /proc/$p/ns/net)\" = \"$c\" ] && kill -9 \"$p\"\ndone; true\n"), T);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
