package io.tandem.model;

import java.util.List;

/**
 * Checks a whole project and returns every problem at once, errors and warnings, each with its
 * JSON path, a plain message and a fix. A project with no errors can be rendered safely: every
 * value that reaches a file or a command has matched a strict pattern.
 */
public final class ProjectValidator {

    private ProjectValidator() {
    }

    public static List<Problem> validate(Project project) {
        List<Problem> missing = RequiredFieldsCheck.check(project);
        if (!missing.isEmpty()) {
            return missing;
        }
        ProblemCollector problems = new ProblemCollector();
        problems.pattern("$.clusterName", project.clusterName(), ValuePatterns.CLUSTER_NAME);
        problems.pattern("$.domain", project.domain(), ValuePatterns.DOMAIN);
        NetworkRules.check(project, problems);
        NodeRules.check(project, problems);
        if (project.nodes().size() != 2) {
            // Everything else is defined per node pair; checking it would only add noise.
            return problems.problems();
        }
        ReplicationRules.check(project, problems);
        TargetRules.check(project, problems);
        ClusterRules.check(project, problems);
        InitiatorRules.check(project, problems);
        List<String> servers = project.timeOrDefault().servers();
        for (int i = 0; i < servers.size(); i++) {
            if (NetworkRules.validDottedNumbers("$.time.servers[" + i + "]", servers.get(i), "time server", problems)) {
                problems.pattern("$.time.servers[" + i + "]", servers.get(i), ValuePatterns.TIME_SERVER);
            }
        }
        return problems.problems();
    }

    public static boolean hasErrors(List<Problem> problems) {
        return problems.stream().anyMatch(Problem::isError);
    }
}
