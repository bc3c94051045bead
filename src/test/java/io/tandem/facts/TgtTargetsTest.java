package io.tandem.facts;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code tgtadm --lld iscsi --mode target --op show} from a real tgtd in a private network namespace (tgt 1.0.85, libiscsi's iscsi-perf logged in). */
class TgtTargetsTest {

    private static final String IQN = "iqn.2024-01.test.lab:store";

    @Test
    void aTargetWithTwoDisksAndALoggedInInitiator() throws FactParseException {
        List<TgtTargets.Target> targets = TgtTargets.parse(Fixture.local("tgtadm_show_target.session.txt"));

        TgtTargets.Target t = targets.getFirst();
        assertThat(t.tid()).isEqualTo(1);
        assertThat(t.iqn()).isEqualTo(IQN);
        assertThat(t.state()).isEqualTo("ready");
        assertThat(t.sessions()).containsExactly(new TgtTargets.Nexus(1, "iqn.2024-01.test.lab:client", List.of("127.0.0.1")));
        assertThat(t.luns()).extracting(TgtTargets.Lun::number).containsExactly(0, 1, 2);
        assertThat(t.disks()).extracting(TgtTargets.Lun::backingStore).containsExactly("/tmp/tgtcap/lun1.img", "/tmp/tgtcap/lun2.img");
        assertThat(TgtTargets.state(targets, IQN)).isEqualTo(new TargetState(true, true, List.of(1, 2),
                List.of(new TargetState.Session("iqn.2024-01.test.lab:client", null, List.of("127.0.0.1")))));
    }

    @Test
    void withoutSessionsOrTargets() throws FactParseException {
        assertThat(TgtTargets.parse(Fixture.local("tgtadm_show_target.no_session.txt")).getFirst().sessions()).isEmpty();
        assertThat(TgtTargets.parse(Fixture.local("tgtadm_show_target.none.txt"))).isEmpty();
        assertThat(TgtTargets.state(TgtTargets.parse(Fixture.local("tgtadm_show_target.session.txt")), "iqn.2024-01.test.lab:other"))
                .isEqualTo(TargetState.ABSENT);
        assertThat(Fixture.local("tgtadm_show_target.no_daemon.rc").strip()).as("no tgtd: stdout empty, exit 107").isEqualTo("107");
    }

    @Test
    void anotherShapeIsRefused() {
        assertThatThrownBy(() -> TgtTargets.parse("LUN: 1\n")).isInstanceOf(FactParseException.class).hasMessageContaining("expected 'Target N: IQN'");
        assertThatThrownBy(() -> TgtTargets.parse("Target 1: iqn.x\n    LUN information:\n        LUN: one\n"))
                .isInstanceOf(FactParseException.class).hasMessageContaining("not a number");
    }
}
