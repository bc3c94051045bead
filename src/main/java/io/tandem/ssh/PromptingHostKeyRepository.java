package io.tandem.ssh;

import com.jcraft.jsch.HostKey;
import com.jcraft.jsch.HostKeyRepository;
import com.jcraft.jsch.UserInfo;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Bridges JSch's host-key check to {@link HostKeyStore} and the {@link HostKeyPrompt}, for one
 * target. JSch runs with StrictHostKeyChecking=yes; the asking happens here, so the decision and
 * the reason for a refusal are known exactly (and turned into typed failures).
 */
final class PromptingHostKeyRepository implements HostKeyRepository {

    enum Outcome { NOT_CHECKED, KNOWN, ACCEPTED_NEW, REFUSED_NEW, CHANGED }

    private final SshTarget target;
    private final HostKeyStore store;
    private final HostKeyPrompt prompt;
    private volatile Outcome outcome = Outcome.NOT_CHECKED;
    private volatile String fingerprint = "";
    private volatile String keyType = "";

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
            switch (store.check(target, key)) {
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
        return new HostKey[0];
    }

    @Override
    public HostKey[] getHostKey(String host, String type) {
        return new HostKey[0];
    }
}
