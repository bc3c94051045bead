package io.tandem.facts.mask;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * IET's {@code ietd.conf} and tgt's {@code targets.conf}: {@code IncomingUser NAME SECRET} and
 * {@code OutgoingUser NAME SECRET} (any case; the secret is the rest of the line), and any other
 * {@code Keyword value} line whose keyword names a secret; commented-out lines as well.
 */
final class IetdConfMasker implements FormatMasker {

    private static final Pattern USER = Pattern.compile(
            "(?im)^[ \\t]*(?:#[ \\t]*)?(?:incominguser|outgoinguser)[ \\t]+\\S+[ \\t]+(?<value>[^\\n]*?)[ \\t\\r]*$");
    private static final Pattern SETTING = Pattern.compile("(?m)^[ \\t]*(?:#[ \\t]*)?(?<key>[A-Za-z][\\w.-]*)[ \\t]+(?<value>[^\\n]*?)[ \\t\\r]*$");

    @Override
    public String mask(String text) {
        TextEdits edits = new TextEdits(text);
        Matcher user = USER.matcher(text);
        while (user.find()) {
            MaskedValue.replace(edits, text, user.start("value"), user.end("value"));
        }
        Matcher setting = SETTING.matcher(text);
        while (setting.find()) {
            String key = setting.group("key");
            if (SecretKeyNames.isSecret(key) && !key.equalsIgnoreCase("incominguser") && !key.equalsIgnoreCase("outgoinguser")) {
                MaskedValue.replace(edits, text, setting.start("value"), setting.end("value"));
            }
        }
        return edits.apply();
    }
}
