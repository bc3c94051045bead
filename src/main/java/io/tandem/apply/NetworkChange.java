package io.tandem.apply;

import io.tandem.model.ValuePatterns;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A network change to make with commit-confirm: the files, the command that activates them, the
 * command that re-activates the old configuration once the files are back, and how long the node
 * waits for Tandem to come back before it rolls itself back.
 *
 * @param id         names the node's rollback directory {@code stateRoot/id} and the systemd unit
 *                   {@code tandem-rollback-id}; used once ({@link #newId()})
 * @param activate   shell script run as root, detached from the SSH session (e.g. {@code ifreload -a},
 *                   {@code netplan apply}); Tandem's own text, never user input
 * @param reactivate shell script run as root after the old files are back (often the same)
 * @param check      optional shell script run as root over the new connection; exit 0 = the new
 *                   configuration is good (e.g. the bond is up, the peer answers)
 * @param window     how long the node waits for the confirmation
 * @param grace      after the window, how long Tandem waits for the rollback (re-activation) to finish
 * @param stateRoot  where rollback directories live on the node
 */
public record NetworkChange(String id, List<NetworkFile> files, String activate, String reactivate, Optional<String> check,
                            Duration window, Duration grace, RollbackArming arming, String stateRoot) {

    public static final String DEFAULT_STATE_ROOT = "/var/lib/tandem/rollback";
    public static final Duration DEFAULT_WINDOW = Duration.ofSeconds(60);
    public static final Duration DEFAULT_GRACE = Duration.ofSeconds(30);
    static final Duration MIN_WINDOW = Duration.ofSeconds(5);
    static final Duration MAX_WINDOW = Duration.ofMinutes(30);

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,47}");

    public NetworkChange {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("network change id: not 1-48 lower-case letters, digits and '-' starting with a letter "
                    + "or digit: " + id);
        }
        files = List.copyOf(files);
        if (files.isEmpty()) {
            throw new IllegalArgumentException("network change " + id + ": no files to write");
        }
        var paths = new HashSet<String>();
        for (NetworkFile file : files) {
            if (!paths.add(file.path())) {
                throw new IllegalArgumentException("network change " + id + ": " + file.path() + " is listed twice");
            }
        }
        requireScript("activate", activate);
        requireScript("reactivate", reactivate);
        check.ifPresent(c -> requireScript("check", c));
        if (window.compareTo(MIN_WINDOW) < 0 || window.compareTo(MAX_WINDOW) > 0 || window.toMillis() % 1000 != 0) {
            throw new IllegalArgumentException("network change " + id + ": the rollback window must be whole seconds from "
                    + MIN_WINDOW.toSeconds() + " s to " + MAX_WINDOW.toMinutes() + " min, not " + window);
        }
        if (grace.isNegative() || grace.compareTo(MAX_WINDOW) > 0) {
            throw new IllegalArgumentException("network change " + id + ": the grace time must be 0 to " + MAX_WINDOW.toMinutes() + " min");
        }
        if (stateRoot == null || !ValuePatterns.FILE_PATH.matches(stateRoot)) {
            throw new IllegalArgumentException("rollback state directory: not " + ValuePatterns.FILE_PATH.description() + ": " + stateRoot);
        }
    }

    private static void requireScript(String what, String script) {
        if (script == null || script.isBlank() || script.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("the " + what + " command is empty or holds a NUL byte");
        }
    }

    /** The defaults: a 60 s window, 30 s grace, systemd timer where systemd runs, state under {@value #DEFAULT_STATE_ROOT}. */
    public static NetworkChange of(String id, List<NetworkFile> files, String activate, String reactivate) {
        return new NetworkChange(id, files, activate, reactivate, Optional.empty(), DEFAULT_WINDOW, DEFAULT_GRACE, RollbackArming.AUTO,
                DEFAULT_STATE_ROOT);
    }

    /** A fresh id: UTC time to the second plus 6 random hex digits, e.g. {@code net-20250131-142501-3fa9c0}. */
    public static String newId() {
        byte[] random = new byte[3];
        new SecureRandom().nextBytes(random);
        return "net-" + ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + "-"
                + HexFormat.of().formatHex(random);
    }

    public NetworkChange withCheck(String check) {
        return new NetworkChange(id, files, activate, reactivate, Optional.of(check), window, grace, arming, stateRoot);
    }

    public NetworkChange withWindow(Duration window) {
        return new NetworkChange(id, files, activate, reactivate, check, window, grace, arming, stateRoot);
    }

    public NetworkChange withGrace(Duration grace) {
        return new NetworkChange(id, files, activate, reactivate, check, window, grace, arming, stateRoot);
    }

    public NetworkChange withArming(RollbackArming arming) {
        return new NetworkChange(id, files, activate, reactivate, check, window, grace, arming, stateRoot);
    }

    public NetworkChange withStateRoot(String stateRoot) {
        return new NetworkChange(id, files, activate, reactivate, check, window, grace, arming, stateRoot);
    }

    /** The node's rollback directory for this change. */
    public String stateDir() {
        return stateRoot + "/" + id;
    }

    /** The systemd unit (timer and service) that holds the rollback where systemd runs. */
    public String unit() {
        return "tandem-rollback-" + id;
    }
}
