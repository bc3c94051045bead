package io.tandem.facts.mask;

import io.tandem.model.Secret;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * What a masked secret looks like: {@code {masked:1a2b3c}}, a keyed hash whose key is random and
 * lives only in this process, so two equal secrets show the same mask (Review can tell a changed
 * secret from an unchanged one) while the mask says nothing about the value to anyone else.
 */
public final class MaskToken {

    public static final Pattern PATTERN = Pattern.compile("\\{masked:[0-9a-f]{6}}");

    private static final byte[] KEY = new SecureRandom().generateSeed(32);
    // A Mac is not thread-safe, and making one per secret costs more than the masking.
    private static final ThreadLocal<Mac> MAC = ThreadLocal.withInitial(MaskToken::newMac);

    private MaskToken() {
    }

    /** The mask of one secret value: equal values, equal masks, in this process only. */
    public static String of(String secret) {
        byte[] hash = MAC.get().doFinal(secret.getBytes(StandardCharsets.UTF_8));
        return "{masked:" + HexFormat.of().formatHex(hash, 0, 3) + "}";
    }

    private static Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(KEY, "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** True for a value that is a mask already: masking twice changes nothing. */
    static boolean isMask(String value) {
        return PATTERN.matcher(value).matches();
    }

    /** True when there is something to hide: not empty, not blank, not a mask already, not the placeholder of a secret set later. */
    static boolean hides(String value) {
        return !value.isBlank() && !isMask(value) && !Secret.SET_BELOW.equals(value);
    }
}
