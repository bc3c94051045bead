package io.tandem.facts;

import java.util.List;

/**
 * What is wrong with a node's {@code /etc/corosync/authkey} as discovery found it (its size from
 * {@code stat}; its bytes are never read). Corosync refuses a key shorter than 1024 bits ("Could only
 * read N bits of minimum 1024 bits") and does not start; {@code corosync-keygen} writes 2048 bits.
 * An absent key is no problem: apply generates one.
 */
public final class CorosyncKey {

    public static final String PATH = "/etc/corosync/authkey";
    /** Corosync's minimum (TOTEM_PRIVATE_KEY_LEN_MIN, 1024 bits). */
    public static final int MIN_BYTES = 128;

    private CorosyncKey() {
    }

    public static List<String> problems(HostFile key) {
        return switch (key.state()) {
            case ABSENT -> List.of();
            case BINARY, PRESENT, TOO_LARGE -> key.size() < MIN_BYTES
                    ? List.of(PATH + " is " + key.size() + " bytes: corosync refuses a key under " + MIN_BYTES
                    + " bytes and will not start. Generate a new one with corosync-keygen (256 bytes) and copy it to both nodes.")
                    : List.of();
            default -> List.of(PATH + " is " + key.state().description() + ": corosync cannot read it as its key.");
        };
    }
}
