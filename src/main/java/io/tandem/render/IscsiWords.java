package io.tandem.render;

/** How iSCSI configuration syntaxes (RFC 7143 keys, IET, open-iscsi) spell booleans. */
public final class IscsiWords {

    private IscsiWords() {
    }

    public static String yesNo(boolean value) {
        return value ? "Yes" : "No";
    }
}
