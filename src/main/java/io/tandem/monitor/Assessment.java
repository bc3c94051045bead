package io.tandem.monitor;

import java.util.Comparator;
import java.util.List;

/** The verdict and every finding behind it, worst first. */
public record Assessment(Verdict verdict, List<Finding> findings) {

    public Assessment {
        findings = List.copyOf(findings);
    }

    static Assessment of(List<Finding> findings) {
        List<Finding> sorted = findings.stream().sorted(Comparator.comparing(Finding::severity).reversed()).toList();
        Verdict verdict = findings.stream().map(Finding::severity).reduce(Verdict.HEALTHY, Verdict::worse);
        return new Assessment(verdict, sorted);
    }

    /** The findings that count against the verdict (notes left out). */
    public List<Finding> problems() {
        return findings.stream().filter(f -> f.severity() != Verdict.HEALTHY).toList();
    }
}
