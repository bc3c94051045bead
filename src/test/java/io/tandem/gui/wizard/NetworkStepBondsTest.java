package io.tandem.gui.wizard;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The NICs of the two bonds: one NIC is in one bond, never moved silently, and a bond's problem is said in words. */
class NetworkStepBondsTest {

    @TempDir
    Path dir;
    private WizardViewModel wizard;
    private NetworkStep network;

    @BeforeEach
    void toNetwork() {
        wizard = TestWizards.discoveredDemo(new TestWizards.AnsweringDialogs(), dir);
        wizard.next();
        network = wizard.step(NetworkStep.class);
        assertThat(network.slaves(0, NetworkStep.CLIENT)).containsExactly("eth0", "eth1");
        assertThat(network.slaves(0, NetworkStep.REPLICATION)).containsExactly("eth2", "eth3");
    }

    @Test
    void aNicOfTheReplicationBondCannotBeTickedForTheClientBond() {
        assertThat(network.usedBy(0, NetworkStep.CLIENT, "eth2")).isEqualTo("used by the replication bond");
        assertThat(network.usedBy(0, NetworkStep.REPLICATION, "eth0")).isEqualTo("used by the client bond");
        assertThat(network.usedBy(0, NetworkStep.CLIENT, "eth4")).as("free").isEmpty();
        assertThat(network.usedBy(0, NetworkStep.CLIENT, "eth0")).as("its own").isEmpty();

        assertThat(network.setSlave(0, NetworkStep.CLIENT, "eth2", true)).isFalse();
        assertThat(network.slaves(0, NetworkStep.CLIENT)).containsExactly("eth0", "eth1");
        assertThat(network.slaves(0, NetworkStep.REPLICATION)).as("not taken away").containsExactly("eth2", "eth3");
        assertThat(network.isValid()).as(network.blockersProperty().get()).isTrue();
    }

    @Test
    void untickingAndTickingAgainGivesTheSamePictureAndLetsTheUserOn() {
        assertThat(network.setSlave(0, NetworkStep.REPLICATION, "eth3", false)).isTrue();
        assertThat(network.slaves(0, NetworkStep.REPLICATION)).containsExactly("eth2");
        assertThat(network.isValid()).isFalse();
        assertThat(network.bondProblem(0, NetworkStep.REPLICATION)).startsWith("Replication bond: a bond needs at least two NICs")
                .doesNotContain("$.");
        assertThat(network.bondProblem(0, NetworkStep.CLIENT)).isEmpty();
        assertThat(network.usedBy(0, NetworkStep.CLIENT, "eth3")).as("free again").isEmpty();

        assertThat(network.setSlave(0, NetworkStep.REPLICATION, "eth3", true)).isTrue();
        assertThat(network.slaves(0, NetworkStep.REPLICATION)).containsExactly("eth2", "eth3");
        assertThat(network.bondProblem(0, NetworkStep.REPLICATION)).isEmpty();
        assertThat(network.isValid()).as(network.blockersProperty().get()).isTrue();
    }

    @Test
    void aNicInBothBondsOfAnOpenedFileCanBeUntickedInEither() {
        wizard.draft().set("$.nodes[0].links[1].bond.slaves", java.util.List.of("eth1", "eth2", "eth3"));
        wizard.changedByStep("$.nodes[0].links[1].bond.slaves");
        assertThat(network.usedBy(0, NetworkStep.CLIENT, "eth1")).isEmpty();
        assertThat(network.usedBy(0, NetworkStep.REPLICATION, "eth1")).isEmpty();
        assertThat(network.isValid()).isFalse();
        assertThat(network.setSlave(0, NetworkStep.REPLICATION, "eth1", false)).isTrue();
        assertThat(network.isValid()).as(network.blockersProperty().get()).isTrue();
    }

    @Test
    void theFallbackBoxWritesTheProjectAndAnLacpBondThenSaysWhatToUntick() {
        assertThat(network.fallbackProperty().get()).as("the demo has no fallback").isFalse();
        network.fallbackProperty().set(true);
        assertThat(wizard.draft().text(NetworkStep.FALLBACK)).isEqualTo("true");
        assertThat(network.isValid()).as(network.blockersProperty().get()).isTrue();

        network.modeProperty().set(io.tandem.model.BondMode.LACP);
        assertThat(network.isValid()).isFalse();
        assertThat(network.bondProblem(0, NetworkStep.REPLICATION)).startsWith("Replication bond: a 802.3ad bond cannot check its link by ARP")
                .contains("untick \"" + io.tandem.model.Network.FALLBACK_LABEL + "\"").doesNotContain("$.");
        assertThat(network.bondProblem(0, NetworkStep.CLIENT)).isEmpty();

        network.fallbackProperty().set(false);
        assertThat(wizard.draft().has(NetworkStep.FALLBACK)).isFalse();
        assertThat(network.bondProblem(0, NetworkStep.REPLICATION)).isEmpty();
    }
}
