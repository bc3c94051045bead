package io.tandem.export;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;

/** {@code MANIFEST.sha256} in the format {@code sha256sum -c} reads. */
final class Manifest {

    record Entry(String relativePath, String sha256) {
    }

    private Manifest() {
    }

    static String render(List<Entry> entries) {
        return entries.stream()
                .sorted(Comparator.comparing(Entry::relativePath))
                .map(e -> e.sha256() + "  " + e.relativePath())
                .collect(Collectors.joining("\n", "", "\n"));
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
