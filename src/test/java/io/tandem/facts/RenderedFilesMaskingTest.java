package io.tandem.facts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tandem.model.Project;
import io.tandem.model.ProjectFile;
import io.tandem.model.ProjectFileException;
import io.tandem.model.ProjectValidator;
import io.tandem.render.FileSet;
import io.tandem.render.RenderedFile;
import io.tandem.render.Renderers;
import io.tandem.render.SecretPolicy;
import io.tandem.testing.Examples;
import io.tandem.testing.Variants;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every file Tandem writes, as it would stand on a host with its secrets in it, comes back from the
 * masker without any secret of the project: the examples and the renderer variants, each with
 * secrets drawn at random from every character a secret may hold, and each secret also moved to the
 * next line, quoted and unquoted where the file's format allows it.
 */
class RenderedFilesMaskingTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> SECRET_FIELDS = Set.of("sharedSecret", "authKey", "secret", "password");
    // ValuePatterns.SECRET: the characters a secret of a valid project may hold.
    private static final String SECRET_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789!#%+,./:=?@^_~-";

    /**
     * Another way to write the secret {@code s} of a rendered file, as a person editing it by hand
     * might, for the secrets the format can hold that way.
     */
    private record Respelling(String name, Predicate<String> path, Predicate<String> fits, BiFunction<String, String, String> respell) {
        Respelling(String name, Predicate<String> path, BiFunction<String, String, String> respell) {
            this(name, path, s -> true, respell);
        }
    }

    // A bare DRBD word ends at '#', which starts a comment (drbdadm's scanner): such a secret needs its quotes.
    private static final Predicate<String> BARE_DRBD = s -> !s.contains("#");

    private static final List<Respelling> RESPELLINGS = List.of(
            new Respelling("DRBD unquoted", drbd(), BARE_DRBD, (text, s) -> text.replace("shared-secret \"" + s + "\";", "shared-secret " + s + ";")),
            new Respelling("DRBD quoted on the next line", drbd(),
                    (text, s) -> text.replace("shared-secret \"" + s + "\";", "shared-secret\n\t\t\"" + s + "\";")),
            new Respelling("DRBD unquoted on the next line after a comment", drbd(), BARE_DRBD,
                    (text, s) -> text.replace("shared-secret \"" + s + "\";", "shared-secret # the peers' secret\n\t\t" + s + ";")),
            new Respelling("CIB in single quotes", p -> p.endsWith(".xml"), (text, s) -> text.replace("value=\"" + s + "\"", "value='" + s + "'")),
            new Respelling("CIB value on the next line", p -> p.endsWith(".xml"),
                    (text, s) -> text.replace("value=\"" + s + "\"", "value=\n            \"" + s + "\"")),
            new Respelling("CIB value before the name", p -> p.endsWith(".xml"),
                    (text, s) -> text.replaceAll("(<nvpair )(id=\"[^\"]*\" name=\"[^\"]*\" )(value=\"" + Pattern.quote(s) + "\")",
                            "$1" + Matcher.quoteReplacement("value=\"" + s + "\" ") + "$2")),
            // pcs-commands.sh hands its passwords to cibadmin in a here-document of XML (never on a command line).
            new Respelling("pcs here-document value in single quotes", p -> p.endsWith(".sh"),
                    (text, s) -> text.replace("value=\"" + s + "\"", "value='" + s + "'")),
            new Respelling("pcs here-document value on the next line", p -> p.endsWith(".sh"),
                    (text, s) -> text.replace(" value=\"" + s + "\"", "\n  value=\"" + s + "\"")),
            new Respelling("iscsid.conf quoted", p -> p.endsWith("/iscsid.conf"), (text, s) -> text.replace("= " + s + "\n", "= \"" + s + "\"\n")),
            new Respelling("iscsid.conf without spaces", p -> p.endsWith("/iscsid.conf"),
                    (text, s) -> text.replace(" = " + s + "\n", "=" + s + "\n")),
            new Respelling("ietd.conf quoted", p -> p.endsWith("/ietd.conf"), (text, s) -> text.replace(" " + s + "\n", " \"" + s + "\"\n")),
            new Respelling("ietd.conf spaced", p -> p.endsWith("/ietd.conf"), (text, s) -> text.replace(" " + s + "\n", "\t\t" + s + "  \n")),
            new Respelling("authkeys spaced", p -> p.endsWith("/authkeys"), (text, s) -> text.replace(" " + s + "\n", "\t " + s + " \n")));

    private static Predicate<String> drbd() {
        return p -> p.equals("/etc/drbd.conf") || p.startsWith("/etc/drbd.d/");
    }

    /** Each example and renderer variant, three times with other random secrets. */
    static Stream<Named> projects() {
        List<Named> all = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("examples"))) {
            for (Path example : files.filter(f -> f.toString().endsWith(".tandem.json")).sorted().toList()) {
                all.add(new Named(example.getFileName().toString(), Examples.read(example)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Variants.Variant variant : Variants.all()) {
            all.add(new Named(variant.name(), variant.project()));
        }
        List<Named> withSecrets = new ArrayList<>();
        for (Named named : all) {
            for (long seed = 1; seed <= 3; seed++) {
                withSecrets.add(new Named(named.name() + " secrets#" + seed, withRandomSecrets(named.project(), named.name().hashCode() * 31L + seed)));
            }
        }
        return withSecrets.stream();
    }

    record Named(String name, Project project) {
    }

    @Test
    void everyRenderedFileAsItStandsOnAHostMasksToTheMasksReviewComparesWith() {
        Set<String> pathsWithSecrets = new LinkedHashSet<>();
        projects().forEach(named -> {
            FileSet set = Renderers.render(named.project());
            for (RenderedFile file : set.files()) {
                List<String> secrets = new ArrayList<>();
                String review = set.maskedText(file, secret -> {
                    secrets.add(secret.reveal());
                    return SecretMasker.token(secret.reveal());
                });
                String onHost = set.text(file, SecretPolicy.REVEAL);

                String masked = SecretMasker.mask(file.path(), onHost);

                String what = named.name() + " " + file.host() + ":" + file.path();
                assertThat(masked).as(what).isEqualTo(review);
                for (String secret : secrets) {
                    assertThat(masked).as(what).doesNotContain(secret);
                    pathsWithSecrets.add(file.path());
                }
            }
        });
        assertThat(pathsWithSecrets).as("the files that hold secrets").contains("/etc/drbd.conf", "/etc/drbd.d/r0.res", "/cib.xml",
                "/pcs-commands.sh", "/etc/iscsi/iscsid.conf", "/srv/data/iscsi/ietd.conf", "/etc/heartbeat/authkeys");
    }

    @Test
    void aSecretMovedToTheNextLineQuotedOrUnquotedIsMaskedToo() {
        Map<String, Integer> applied = new LinkedHashMap<>();
        projects().forEach(named -> {
            FileSet set = Renderers.render(named.project());
            for (RenderedFile file : set.files()) {
                List<String> secrets = new ArrayList<>();
                set.maskedText(file, secret -> {
                    secrets.add(secret.reveal());
                    return "";
                });
                String onHost = set.text(file, SecretPolicy.REVEAL);
                for (Respelling respelling : RESPELLINGS) {
                    if (!respelling.path().test(file.path())) {
                        continue;
                    }
                    for (String secret : secrets.stream().filter(respelling.fits()).toList()) {
                        String respelled = respelling.respell().apply(onHost, secret);
                        if (respelled.equals(onHost)) {
                            continue;
                        }
                        applied.merge(respelling.name(), 1, Integer::sum);

                        String masked = SecretMasker.mask(file.path(), respelled);

                        assertThat(masked).as(named.name() + " " + file.path() + ", " + respelling.name()).doesNotContain(secret)
                                .contains(SecretMasker.token(secret));
                    }
                }
            }
        });
        assertThat(applied.keySet()).as("every respelling met a secret").containsExactlyInAnyOrderElementsOf(RESPELLINGS.stream().map(Respelling::name).toList());
    }

    /** The project with every secret replaced by 16 random characters a secret may hold (valid for every rule). */
    private static Project withRandomSecrets(Project project, long seed) {
        Random random = new Random(seed);
        try {
            ObjectNode root = (ObjectNode) JSON.readTree(ProjectFile.toJson(project));
            replaceSecrets(root, random);
            Project changed = ProjectFile.parse(Path.of("random-secrets.tandem.json"), JSON.writeValueAsString(root));
            assertThat(ProjectValidator.hasErrors(ProjectValidator.validate(changed))).as("the project with random secrets is valid").isFalse();
            return changed;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ProjectFileException e) {
            throw new AssertionError(e.problems().toString(), e);
        }
    }

    private static void replaceSecrets(JsonNode node, Random random) {
        if (node instanceof ObjectNode object) {
            for (String field : List.copyOf(iterable(object.fieldNames()))) {
                JsonNode value = object.get(field);
                if (SECRET_FIELDS.contains(field) && value.isTextual()) {
                    object.put(field, randomSecret(random));
                } else {
                    replaceSecrets(value, random);
                }
            }
        } else if (node.isArray()) {
            node.forEach(element -> replaceSecrets(element, random));
        }
    }

    private static String randomSecret(Random random) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            s.append(SECRET_CHARS.charAt(random.nextInt(SECRET_CHARS.length())));
        }
        return s.toString();
    }

    private static <T> List<T> iterable(java.util.Iterator<T> it) {
        List<T> list = new ArrayList<>();
        it.forEachRemaining(list::add);
        return list;
    }
}
