package io.tandem.model;

import java.util.regex.Pattern;

/** iSCSI qualified names as RFC 3720 §3.2.6.3.1 defines them. */
public final class Iqn {

    private static final String LABEL = "[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?";
    // The naming authority needs two labels or more: LIO refuses "iqn.2024-01.lab:x".
    private static final Pattern IQN = Pattern.compile(
            "iqn\\.[0-9]{4}-(0[1-9]|1[0-2])\\." + LABEL + "(\\." + LABEL + ")+(:[a-z0-9][a-z0-9.:_-]*)?");

    private Iqn() {
    }

    public static boolean isValid(String iqn) {
        return iqn != null && iqn.length() <= 223 && IQN.matcher(iqn).matches();
    }

    /** Why {@code iqn} is invalid, in plain words. */
    public static String explain(String iqn) {
        if (!iqn.equals(iqn.toLowerCase())) {
            return "IQNs are lower-case";
        }
        if (!iqn.startsWith("iqn.")) {
            return "an IQN starts with 'iqn.'";
        }
        if (!iqn.matches("iqn\\.[0-9]{4}-(0[1-9]|1[0-2])\\..*")) {
            return "after 'iqn.' comes the year and month the domain was owned, as yyyy-mm";
        }
        String authority = iqn.substring(12).split(":", 2)[0];
        if (!authority.contains(".")) {
            return "the naming authority '" + authority + "' must be a reversed domain with at least two labels (e.g. com.example)";
        }
        if (iqn.length() > 223) {
            return "an IQN is at most 223 characters";
        }
        return "only lower-case letters, digits, '.', '-' and, after ':', also ':' and '_' are allowed";
    }
}
