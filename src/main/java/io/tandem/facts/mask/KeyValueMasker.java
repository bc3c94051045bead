package io.tandem.facts.mask;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Line formats of {@code key = value} ({@code iscsid.conf}, as open-iscsi reads it: the key up to
 * {@code =}, the value to the end of the line) or {@code key: value} ({@code corosync.conf}): the
 * value of a key that names a secret is masked, in a commented-out line as well.
 */
final class KeyValueMasker implements FormatMasker {

    static final KeyValueMasker EQUALS = new KeyValueMasker('=');
    static final KeyValueMasker COLON = new KeyValueMasker(':');

    private final Pattern setting;

    private KeyValueMasker(char separator) {
        String s = Pattern.quote(String.valueOf(separator));
        setting = Pattern.compile("(?m)^[ \\t]*(?:[#;][ \\t]*)?(?<key>[^\\s#;" + s + "]+)[ \\t]*" + s + "[ \\t]*(?<value>[^\\n]*?)[ \\t\\r]*$");
    }

    @Override
    public String mask(String text) {
        TextEdits edits = new TextEdits(text);
        Matcher m = setting.matcher(text);
        while (m.find()) {
            if (SecretKeyNames.isSecret(m.group("key"))) {
                MaskedValue.replace(edits, text, m.start("value"), m.end("value"));
            }
        }
        return edits.apply();
    }
}
