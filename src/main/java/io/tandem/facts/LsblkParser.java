package io.tandem.facts;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@code lsblk -J -b -O}. util-linux before 2.33 wrote every value as a string, 2.37 added
 * {@code mountpoints} (an array, {@code [null]} when unmounted) next to {@code mountpoint}; both
 * shapes are read.
 */
public final class LsblkParser {

    public static final String FACT = "lsblk -J";
    public static final String COMMAND = "lsblk -J -b -O";

    /** Deeper than any real stack (disk → partition → md → LVM → dm-crypt → DRBD); guards against loops in odd input. */
    private static final int MAX_DEPTH = 16;

    private LsblkParser() {
    }

    public static List<BlockDevice> parse(String output) throws FactParseException {
        JsonNode devices = JsonOutput.array(FACT, JsonOutput.read(FACT, output), "blockdevices");
        return devices(devices, 0);
    }

    private static List<BlockDevice> devices(JsonNode array, int depth) throws FactParseException {
        if (depth > MAX_DEPTH) {
            throw new FactParseException(FACT, "devices nested deeper than " + MAX_DEPTH);
        }
        List<BlockDevice> devices = new ArrayList<>();
        for (JsonNode device : array) {
            if (!device.isObject()) {
                throw new FactParseException(FACT, "expected an object per device, got " + device);
            }
            JsonNode children = device.get("children");
            devices.add(new BlockDevice(
                    JsonOutput.requiredText(FACT, device, "name"),
                    JsonOutput.text(device, "path"),
                    JsonOutput.requiredNumber(FACT, device, "size"),
                    JsonOutput.requiredText(FACT, device, "type"),
                    JsonOutput.text(device, "fstype"),
                    JsonOutput.text(device, "label"),
                    JsonOutput.text(device, "uuid"),
                    mountpoints(device),
                    JsonOutput.text(device, "serial"),
                    JsonOutput.text(device, "model"),
                    JsonOutput.text(device, "wwn"),
                    JsonOutput.text(device, "tran"),
                    JsonOutput.text(device, "pttype"),
                    JsonOutput.flag(FACT, device, "rota"),
                    JsonOutput.flag(FACT, device, "ro"),
                    children != null && children.isArray() ? devices(children, depth + 1) : List.of()));
        }
        return List.copyOf(devices);
    }

    private static List<String> mountpoints(JsonNode device) {
        if (device.has("mountpoints")) {
            return JsonOutput.strings(device, "mountpoints");
        }
        String single = JsonOutput.text(device, "mountpoint");
        return single == null ? List.of() : List.of(single);
    }
}
