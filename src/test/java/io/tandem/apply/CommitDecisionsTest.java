package io.tandem.apply;

import io.tandem.apply.CommitDecisions.AfterActivation;
import io.tandem.apply.NetworkCommitResult.State;
import io.tandem.apply.RollbackObservation.Decided;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class CommitDecisionsTest {

    private static Optional<RollbackObservation> seen(Decided decided, String marker) {
        return Optional.of(new RollbackObservation(decided, Optional.ofNullable(marker), "0"));
    }

    @Test
    void onlyAnActivationThatExitedZeroMayBeConfirmed() {
        assertThat(CommitDecisions.afterActivation("0")).isEqualTo(AfterActivation.CHECK_THEN_COMMIT);
        assertThat(CommitDecisions.afterActivation("1")).isEqualTo(AfterActivation.ROLL_BACK_NOW);
        assertThat(CommitDecisions.afterActivation("127")).isEqualTo(AfterActivation.ROLL_BACK_NOW);
        assertThat(CommitDecisions.afterActivation("running")).isEqualTo(AfterActivation.LET_IT_ROLL_BACK);
        assertThat(CommitDecisions.afterActivation("skipped")).isEqualTo(AfterActivation.LET_IT_ROLL_BACK);
        assertThat(CommitDecisions.afterActivation("none")).isEqualTo(AfterActivation.LET_IT_ROLL_BACK);
        assertThat(CommitDecisions.afterActivation("0 garbage")).isEqualTo(AfterActivation.LET_IT_ROLL_BACK);
        assertThat(CommitDecisions.afterActivation("")).isEqualTo(AfterActivation.LET_IT_ROLL_BACK);
    }

    @Test
    void afterTheWindowTheMarkerDecidesAndSilenceIsUnreachableOnlyOnceTheGraceIsOver() {
        String marker = "at=2025-01-31T14:25:01Z files=restored reactivate-exit=0";
        assertThat(CommitDecisions.afterWindow(seen(Decided.ROLLBACK, marker), false)).contains(State.ROLLED_BACK);
        assertThat(CommitDecisions.afterWindow(seen(Decided.ROLLBACK, null), false)).as("restoring: look again").isEmpty();
        assertThat(CommitDecisions.afterWindow(seen(Decided.ROLLBACK, null), true)).contains(State.ROLLBACK_UNCONFIRMED);
        assertThat(CommitDecisions.afterWindow(seen(Decided.NONE, null), false)).as("not fired yet: look again").isEmpty();
        assertThat(CommitDecisions.afterWindow(seen(Decided.NONE, null), true)).contains(State.ROLLBACK_UNCONFIRMED);
        assertThat(CommitDecisions.afterWindow(seen(Decided.COMMIT, null), false)).as("a confirmation whose answer was lost")
                .contains(State.COMMITTED);
        assertThat(CommitDecisions.afterWindow(seen(Decided.STATE_MISSING, null), false)).contains(State.ROLLBACK_UNCONFIRMED);
        assertThat(CommitDecisions.afterWindow(Optional.empty(), false)).isEmpty();
        assertThat(CommitDecisions.afterWindow(Optional.empty(), true)).contains(State.UNREACHABLE);
    }

    @Test
    void theConfirmationStopsAFifthOfTheWindowBeforeItsEndAndAtLeastTwoSeconds() {
        assertThat(Duration.ofNanos(NetworkCommit.margin(Duration.ofSeconds(60).toNanos()))).isEqualTo(Duration.ofSeconds(12));
        assertThat(Duration.ofNanos(NetworkCommit.margin(Duration.ofSeconds(6).toNanos()))).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void theNodesAnswersAreReadFromTheirOwnLinesOnlyAndEscaped() {
        RollbackObservation seen = RollbackObservation.parse("noise\ntandem-netcommit decided rollback\n"
                + "tandem-netcommit rolled-back at=2025-01-31T14:25:01Z files=restored reactivate-exit=0\n"
                + "tandem-netcommit activate 0\nsudo: a warning\n");
        assertThat(seen.decided()).isEqualTo(Decided.ROLLBACK);
        assertThat(seen.rolledBackCleanly()).isTrue();
        assertThat(seen.activate()).isEqualTo("0");
        assertThat(RollbackObservation.parse("tandem-netcommit rolled-back at=x\u001b[2J files=FAILED reactivate-exit=0\n").rolledBack())
                .hasValueSatisfying(m -> assertThat(m).doesNotContain("\u001b").contains("\\x1b"));
        assertThat(RollbackObservation.parse("tandem-netcommit rolled-back at=x files=FAILED reactivate-exit=0\n").rolledBackCleanly()).isFalse();
        assertThat(RollbackObservation.parse("").decided()).isEqualTo(Decided.NONE);
    }

    @Test
    void theMessageSaysWhatToDoInEveryStateThatIsNotACommit() {
        String dir = "/var/lib/tandem/rollback/net-1";
        var unreachable = new NetworkCommitResult(State.UNREACHABLE, "net-1", dir, "no answer", Optional.empty(), Optional.empty(),
                Duration.ofSeconds(95));
        assertThat(unreachable.message()).contains("console").contains("cat " + dir + "/rolled-back").contains("sh " + dir + "/restore.sh");
        var rolledBack = new NetworkCommitResult(State.ROLLED_BACK, "net-1", dir, "Tandem could not reconnect: the port was refused (check sshd).",
                Optional.of("at=2025-01-31T14:25:01Z files=restored reactivate-exit=0"), Optional.of("root@10.0.0.1"), Duration.ofSeconds(70));
        assertThat(rolledBack.message()).contains("rolled back: Tandem could not reconnect: the port was refused (check sshd). The node put").contains("answers again as root@10.0.0.1")
                .contains("apply again");
        var unclean = new NetworkCommitResult(State.ROLLED_BACK, "net-1", dir, "x",
                Optional.of("at=2025-01-31T14:25:01Z files=restored reactivate-exit=1"), Optional.empty(), Duration.ofSeconds(70));
        assertThat(unclean.message()).contains(dir + "/reactivate.log").doesNotContain("apply again");
        var unconfirmed = new NetworkCommitResult(State.ROLLBACK_UNCONFIRMED, "net-1", dir, "x", Optional.empty(), Optional.empty(),
                Duration.ofSeconds(70));
        assertThat(unconfirmed.message()).contains("sh " + dir + "/restore.sh").contains("decided");
        assertThat(new NetworkCommitResult(State.NOT_APPLIED, "net-1", dir, "disk full", Optional.empty(), Optional.empty(),
                Duration.ZERO).message()).contains("not applied: disk full").contains("No network file was written");
    }
}
