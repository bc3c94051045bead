package io.tandem.plan;

import io.tandem.render.modern.Drbd84AgentRenderer;
import io.tandem.ssh.ExecResult;
import io.tandem.ssh.RemoteCommand;
import io.tandem.text.ShellQuote;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Moves the DRBD clones of a cluster applied by an earlier Tandem version from LINBIT's agent to
 * Tandem's ocf:tandem:Drbd84 without restarting them. Left to the CIB merge, a primitive whose agent
 * changed is stopped with the old agent and started with the new one: DRBD demoted and brought down
 * on both nodes, and the target with it. Here each primitive is replaced by the rendered one inside a
 * {@link MaintenanceWindow} and probed again by the new agent, which finds DRBD running as it was.
 */
final class DrbdAgentSwitch {

    private static final String PROVIDER = "tandem";
    private static final String TYPE = "Drbd84";

    private DrbdAgentSwitch() {
    }

    /** {@code primitives}: each DRBD primitive's id and its rendered XML, from the CIB the CIB step merges afterwards. */
    static Step step(String node, Map<String, String> primitives) {
        List<String> ids = List.copyOf(primitives.keySet());
        Probe probe = ClusterSteps.cibFileProbe(node);
        Check check = Check.of("every DRBD clone of Tandem's runs " + Drbd84AgentRenderer.AGENT + " (" + String.join(" ", ids) + ")",
                probe, out -> done(out, ids));
        Action change = new Action(node, "maintenance-mode=true; per DRBD primitive on another agent: cibadmin --replace with the rendered "
                + "primitive, crm_resource --refresh; wait for the probes; maintenance-mode back as it was", remote -> {
                    ExecResult result = remote.run(RemoteCommand.script(script(primitives)), new byte[0], Duration.ofMinutes(25), l -> { });
                    if (!result.ok()) {
                        throw StepFailure.of(RemoteCommand.script("move the DRBD clones to " + Drbd84AgentRenderer.AGENT), result);
                    }
                });
        return Step.on(node, Phase.RESOURCES, "drbd-agent-switch", "Move the DRBD clones to Tandem's agent " + Drbd84AgentRenderer.AGENT
                + " if the cluster runs them with LINBIT's (promote and demote then take one drbdadm call each; nothing restarts, "
                + "the cluster is in maintenance mode for about a minute)", check,
                "the clones run LINBIT's " + Drbd84AgentRenderer.LINBIT_AGENT + " again only if a plan renders it", change);
    }

    /** Done on a node that never had a cluster, or when every one of the primitives the CIB holds already runs Tandem's agent. */
    static boolean done(String out, List<String> ids) {
        return ClusterSteps.cibFileDone(out, cib -> ids.stream().map(id -> liveTag(cib, id)).allMatch(tag -> tag == null || runsTandems(tag)));
    }

    private static String liveTag(String cib, String id) {
        Matcher m = Pattern.compile("<primitive\\s[^>]*\\bid=\"" + Pattern.quote(id) + "\"[^>]*>").matcher(cib);
        return m.find() ? m.group() : null;
    }

    private static boolean runsTandems(String tag) {
        return tag.contains(" provider=\"" + PROVIDER + "\"") && tag.contains(" type=\"" + TYPE + "\"");
    }

    /** Inside a {@link MaintenanceWindow}: each primitive the live CIB holds on another agent is replaced and probed again. */
    static String script(Map<String, String> primitives) {
        List<String> collect = new ArrayList<>(List.of("resources=$(cibadmin -Q --scope resources)"));
        List<String> change = new ArrayList<>();
        primitives.forEach((id, xml) -> {
            String q = ShellQuote.quote(id);
            collect.add("tag=$(printf '%s\\n' \"$resources\" | grep -o '<primitive [^>]*id=\"'" + q + "'\"[^>]*>' | head -n 1)");
            collect.add("case $tag in");
            collect.add("  '') ;;");
            collect.add("  *' provider=\"" + PROVIDER + "\"'*) case $tag in *' type=\"" + TYPE + "\"'*) ;; *) todo=\"$todo \"" + q + " ;; esac ;;");
            collect.add("  *) todo=\"$todo \"" + q + " ;;");
            collect.add("esac");
            change.add("case \" $todo \" in *\" \"" + q + "\" \"*)");
            change.add("  cibadmin --replace --scope resources --xml-text " + ShellQuote.quote(xml));
            change.add("  crm_resource --refresh --resource " + ShellQuote.quote(id + "-clone") + " ;;");
            change.add("esac");
        });
        return MaintenanceWindow.script(collect, change);
    }

    /** The DRBD primitives of the rendered {@code cib}, by id, each as its XML. */
    static Map<String, String> renderedPrimitives(String cib, List<String> ids) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String id : ids) {
            Matcher m = Pattern.compile("(?s)<primitive\\s[^>]*\\bid=\"" + Pattern.quote(id) + "\".*?</primitive>").matcher(cib);
            if (!m.find()) {
                throw new IllegalStateException("the rendered CIB has no primitive " + id);
            }
            out.put(id, m.group());
        }
        return out;
    }
}
