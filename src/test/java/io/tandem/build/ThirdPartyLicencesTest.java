package io.tandem.build;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ThirdPartyLicencesTest {

    @Test
    void readsTheTemplatesLines() {
        var libraries = ThirdPartyLicences.parse("""
                # a comment
                JSch\tcom.github.mwiede:jsch\t2.28.8\thttps://github.com/mwiede/jsch\tBSD 3-Clause License | ISC License
                Nameless\torg.example:x\t1.0\t\t
                """);
        assertThat(libraries).containsExactly(
                new ThirdPartyLicences.Library("JSch", "com.github.mwiede:jsch", "2.28.8", "https://github.com/mwiede/jsch",
                        List.of("BSD 3-Clause License", "ISC License")),
                new ThirdPartyLicences.Library("Nameless", "org.example:x", "1.0", "", List.of("licence not stated in its POM")));
        assertThatThrownBy(() -> ThirdPartyLicences.parse("JSch\tonly two")).hasMessageContaining("expected 5");
    }

    /** The list license-maven-plugin wrote for this build, from the libraries' POMs. */
    @Test
    void thisBuildListsItsLibrariesWithTheirLicences() {
        Map<String, List<String>> byCoordinates = ThirdPartyLicences.bundled().stream()
                .collect(Collectors.toMap(ThirdPartyLicences.Library::coordinates, ThirdPartyLicences.Library::licences));
        assertThat(byCoordinates).containsEntry("org.openjfx:javafx-controls", List.of("GPL 2.0 with the Classpath Exception"))
                .containsEntry("com.github.mwiede:jsch", List.of("BSD 3-Clause License", "ISC License"))
                .containsEntry("com.fasterxml.jackson.core:jackson-databind", List.of("Apache License 2.0"))
                .containsEntry("info.picocli:picocli", List.of("Apache License 2.0"))
                .doesNotContainKeys("org.junit.jupiter:junit-jupiter", "org.testfx:testfx-core", "org.apache.sshd:sshd-core");
    }
}
