package io.tandem.render;

import io.tandem.model.ProjectValidator;
import io.tandem.testing.Golden;
import io.tandem.testing.Variants;
import io.tandem.testing.Variants.Variant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every rendered file of every variant equals its golden file (secrets redacted), and no golden file is stale. */
class RenderGoldenTest {

    static List<Variant> variants() {
        return Variants.all();
    }

    @ParameterizedTest
    @MethodSource("variants")
    void renderedFilesMatchTheGoldenFiles(Variant variant) throws IOException {
        assertThat(ProjectValidator.hasErrors(ProjectValidator.validate(variant.project()))).isFalse();
        FileSet files = Renderers.render(variant.project());
        List<String> expected = files.files().stream().map(f -> variant.name() + "/" + f.host() + f.path()).sorted().toList();
        for (RenderedFile file : files.files()) {
            Golden.assertMatches(variant.name() + "/" + file.host() + file.path(), files.text(file, SecretPolicy.REDACT));
        }
        Path dir = Golden.root().resolve(variant.name());
        try (Stream<Path> walk = Files.walk(dir)) {
            List<String> present = walk.filter(Files::isRegularFile).map(p -> Golden.root().relativize(p).toString()).sorted().toList();
            assertThat(present).as("golden files without a rendered file are stale").containsExactlyElementsOf(expected);
        }
    }

    @ParameterizedTest
    @MethodSource("variants")
    void renderingIsDeterministic(Variant variant) {
        FileSet a = Renderers.render(variant.project());
        FileSet b = Renderers.render(variant.project());
        assertThat(a.files()).isEqualTo(b.files());
    }
}
