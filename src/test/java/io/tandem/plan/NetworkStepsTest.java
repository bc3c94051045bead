package io.tandem.plan;

import io.tandem.model.Project;
import io.tandem.render.FileSet;
import io.tandem.render.RenderedFile;
import io.tandem.ssh.ExecResult;
import io.tandem.ssh.RemoteCommand;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Apply's network step on a node Tandem set up before: a re-apply that changes one link must leave
 * the other up, or a running cluster loses both Corosync rings at once and the peer fences the node.
 */
class NetworkStepsTest {

    private final Project project = PlanFixtures.vmLab();
    private final FileSet files = PlanFixtures.render(project);

    @Test
    void aChangedReplicationBondIsTheOnlyLinkTakenDownAndUp() throws Exception {
        ProbeResults results = PlanFixtures.converged(project, files);
        RenderedFile bond1 = file("node1", "/etc/network/interfaces.d/bond1");
        results.put("node1", FileSteps.probe(bond1).name(), new ProbeResults.Output(PlanFixtures.fileOutput("auto bond1\n", 0644), 0));

        NetworkChange change = change("node1", results);

        assertThat(change.activate()).isEqualTo("for i in bond1; do ifdown --force \"$i\" >/dev/null 2>&1 || true; done; ifup bond1");
        assertThat(change.reactivate()).contains("for i in bond1; do").doesNotContain("bond0");
        // The verification still asks for every link's address: the untouched one must have kept it.
        assertThat(change.check()).contains("dev bond0 ").contains("dev bond1 ");
    }

    @Test
    void aLinkThatLostItsAddressIsBroughtUpAgainWithItsFileUnchanged() throws Exception {
        ProbeResults results = PlanFixtures.converged(project, files);
        Probe addresses = NetworkSteps.addressProbe("node1");
        String withoutClient = results.text(addresses).orElseThrow().lines().filter(l -> !l.contains(" bond0 "))
                .reduce("", (a, l) -> a + l + "\n");
        results.put("node1", addresses.name(), new ProbeResults.Output(withoutClient, 0));

        NetworkChange change = change("node1", results);

        assertThat(change.activate()).contains("for i in bond0; do").endsWith("ifup bond0").doesNotContain("bond1");
    }

    @Test
    void aNodeThatAnsweredNothingHasEveryLinkTakenDownAndUp() throws Exception {
        NetworkChange change = change("node2", new ProbeResults());

        assertThat(change.activate()).contains("for i in bond0 bond1; do").endsWith("ifup bond0 bond1");
    }

    private RenderedFile file(String host, String path) {
        return files.filesOf(host).stream().filter(f -> f.path().equals(path)).findFirst().orElseThrow();
    }

    /** The network change the node's planned step would make, as its action hands it to the remote. */
    private NetworkChange change(String node, ProbeResults results) throws Exception {
        Step step = PlanFixtures.plan(project, results).stream().filter(s -> s.id().equals("network:" + node)).findFirst().orElseThrow();
        List<NetworkChange> made = new ArrayList<>();
        TestRemote remote = new TestRemote() {
            @Override
            public void changeNetwork(NetworkChange change) {
                made.add(change);
            }

            @Override
            public String host() {
                return node;
            }

            @Override
            public ExecResult run(RemoteCommand command, byte[] stdin, Duration timeout, Consumer<String> lines) {
                throw new AssertionError("the network step only changes the network: " + command);
            }
        };
        for (Action action : step.actions()) {
            action.task().run(remote);
        }
        assertThat(made).hasSize(1);
        return made.getFirst();
    }
}
