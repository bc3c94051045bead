package io.tandem.model;

import java.security.SecureRandom;

/** Strong random secrets from an alphabet that survives every config syntax and is easy to read aloud. */
public final class SecretGenerator {

    // No 0/O, 1/l/I: secrets are sometimes typed from a screen into a Windows initiator.
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private SecretGenerator() {
    }

    /** 16 characters: the longest CHAP secret every initiator accepts, about 93 bits. */
    public static Secret chapSecret() {
        return generate(16);
    }

    public static Secret generate(int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return Secret.of(out.toString());
    }
}
