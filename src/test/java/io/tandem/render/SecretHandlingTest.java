package io.tandem.render;

import io.tandem.model.Credentials;
import io.tandem.model.FenceDevice;
import io.tandem.model.Project;
import io.tandem.model.Secret;
import io.tandem.testing.Variants;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Secrets appear only when revealed on purpose, and redaction names every one of them. */
class SecretHandlingTest {

    static List<Variants.Variant> variants() {
        return Variants.all();
    }

    @ParameterizedTest
    @MethodSource("variants")
    void redactedTextHoldsNoSecretAndRevealedTextHoldsThemAll(Variants.Variant variant) {
        Project project = variant.project();
        FileSet files = Renderers.render(project);
        List<String> secrets = secretsOf(project);
        StringBuilder revealed = new StringBuilder();
        for (RenderedFile file : files.files()) {
            String redacted = files.text(file, SecretPolicy.REDACT);
            String raw = file.content();
            String shown = files.text(file, SecretPolicy.REVEAL);
            for (String secret : secrets) {
                // Short tutorial secrets ("secret", "password") are also ordinary words in these files.
                if (secret.length() > 8) {
                    assertThat(raw).as("raw %s:%s", file.host(), file.path()).doesNotContain(secret);
                    assertThat(redacted).as("%s:%s", file.host(), file.path()).doesNotContain(secret);
                }
            }
            String[] redactedLines = redacted.split("\n", -1);
            String[] shownLines = shown.split("\n", -1);
            assertThat(redactedLines).hasSameSizeAs(shownLines);
            for (int i = 0; i < shownLines.length; i++) {
                if (!shownLines[i].equals(redactedLines[i])) {
                    assertThat(redactedLines[i]).as("a line that differs only by its secret").contains("redacted:");
                }
            }
            if (SecretBook.mentionsSecret(raw)) {
                assertThat(redacted).contains("redacted:");
                assertThat(file.mode() & 0077).as("%s holds a secret and must not be readable by others", file.path()).isZero();
            }
            revealed.append(files.text(file, SecretPolicy.REVEAL));
        }
        for (String name : files.secrets().names()) {
            assertThat(name).matches("[a-z0-9.-]+");
        }
        assertThat(revealed.toString()).contains(project.chap().incoming().secret().reveal(), project.replication().sharedSecret().reveal());
    }

    private static List<String> secretsOf(Project project) {
        List<String> secrets = new ArrayList<>();
        secrets.add(project.replication().sharedSecret().reveal());
        for (Credentials c : new Credentials[] {project.chap().incoming(), project.chap().outgoing(), project.chap().discovery()}) {
            if (c != null) {
                secrets.add(c.secret().reveal());
            }
        }
        project.cluster().stonith().devices().stream().map(FenceDevice::password).map(Secret::reveal).forEach(secrets::add);
        if (project.cluster().heartbeat() != null) {
            secrets.add(project.cluster().heartbeat().authKey().reveal());
        }
        return secrets;
    }
}
