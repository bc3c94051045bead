package io.tandem.ssh;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An OpenSSH known_hosts file: plain and hashed ({@code |1|salt|hash}) host names, comma lists,
 * {@code [host]:port}, {@code *}/{@code ?} patterns and {@code !} negations, and the
 * {@code @revoked} marker. {@code @cert-authority} lines name a CA, not a host key: Tandem does
 * not use host certificates, so they neither match nor make a host known.
 */
public final class KnownHostsFile {

    private enum Marker { NONE, REVOKED, CERT_AUTHORITY, OTHER }

    /** One key line. */
    private record Entry(Marker marker, String hosts, String keyBase64) {
    }

    /** What a file knows about a host's key. */
    public enum Verdict {
        /** A line for this host has this very key. */
        MATCH,
        /** Lines for this host hold other keys (of this type or another): the key changed. */
        MISMATCH,
        /** A {@code @revoked} line for this host holds this key: never to be accepted. */
        REVOKED,
        /** Nothing is known about this host. */
        UNKNOWN
    }

    private final List<Entry> entries;

    private KnownHostsFile(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    public static KnownHostsFile read(Path file) throws IOException {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            return new KnownHostsFile(List.of());
        }
    }

    public static KnownHostsFile parse(String text) {
        List<Entry> entries = new ArrayList<>();
        for (String raw : text.split("\n")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            List<String> fields = new ArrayList<>(List.of(line.split("\\s+")));
            Marker marker = Marker.NONE;
            if (fields.getFirst().startsWith("@")) {
                marker = switch (fields.removeFirst()) {
                    case "@revoked" -> Marker.REVOKED;
                    case "@cert-authority" -> Marker.CERT_AUTHORITY;
                    default -> Marker.OTHER;
                };
            }
            if (fields.size() >= 3) {
                entries.add(new Entry(marker, fields.get(0), fields.get(2)));
            }
        }
        return new KnownHostsFile(entries);
    }

    /**
     * As OpenSSH decides: REVOKED when a {@code @revoked} line for this host holds the key (even
     * if another line trusts it); MATCH when a host-key line for this host holds it; MISMATCH when
     * host-key lines for this host hold only other keys, whatever their type, since a server
     * offers every type it has and the one on file is asked for first; UNKNOWN otherwise.
     */
    public Verdict check(String knownHostsName, byte[] keyBlob) {
        String key = Base64.getEncoder().encodeToString(keyBlob);
        boolean known = false;
        boolean match = false;
        for (Entry entry : entries) {
            if (!matchesHost(entry.hosts(), knownHostsName)) {
                continue;
            }
            switch (entry.marker()) {
                case REVOKED -> {
                    if (entry.keyBase64().equals(key)) {
                        return Verdict.REVOKED;
                    }
                }
                case NONE -> {
                    known = true;
                    match |= entry.keyBase64().equals(key);
                }
                default -> {
                    // CA keys and unknown markers say nothing about this host's own key.
                }
            }
        }
        return match ? Verdict.MATCH : known ? Verdict.MISMATCH : Verdict.UNKNOWN;
    }

    /** The host keys on file for this host (not revoked, not CAs), in file order; unreadable ones left out. */
    public List<byte[]> knownKeys(String knownHostsName) {
        List<byte[]> keys = new ArrayList<>();
        for (Entry entry : entries) {
            if (entry.marker() == Marker.NONE && matchesHost(entry.hosts(), knownHostsName)) {
                try {
                    keys.add(Base64.getDecoder().decode(entry.keyBase64()));
                } catch (IllegalArgumentException e) {
                    // Not base64: OpenSSH skips such a line too.
                }
            }
        }
        return keys;
    }

    static boolean matchesHost(String hostsField, String name) {
        if (hostsField.startsWith("|1|")) {
            return hashedMatches(hostsField, name);
        }
        boolean matched = false;
        for (String pattern : hostsField.split(",")) {
            boolean negated = pattern.startsWith("!");
            String glob = negated ? pattern.substring(1) : pattern;
            if (globMatches(glob, name)) {
                if (negated) {
                    return false;
                }
                matched = true;
            }
        }
        return matched;
    }

    private static boolean globMatches(String glob, String name) {
        if (!glob.contains("*") && !glob.contains("?")) {
            return glob.equalsIgnoreCase(name);
        }
        StringBuilder regex = new StringBuilder();
        for (char c : glob.toCharArray()) {
            regex.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
        }
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE).matcher(name).matches();
    }

    private static boolean hashedMatches(String field, String name) {
        String[] parts = field.split("\\|");
        if (parts.length != 4) {
            return false;
        }
        try {
            byte[] salt = Base64.getDecoder().decode(parts[2]);
            byte[] expected = Base64.getDecoder().decode(parts[3]);
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(salt, "HmacSHA1"));
            // ssh looks names up lower-cased, and hashes them that way when it adds them (HashKnownHosts).
            return Arrays.equals(expected, mac.doFinal(name.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8)));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            return false;
        }
    }

    /** One line in OpenSSH format, for appending to Tandem's own store. */
    public static String line(String knownHostsName, String keyType, byte[] keyBlob) {
        return knownHostsName + " " + keyType + " " + Base64.getEncoder().encodeToString(keyBlob);
    }
}
