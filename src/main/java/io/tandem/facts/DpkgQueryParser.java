package io.tandem.facts;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads {@code dpkg-query -W} into installed package → version. Two forms: {@link #COMMAND}
 * ({@code name TAB version TAB status}) and plain {@code dpkg-query -W} ({@code name TAB version}).
 * Only the first can tell an installed package from one that was removed with its configuration
 * kept ({@code rc}): plain {@code -W} prints the old version for both, so with it every listed
 * package with a version counts as installed.
 */
public final class DpkgQueryParser {

    public static final String FACT = "dpkg-query -W";
    public static final String COMMAND = "dpkg-query -W -f='${Package}\\t${Version}\\t${db:Status-Abbrev}\\n'";

    private DpkgQueryParser() {
    }

    public static Map<String, String> parse(String output) throws FactParseException {
        Map<String, String> installed = new LinkedHashMap<>();
        for (String line : output.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            String[] fields = line.split("\t", -1);
            if (fields.length < 2 || fields.length > 3 || fields[0].isBlank()) {
                throw new FactParseException(FACT, "expected 'package TAB version [TAB status]', got: " + line);
            }
            String version = fields[1].strip();
            if (!version.isEmpty() && (fields.length == 2 || isInstalled(fields[2]))) {
                installed.put(fields[0].strip(), version);
            }
        }
        return Collections.unmodifiableMap(installed);
    }

    /**
     * {@code db:Status-Abbrev} is want, state, error flag: {@code ii } installed, {@code hi } held
     * but installed (a pinned DRBD is), {@code rc } removed with config files left.
     */
    private static boolean isInstalled(String status) {
        return status.length() >= 2 && status.charAt(1) == 'i';
    }
}
