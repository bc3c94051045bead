package io.tandem.facts;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads {@code sbd -d DEVICE list} (sbd 1.5): one line per allocated slot,
 * {@code SLOT<TAB>NODE<TAB>MESSAGE<TAB>SENDER}: the message waiting for that node ({@code clear}
 * when none; {@code reset}, {@code off}, {@code crashdump}, {@code test} otherwise) and the host that
 * wrote it (empty until a message was sent). A node gets its slot when its sbd daemon first starts
 * on the disk. A disk without an SBD header, or one that cannot be read, prints nothing and exits 1
 * ("NOT dumped" / "unreadable" on stderr); that is for the caller to tell from the exit status.
 */
public final class SbdSlots {

    public static final String FACT = "sbd list";

    private SbdSlots() {
    }

    /** A slot: its number, the node that owns it, the message waiting for it and who sent that (null when nobody did). */
    public record Slot(int slot, String node, String message, String sender) {

        public boolean clear() {
            return message.equals("clear");
        }
    }

    public static String command(String device) {
        return "sbd -d " + io.tandem.text.ShellQuote.quote(device) + " list";
    }

    public static List<Slot> parse(String output) throws FactParseException {
        List<Slot> slots = new ArrayList<>();
        for (String line : output.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            String[] fields = line.split("\t", -1);
            if (fields.length < 3 || fields.length > 4 || !fields[0].matches("\\d{1,3}") || fields[1].isBlank()
                    || !fields[2].matches("[a-z]{1,20}")) {
                throw new FactParseException(FACT, "expected 'slot<TAB>node<TAB>message<TAB>sender', got: " + line.strip());
            }
            String sender = fields.length == 4 ? fields[3].strip() : "";
            slots.add(new Slot(Integer.parseInt(fields[0]), fields[1], fields[2], sender.isEmpty() ? null : sender));
        }
        return List.copyOf(slots);
    }

    public static Optional<Slot> of(List<Slot> slots, String node) {
        return slots.stream().filter(s -> s.node().equals(node)).findFirst();
    }
}
