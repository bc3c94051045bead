package io.tandem.facts;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** corosync-qdevice-tool -s as captured on the VM lab's nodes (examples/vm-lab-qdevice.tandem.json applied). */
class QdeviceToolParserTest {

    private static QdeviceStatus captured(String name) throws FactParseException {
        return QdeviceToolParser.parse(Fixture.vmlab(name + ".corosync_qdevice_tool_s.txt"),
                Integer.parseInt(Fixture.vmlab(name + ".corosync_qdevice_tool_s.rc").strip()));
    }

    @Test
    void connectedToTheWitness() throws FactParseException {
        for (String node : new String[] {"node1", "node2"}) {
            QdeviceStatus status = captured(node + ".qdevice-applied");
            assertThat(status.connected()).as(node).isTrue();
            assertThat(status).isEqualTo(new QdeviceStatus(true, "Connected", "10.205.0.20:5403", "Fifty-Fifty split", null));
        }
    }

    @Test
    void theWitnessDownLeavesTheClientRunningButNotConnected() throws FactParseException {
        QdeviceStatus status = captured("node2.qnetd-stopped");
        assertThat(status.running()).isTrue();
        assertThat(status.connected()).isFalse();
        assertThat(status.state()).isNotBlank().isNotEqualTo("Connected");
    }

    @Test
    void aStoppedClientSaysWhyInTheToolsWords() throws FactParseException {
        QdeviceStatus status = captured("node1.qdevice-stopped");
        assertThat(status.running()).isFalse();
        assertThat(status.connected()).isFalse();
        assertThat(status.problem()).contains("QDevice");
        assertThat(QdeviceToolParser.parse("", 127)).isEqualTo(QdeviceStatus.notRunning("corosync-qdevice is not installed"));
    }

    @Test
    void aRunningClientWithoutAStateIsUnreadable() {
        String cut = Fixture.vmlab("node1.qdevice-applied.corosync_qdevice_tool_s.txt").replaceAll("(?m)^State:.*$", "");
        assertThatThrownBy(() -> QdeviceToolParser.parse(cut, 0)).isInstanceOf(FactParseException.class).hasMessageContaining("State");
    }
}
