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
import java.util.regex.Pattern;

/**
 * An OpenSSH known_hosts file: plain and hashed ({@code |1|salt|hash}) host names, comma lists,
 * {@code [host]:port}, {@code *}/{@code ?} patterns and {@code !} negations. {@code @revoked} and
 * {@code @cert-authority} lines are skipped (Tandem does not use host certificates).
 */
public final class KnownHostsFile {

    /** One key line. */
    record Entry(String hosts, String keyType, String keyBase64) {
    }

    /** What a file knows about a host's key. */
    public enum Verdict { MATCH, MISMATCH, UNKNOWN }

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
            if (line.isEmpty() || line.startsWith("#") || line.startsWith("@")) {
                continue;
            }
            String[] fields = line.split("\\s+");
            if (fields.length >= 3) {
                entries.add(new Entry(fields[0], fields[1], fields[2]));
            }
        }
        return new KnownHostsFile(entries);
    }

    /**
     * MATCH when a line for this host has this very key; MISMATCH when lines for this host have
     * the same key type but another key (the key changed); UNKNOWN otherwise.
     */
    public Verdict check(String knownHostsName, String keyType, byte[] keyBlob) {
        String key = Base64.getEncoder().encodeToString(keyBlob);
        boolean sameTypeOtherKey = false;
        for (Entry entry : entries) {
            if (!matchesHost(entry.hosts(), knownHostsName)) {
                continue;
            }
            if (entry.keyType().equals(keyType)) {
                if (entry.keyBase64().equals(key)) {
                    return Verdict.MATCH;
                }
                sameTypeOtherKey = true;
            }
        }
        return sameTypeOtherKey ? Verdict.MISMATCH : Verdict.UNKNOWN;
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
            return Arrays.equals(expected, mac.doFinal(name.getBytes(StandardCharsets.UTF_8)));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            return false;
        }
    }

    /** One line in OpenSSH format, for appending to Tandem's own store. */
    public static String line(String knownHostsName, String keyType, byte[] keyBlob) {
        return knownHostsName + " " + keyType + " " + Base64.getEncoder().encodeToString(keyBlob);
    }
}
