package io.tandem.facts;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces the secrets in a configuration file read from a host before the text goes anywhere:
 * CHAP passwords (iscsid.conf, ietd.conf, tgt's targets.conf, targetcli's saveconfig.json), DRBD
 * {@code shared-secret}, Heartbeat authkeys, passwords in a CIB or any {@code *password* = value}
 * line. Every rule applies to every file: a secret in an unexpected place is masked too.
 *
 * <p>A secret becomes {@code {masked:1a2b3c}}: a keyed hash whose key is random and lives only in
 * this process, so two equal secrets show the same mask (the Review step can tell a changed secret
 * from an unchanged one) while the mask says nothing about the value to anyone else.
 */
public final class SecretMasker {

    /** What a masked secret looks like; no character of it is special in XML, JSON, YAML or shell. */
    public static final Pattern TOKEN = Pattern.compile("\\{masked:[0-9a-f]{6}}");

    private static final byte[] KEY = new SecureRandom().generateSeed(32);

    // A value: double-quoted (with escapes), single-quoted, or one word / the rest of the line.
    private static final String QUOTED = "\"(?:[^\"\\\\\\n]|\\\\.)*\"|'[^'\\n]*'";

    /** One way secrets are written: group "v" is the value, possibly quoted, and {@code decode} gives the secret itself. */
    private record Rule(Pattern pattern, UnaryOperator<String> decode) {
    }

    private static final List<Rule> RULES = List.of(
            // DRBD: shared-secret "value"; quoted, or bare and ended by ';' (so the option list in a stock comment stays)
            new Rule(Pattern.compile("(?i)\\bshared-secret[ \\t]+(?<v>" + QUOTED + "|[^\\s;]+(?=[ \\t]*;))"), SecretMasker::unquote),
            // IET ietd.conf and tgt targets.conf: IncomingUser NAME SECRET / OutgoingUser NAME SECRET
            new Rule(Pattern.compile("(?im)^[ \\t]*(?:incominguser|outgoinguser)[ \\t]+\\S+[ \\t]+(?<v>" + QUOTED + "|\\S(?:[^\\n]*\\S)?)[ \\t]*$"),
                    SecretMasker::unquote),
            // Heartbeat authkeys: "N md5 KEY" / "N sha1 KEY" (crc has no key)
            new Rule(Pattern.compile("(?im)^[ \\t]*\\d+[ \\t]+(?:md5|sha1)[ \\t]+(?<v>\\S(?:[^\\n]*\\S)?)[ \\t]*$"), v -> v),
            // JSON (targetcli saveconfig.json): "chap_password": "value", "chap_mutual_password": ...
            new Rule(Pattern.compile("(?i)\"[^\"\\n]*(?:password|passwd|secret)[^\"\\n]*\"[ \\t]*:[ \\t]*(?<v>\"(?:[^\"\\\\\\n]|\\\\.)*\")"),
                    SecretMasker::unquote),
            // key = value / key: value, also commented out (iscsid.conf, netplan, any config): the key names a password or secret
            new Rule(Pattern.compile("(?im)^[ \\t]*[#;]?[ \\t]*[\\w.\\[\\]-]*(?:password|passwd|secret)[\\w.\\[\\]-]*[ \\t]*[=:][ \\t]*"
                    + "(?<v>" + QUOTED + "|\\S(?:[^\\n]*\\S)?)[ \\t]*$"), SecretMasker::unquote));

    // XML (a CIB): the value attribute of an element whose name attribute names a password or secret, either order.
    private static final Pattern XML_TAG = Pattern.compile("<[A-Za-z][^<>]*>");
    private static final Pattern XML_SECRET_NAME = Pattern.compile("(?i)\\bname[ \\t]*=[ \\t]*([\"'])[^\"'<>]*(?:pass|secret)[^\"'<>]*\\1");
    private static final Pattern XML_VALUE = Pattern.compile("\\bvalue[ \\t]*=[ \\t]*(?<v>\"[^\"]*\"|'[^']*')");

    private SecretMasker() {
    }

    /** The text with every secret replaced by its mask; text without secrets comes back unchanged. */
    public static String mask(String text) {
        String out = text;
        for (Rule rule : RULES) {
            out = replace(out, rule.pattern(), rule.decode());
        }
        return maskXml(out);
    }

    /** The mask of one secret value: equal values, equal masks, in this process only. */
    public static String token(String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(KEY, "HmacSHA256"));
            byte[] hash = mac.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            return "{masked:" + HexFormat.of().formatHex(hash, 0, 3) + "}";
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private static String replace(String text, Pattern pattern, UnaryOperator<String> decode) {
        Matcher m = pattern.matcher(text);
        StringBuilder out = new StringBuilder();
        int last = 0;
        while (m.find()) {
            String value = m.group("v");
            String inner = decode.apply(value);
            if (TOKEN.matcher(inner).matches() || inner.isEmpty()) {
                continue;
            }
            String quote = quoted(value) ? value.substring(0, 1) : "";
            out.append(text, last, m.start("v")).append(quote).append(token(inner)).append(quote);
            last = m.end("v");
        }
        return last == 0 ? text : out.append(text, last, text.length()).toString();
    }

    private static String maskXml(String text) {
        Matcher tag = XML_TAG.matcher(text);
        StringBuilder out = new StringBuilder();
        int last = 0;
        while (tag.find()) {
            String element = tag.group();
            if (XML_SECRET_NAME.matcher(element).find()) {
                out.append(text, last, tag.start()).append(replace(element, XML_VALUE, v -> unescapeXml(v.substring(1, v.length() - 1))));
                last = tag.end();
            }
        }
        return last == 0 ? text : out.append(text, last, text.length()).toString();
    }

    private static boolean quoted(String value) {
        return value.length() >= 2 && (value.charAt(0) == '"' || value.charAt(0) == '\'') && value.endsWith(value.substring(0, 1));
    }

    /** The value without its quotes, backslash escapes of a double-quoted value undone; an unbalanced quote is part of the value. */
    static String unquote(String value) {
        if (!quoted(value)) {
            return value;
        }
        String inner = value.substring(1, value.length() - 1);
        return value.charAt(0) == '"' ? inner.replaceAll("\\\\(.)", "$1") : inner;
    }

    private static String unescapeXml(String value) {
        return value.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'").replace("&amp;", "&");
    }
}
