package io.tandem.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Captured command outputs under src/test/resources/fixtures (each folder's README says how they were made). */
public final class Fixtures {

    private Fixtures() {
    }

    /** Captured on the Debian 12 VM labs (node1, node2, client): fixtures/vmlab/README.md. */
    public static String vmlab(String name) {
        return read("vmlab/" + name);
    }

    /** Captured on the development machine, or written by hand where the file name says so: fixtures/local/README.md. */
    public static String local(String name) {
        return read("local/" + name);
    }

    public static String read(String relative) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/" + relative)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + relative);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
