package io.tandem.build;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The libraries bundled in Tandem's jar and their licences, as license-maven-plugin wrote them
 * from the libraries' POMs at build time ({@code THIRD-PARTY.txt}, template src/license/third-party.ftl):
 * nothing here is typed by hand.
 */
public final class ThirdPartyLicences {

    static final String RESOURCE = "/io/tandem/build/THIRD-PARTY.txt";

    /** One bundled library: its name, groupId:artifactId, version, project URL (may be empty) and licences. */
    public record Library(String name, String coordinates, String version, String url, List<String> licences) {
    }

    private ThirdPartyLicences() {
    }

    /** This build's list; empty when run from classes Maven did not build. */
    public static List<Library> bundled() {
        try (InputStream in = ThirdPartyLicences.class.getResourceAsStream(RESOURCE)) {
            return in == null ? List.of() : parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE + " from the jar", e);
        }
    }

    /** Reads the template's lines: tab-separated fields, licences separated by " | ", "#" comments. */
    static List<Library> parse(String text) {
        List<Library> libraries = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t", -1);
            if (f.length != 5) {
                throw new IllegalArgumentException("THIRD-PARTY.txt: expected 5 tab-separated fields, got " + f.length + " in: " + line);
            }
            List<String> licences = f[4].isBlank() ? List.of("licence not stated in its POM") : List.of(f[4].split(" \\| "));
            libraries.add(new Library(f[0].strip(), f[1], f[2], f[3], licences));
        }
        return List.copyOf(libraries);
    }
}
