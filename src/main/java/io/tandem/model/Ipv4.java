package io.tandem.model;

import java.util.Optional;
import java.util.regex.Pattern;

/** A parsed IPv4 address; small on purpose (no DNS lookups, unlike {@code InetAddress}). */
public record Ipv4(long bits) {

    private static final Pattern DOTTED = Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");

    private static final Pattern DOTTED_NUMBERS = Pattern.compile("[0-9.]*\\.[0-9.]*");

    /**
     * Only digits and dots, but no valid address ({@code 192.168.50.311}, {@code 10.0.0}): no host
     * name or domain is all numbers, so such a value is a mistyped address, never a name to look up.
     */
    public static boolean isMistyped(String text) {
        return text != null && DOTTED_NUMBERS.matcher(text).matches() && parse(text).isEmpty();
    }

    public static Optional<Ipv4> parse(String text) {
        if (text == null || !DOTTED.matcher(text).matches()) {
            return Optional.empty();
        }
        long bits = 0;
        for (String part : text.split("\\.")) {
            bits = (bits << 8) | Integer.parseInt(part);
        }
        return Optional.of(new Ipv4(bits));
    }

    @Override
    public String toString() {
        return ((bits >> 24) & 255) + "." + ((bits >> 16) & 255) + "." + ((bits >> 8) & 255) + "." + (bits & 255);
    }

    /** An IPv4 subnet, e.g. {@code 10.10.1.0/24}. */
    public record Subnet(Ipv4 network, int prefix) {

        private static final Pattern CIDR = Pattern.compile("([0-9.]+)/(\\d{1,2})");

        public static Optional<Subnet> parse(String text) {
            if (text == null) {
                return Optional.empty();
            }
            var m = CIDR.matcher(text);
            if (!m.matches()) {
                return Optional.empty();
            }
            int prefix = Integer.parseInt(m.group(2));
            if (prefix < 8 || prefix > 30) {
                return Optional.empty();
            }
            return Ipv4.parse(m.group(1)).map(ip -> new Subnet(ip, prefix));
        }

        public long mask() {
            return (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
        }

        /** The address has host bits set: {@code 10.10.1.5/24} instead of {@code 10.10.1.0/24}. */
        public boolean hasHostBits() {
            return (network.bits() & ~mask() & 0xFFFFFFFFL) != 0;
        }

        public boolean contains(Ipv4 address) {
            return (address.bits() & mask()) == (network.bits() & mask());
        }

        /** A usable host address: inside, and neither the network nor the broadcast address. */
        public boolean isHost(Ipv4 address) {
            long host = address.bits() & ~mask() & 0xFFFFFFFFL;
            return contains(address) && host != 0 && host != (~mask() & 0xFFFFFFFFL);
        }

        public Ipv4 broadcast() {
            return new Ipv4((network.bits() & mask()) | (~mask() & 0xFFFFFFFFL));
        }

        public Ipv4 base() {
            return new Ipv4(network.bits() & mask());
        }

        public String netmask() {
            return new Ipv4(mask()).toString();
        }
    }
}
