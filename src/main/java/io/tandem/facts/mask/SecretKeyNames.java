package io.tandem.facts.mask;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Whether a setting's name says its value is a secret, in any of the formats: {@code shared-secret},
 * {@code node.session.auth.password_in}, {@code wpa-psk}, {@code wireless-key1}, the fence agents'
 * {@code password}, {@code passwd}, {@code auth_key}, {@code hexadecimal_kg}, {@code snmp_priv_passwd},
 * {@code community}, iSCSITarget's {@code incoming_password}, netplan's wireguard {@code keys}.
 * It errs on the side of masking: a non-secret value under such a name is masked too, which hides
 * a little information but never a secret. A name that only mentions a key on the way
 * ({@code login_keys_workaround}, {@code key-management}) is not a secret's; nor are corosync's
 * {@code token} (a timeout) and {@code authmethod}, whose values Review should show.
 */
final class SecretKeyNames {

    /** Parts that name a secret wherever they stand in a name ({@code chap_mutual_password}, {@code password_in}). */
    private static final List<String> CLEARLY = List.of("passw", "passphrase", "secret", "psk", "authkey", "apikey");
    /** Words that name a secret when a name ends with them ({@code auth_key}, {@code wireless-key1}, {@code hexadecimal_kg}). */
    private static final Set<String> LAST_WORDS = Set.of("pass", "pwd", "key", "keys", "community", "kg");

    private SecretKeyNames() {
    }

    static boolean isSecret(String name) {
        if (isClearlySecret(name)) {
            return true;
        }
        return LAST_WORDS.contains(lastWord(name).toLowerCase(Locale.ROOT));
    }

    /** The last word of a name: ASCII letters after the last other character or camelCase step ({@code authKey} → {@code Key}). */
    private static String lastWord(String name) {
        int end = name.length();
        while (end > 0 && !isLetter(name.charAt(end - 1))) {
            end--;
        }
        int start = end;
        while (start > 0 && isLetter(name.charAt(start - 1))) {
            start--;
            if (Character.isUpperCase(name.charAt(start)) && start > 0 && Character.isLowerCase(name.charAt(start - 1))) {
                break;
            }
        }
        return name.substring(start, end);
    }

    private static boolean isLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    /**
     * Only the names that cannot mean anything else: for XML attribute names, where a CIB's
     * {@code transition-key} and {@code operation_key} are no secrets.
     */
    static boolean isClearlySecret(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        for (String part : CLEARLY) {
            if (lower.contains(part)) {
                return true;
            }
        }
        return false;
    }
}
