package io.tandem.gui.wizard;

import io.tandem.gui.Background;
import io.tandem.testing.LabEnv;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The Initiators step against the namespace lab's client: real SSH, sudo, and open-iscsi's own initiator name. */
class InitiatorDiscoveryLabIT {

    @TempDir
    Path dir;

    @Test
    void theLabClientIsDiscoveredAndKeepsItsOwnInitiatorName() {
        LabEnv lab = LabEnv.require();
        TestWizards.AnsweringDialogs dialogs = new TestWizards.AnsweringDialogs();
        WizardViewModel wizard = TestWizards.create(Background.IMMEDIATE, dialogs, dir);
        wizard.startNew();
        InitiatorsStep initiators = wizard.step(InitiatorsStep.class);
        assertThat(initiators.count()).as("a new project lists no clients").isZero();
        initiators.add();
        String base = "$.initiators[0]";
        wizard.draft().set(base + ".ssh.address", lab.get("LAB_CLIENT_ADDRESS"));
        wizard.draft().set(base + ".ssh.user", lab.get("LAB_KEY_USER"));
        initiators.login(0).keyFile.set(lab.key().toString());

        initiators.discover(0);

        HostLogin login = initiators.login(0);
        assertThat(login.status.get()).startsWith("Discovered client");
        assertThat(dialogs.keysShown).singleElement().satisfies(k -> assertThat(k.host()).isEqualTo(lab.get("LAB_CLIENT_ADDRESS")));
        assertThat(wizard.draft().text(base + ".iqn")).as("the client's own name, read with sudo").isEqualTo(lab.get("LAB_CLIENT_IQN"));
        assertThat(wizard.draft().text(base + ".name")).isEqualTo("client");
        assertThat(login.report).anySatisfy(c -> assertThat(c.reason()).startsWith("keeps its own: " + lab.get("LAB_CLIENT_IQN")));
    }
}
