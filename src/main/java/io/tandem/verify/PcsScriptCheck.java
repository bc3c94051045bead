package io.tandem.verify;

import io.tandem.model.Profile;
import io.tandem.model.Project;
import io.tandem.render.FileSet;
import io.tandem.render.RenderedFile;
import io.tandem.render.SecretPolicy;
import io.tandem.render.modern.CibRenderer;
import io.tandem.render.modern.PcsScriptRenderer;
import org.w3c.dom.Element;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * pcs-commands.sh must build the same configuration as cib.xml. The script runs as written, with
 * the real pcs, against an empty CIB, in a {@link Sandbox}: no network (so pcs cannot reach pcsd or
 * a cluster; it would fail loudly if it tried), and the script's working file under /root is a
 * scratch directory. Only the two commands that talk to a running cluster are stood in for, by a
 * {@code pcs} earlier on the PATH: {@code pcs cluster cib FILE} writes an empty CIB
 * ({@code cibadmin --empty}), {@code pcs cluster cib-push FILE ...} keeps FILE as the result; every
 * other call, with its arguments and input untouched, goes to the real pcs. The result and the
 * rendered CIB are normalised ({@link CibNormalizer}) and compared by {@code crm_diff}.
 */
public final class PcsScriptCheck implements ToolCheck {

    static final String TOOL = "pcs -f + crm_diff";
    static final String SUBJECT = "cluster/pcs-commands.sh";
    private static final Duration TIMEOUT = Duration.ofMinutes(5);
    /** Stands in for the cluster: the two calls that need one; the rest is the real pcs. */
    private static final String SHIM = """
            #!/bin/sh
            # Tandem's check of pcs-commands.sh: stands in for a running cluster, see PcsScriptCheck.
            if [ "$#" -ge 3 ] && [ "$1" = cluster ] && [ "$2" = cib ]; then
              exec "$TANDEM_CIBADMIN" --empty > "$3"
            fi
            if [ "$#" -ge 3 ] && [ "$1" = cluster ] && [ "$2" = cib-push ]; then
              exec cp "$3" "$TANDEM_PCS_RESULT"
            fi
            exec "$TANDEM_REAL_PCS" "$@"
            """;
    /** Where Pacemaker looks for OCF agents, by provider; Tandem ships agents of its own there. */
    static final String OCF_AGENTS = "/usr/lib/ocf/resource.d/";
    // The agents Tandem ships are made visible beside the installed ones (as apply installs them on
    // the nodes), so pcs finds their metadata: the installed providers stay reachable through a bind
    // mount, linked from a merged directory that is then mounted over resource.d.
    private static final String SCRIPT = """
            mount --bind "$TANDEM_ROOT_HOME" /root
            if [ -d "$TANDEM_OCF_SHIPPED" ] && [ -d /usr/lib/ocf/resource.d ]; then
              mkdir -p "$TANDEM_OCF_MERGED" "$TANDEM_OCF_INSTALLED"
              mount --bind /usr/lib/ocf/resource.d "$TANDEM_OCF_INSTALLED"
              for provider in "$TANDEM_OCF_INSTALLED"/*; do
                [ -e "$TANDEM_OCF_SHIPPED/${provider##*/}" ] || ln -s "$provider" "$TANDEM_OCF_MERGED/${provider##*/}"
              done
              cp -R "$TANDEM_OCF_SHIPPED"/. "$TANDEM_OCF_MERGED"/
              mount --bind "$TANDEM_OCF_MERGED" /usr/lib/ocf/resource.d
            fi
            cd "$TANDEM_CLUSTER_DIR"
            PATH="$TANDEM_SHIM_DIR:$PATH" HOME="$TANDEM_ROOT_HOME" exec sh ./pcs-commands.sh
            """;

    @Override
    public List<CheckResult> run(Project project, FileSet files, Path workDir) {
        List<CheckResult> results = new ArrayList<>();
        if (project.profile() != Profile.MODERN || files.find(RenderedFile.CLUSTER, PcsScriptRenderer.PATH).isEmpty()) {
            return results;
        }
        var pcs = LocalCommand.find("pcs");
        var cibadmin = LocalCommand.find("cibadmin");
        var crmDiff = LocalCommand.find("crm_diff");
        var unshare = Sandbox.unshare();
        if (pcs.isEmpty() || cibadmin.isEmpty() || crmDiff.isEmpty()) {
            results.add(CheckResult.skipped(TOOL, SUBJECT, "needs pcs, cibadmin and crm_diff (apt-get install pcs pacemaker-cli-utils)"));
            return results;
        }
        var noSandbox = Sandbox.whyNot();
        if (noSandbox.isPresent()) {
            results.add(CheckResult.skipped(TOOL, SUBJECT, noSandbox.get()));
            return results;
        }
        try {
            Path dir = Files.createDirectories(workDir.resolve("pcs"));
            Path result = dir.resolve("pcs-result.xml");
            var out = runScript(files, dir, pcs.get(), cibadmin.get(), unshare.get(), result);
            if (!out.ok() || !Files.exists(result)) {
                results.add(CheckResult.fail(TOOL, SUBJECT, "the script " + (out.ok() ? "pushed no CIB" : "exit " + out.exitCode())
                        + ": " + files.secrets().hide(lastLines(out.stderr()))));
                return results;
            }
            RenderedFile cib = files.find(RenderedFile.CLUSTER, CibRenderer.PATH).orElseThrow();
            Path rendered = dir.resolve("rendered.normalised.xml");
            Path built = dir.resolve("pcs.normalised.xml");
            Files.writeString(rendered, CibNormalizer.normalize(files.text(cib, SecretPolicy.REVEAL)));
            Files.writeString(built, CibNormalizer.normalize(Files.readString(result)));
            var diff = LocalCommand.run(List.of(crmDiff.get().toString(), "--no-version", "-o", built.toString(), "-n", rendered.toString()),
                    Map.of(), dir, TIMEOUT);
            if (diff.exitCode() == 0) {
                results.add(CheckResult.pass(TOOL, SUBJECT, "builds the same configuration as cluster/cib.xml"));
            } else if (diff.exitCode() == 1 && diff.stdout().contains("<diff")) {
                List<String> changes = changes(diff.stdout());
                results.add(CheckResult.fail(TOOL, SUBJECT, "builds another configuration than cluster/cib.xml; what turns its result into cib.xml: "
                        + (changes.isEmpty() ? "(crm_diff lists no paths)" : String.join("; ", changes))));
            } else {
                results.add(CheckResult.fail("crm_diff", SUBJECT, "exit " + diff.exitCode() + ": " + diff.stderr().strip()));
            }
        } catch (IOException | IllegalArgumentException e) {
            results.add(CheckResult.fail(TOOL, SUBJECT, files.secrets().hide(String.valueOf(e.getMessage()))));
        }
        return results;
    }

    private static LocalCommand.Output runScript(FileSet files, Path dir, Path pcs, Path cibadmin, Path unshare, Path result)
            throws IOException {
        Path cluster = Files.createDirectories(dir.resolve("cluster"));
        for (RenderedFile file : files.filesOf(RenderedFile.CLUSTER)) {
            Path copy = cluster.resolve(file.path().substring(1));
            Files.createDirectories(copy.getParent());
            Files.writeString(copy, files.text(file, SecretPolicy.REVEAL));
        }
        Path shimDir = Files.createDirectories(dir.resolve("shim"));
        Path shim = shimDir.resolve("pcs");
        Files.writeString(shim, SHIM);
        Files.setPosixFilePermissions(shim, PosixFilePermissions.fromString("rwx------"));
        Path home = Files.createDirectories(dir.resolve("root-home"));
        Path shipped = dir.resolve("ocf-shipped");
        copyShippedAgents(files, shipped);
        Map<String, String> environment = new java.util.HashMap<>(Map.of("TANDEM_ROOT_HOME", home.toString(),
                "TANDEM_CLUSTER_DIR", cluster.toString(), "TANDEM_SHIM_DIR", shimDir.toString(), "TANDEM_REAL_PCS", pcs.toString(),
                "TANDEM_CIBADMIN", cibadmin.toString(), "TANDEM_PCS_RESULT", result.toString()));
        environment.putAll(Map.of("TANDEM_OCF_SHIPPED", shipped.toString(), "TANDEM_OCF_MERGED", dir.resolve("ocf-merged").toString(),
                "TANDEM_OCF_INSTALLED", dir.resolve("ocf-installed").toString()));
        return Sandbox.run(unshare, SCRIPT, environment, dir, TIMEOUT);
    }

    /** The OCF agents the files place on the first node that has any (every node gets the same), under {@code into}/PROVIDER/TYPE. */
    private static void copyShippedAgents(FileSet files, Path into) throws IOException {
        for (String host : files.hosts()) {
            List<RenderedFile> agents = files.filesOf(host).stream().filter(f -> f.path().startsWith(OCF_AGENTS)).toList();
            for (RenderedFile agent : agents) {
                Path copy = into.resolve(agent.path().substring(OCF_AGENTS.length()));
                Files.createDirectories(copy.getParent());
                Files.writeString(copy, files.text(agent, SecretPolicy.REDACT));
                Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
            if (!agents.isEmpty()) {
                return;
            }
        }
    }

    /** crm_diff's changes as "operation path (attributes)", values left out: they may be secrets. */
    static List<String> changes(String diffXml) {
        List<String> changes = new ArrayList<>();
        Element root = SimulationResultParser.parse(diffXml).getDocumentElement();
        for (Element change : CibReader.children(root)) {
            if (!change.getTagName().equals("change")) {
                continue;
            }
            String what = change.getAttribute("operation") + " " + change.getAttribute("path");
            List<String> attributes = new ArrayList<>();
            for (Element part : CibReader.children(change)) {
                if (part.getTagName().equals("change-list")) {
                    CibReader.children(part).forEach(a -> attributes.add(a.getAttribute("name")));
                } else if (!part.getTagName().equals("change-result")) {
                    attributes.add("<" + part.getTagName() + (part.hasAttribute("id") ? " id=" + part.getAttribute("id") : "") + ">");
                }
            }
            changes.add(what + (attributes.isEmpty() ? "" : " " + attributes));
        }
        return changes;
    }

    private static String lastLines(String text) {
        String[] lines = text.strip().split("\n");
        return String.join(" | ", java.util.Arrays.copyOfRange(lines, Math.max(0, lines.length - 3), lines.length));
    }
}
