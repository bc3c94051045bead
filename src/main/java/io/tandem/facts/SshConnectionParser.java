package io.tandem.facts;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Reads {@code $SSH_CONNECTION}: {@code CLIENT_IP CLIENT_PORT SERVER_IP SERVER_PORT}. */
public final class SshConnectionParser {

    public static final String FACT = "$SSH_CONNECTION";
    public static final String COMMAND = "printf '%s\\n' \"$SSH_CONNECTION\"";

    private SshConnectionParser() {
    }

    public static SshConnection parse(String output) throws FactParseException {
        String line = output.strip();
        if (line.isEmpty()) {
            throw new FactParseException(FACT, "empty: not run in an SSH session");
        }
        String[] words = line.split("\\s+");
        if (words.length != 4) {
            throw new FactParseException(FACT, "expected 'CLIENT_IP CLIENT_PORT SERVER_IP SERVER_PORT', got: " + line);
        }
        return new SshConnection(address(words[0]), port(words[1]), address(words[2]), port(words[3]));
    }

    /**
     * The interface that carries {@code address}, given {@link IpAddrParser}'s result. IPv6 is
     * compared case-insensitively and without a zone ({@code %eth0}); an IPv4-mapped IPv6 address
     * ({@code ::ffff:10.0.0.1}, from a dual-stack listener) matches the IPv4 address.
     */
    public static Optional<String> interfaceCarrying(String address, Map<String, List<IfAddress>> addresses) {
        String wanted = normalize(address);
        return addresses.entrySet().stream()
                .filter(e -> e.getValue().stream().anyMatch(a -> normalize(a.address()).equals(wanted)))
                .map(Map.Entry::getKey)
                .findFirst();
    }

    private static String normalize(String address) {
        String plain = address.toLowerCase(Locale.ROOT);
        int zone = plain.indexOf('%');
        if (zone >= 0) {
            plain = plain.substring(0, zone);
        }
        return plain.startsWith("::ffff:") && plain.indexOf('.') > 0 ? plain.substring("::ffff:".length()) : plain;
    }

    private static String address(String word) throws FactParseException {
        if (!word.matches("[0-9A-Fa-f:.%\\w-]+") || !(word.contains(".") || word.contains(":"))) {
            throw new FactParseException(FACT, "not an IP address: " + word);
        }
        return word;
    }

    private static int port(String word) throws FactParseException {
        if (!word.matches("\\d{1,5}") || Integer.parseInt(word) < 1 || Integer.parseInt(word) > 65535) {
            throw new FactParseException(FACT, "not a port: " + word);
        }
        return Integer.parseInt(word);
    }
}
