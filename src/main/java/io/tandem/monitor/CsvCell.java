package io.tandem.monitor;

/**
 * One CSV cell as a spreadsheet should show it: quoted when it holds a comma, a quote or a line
 * break, and a cell that starts like a formula ({@code = + - @}) gets a leading apostrophe, so a
 * host's text can never run as a formula in the operator's spreadsheet.
 */
final class CsvCell {

    private CsvCell() {
    }

    static String of(String value) {
        String v = value == null ? "" : value;
        boolean guarded = !v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0;
        if (guarded) {
            v = "'" + v;
        }
        return guarded || v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")
                ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }
}
