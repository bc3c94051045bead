package io.tandem.render.modern;

import io.tandem.render.FileSet;
import io.tandem.render.RenderedFile;
import io.tandem.render.Renderers;
import io.tandem.render.SecretPolicy;
import io.tandem.testing.Variants;
import io.tandem.verify.LocalCommand;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * pcs-commands.sh run by a real sh with secrets revealed, with {@code pcs} and {@code cibadmin}
 * replaced by shims that record their command lines (what {@code ps} shows every user of the
 * node) and their standard input: no CHAP or fence password is ever on a command line, and each
 * reaches the CIB file through cibadmin's standard input.
 */
class PcsScriptSecretsTest {

    @TempDir
    Path dir;

    static Stream<Variants.Variant> modernVariants() {
        return Variants.all().stream().filter(v -> Renderers.render(v.project()).find(RenderedFile.CLUSTER, PcsScriptRenderer.PATH).isPresent());
    }

    @ParameterizedTest
    @MethodSource("modernVariants")
    void noSecretIsEverOnACommandLine(Variants.Variant variant) throws Exception {
        FileSet files = Renderers.render(variant.project());
        RenderedFile pcsFile = files.find(RenderedFile.CLUSTER, PcsScriptRenderer.PATH).orElseThrow();
        Set<String> secrets = new LinkedHashSet<>();
        files.maskedText(pcsFile, secret -> {
            secrets.add(secret.reveal());
            return "";
        });
        assertThat(secrets).as("the script configures passwords (CHAP, fencing)").isNotEmpty();
        Path script = Files.writeString(dir.resolve("pcs-commands.sh"), files.text(pcsFile, SecretPolicy.REVEAL));
        Path bin = Files.createDirectory(dir.resolve("bin"));
        Path argv = dir.resolve("argv.log");
        Path stdin = dir.resolve("stdin.log");
        shim(bin.resolve("pcs"), "printf 'pcs %s\\n' \"$*\" >>\"$ARGV_LOG\"");
        shim(bin.resolve("cibadmin"), "printf 'CIB_file=%s cibadmin %s\\n' \"${CIB_file:-}\" \"$*\" >>\"$ARGV_LOG\"; cat >>\"$STDIN_LOG\"");

        var run = LocalCommand.run(List.of("sh", script.toString()), Map.of("PATH", bin + ":" + System.getenv("PATH"),
                "ARGV_LOG", argv.toString(), "STDIN_LOG", stdin.toString()), dir, Duration.ofSeconds(30));

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        List<String> commandLines = Files.readAllLines(argv);
        assertThat(commandLines).as("every pcs command ran").hasSizeGreaterThan(10);
        for (String secret : secrets) {
            assertThat(commandLines).as("command lines").noneSatisfy(line -> assertThat(line).contains(secret));
            assertThat(Files.readString(stdin)).as("cibadmin's standard input").contains("value=\"" + secret + "\"");
        }
        assertThat(commandLines).filteredOn(line -> line.contains("cibadmin"))
                .isNotEmpty()
                .allSatisfy(line -> assertThat(line).isEqualTo("CIB_file=/root/tandem-cib.xml cibadmin --modify --xml-pipe"));
        assertThat(commandLines.getLast()).as("pushed after the passwords are in").isEqualTo("pcs cluster cib-push /root/tandem-cib.xml --config");
    }

    private static void shim(Path path, String body) throws Exception {
        Files.writeString(path, "#!/bin/sh\n" + body + "\n");
        assertThat(path.toFile().setExecutable(true)).isTrue();
    }
}
