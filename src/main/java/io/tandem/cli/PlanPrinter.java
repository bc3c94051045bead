package io.tandem.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.tandem.plan.Action;
import io.tandem.plan.FileChange;
import io.tandem.plan.Phase;
import io.tandem.plan.Plan;
import io.tandem.plan.Step;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code tandem plan}'s output: per phase, each step with its host, sentence, diff (masked), commands and undo. */
final class PlanPrinter {

    private PlanPrinter() {
    }

    static void print(Plan plan, PrintWriter out) {
        plan.refusals().forEach(r -> out.println("Apply would refuse this plan: " + r + "."));
        if (plan.isEmpty()) {
            out.println("Nothing to do: every step is already done on every host.");
            printTrips(plan, out);
            return;
        }
        Map<String, Integer> perHost = new LinkedHashMap<>();
        plan.steps().forEach(s -> s.hosts().forEach(h -> perHost.merge(h, 1, Integer::sum)));
        out.println("Plan: " + plan.steps().size() + " step(s); per host: " + String.join(", ",
                perHost.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).toList()));
        Phase phase = null;
        int n = 0;
        for (Step step : plan.steps()) {
            if (step.phase() != phase) {
                phase = step.phase();
                out.println();
                out.println("== " + phase.title());
            }
            n++;
            out.println();
            out.println(String.format("%2d. [%s] %s", n, step.hostLabel(), step.sentence()));
            step.destroys().ifPresent(d -> out.println("    !! DESTROYS DATA on " + step.hostLabel() + ":" + d
                    + " — apply needs --confirm-destroy " + step.hosts().getFirst() + ":" + d));
            out.println("    done when: " + step.check().describe());
            for (Action action : step.actions()) {
                List<String> lines = action.display().lines().toList();
                out.println("    run on " + action.host() + ": " + lines.getFirst());
                lines.stream().skip(1).forEach(l -> out.println("        " + l));
            }
            out.println("    undo: " + step.undo());
            for (FileChange change : step.changes()) {
                change.diff().filter(d -> !d.identical()).ifPresent(d -> d.unified("a" + change.file().path(), "b" + change.file().path(), 3)
                        .lines().forEach(l -> out.println("    " + l)));
            }
        }
        if (!plan.destroyedDevices().isEmpty()) {
            out.println();
            out.println("This plan overwrites: " + String.join(", ", plan.destroyedDevices()) + ". Apply runs those steps only with "
                    + "--confirm-destroy HOST:DEVICE for each.");
        }
        plan.notes().forEach(n2 -> out.println("Note: " + n2));
        printTrips(plan, out);
    }

    private static void printTrips(Plan plan, PrintWriter out) {
        out.println("(planning: " + String.join(", ", plan.roundTrips().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + " " + e.getValue() + " round trip(s)").toList()) + "; nothing was changed)");
    }

    /** The plan as JSON: steps with hosts, sentence, check, commands, undo, destroyed device and unified diffs (masked). */
    static String json(Plan plan) throws com.fasterxml.jackson.core.JsonProcessingException {
        List<Map<String, Object>> steps = new ArrayList<>();
        for (Step step : plan.steps()) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("id", step.id());
            s.put("phase", step.phase().name().toLowerCase());
            s.put("hosts", step.hosts());
            s.put("sentence", step.sentence());
            s.put("doneWhen", step.check().describe());
            s.put("commands", step.actions().stream().map(a -> Map.of("host", a.host(), "command", a.display())).toList());
            s.put("undo", step.undo());
            s.put("destroys", step.destroys().orElse(null));
            s.put("files", step.changes().stream().map(c -> {
                Map<String, Object> f = new LinkedHashMap<>();
                f.put("host", c.file().host());
                f.put("path", c.file().path());
                f.put("status", c.status().name().toLowerCase());
                f.put("diff", c.diff().map(d -> d.unified("a" + c.file().path(), "b" + c.file().path(), 3)).orElse(null));
                return f;
            }).toList());
            steps.add(s);
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("empty", plan.isEmpty());
        root.put("steps", steps);
        root.put("notes", plan.notes());
        root.put("refusals", plan.refusals());
        root.put("roundTrips", plan.roundTrips());
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root);
    }
}
