package io.tandem.render.modern;

import io.tandem.model.Project;
import io.tandem.model.Secret;
import io.tandem.render.FileRenderer;
import io.tandem.render.Placement;
import io.tandem.render.RenderedFile;
import io.tandem.render.SecretBook;
import io.tandem.render.modern.PacemakerLayout.Nvpair;
import io.tandem.render.modern.PacemakerLayout.Op;
import io.tandem.render.modern.PacemakerLayout.Primitive;
import io.tandem.text.ShellQuote;
import io.tandem.text.XmlWriter;

import java.util.ArrayList;
import java.util.List;

/**
 * The same configuration as the CIB, as pcs 0.11 commands: for a reviewer who knows pcs, and for
 * an operator who wants to build the cluster by hand. Works on a CIB file, pushed in one step.
 *
 * <p>No password is ever on a command line: {@code ps} shows every process's arguments to every
 * user of the node while the script runs. A resource parameter that holds a secret (CHAP, fence
 * passwords) is created with {@link #PLACEHOLDER}, and its value is written into the CIB file
 * afterwards by {@code cibadmin --modify --xml-pipe}, which reads the nvpair from standard input
 * (a here-document); {@code CIB_file} makes cibadmin edit that file, as {@code pcs -f} does. The
 * nvpair keeps the id and position pcs gave it, so the result is the CIB of cib.xml.
 */
public final class PcsScriptRenderer implements FileRenderer {

    public static final String PATH = "/pcs-commands.sh";
    private static final String CIB = "/root/tandem-cib.xml";
    /** Set by Pacemaker's controller from corosync; not a property pcs lets anyone set. */
    static final String CLUSTER_NAME = "cluster-name";
    /** What a secret parameter holds between its creation and the cibadmin step that sets it. */
    static final String PLACEHOLDER = Secret.SET_BELOW;

    /** A secret resource parameter: set from standard input, never given to pcs. */
    private record SecretParam(String resource, Nvpair param) {
    }

    @Override
    public List<RenderedFile> render(Project project, SecretBook secrets) {
        return List.of(new RenderedFile(RenderedFile.CLUSTER, PATH, script(project, secrets), 0700, Placement.WHOLE_FILE,
                "The same Pacemaker configuration as pcs commands, to read or to run by hand on one node."));
    }

    static String script(Project project, SecretBook secrets) {
        PacemakerLayout layout = PacemakerLayoutBuilder.build(project, secrets);
        List<String> lines = new ArrayList<>();
        List<SecretParam> secretParams = new ArrayList<>();
        lines.add("#!/bin/sh");
        lines.add("# The Pacemaker configuration of cluster " + project.clusterName() + " as pcs 0.11 commands.");
        lines.add("# Equivalent to cib.xml beside this file. Run on one node once corosync and pacemaker are up");
        lines.add("# and Tandem's agents (" + BundledAgent.INSTALLED_DIRECTORY + ") are on both nodes.");
        lines.add("set -eu");
        lines.add("umask 077 # the CIB file may hold passwords");
        lines.add("pcs cluster cib " + CIB);
        for (Nvpair p : layout.properties()) {
            if (p.name().equals(CLUSTER_NAME)) {
                // pcs 0.11 refuses it ("invalid cluster property option 'cluster-name'") and stops the
                // script; Pacemaker takes the name from corosync.conf's cluster_name by itself.
                continue;
            }
            lines.add(pcs("property", "set", p.name() + "=" + p.value()));
        }
        for (Nvpair p : layout.resourceDefaults()) {
            lines.add(pcs("resource", "defaults", "update", p.name() + "=" + p.value()));
        }
        for (Nvpair p : layout.operationDefaults()) {
            lines.add(pcs("resource", "op", "defaults", "update", p.name() + "=" + p.value()));
        }
        for (PacemakerLayout.Clone clone : layout.drbdClones()) {
            List<String> words = create("resource", clone.primitive(), secretParams);
            words.add("promotable");
            clone.meta().stream().filter(m -> !m.name().equals("promotable")).forEach(m -> words.add(m.name() + "=" + m.value()));
            lines.add(pcs(words));
        }
        for (Primitive member : layout.group().members()) {
            List<String> words = create("resource", member, secretParams);
            words.add("--group");
            words.add(layout.group().id());
            lines.add(pcs(words));
        }
        for (Primitive fence : layout.fenceDevices()) {
            lines.add(pcs(create("stonith", fence, secretParams)));
        }
        for (PacemakerLayout.Colocation c : layout.colocations()) {
            List<String> words = new ArrayList<>(List.of("constraint", "colocation", "add"));
            if (c.rscRole() != null) {
                words.add(c.rscRole());
            }
            words.addAll(List.of(c.rsc(), "with", c.withRole(), c.withRsc(), c.score(), "id=" + c.id()));
            lines.add(pcs(words));
        }
        for (PacemakerLayout.Order o : layout.orders()) {
            List<String> words = new ArrayList<>(List.of("constraint", "order", o.firstAction(), o.first(), "then", o.thenAction(), o.then()));
            if (!o.kind().equals(PacemakerLayout.Order.MANDATORY)) {
                words.add("kind=" + o.kind());
            }
            words.add("id=" + o.id());
            lines.add(pcs(words));
        }
        for (PacemakerLayout.Location l : layout.locations()) {
            boolean avoid = l.score().startsWith("-");
            String score = avoid ? l.score().substring(1) : l.score();
            lines.add(pcs("constraint", "location", l.rsc(), avoid ? "avoids" : "prefers", l.node() + "=" + score));
        }
        if (!secretParams.isEmpty()) {
            lines.add(4, "# Passwords never go on a command line, where ps shows them to every user of the node:");
            lines.add(5, "# resources are created with " + PLACEHOLDER + " in their place, and the values are written into");
            lines.add(6, "# the CIB file at the end through cibadmin's standard input.");
        }
        for (SecretParam secret : secretParams) {
            lines.add("CIB_file=" + CIB + " cibadmin --modify --xml-pipe <<'EOF'");
            String nvpair = CibRenderer.nvpair(new XmlWriter(), CibRenderer.instanceAttributesId(secret.resource()), secret.param()).toString();
            lines.add(SecretBook.inXml(nvpair.strip()));
            lines.add("EOF");
        }
        lines.add("pcs cluster cib-push " + CIB + " --config");
        return String.join("\n", lines) + "\n";
    }

    private static List<String> create(String kind, Primitive p, List<SecretParam> secretParams) {
        List<String> words = new ArrayList<>(List.of(kind, "create", p.id(), kind.equals("stonith") ? p.type() : p.agent()));
        if (kind.equals("resource")) {
            // Without it pcs adds start/stop ops with the agent's own timeouts (iSCSITarget and
            // iSCSILogicalUnit: 10 s, portblock and IPaddr2: 20 s), which override the op defaults:
            // in the VM lab p_target's start "did not complete within 10s" and failed for good.
            words.add("--no-default-ops");
        }
        for (Nvpair n : p.params()) {
            if (SecretBook.mentionsSecret(n.value())) {
                secretParams.add(new SecretParam(p.id(), n));
                words.add(n.name() + "=" + PLACEHOLDER);
            } else {
                words.add(n.name() + "=" + n.value());
            }
        }
        for (Op op : p.ops()) {
            words.add("op");
            words.add(op.name());
            if (!op.interval().equals("0s")) {
                words.add("interval=" + op.interval());
            }
            words.add("timeout=" + op.timeout());
            if (op.role() != null) {
                words.add("role=" + op.role());
            }
            if (op.startDelay() != null) {
                words.add("start-delay=" + op.startDelay());
            }
        }
        return words;
    }

    private static String pcs(String... words) {
        return pcs(List.of(words));
    }

    private static String pcs(List<String> words) {
        return "pcs -f " + CIB + " " + ShellQuote.join(words);
    }
}
