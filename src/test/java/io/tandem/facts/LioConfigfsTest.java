package io.tandem.facts;

import io.tandem.verify.LocalCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * LIO's configfs as the status round reads it. No real LIO could be captured (this machine has no
 * configfs): the {@code info} texts are written from the kernel's documented format, and the
 * script runs with the real {@code sh} on a directory tree shaped like LIO's.
 */
class LioConfigfsTest {

    private static final String IQN = "iqn.2024-01.test.lab:store";
    private static final String CLIENT = "iqn.2024-01.test.lab:client";
    private static final String LOGGED_IN = "InitiatorName: " + CLIENT + "\nInitiatorAlias: client\n"
            + "LIO Session ID: 1   ISID: 0x00 02 3d 00 00 01  TSIH: 1  SessionType: Normal\n"
            + "Session State: TARG_SESS_STATE_LOGGED_IN\n"
            + "---------------------[iSCSI Session Values]-----------------------\n"
            + "  CmdSN/WR  :  CmdSN/WC  :  ExpCmdSN  :  MaxCmdSN  :     ITT    :     TTT\n"
            + " 0x00000040   0x00000040   0x00000c1d   0x00000c5c   0x47000000   0xffffffff\n"
            + "----------------------[iSCSI Connections]-------------------------\n"
            + "CID: 0  Connection State: TARG_CONN_STATE_LOGGED_IN\n"
            + "   Address 192.168.50.20 TCP  StatSN: 0x00000c1a\n";

    @TempDir
    Path root;

    private String run() throws Exception {
        LocalCommand.Output out = LocalCommand.run(List.of("sh", "-c", LioConfigfs.command(root.toString(), IQN)), Map.of(), root, Duration.ofSeconds(10));
        assertThat(out.exitCode()).as(out.stderr()).isZero();
        return out.stdout();
    }

    private Path tpg() throws Exception {
        Path tpg = Files.createDirectories(root.resolve("target/iscsi/" + IQN + "/tpgt_1"));
        Files.writeString(tpg.resolve("enable"), "1\n");
        Files.createDirectories(tpg.resolve("lun/lun_0"));
        Files.createDirectories(tpg.resolve("lun/lun_1"));
        return tpg;
    }

    @Test
    void aTargetWithItsLunsAndALoggedInClient() throws Exception {
        Path acl = Files.createDirectories(tpg().resolve("acls/" + CLIENT));
        Files.writeString(acl.resolve("info"), LOGGED_IN);

        TargetState state = LioConfigfs.parse(run());
        assertThat(state).isEqualTo(new TargetState(true, true, List.of(0, 1),
                List.of(new TargetState.Session(CLIENT, "TARG_SESS_STATE_LOGGED_IN", List.of("192.168.50.20")))));
    }

    @Test
    void anAclWithoutSessionADisabledGroupAndNoTarget() throws Exception {
        Path tpg = tpg();
        Files.writeString(tpg.resolve("enable"), "0\n");
        Path acl = Files.createDirectories(tpg.resolve("acls/" + CLIENT));
        Files.writeString(acl.resolve("info"), "No active iSCSI Session for Initiator Endpoint: " + CLIENT + "\n");

        TargetState state = LioConfigfs.parse(run());
        assertThat(state.enabled()).isFalse();
        assertThat(state.sessions()).isEmpty();
        assertThat(state.luns()).containsExactly(0, 1);

        Files.walk(root.resolve("target")).sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        assertThat(LioConfigfs.parse(run())).isEqualTo(TargetState.ABSENT);
    }

    @Test
    void unknownInfoTextIsNoSessionAndForeignLinesAreRefused() throws Exception {
        assertThat(LioConfigfs.parse("@@TPG tpgt_1 1\n@@ACL " + CLIENT + "\nSomething a newer kernel prints\n").sessions()).isEmpty();
        assertThatThrownBy(() -> LioConfigfs.parse("@@TPG tpgt_1 1\nstray line\n")).isInstanceOf(FactParseException.class);
        assertThatThrownBy(() -> LioConfigfs.parse("@@LUN x\n")).isInstanceOf(FactParseException.class);
        assertThatThrownBy(() -> LioConfigfs.parse("")).isInstanceOf(FactParseException.class).hasMessageContaining("no portal group");
    }
}
