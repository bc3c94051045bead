package io.tandem.facts;

/**
 * Reads {@code uname -srm} ({@code Linux 6.1.0-56-amd64 x86_64}) or {@code uname -a}. In
 * {@code -a} the kernel version has spaces of its own, so the release is taken from the front and
 * the machine from the back: GNU uname omits an "unknown" processor and hardware platform, and
 * where they are printed (Ubuntu, RHEL) they equal the machine.
 */
public final class UnameParser {

    public static final String FACT = "uname";
    public static final String COMMAND = "uname -srm";

    private UnameParser() {
    }

    public static Uname parse(String output) throws FactParseException {
        String line = output.strip();
        if (line.isEmpty()) {
            throw new FactParseException(FACT, "empty output");
        }
        if (line.contains("\n")) {
            throw new FactParseException(FACT, "expected one line, got several");
        }
        String[] words = line.split("\\s+");
        if (!words[0].equals("Linux")) {
            throw new FactParseException(FACT, "expected a Linux kernel, got '" + words[0] + "'");
        }
        if (words.length == 3) {
            return new Uname(words[1], words[2]);
        }
        if (words.length >= 6 && words[words.length - 1].endsWith("Linux")) {
            return new Uname(words[2], words[words.length - 2]);
        }
        throw new FactParseException(FACT, "neither 'uname -srm' nor 'uname -a' output: " + line);
    }
}
