package io.tandem.ssh;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The command line sent to sshd for a POSIX sh script. sshd hands every command line to the login
 * user's own shell ({@code $SHELL -c LINE}), and a root whose shell is csh, tcsh or fish would
 * parse Tandem's scripts its own way: csh refuses a newline inside quotes, fish reads backslashes
 * in single quotes. Plain POSIX quoting ({@code sh -c '…'}) is therefore not enough. The line
 * carries the script base64-encoded, inside one single-quoted word made only of characters every
 * shell takes literally there (no newline, backslash, {@code !} or quote), and {@code sh}
 * decodes and runs it: the script runs in sh whatever the login shell.
 */
final class PosixCommandLine {

    private PosixCommandLine() {
    }

    static String of(String script) {
        String encoded = Base64.getEncoder().encodeToString(script.getBytes(StandardCharsets.UTF_8));
        return "sh -c 'eval \"$(echo " + encoded + " | base64 -d)\"'";
    }
}
