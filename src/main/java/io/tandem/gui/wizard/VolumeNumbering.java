package io.tandem.gui.wizard;

import io.tandem.model.ProjectDraft;
import io.tandem.model.ValuePatterns;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The names and numbers of a volume added to a draft, after those it has: resource {@code rN}
 * with the lowest free N, the next DRBD minor and port, the next LUN number (from 1 with tgt,
 * which keeps LUN 0 for itself) and a serial that continues the project's hexadecimal serials
 * ({@code 5a7c00000002} → {@code 5a7c00000003}), unique among them.
 */
record VolumeNumbering(String name, int minor, int port, int lun, String serial) {

    static final int FIRST_PORT = 7789;
    private static final String RESOURCES = "$.replication.resources";
    private static final String LUNS = "$.target.luns";

    static VolumeNumbering next(ProjectDraft draft) {
        Set<String> names = new HashSet<>();
        int minor = 0;
        int port = FIRST_PORT;
        for (int r = 0; r < draft.size(RESOURCES); r++) {
            names.add(draft.text(RESOURCES + "[" + r + "].name"));
            minor = Math.max(minor, draft.get(RESOURCES + "[" + r + "].minor").asInt(-1) + 1);
            port = Math.max(port, draft.get(RESOURCES + "[" + r + "].port").asInt(0) + 1);
        }
        int index = 0;
        while (names.contains("r" + index)) {
            index++;
        }
        boolean tgt = "tgt".equals(draft.text("$.target.implementation"));
        int lun = tgt ? 1 : 0;
        Set<String> serials = new HashSet<>();
        for (int l = 0; l < draft.size(LUNS); l++) {
            lun = Math.max(lun, draft.get(LUNS + "[" + l + "].number").asInt(-1) + 1);
            serials.add(draft.text(LUNS + "[" + l + "].serial"));
        }
        return new VolumeNumbering("r" + index, minor, port, lun, nextSerial(serials));
    }

    /** "tandem-r2" when it fits a SCSI product id (16 characters). */
    Optional<String> productId() {
        String id = "tandem-" + name;
        return ValuePatterns.PRODUCT_ID.matches(id) ? Optional.of(id) : Optional.empty();
    }

    /**
     * The highest hexadecimal serial plus one, as wide: higher than every serial of that kind, so
     * unique. A random one when the project has none to follow.
     */
    static String nextSerial(Set<String> used) {
        long highest = -1;
        int width = 12;
        for (String serial : used) {
            if (serial.matches("[0-9a-f]{4,15}") && Long.parseLong(serial, 16) > highest) {
                highest = Long.parseLong(serial, 16);
                width = serial.length();
            }
        }
        long next = highest < 0 ? new SecureRandom().nextLong(1L << 40, 1L << 47) : highest + 1;
        return String.format("%0" + width + "x", next);
    }
}
