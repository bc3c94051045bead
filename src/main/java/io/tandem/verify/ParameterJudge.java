package io.tandem.verify;

import io.tandem.render.modern.PacemakerLayout.Nvpair;
import io.tandem.render.modern.PacemakerLayout.Primitive;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** A primitive's parameters judged against the metadata its agent declares. */
final class ParameterJudge {

    private ParameterJudge() {
    }

    /**
     * Unknown, deprecated and mistyped parameters, and required ones that are missing. {@code alsoDeclaring}
     * declares parameters the agent itself does not (Pacemaker's fencer for fence agents); {@code supplied}
     * names required parameters that something else fills in at run time.
     */
    static List<String> judge(Primitive primitive, AgentMetadata agent, Optional<AgentMetadata> alsoDeclaring, Set<String> supplied) {
        List<String> wrong = new ArrayList<>();
        for (Nvpair param : primitive.params()) {
            var declared = agent.parameter(param.name()).or(() -> alsoDeclaring.flatMap(a -> a.parameter(param.name())));
            if (declared.isEmpty()) {
                wrong.add(param.name() + " is not a parameter of " + agent.agent());
                continue;
            }
            if (declared.get().deprecated()) {
                wrong.add(param.name() + " is deprecated in " + agent.agent());
            }
            // A secret reference (from the layout, not a file) has no value to judge.
            if (!param.value().contains("\u0001")) {
                declared.get().rejects(param.value()).ifPresent(reason -> wrong.add(param.name() + ": " + reason));
            }
        }
        Set<String> set = new HashSet<>(primitive.params().stream().map(Nvpair::name).toList());
        for (AgentMetadata.Parameter p : agent.parameters().values()) {
            if (p.required() && !p.deprecated() && !supplied.contains(p.name()) && !set.contains(p.name())) {
                wrong.add(agent.agent() + " requires " + p.name());
            }
        }
        return wrong;
    }
}
