package io.tandem.plan;

import io.tandem.model.Project;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FailoverBudgetTest {

    @Test
    void theBudgetAddsDetectionAndEveryTimeoutOfAFailoverWithAMargin() {
        Project project = PlanFixtures.vmLab();
        FailoverBudget budget = FailoverBudget.of(project);
        // token 5 s: detection 5 + 6; no fencing; each group member stop + start and each clone demote + promote at 120 s.
        int members = io.tandem.render.modern.PacemakerLayoutBuilder.build(project, new io.tandem.render.SecretBook()).group().members().size();
        int sum = 11 + members * 240 + 2 * 240;
        assertEquals(sum + (int) Math.ceil(sum / 10.0), budget.seconds(), budget.reasoning());
        assertTrue(budget.reasoning().contains("detection 11 s") && budget.reasoning().contains("fencing 0 s"), budget.reasoning());
    }

    @Test
    void anInitiatorThatWouldGiveUpBeforeTheWorstCaseIsToldSoWithTheValueToSet() {
        Project project = PlanFixtures.vmLab();
        String note = FailoverBudget.notes(project).getFirst();
        assertTrue(note.startsWith("client: replacement_timeout 180 s is SHORTER than the worst-case failover"), note);
        assertTrue(note.contains("set initiators[].timeouts.replacementTimeout to " + FailoverBudget.of(project).seconds()), note);
    }
}
