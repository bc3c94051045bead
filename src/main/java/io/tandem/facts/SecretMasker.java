package io.tandem.facts;

import io.tandem.facts.mask.FileKind;
import io.tandem.facts.mask.MaskToken;

import java.util.regex.Pattern;

/**
 * Replaces the secrets in a configuration file read from a host before the text goes anywhere. The
 * file is read as the format its path says it is ({@link FileKind}: DRBD's grammar, XML for a CIB,
 * YAML for netplan, JSON, ifupdown, fstab options, shell words, {@code key = value} lines…), so a
 * secret is found wherever that format lets it stand: on the next line, quoted or not, escaped, in
 * a flow mapping or a block scalar. A file that cannot be read as its format is masked whole.
 *
 * <p>A secret becomes {@code {masked:1a2b3c}} ({@link MaskToken}): a keyed hash whose key lives
 * only in this process, so two equal secrets show the same mask (Review can tell a changed secret
 * from an unchanged one) while the mask says nothing about the value to anyone else.
 */
public final class SecretMasker {

    /** What a masked secret looks like; no character of it is special in XML, JSON or shell (YAML quotes it). */
    public static final Pattern TOKEN = MaskToken.PATTERN;

    private SecretMasker() {
    }

    /** The text of the file at {@code path} with every secret replaced by its mask; a text without secrets comes back unchanged. */
    public static String mask(String path, String text) {
        return FileKind.of(path).mask(text);
    }

    /** The mask of one secret value: equal values, equal masks, in this process only. */
    public static String token(String secret) {
        return MaskToken.of(secret);
    }
}
