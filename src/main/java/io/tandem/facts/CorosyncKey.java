package io.tandem.facts;

import java.util.ArrayList;
import java.util.List;

/**
 * What is wrong with a node's {@code /etc/corosync/authkey} as discovery found it (its size from
 * {@code stat}; its bytes are never read). Corosync refuses a key shorter than 1024 bits ("Could only
 * read N bits of minimum 1024 bits") and does not start; {@code corosync-keygen} writes 2048 bits.
 * A key others than root may read is a problem too (discovery lists its mode). An absent key is no
 * problem: apply generates one.
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
            case BINARY, PRESENT, TOO_LARGE -> {
                List<String> problems = new ArrayList<>();
                if (key.size() < MIN_BYTES) {
                    problems.add(PATH + " is " + key.size() + " bytes: corosync refuses a key under " + MIN_BYTES
                            + " bytes and will not start. Generate a new one with corosync-keygen (256 bytes) and copy it to both nodes.");
                }
                if (key.mode() != HostFile.MODE_NOT_LISTED && (key.mode() & 077) != 0) {
                    problems.add(PATH + " has mode " + String.format("%04o", key.mode()) + ": users other than root can read the key "
                            + "that authenticates cluster traffic, and with it join or forge messages. Run chmod 0400 " + PATH
                            + " on both nodes (corosync-keygen writes it 0400).");
                }
                yield List.copyOf(problems);
            }
            default -> List.of(PATH + " is " + key.state().description() + ": corosync cannot read it as its key.");
        };
    }
}
