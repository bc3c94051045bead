package io.tandem.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.tandem.facts.HostFile;
import io.tandem.facts.HostFiles;
import io.tandem.model.Problem;
import io.tandem.model.Profile;
import io.tandem.model.Project;
import io.tandem.model.ProjectFile;
import io.tandem.model.ProjectFileException;
import io.tandem.model.ProjectValidator;
import io.tandem.plan.FileChange;
import io.tandem.render.FileSet;
import io.tandem.render.RenderedFile;
import io.tandem.render.Renderers;
import io.tandem.render.SecretPolicy;
import io.tandem.testing.Examples;
import io.tandem.testing.RandomProjects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Validation and rendering accept the same values: every project the validator accepts renders all
 * its files, for every profile it validates in, compares with a host's files (Review) and exports,
 * without an exception. The projects are the examples and random projects with string values
 * replaced by adversarial ones that look valid: dots and '..' inside names, trailing dashes, names
 * at and beyond their length limits, non-ASCII letters, path tricks, the export's own folder and
 * file names. A value is replaced everywhere it occurs, so a renamed node or resource stays
 * consistent and the edit has a chance to validate.
 */
class ValidProjectsRenderAndExportTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int RANDOM_PROJECTS = 25;
    private static final int EDITS_PER_PROJECT = 40;

    @Test
    void dotsInsideInterfaceResourceAndMountPointNamesValidateRenderAndExport(@TempDir Path dir) throws Exception {
        JsonNode modern = MAPPER.readTree(Files.readString(Examples.MODERN));
        for (String[] edit : List.of(new String[] {"bond0", "bond..0"}, new String[] {"r0", "r..0"},
                new String[] {"/mnt/iscsi", "/mnt/is..csi"}, new String[] {"r1", "r1."})) {
            JsonNode edited = modern.deepCopy();
            replaceEverywhere(edited, edit[0], edit[1]);
            Project project = ProjectFile.parse(Path.of("edited.tandem.json"), edited.toString());
            List<Problem> problems = ProjectValidator.validate(project);
            assertThat(problems).as(edit[1]).noneMatch(Problem::isError);
            Path out = dir.resolve("bundle-" + edit[0].replace("/", ""));
            renderCompareAndExport(project, problems, out, SecretPolicy.REDACT);
        }
    }

    @Test
    void everyProjectTheValidatorAcceptsRendersComparesAndExports(@TempDir Path dir) throws Exception {
        List<String> failures = new ArrayList<>();
        Set<String> acceptedAdversarial = new LinkedHashSet<>();
        int accepted = 0;
        List<JsonNode> bases = new ArrayList<>();
        for (Path example : List.of(Examples.MODERN, Examples.SEED, Examples.VM_LAB)) {
            bases.add(MAPPER.readTree(Files.readString(example)));
        }
        for (long seed = 0; seed < RANDOM_PROJECTS; seed++) {
            bases.add(MAPPER.readTree(ProjectFile.toJson(RandomProjects.generate(seed))));
        }
        Path exports = fastScratch(dir);
        try {
            Random random = new Random(20260110);
            int number = 0;
            for (int b = 0; b < bases.size(); b++) {
                JsonNode base = bases.get(b);
                List<String> values = stringValues(base);
                accepted += checkEveryProfile(base, "base " + b, exports.resolve("e" + number++), failures) ? 1 : 0;
                for (int e = 0; e < EDITS_PER_PROJECT; e++) {
                    String original = values.get(random.nextInt(values.size()));
                    List<String> candidates = adversarial(original);
                    String replacement = candidates.get(random.nextInt(candidates.size()));
                    JsonNode edited = base.deepCopy();
                    replaceEverywhere(edited, original, replacement);
                    String what = "base " + b + ": '" + original + "' -> '" + replacement + "'";
                    if (checkEveryProfile(edited, what, exports.resolve("e" + number++), failures)) {
                        accepted++;
                        if (replacement.contains("..") || replacement.endsWith(".")) {
                            acceptedAdversarial.add(replacement);
                        }
                    }
                }
            }
        } finally {
            deleteTree(exports);
        }
        assertThat(failures).isEmpty();
        // The property only means something if many edited projects were accepted, '..' ones among them.
        assertThat(accepted).isGreaterThan(200);
        assertThat(acceptedAdversarial).anyMatch(v -> v.contains(".."));
    }

    /**
     * Hundreds of small bundles: on tmpfs when there is one, where writing them takes a tenth of
     * the time it takes on a loaded disk.
     */
    private static Path fastScratch(Path fallback) throws IOException {
        Path shm = Path.of("/dev/shm");
        if (Files.isDirectory(shm) && Files.isWritable(shm)) {
            return Files.createTempDirectory(shm, "tandem-export-property-");
        }
        return Files.createDirectories(fallback.resolve("exports"));
    }

    /** True when the project validated in at least one profile; failures collect what threw. */
    private static boolean checkEveryProfile(JsonNode json, String what, Path out, List<String> failures) {
        Project parsed;
        try {
            parsed = ProjectFile.parse(Path.of("edited.tandem.json"), json.toString());
        } catch (ProjectFileException notAProject) {
            return false;
        }
        boolean valid = false;
        for (Profile profile : Profile.values()) {
            Project project = withProfile(parsed, profile);
            List<Problem> problems = ProjectValidator.validate(project);
            if (ProjectValidator.hasErrors(problems)) {
                continue;
            }
            valid = true;
            try {
                renderCompareAndExport(project, problems, out.resolveSibling(out.getFileName() + "-" + profile.name().toLowerCase()),
                        what.hashCode() % 2 == 0 ? SecretPolicy.REDACT : SecretPolicy.REVEAL);
            } catch (Exception | AssertionError e) {
                failures.add(what + " (" + profile + "): " + e);
            }
        }
        return valid;
    }

    private static Project withProfile(Project p, Profile profile) {
        return new Project(p.schemaVersion(), profile, p.clusterName(), p.domain(), p.nodes(), p.networks(), p.replication(),
                p.cluster(), p.target(), p.chap(), p.initiators(), p.time());
    }

    private static void renderCompareAndExport(Project project, List<Problem> warnings, Path out, SecretPolicy policy) throws Exception {
        FileSet files = Renderers.render(project);
        assertThat(files.files()).isNotEmpty();
        for (RenderedFile file : files.files()) {
            // What Review does: the text with secrets masked, compared with the host's file absent and present.
            files.text(file, SecretPolicy.REDACT);
            FileChange.against(files, file, new HostFiles(Map.of(), true));
            FileChange.against(files, file, new HostFiles(Map.of(file.path(),
                    new HostFile(file.path(), HostFile.State.PRESENT, 8, "# old\nkey = value\n")), true));
        }
        var result = new AuditExporter().export(project, files, warnings, out, policy, false);
        assertThat(result.fileCount()).isEqualTo(files.files().size() + 1);
        deleteTree(out);
    }

    /** Values that look valid but probe the edges of the patterns, derived from the value they replace. */
    private static List<String> adversarial(String v) {
        List<String> out = new ArrayList<>(List.of(
                v + "..x", v + "..", v + ".", v + "-", v + "_", v + "." + v, v.replace(".", ".."), v.replace("-", ".."),
                "a..b", "a...b", "..", ".", "-", "_", "..a", ".a", "a.", "x-", "-x",
                v.toUpperCase(), v + "é", "ü" + v, v + "\u00a0", "ı" + v, v + "\uff0e\uff0e",
                "cluster", "SUMMARY.md", "MANIFEST.sha256",
                v + "/..", v + "/.", v + "//x", v + "/", v + "/a..b", v + "/...", v + "/.x", v + "/x.", "/a/../b",
                "<redacted:x>", "x]]>y"));
        for (int length : new int[] {15, 16, 32, 33, 48, 49, 63, 64, 128, 253, 254}) {
            out.add(repeat("a", length));
            out.add(repeat("a.", length / 2) + "b");
            out.add((v + repeat("x", length)).substring(0, Math.max(1, length)));
        }
        return out;
    }

    private static String repeat(String s, int times) {
        return s.repeat(Math.max(0, times));
    }

    private static List<String> stringValues(JsonNode root) {
        List<String> values = new ArrayList<>();
        collect(root, values);
        return values.stream().distinct().toList();
    }

    private static void collect(JsonNode node, List<String> out) {
        if (node.isTextual()) {
            out.add(node.textValue());
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.properties().iterator(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (!field.getKey().equals("profile")) {
                    collect(field.getValue(), out);
                }
            }
        } else if (node.isArray()) {
            node.forEach(child -> collect(child, out));
        }
    }

    private static void replaceEverywhere(JsonNode node, String from, String to) {
        if (node instanceof ObjectNode object) {
            for (Iterator<Map.Entry<String, JsonNode>> it = object.properties().iterator(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (field.getValue().isTextual() && field.getValue().textValue().equals(from)) {
                    field.setValue(TextNode.valueOf(to));
                } else {
                    replaceEverywhere(field.getValue(), from, to);
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                if (array.get(i).isTextual() && array.get(i).textValue().equals(from)) {
                    array.set(i, TextNode.valueOf(to));
                } else {
                    replaceEverywhere(array.get(i), from, to);
                }
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.delete(p);
            }
        }
    }
}
