package io.tandem.facts;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads {@code sfdisk -J DISK} (util-linux 2.38: numbers as JSON numbers; {@code lastlba} only
 * for GPT, {@code name} only for named GPT partitions). A disk without a partition table makes
 * sfdisk exit 1 with nothing on stdout: that is the caller's "no table", not a parse error.
 */
public final class SfdiskParser {

    public static final String FACT = "sfdisk -J";

    private SfdiskParser() {
    }

    public static PartitionTable parse(String output) throws FactParseException {
        JsonNode root = JsonOutput.read(FACT, output);
        JsonNode table = root.isObject() ? root.get("partitiontable") : null;
        if (table == null || !table.isObject()) {
            throw new FactParseException(FACT, "expected an object with 'partitiontable'");
        }
        String unit = JsonOutput.text(table, "unit");
        if (unit != null && !unit.equals("sectors")) {
            throw new FactParseException(FACT, "unit '" + unit + "' where sectors were expected");
        }
        Long sectorSize = JsonOutput.number(FACT, table, "sectorsize");
        Long lastLba = JsonOutput.number(FACT, table, "lastlba");
        List<PartitionTable.Partition> partitions = new ArrayList<>();
        JsonNode array = table.get("partitions");
        if (array != null && array.isArray()) {
            for (JsonNode p : array) {
                String type = JsonOutput.requiredText(FACT, p, "type");
                partitions.add(new PartitionTable.Partition(JsonOutput.text(p, "node"), JsonOutput.requiredNumber(FACT, p, "start"),
                        JsonOutput.requiredNumber(FACT, p, "size"), type.toUpperCase(Locale.ROOT), JsonOutput.text(p, "name")));
            }
        }
        return new PartitionTable(JsonOutput.requiredText(FACT, table, "label"), sectorSize == null ? 512 : sectorSize.intValue(),
                lastLba == null ? 0 : lastLba, partitions);
    }
}
