package io.tandem.render;

import io.tandem.model.Secret;
import io.tandem.text.XmlWriter;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps secrets out of rendered text. A renderer writes {@link #ref} where a secret belongs; the
 * text holds only a reference until it is written out, revealed or redacted as asked. A plan, a
 * log line or an export without secrets therefore cannot contain one by accident.
 */
public final class SecretBook {

    // Control characters never pass validation, so a reference cannot be forged by a value. A
    // reference ends in \u0002, or in \u0003 when it sits inside XML (see inXml).
    private static final Pattern REF = Pattern.compile("\u0001([a-z0-9.-]+)([\u0002\u0003])");
    private static final String IN_XML = "\u0003";

    private final Map<String, Secret> secrets = new LinkedHashMap<>();

    /** Registers a secret under a stable name and returns the reference to put in the text. */
    public String ref(String name, Secret secret) {
        Secret previous = secrets.putIfAbsent(name, secret);
        if (previous != null && !previous.equals(secret)) {
            throw new IllegalStateException("two different secrets named " + name);
        }
        return "\u0001" + name + "\u0002";
    }

    /**
     * The same text with its references marked as sitting inside XML, so that they are escaped
     * for XML when resolved, whatever the file: a CIB fragment fed to cibadmin from a shell script.
     */
    public static String inXml(String text) {
        return REF.matcher(text).replaceAll(m -> Matcher.quoteReplacement("\u0001" + m.group(1) + IN_XML));
    }

    public Set<String> names() {
        return secrets.keySet();
    }

    /** Replaces references with the secret values or with {@code <redacted:NAME>}. */
    public String resolve(String text, SecretPolicy policy) {
        return resolve(text, policy, false);
    }

    /**
     * Replaces references with what {@code mask} makes of each secret (e.g. a keyed hash, so that two
     * texts can be compared without showing either secret); {@code xml} escapes the result.
     */
    public String mask(String text, java.util.function.Function<Secret, String> mask, boolean xml) {
        Matcher m = REF.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Secret secret = secrets.get(m.group(1));
            if (secret == null) {
                throw new IllegalStateException("unknown secret reference " + m.group(1));
            }
            String replacement = mask.apply(secret);
            if (xml || m.group(2).equals(IN_XML)) {
                replacement = XmlWriter.escape(replacement);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** As {@link #resolve(String, SecretPolicy)}; {@code xml} escapes the redaction marker's angle brackets. */
    public String resolve(String text, SecretPolicy policy, boolean xml) {
        Matcher m = REF.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            Secret secret = secrets.get(name);
            if (secret == null) {
                throw new IllegalStateException("unknown secret reference " + name);
            }
            boolean escape = xml || m.group(2).equals(IN_XML);
            String replacement = policy == SecretPolicy.REVEAL ? (escape ? XmlWriter.escape(secret.reveal()) : secret.reveal())
                    : escape ? "&lt;redacted:" + name + "&gt;" : "<redacted:" + name + ">";
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    /**
     * {@code text} with every secret value in it replaced by {@code <redacted:NAME>}: for what a tool
     * printed about files that held the real values (an error message may quote them).
     */
    public String hide(String text) {
        String hidden = text;
        for (Map.Entry<String, Secret> e : secrets.entrySet()) {
            if (!e.getValue().reveal().isEmpty()) {
                hidden = hidden.replace(e.getValue().reveal(), "<redacted:" + e.getKey() + ">");
            }
        }
        return hidden;
    }

    /** True when {@code text} refers to a secret. */
    public static boolean mentionsSecret(String text) {
        return REF.matcher(text).find();
    }
}
