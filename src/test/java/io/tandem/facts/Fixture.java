package io.tandem.facts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Captured command outputs under src/test/resources/fixtures (see fixtures/local/README.md). */
final class Fixture {

    private Fixture() {
    }

    /** Captured on the Debian 12 VM lab (node1, node2, client). */
    static String vmlab(String name) {
        return read("vmlab/" + name);
    }

    /** Captured on the development machine, or written by hand where the file name says so. */
    static String local(String name) {
        return read("local/" + name);
    }

    static String tutorial(String name) {
        return read("tutorial/" + name);
    }

    private static String read(String relative) {
        try (InputStream in = Fixture.class.getResourceAsStream("/fixtures/" + relative)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + relative);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
