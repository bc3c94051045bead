package io.tandem.gui.wizard;

import io.tandem.discovery.DemoHostConnector;
import io.tandem.discovery.HostConnector;
import io.tandem.gui.Background;
import io.tandem.gui.Dialogs;
import io.tandem.ssh.HostKeyPrompt;
import io.tandem.ssh.HostKeyStore;
import io.tandem.testing.LabEnv;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The Initiators step against the namespace lab's client: real SSH, sudo, and open-iscsi's own initiator name. */
class InitiatorDiscoveryLabIT {

    @TempDir
    Path dir;

    @Test
    void theLabClientIsDiscoveredAndKeepsItsOwnInitiatorName() {
        LabEnv lab = LabEnv.require();
        List<HostKeyPrompt.UnknownKey> asked = new ArrayList<>();
        Dialogs dialogs = new Dialogs() {
            @Override
            public boolean trustHostKey(HostKeyPrompt.UnknownKey key) {
                asked.add(key);
                return true;
            }

            @Override
            public UnsavedChoice unsavedChanges() {
                return UnsavedChoice.CANCEL;
            }
        };
        WizardViewModel wizard = new WizardViewModel(Background.IMMEDIATE, dialogs, AppPaths.under(dir), HostConnector.SSH,
                new DemoHostConnector(Duration.ZERO));
        wizard.useHostKeyStore(new HostKeyStore(List.of(), dir.resolve("known_hosts")));
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
        assertThat(asked).singleElement().satisfies(k -> assertThat(k.host()).isEqualTo(lab.get("LAB_CLIENT_ADDRESS")));
        assertThat(wizard.draft().text(base + ".iqn")).as("the client's own name, read with sudo").isEqualTo(lab.get("LAB_CLIENT_IQN"));
        assertThat(wizard.draft().text(base + ".name")).isEqualTo("client");
        assertThat(login.report).anySatisfy(c -> assertThat(c.reason()).startsWith("keeps its own: " + lab.get("LAB_CLIENT_IQN")));
    }
}
