package io.tandem.ssh;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/** OpenSSH's way to name a public key: its type from the key blob and {@code SHA256:} + unpadded base64 digest. */
public final class HostKeyFingerprint {

    private HostKeyFingerprint() {
    }

    public static String sha256(byte[] keyBlob) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(keyBlob);
            return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** The key type written at the start of every SSH public key blob, e.g. {@code ssh-ed25519}. */
    public static String keyType(byte[] keyBlob) {
        if (keyBlob.length < 4) {
            return "unknown";
        }
        ByteBuffer buffer = ByteBuffer.wrap(keyBlob);
        int length = buffer.getInt();
        if (length <= 0 || length > keyBlob.length - 4 || length > 64) {
            return "unknown";
        }
        return new String(keyBlob, 4, length, StandardCharsets.US_ASCII);
    }
}
