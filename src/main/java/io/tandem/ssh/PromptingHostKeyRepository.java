package io.tandem.ssh;

import com.jcraft.jsch.HostKey;
import com.jcraft.jsch.HostKeyRepository;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.UserInfo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Bridges JSch's host-key check to {@link HostKeyStore} and the {@link HostKeyPrompt}, for one
 * target. JSch runs with StrictHostKeyChecking=yes; the asking happens here, so the decision and
 * the reason for a refusal are known exactly (and turned into typed failures).
 */
final class PromptingHostKeyRepository implements HostKeyRepository {

    enum Outcome { NOT_CHECKED, KNOWN, ACCEPTED_NEW, REFUSED_NEW, CHANGED, REVOKED }

    private final SshTarget target;
    private final HostKeyStore store;
    private final HostKeyPrompt prompt;
    private volatile Outcome outcome = Outcome.NOT_CHECKED;
    private volatile String fingerprint = "";
    private volatile String keyType = "";
    private volatile Path decidedBy;

    PromptingHostKeyRepository(SshTarget target, HostKeyStore store, HostKeyPrompt prompt) {
        this.target = target;
        this.store = store;
        this.prompt = prompt;
    }

    @Override
    public int check(String host, byte[] key) {
        fingerprint = HostKeyFingerprint.sha256(key);
        keyType = HostKeyFingerprint.keyType(key);
        try {
            HostKeyStore.Verdict verdict = store.check(target, key);
            decidedBy = verdict.file();
            switch (verdict.verdict()) {
                case REVOKED -> {
                    outcome = Outcome.REVOKED;
                    return CHANGED;
                }
                case MATCH -> {
                    outcome = Outcome.KNOWN;
                    return OK;
                }
                case MISMATCH -> {
                    outcome = Outcome.CHANGED;
                    return CHANGED;
                }
                default -> {
                    if (prompt.trust(new HostKeyPrompt.UnknownKey(target.host(), target.port(), keyType, fingerprint))) {
                        store.add(target, key);
                        outcome = Outcome.ACCEPTED_NEW;
                        return OK;
                    }
                    outcome = Outcome.REFUSED_NEW;
                    return NOT_INCLUDED;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write the known-hosts files", e);
        }
    }

    Outcome outcome() {
        return outcome;
    }

    String fingerprint() {
        return fingerprint;
    }

    String keyType() {
        return keyType;
    }

    /** The known-hosts file that revoked, trusted or contradicted the key. */
    Path decidedBy() {
        return decidedBy;
    }

    @Override
    public void add(HostKey hostkey, UserInfo ui) {
        // Keys are added in check(), after the prompt; JSch's own add path is not used.
    }

    @Override
    public void remove(String host, String type) {
        throw new UnsupportedOperationException("Tandem never removes trusted host keys by itself");
    }

    @Override
    public void remove(String host, String type, byte[] key) {
        throw new UnsupportedOperationException("Tandem never removes trusted host keys by itself");
    }

    @Override
    public String getKnownHostsRepositoryID() {
        return "tandem-known-hosts";
    }

    @Override
    public HostKey[] getHostKey() {
        return getHostKey(null, null);
    }

    /**
     * The keys on file for this target. JSch asks before the key exchange and puts the key types
     * found here first in its list of host-key algorithms, as OpenSSH does: a server that has
     * several keys then shows the one on file, and any other key it shows is a changed one.
     */
    @Override
    public HostKey[] getHostKey(String host, String type) {
        List<HostKey> keys = new ArrayList<>();
        try {
            for (byte[] blob : store.knownKeys(target)) {
                try {
                    HostKey key = new HostKey(target.knownHostsName(), blob);
                    if (type == null || type.equals(key.getType())) {
                        keys.add(key);
                    }
                } catch (JSchException | RuntimeException e) {
                    // A key type JSch cannot read: it cannot be preferred either.
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the known-hosts files", e);
        }
        return keys.toArray(new HostKey[0]);
    }
}
