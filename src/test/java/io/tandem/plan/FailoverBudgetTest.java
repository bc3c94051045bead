package io.tandem.plan;

import io.tandem.model.Project;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FailoverBudgetTest {

    @Test
    void theBudgetAddsDetectionAndEveryTimeoutOfAFailoverWithAMargin() {
        Project project = PlanFixtures.vmLab();
        FailoverBudget budget = FailoverBudget.of(project);
        // token 3 s: detection 3 + consensus 4 (1.2 × token, rounded up); no fencing; each group member stop + start and each
        // clone demote + promote at 120 s.
        assertEquals(3000, project.cluster().tokenMs(), "the VM lab's token, which the figures below are worked out from");
        int members = io.tandem.render.modern.PacemakerLayoutBuilder.build(project, new io.tandem.render.SecretBook()).group().members().size();
        int sum = 7 + members * 240 + 2 * 240;
        assertEquals(sum + (int) Math.ceil(sum / 10.0), budget.seconds(), budget.reasoning());
        assertTrue(budget.reasoning().contains("detection 7 s") && budget.reasoning().contains("fencing 0 s"), budget.reasoning());
    }

    /** The note agrees with the Initiators step (FailoverEstimate): 180 s covers the VM lab's usual failover; the worst case is information. */
    @Test
    void aTimeoutCoveringTheUsualFailoverIsToldSoAndTheWorstCaseIsNotAValueToSet() {
        Project project = PlanFixtures.vmLab();
        int usual = io.tandem.model.FailoverEstimate.seconds(project.cluster());
        String note = FailoverBudget.notes(project).getFirst();
        assertTrue(note.startsWith("client: replacement_timeout 180 s covers a usual failover (about " + usual + " s); only a failover in which "
                + "every operation ran to its timeout would outlast it (worst-case failover " + FailoverBudget.of(project).seconds() + " s"), note);
        assertFalse(note.contains("initiators[]") || note.contains("$."), note);
    }

    @Test
    void aTimeoutShorterThanTheUsualFailoverIsToldWithTheSuggestedValue() throws Exception {
        Project project = io.tandem.testing.JsonEdit.of(io.tandem.testing.Examples.VM_LAB).set("$.initiators[0].timeouts.replacementTimeout", 20).project();
        int usual = io.tandem.model.FailoverEstimate.seconds(project.cluster());
        String note = FailoverBudget.notes(project).getFirst();
        assertTrue(note.startsWith("client: replacement_timeout 20 s is SHORTER than a usual failover (about " + usual + " s)"), note);
        assertTrue(note.endsWith("Raise the client's replacement timeout to " + io.tandem.model.FailoverEstimate.suggestedReplacementTimeout(usual) + " s."), note);
    }
}
