package io.tandem.plan;

import io.tandem.model.Project;
import io.tandem.model.ProjectFile;
import io.tandem.render.FileSet;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where the quorum device's steps go in a plan: the witness and the certificates before corosync
 * starts (corosync-qdevice needs both), the qdevice after it on each node, before membership is
 * awaited; and what each host installs. None of it without a quorum device.
 */
class QuorumDeviceStepsTest {

    static Project qdevice() throws Exception {
        return ProjectFile.read(Path.of("examples/vm-lab-qdevice.tandem.json"));
    }

    private static List<String> ids(Project project) {
        FileSet files = PlanFixtures.render(project);
        return Planner.candidates(project, files, new ProbeResults()).stream().map(Step::id).toList();
    }

    @Test
    void witnessAndCertificatesComeBeforeCorosyncAndTheQdeviceAfterIt() throws Exception {
        List<String> ids = ids(qdevice());
        assertThat(ids).containsSubsequence("packages:client", "qnetd:client", "qdevice-certificates", "corosync-key",
                "cluster-start:node1", "cluster-start:node2", "qdevice-start:node1", "qdevice-start:node2", "cluster-members");
        assertThat(ids(PlanFixtures.vmLabSbd())).noneMatch(id -> id.startsWith("qnetd") || id.startsWith("qdevice"));
    }

    @Test
    void theWitnessGetsQnetdAndTheNodesTheQdevice() throws Exception {
        Project project = qdevice();
        assertThat(Packages.forInitiator(project, project.initiators().getFirst())).containsExactly("open-iscsi", "corosync-qnetd");
        project.nodes().forEach(node -> assertThat(Packages.forNode(project, node)).contains("corosync-qdevice"));
        Project plain = PlanFixtures.vmLabSbd();
        assertThat(Packages.forInitiator(plain, plain.initiators().getFirst())).containsExactly("open-iscsi");
        plain.nodes().forEach(node -> assertThat(Packages.forNode(plain, node)).doesNotContain("corosync-qdevice"));
    }

    @Test
    void noOutputOfTheCertificateExchangeReachesTheJournal() throws Exception {
        Step step = QuorumDeviceSteps.certificates("vmlab", "client", List.of("node1", "node2"));
        assertThat(step.actions()).extracting(Action::host).containsExactly("client", "node1", "node2", "node1", "client", "node1", "node2");
        // Apply journals what run() prints; read() keeps only the exit status. The PKCS#12 bundle
        // (node1's private key) and everything else the exchange moves must go through read().
        List<String> journaled = new java.util.ArrayList<>();
        List<byte[]> stdins = new java.util.ArrayList<>();
        for (Action action : step.actions()) {
            action.task().run(new TestRemote() {
                @Override
                public String host() {
                    return action.host();
                }

                @Override
                public io.tandem.ssh.ExecResult run(io.tandem.ssh.RemoteCommand command, byte[] stdin, java.time.Duration timeout,
                                                    java.util.function.Consumer<String> lines) {
                    journaled.add(command.script());
                    return new io.tandem.ssh.ExecResult(0, "", "", java.time.Duration.ZERO);
                }

                @Override
                public io.tandem.ssh.ExecResult read(io.tandem.ssh.RemoteCommand command, byte[] stdin, java.time.Duration timeout) {
                    stdins.add(stdin);
                    return new io.tandem.ssh.ExecResult(0, "T1VUUFVU\n", "", java.time.Duration.ZERO);
                }
            });
        }
        assertThat(journaled).isEmpty();
        // The CA to both nodes, the request to the witness, the certificate to node1, the bundle to node2: each
        // action is handed what an earlier one read (on stdin); reading the CA and making the request take nothing.
        assertThat(stdins).extracting(String::new).containsExactly("", "T1VUUFVU", "T1VUUFVU", "", "T1VUUFVU", "T1VUUFVU", "T1VUUFVU");
        assertThat(step.undo()).contains("backup folder");
    }
}
