package io.tandem.model;

import io.tandem.testing.Examples;
import io.tandem.testing.JsonEdit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ProjectFileTest {

    @Test
    void readsTheSeedExampleWithTheTutorialsValues() {
        Project seed = Examples.seed();
        assertThat(seed.profile()).isEqualTo(Profile.LEGACY);
        assertThat(seed.nodes()).extracting(Node::name).containsExactly("node1", "node2");
        assertThat(seed.networks().client().virtualIp()).isEqualTo("10.10.1.250");
        assertThat(seed.target().iqn()).isEqualTo("iqn.2008-04.local.home:storage.disk.0");
        assertThat(seed.chap().incoming().secret().reveal()).isEqualTo("secret");
        assertThat(seed.replication().resources()).extracting(DrbdResource::name).containsExactly("iscsi.config", "iscsi.target.0");
        assertThat(seed.replication().resources().get(1).backingOn("node2").orElseThrow().metaIndex()).isEqualTo(1);
    }

    @Test
    void writesWithMode0600AndReadsBackTheSameProject(@TempDir Path dir) throws Exception {
        Project modern = Examples.modern();
        Path file = dir.resolve("copy.tandem.json");
        ProjectFile.write(modern, file);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(ProjectFile.read(file)).isEqualTo(modern);
        try (var entries = Files.list(dir)) {
            assertThat(entries).as("no temporary file left").containsExactly(file);
        }
    }

    @Test
    void anIncompleteDraftIsWrittenWholeWithMode0600AndNoTemporaryFile(@TempDir Path dir) throws Exception {
        ProjectDraft draft = ProjectDraft.empty();
        draft.set("$.clusterName", "half-done");
        Path file = dir.resolve("draft.tandem.json");
        Files.writeString(file, "older draft");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        draft.write(file);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(ProjectDraft.read(file).get("$.clusterName").asText()).isEqualTo("half-done");
        try (var entries = Files.list(dir)) {
            assertThat(entries).as("no temporary file left").containsExactly(file);
        }
    }

    @Test
    void unknownFieldIsAnErrorNamingItsPath() {
        var e = problemsOf(JsonEdit.of(Examples.MODERN).set("$.nodes[1].ssh.prot", 22));
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("$.nodes[1].ssh.prot");
            assertThat(p.message()).contains("unknown field 'prot'");
            assertThat(p.fix()).contains("port");
        });
    }

    @Test
    void wrongTypeIsAnErrorNamingItsPath() {
        var e = problemsOf(JsonEdit.of(Examples.MODERN).set("$.nodes[0].ssh.port", "22"));
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("$.nodes[0].ssh.port");
            assertThat(p.message()).contains("whole number");
        });
        var bool = problemsOf(JsonEdit.of(Examples.MODERN).set("$.cluster.twoNode", "yes"));
        assertThat(bool.problems().getFirst().path()).isEqualTo("$.cluster.twoNode");
        var list = problemsOf(JsonEdit.of(Examples.MODERN).set("$.nodes[0].links[0].bond.slaves", "eth0 eth1"));
        assertThat(list.problems().getFirst().path()).isEqualTo("$.nodes[0].links[0].bond.slaves");
    }

    @Test
    void unknownEnumValueListsTheAllowedOnes() {
        var e = problemsOf(JsonEdit.of(Examples.MODERN).set("$.target.implementation", "iet"));
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("$.target.implementation");
            assertThat(p.fix()).contains("\"lio-t\"", "\"tgt\"");
        });
    }

    @Test
    void everyMissingFieldIsReportedAtOnce() {
        var e = problemsOf(JsonEdit.of(Examples.MODERN).remove("$.nodes[0].ssh.port").remove("$.target.iqn").set("$.domain", null));
        assertThat(e.problems()).extracting(Problem::path)
                .containsExactlyInAnyOrder("$.nodes[0].ssh.port", "$.target.iqn", "$.domain");
        assertThat(e.problems()).allSatisfy(p -> assertThat(p.message()).contains("missing"));
    }

    @Test
    void optionalFieldsMayBeAbsent() throws Exception {
        Project p = JsonEdit.of(Examples.MODERN).remove("$.time").remove("$.networks.client.gateway").project();
        assertThat(p.time()).isNull();
        assertThat(p.timeOrDefault().servers()).isEmpty();
    }

    @Test
    void schemaVersionIsChecked() {
        assertThat(problemsOf(JsonEdit.of(Examples.MODERN).remove("$.schemaVersion")).problems().getFirst().path())
                .isEqualTo("$.schemaVersion");
        assertThat(problemsOf(JsonEdit.of(Examples.MODERN).set("$.schemaVersion", 7)).problems().getFirst().fix())
                .contains("newer Tandem");
    }

    @Test
    void syntaxErrorsNameLineAndColumn() {
        var e = catchThrowableOfType(ProjectFileException.class,
                () -> ProjectFile.parse(Path.of("x.json"), "{\n  \"schemaVersion\": 1,\n  \"profile\" \"modern\"\n}"));
        assertThat(e.problems().getFirst().message()).contains("line 3");
    }

    @Test
    void aSecretWrittenWithoutQuotesIsNamedByLineColumnAndPathButNeverEchoed(@TempDir Path dir) throws Exception {
        String secret = "Qm7wN3xV8cJ2hT5d";
        String text = Files.readString(Examples.MODERN);
        Path file = Files.writeString(dir.resolve("bare.tandem.json"), text.replace("\"" + secret + "\"", secret));
        int line = text.substring(0, text.indexOf("\"" + secret + "\"")).split("\n", -1).length; // where the example has it
        var e = catchThrowableOfType(ProjectFileException.class, () -> ProjectFile.read(file));
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("$.chap.incoming.secret");
            assertThat(p.message()).contains("line " + line, "column 50").contains("not valid JSON");
            assertThat(p.fix()).contains("double quotes");
            assertNoPieceOf(secret, p);
        });
        assertNoPieceOf(secret, e.getMessage());
    }

    @Test
    void noSyntaxErrorNearASecretEchoesAnyOfIt() {
        String text = ProjectFile.toJson(Examples.modern());
        for (String secret : List.of("Qm7wN3xV8cJ2hT5d", "rK8vT2qW6nZ4pX9s")) {
            String quoted = "\"" + secret + "\"";
            List<String> broken = List.of(
                    text.replace(quoted, secret),                                   // no quotes
                    text.replace(quoted, "'" + secret + "'"),                       // single quotes
                    text.replace(quoted, "@" + secret),                             // a stray character first
                    text.replace(quoted, "\"" + secret),                           // no closing quote
                    text.replace(quoted, quoted + " " + secret),                    // the value twice
                    text.replace(quoted, "\"" + secret.substring(0, 4) + "\\q" + secret.substring(4) + "\""), // bad escape
                    text.replace(quoted, "\"" + secret.substring(0, 4) + "\n" + secret.substring(4) + "\""),  // raw line break
                    text.replace(quoted, secret + "}"),                             // and a brace
                    text.substring(0, text.indexOf(quoted) + 6),                    // cut off inside the secret
                    text.replace(quoted, "-" + secret),                             // a number that is not one
                    text.replace(quoted, "1" + secret));                            // digits, then letters
            for (String json : broken) {
                var e = catchThrowableOfType(ProjectFileException.class, () -> ProjectFile.parse(Path.of("x.json"), json));
                assertThat(e).as(json).isNotNull();
                assertThat(e.problems()).allSatisfy(p -> {
                    assertNoPieceOf(secret, p);
                    assertThat(p.message()).containsPattern("line \\d+, column \\d+");
                    assertThat(p.path()).startsWith("$");
                });
            }
        }
    }

    @Test
    void aSecretInAFieldOfFixedValuesIsNotEchoed(@TempDir Path dir) throws Exception {
        String secret = "Qm7wN3xV8cJ2hT5d";
        Path file = Files.writeString(dir.resolve("enum.tandem.json"), JsonEdit.of(Examples.MODERN).set("$.target.implementation", secret).json());
        var e = catchThrowableOfType(ProjectFileException.class, () -> ProjectFile.read(file));
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("$.target.implementation");
            assertThat(p.message()).contains("not one of the allowed values").containsPattern("line \\d+, column \\d+");
            assertThat(p.fix()).contains("\"lio-t\"", "\"tgt\"");
            assertNoPieceOf(secret, p);
        });
    }

    @Test
    void aWrongTypeInAFileNamesLineAndColumnToo(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("type.tandem.json"), JsonEdit.of(Examples.MODERN).set("$.nodes[0].ssh.port", "22").json());
        var e = catchThrowableOfType(ProjectFileException.class, () -> ProjectFile.read(file));
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("$.nodes[0].ssh.port");
            assertThat(p.message()).contains("whole number").containsPattern("line \\d+, column \\d+");
        });
    }

    @Test
    void aDraftWithASyntaxErrorNeverEchoesTheToken(@TempDir Path dir) throws Exception {
        String secret = "rK8vT2qW6nZ4pX9s";
        Path file = Files.writeString(dir.resolve("draft.tandem.json"),
                Files.readString(Examples.MODERN).replace("\"" + secret + "\"", secret));
        var e = catchThrowableOfType(ProjectFileException.class, () -> ProjectDraft.read(file));
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("$.replication.sharedSecret");
            assertThat(p.message()).contains("line 49", "column 21");
            assertNoPieceOf(secret, p);
        });
    }

    /** Not the secret, nor any four characters of it in a row. */
    static void assertNoPieceOf(String secret, Problem p) {
        assertNoPieceOf(secret, p.describe());
    }

    static void assertNoPieceOf(String secret, String text) {
        for (int i = 0; i + 4 <= secret.length(); i++) {
            assertThat(text).as("echoes '" + secret.substring(i, i + 4) + "'").doesNotContain(secret.substring(i, i + 4));
        }
    }

    @Test
    void missingFileIsAPlainError() {
        assertThatThrownBy(() -> ProjectFile.read(Path.of("does/not/exist.tandem.json")))
                .isInstanceOf(ProjectFileException.class)
                .satisfies(t -> assertThat(((ProjectFileException) t).problems().getFirst().message()).contains("does not exist"));
    }

    @Test
    void secretsNeverShowInToStringButAreWrittenToTheFile() {
        Project modern = Examples.modern();
        assertThat(modern.toString()).doesNotContain("Qm7wN3xV8cJ2hT5d", "rK8vT2qW6nZ4pX9s").contains("<redacted>");
        assertThat(ProjectFile.toJson(modern)).contains("Qm7wN3xV8cJ2hT5d");
    }

    private static ProjectFileException problemsOf(JsonEdit edit) {
        return catchThrowableOfType(ProjectFileException.class, edit::project);
    }
}
