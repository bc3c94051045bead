package io.tandem.gui;

import io.tandem.gui.wizard.DisksStep;
import io.tandem.gui.wizard.NodesStep;
import io.tandem.testing.LabEnv;
import io.tandem.verify.LocalCommand;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The wizard against the namespace lab's real sshd: host-key dialog, discovery, Network and Disks filled from real facts. */
@ExtendWith(ApplicationExtension.class)
class WizardLabIT {

    @TempDir
    static Path dir;
    private WizardFx fx;

    @Start
    void start(Stage stage) {
        fx = new WizardFx(stage, dir.resolve("app"));
    }

    private static void type(FxRobot robot, String id, String text) {
        TextField field = robot.lookup(id).queryAs(TextField.class);
        robot.interact(() -> field.setText(text));
    }

    @Test
    void discoversBothLabNodesAndFillsNetworkAndDisks(FxRobot robot) throws Exception {
        LabEnv lab = LabEnv.require();
        robot.clickOn("#welcome-new");
        WizardFx.fillLabLogins(robot, lab);
        String fingerprint = LocalCommand.run(List.of("ssh-keygen", "-l", "-E", "sha256", "-f", lab.get("LAB_NODE1_HOSTKEY_PUB")),
                Map.of(), dir, Duration.ofSeconds(20)).stdout().split(" ")[1];
        robot.clickOn("#discover-0");
        WizardFx.waitUntil(() -> robot.lookup("#host-key-dialog").tryQuery().isPresent(), "the host-key dialog is shown");
        DialogPane dialog = robot.lookup("#host-key-dialog").queryAs(DialogPane.class);
        assertThat(dialog.getContentText()).contains(fingerprint, "ssh-ed25519");
        robot.clickOn("Trust this key");
        robot.clickOn("#discover-1");
        WizardFx.trustHostKey(robot);
        WizardFx.waitUntil(() -> fx.wizard.facts().size() == 2, "both lab nodes are discovered");
        assertThat(fx.wizard.draft().text("$.nodes[0].name")).isEqualTo("node1");
        Screenshots.save(robot.lookup("#step-content").query().getScene().getRoot(), "wizard-lab-nodes");

        // The lab cannot load DRBD: the report says so, and the user may go on to plan.
        CheckBox anyway = robot.lookup("#accept-failures").queryAs(CheckBox.class);
        assertThat(anyway.isVisible()).isTrue();
        robot.interact(() -> anyway.setSelected(true));
        WizardFx.next(robot);

        CheckBox eth0 = robot.lookup("#nic-0-0-eth0").queryAs(CheckBox.class);
        assertThat(eth0.isSelected()).as("the NIC carrying SSH goes into the client bond").isTrue();
        assertThat(robot.lookup("#nic-0-1-eth3").tryQuery()).isPresent();
        assertThat(fx.wizard.draft().text("$.nodes[0].links[0].address")).isEqualTo(lab.node1());
        assertThat(fx.wizard.draft().text("$.networks.client.cidr")).isEqualTo(lab.get("LAB_SUBNET"));
        type(robot, "#networks-client-virtualIp", "10.203.0.100");
        type(robot, "#networks-replication-cidr", "10.204.0.0/24");
        type(robot, "#nodes-0-links-1-address", lab.get("LAB_NODE1_REPL_ADDRESS"));
        type(robot, "#nodes-1-links-1-address", lab.get("LAB_NODE2_REPL_ADDRESS"));
        Screenshots.save(robot.lookup("#step-content").query().getScene().getRoot(), "wizard-lab-network");
        WizardFx.next(robot);

        DisksStep disks = fx.wizard.step(DisksStep.class);
        List<String> node1Disks = List.of(lab.get("LAB_NODE1_DISKS").split(" "));
        ComboBox<?> choice = robot.lookup("#disk-0-0").queryAs(ComboBox.class);
        assertThat(choice.getItems()).isNotEmpty();
        assertThat(disks.choices(0)).extracting(DisksStep.DeviceChoice::path).containsAll(node1Disks);
        assertThat(disks.choice(0, node1Disks.get(0)).orElseThrow().inUse()).anySatisfy(r -> assertThat(r).contains("ext4"));
        assertThat(disks.choice(0, disks.selected(0, 0)).orElseThrow().inUse()).as("a free device is proposed").isEmpty();
        assertThat(fx.wizard.facts().get(NodesStep.key(1)).hostname()).isEqualTo("node2");
    }
}
