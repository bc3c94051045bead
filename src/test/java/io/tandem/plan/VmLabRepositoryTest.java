package io.tandem.plan;

import io.tandem.model.Node;
import io.tandem.model.Project;
import io.tandem.testing.Examples;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The VM lab's guests install only from the lab's own apt repository, built from the package
 * names in lab/vm's image recipe (with their dependencies and recommends). A package Tandem
 * installs for a VM lab example must be among them, or apply stops at its package step ("has no
 * installation candidate": fdisk for the GPT layout did, 25 minutes into lab/vm e2e).
 */
class VmLabRepositoryTest {

    /** Packages Tandem names that lab/vm gets as a dependency or recommendation of one it names. */
    private static final Map<String, String> BROUGHT_BY = Map.of("pacemaker-cli-utils", "pacemaker");

    static Set<String> recipePackages(String labVm) {
        Set<String> names = new java.util.TreeSet<>();
        for (String variable : List.of("BASE_PKGS", "REPO_PKGS", "KERNEL_PKGS")) {
            Matcher m = Pattern.compile("(?m)^" + variable + "=\"?([^\"\\n]*(?:\\n [^\"\\n]*)*)\"?$").matcher(labVm);
            assertThat(m.find()).as(variable + " in lab/vm").isTrue();
            names.addAll(Arrays.stream(m.group(1).split("[\\s,]+")).filter(s -> !s.isBlank()).toList());
        }
        return names;
    }

    /** What apply installs on each host of {@code project}, host by host. */
    static List<String> missing(Project project, Set<String> recipe) {
        List<String> missing = new ArrayList<>();
        for (Node node : project.nodes()) {
            Packages.forNode(project, node).stream().filter(p -> !recipe.contains(p) && !recipe.contains(BROUGHT_BY.getOrDefault(p, "")))
                    .forEach(p -> missing.add(node.name() + ": " + p));
        }
        project.initiators().forEach(i -> Packages.forInitiator(project, i).stream().filter(p -> !recipe.contains(p)).forEach(p -> missing.add(i.name() + ": " + p)));
        return missing;
    }

    @Test
    void everyPackageApplyInstallsForAVmLabExampleIsInTheLabsRepository() throws IOException {
        Set<String> recipe = recipePackages(Files.readString(Path.of("lab/vm")));
        assertThat(recipe).contains("drbd-utils", "openssh-server", "jq");
        List<Path> examples;
        try (Stream<Path> files = Files.list(Path.of("examples"))) {
            examples = files.filter(f -> f.getFileName().toString().startsWith("vm-lab")).sorted().toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        assertThat(examples).contains(Examples.VM_LAB_GPT, Examples.VM_LAB_TGT);
        Map<String, List<String>> missing = examples.stream()
                .collect(Collectors.toMap(p -> p.getFileName().toString(), p -> missing(Examples.read(p), recipe)));
        assertThat(missing).allSatisfy((example, packages) -> assertThat(packages).as(example).isEmpty());
    }
}
