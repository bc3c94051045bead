package io.tandem.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tandem.testing.Examples;
import io.tandem.testing.JsonEdit;
import io.tandem.testing.Variants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever a user writes at any field, reading and validating ends in problems, never in an
 * exception: every leaf and container of both examples and the fencing variants replaced by values of every JSON type.
 */
class ValidatorRobustnessTest {

    private static final List<Object> REPLACEMENTS = java.util.Arrays.asList(null, "", "x", "a;reboot", 0, -1, 2147483647, true,
            List.of(), Map.of(), List.of("eth0"), "192.168.50.11", "/dev/vdb");

    @Test
    void anyValueAtAnyPathGivesProblemsNotExceptions(@TempDir Path dir) throws Exception {
        List<String> crashes = new ArrayList<>();
        int cases = 0;
        for (Path example : documents(dir)) {
            JsonNode root = new ObjectMapper().readTree(Files.readString(example));
            List<String> paths = new ArrayList<>();
            collect(root, "$", paths);
            for (String path : paths) {
                for (Object value : REPLACEMENTS) {
                    cases++;
                    try {
                        Project project = JsonEdit.of(example).set(path, value).project();
                        List<Problem> problems = ProjectValidator.validate(project);
                        assertThat(problems).allSatisfy(p -> assertThat(p.path()).startsWith("$"));
                    } catch (ProjectFileException expected) {
                        assertThat(expected.problems()).isNotEmpty();
                    } catch (RuntimeException e) {
                        crashes.add(example.getFileName() + " " + path + " = " + value + ": " + e);
                    }
                }
                try {
                    ProjectValidator.validate(JsonEdit.of(example).remove(path).project());
                } catch (ProjectFileException expected) {
                    assertThat(expected.problems()).isNotEmpty();
                } catch (RuntimeException e) {
                    crashes.add(example.getFileName() + " without " + path + ": " + e);
                }
            }
        }
        assertThat(cases).isGreaterThan(2000);
        assertThat(crashes).isEmpty();
    }

    /** Both examples, and the fencing variants: their sbd and plug fields are in neither example. */
    private static List<Path> documents(Path dir) throws java.io.IOException {
        Path sbd = Files.writeString(dir.resolve("sbd.tandem.json"), ProjectFile.toJson(Variants.sbd()));
        Path virsh = Files.writeString(dir.resolve("virsh.tandem.json"), ProjectFile.toJson(Variants.virsh()));
        return List.of(Examples.MODERN, Examples.SEED, sbd, virsh);
    }

    @Test
    void wrongNodeCountsAreProblems() throws Exception {
        Project none = JsonEdit.of(Examples.MODERN).set("$.nodes", List.of()).project();
        assertThat(ProjectValidator.validate(none)).extracting(Problem::path).contains("$.nodes");
        Project three = JsonEdit.of(Examples.MODERN).duplicate("$.nodes[1]").project();
        assertThat(ProjectValidator.validate(three)).anySatisfy(p -> assertThat(p.message()).contains("exactly two nodes"));
    }

    private static void collect(JsonNode node, String path, List<String> out) {
        if (!path.equals("$")) {
            out.add(path);
        }
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.properties().iterator(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                collect(field.getValue(), path + "." + field.getKey(), out);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(node.get(i), path + "[" + i + "]", out);
            }
        }
    }
}
