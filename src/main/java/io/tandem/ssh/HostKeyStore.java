package io.tandem.ssh;

import io.tandem.files.AtomicFile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Trusted host keys: the user's {@code ~/.ssh/known_hosts} (read only) and Tandem's own store
 * (where keys the user accepts in Tandem are added). A key that differs from a known one is
 * never accepted here, whatever the prompt would say.
 */
public final class HostKeyStore {

    private final List<Path> readOnly;
    private final Path store;

    public HostKeyStore(List<Path> readOnly, Path store) {
        this.readOnly = List.copyOf(readOnly);
        this.store = store;
    }

    /** {@code ~/.ssh/known_hosts} plus {@code ~/.config/tandem/known_hosts}. */
    public static HostKeyStore forCurrentUser() {
        Path home = Path.of(System.getProperty("user.home"));
        return new HostKeyStore(List.of(home.resolve(".ssh/known_hosts")), home.resolve(".config/tandem/known_hosts"));
    }

    public KnownHostsFile.Verdict check(SshTarget target, byte[] keyBlob) throws IOException {
        String type = HostKeyFingerprint.keyType(keyBlob);
        boolean mismatch = false;
        for (Path file : allFiles()) {
            KnownHostsFile.Verdict verdict = KnownHostsFile.read(file).check(target.knownHostsName(), type, keyBlob);
            if (verdict == KnownHostsFile.Verdict.MATCH) {
                return verdict;
            }
            mismatch |= verdict == KnownHostsFile.Verdict.MISMATCH;
        }
        return mismatch ? KnownHostsFile.Verdict.MISMATCH : KnownHostsFile.Verdict.UNKNOWN;
    }

    /** Remembers an accepted key: the whole store rewritten atomically, mode 0600. */
    public synchronized void add(SshTarget target, byte[] keyBlob) throws IOException {
        Files.createDirectories(store.getParent());
        String existing = Files.exists(store) ? Files.readString(store, StandardCharsets.UTF_8) : "";
        if (!existing.isEmpty() && !existing.endsWith("\n")) {
            existing += "\n";
        }
        String line = KnownHostsFile.line(target.knownHostsName(), HostKeyFingerprint.keyType(keyBlob), keyBlob) + "\n";
        AtomicFile.write(store, existing + line, AtomicFile.OWNER_ONLY);
    }

    public Path store() {
        return store;
    }

    private List<Path> allFiles() {
        java.util.ArrayList<Path> all = new java.util.ArrayList<>(readOnly);
        all.add(store);
        return all;
    }
}
