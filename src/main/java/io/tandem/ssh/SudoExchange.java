package io.tandem.ssh;

import io.tandem.model.Secret;
import io.tandem.text.ShellQuote;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * One command run through sudo, with its stdin held back until sudo has let the command start.
 *
 * <p>sudo reads its password from the same stdin the command reads afterwards, and it reads only
 * when it asks: a root login, a NOPASSWD rule or cached credentials make it ask nothing, and a
 * password written up front then becomes the command's input (an upload wrote it into the file).
 * So nothing is written before the remote side says what it wants, on stderr, with two markers
 * unique to this run: sudo's prompt ({@code -S -p MARKER}) asks for the password, which is then
 * written once; a line the command prints first, as root, says sudo is done, and only then does
 * the command's own input follow. A second prompt means the password was wrong: stdin is closed,
 * so sudo gives up at once instead of taking the command's input as more attempts.
 *
 * <p>Why not {@code SUDO_ASKPASS}: the helper would need the password from somewhere other than
 * stdin, and over one SSH channel that means a file, an environment variable or an argument on
 * the remote host (readable by others or visible in {@code ps}), and sudo closes every other file
 * descriptor before running it. Here the password is never on a command line or in a file, and
 * never reaches sudo unless sudo asked. A PAM stack that asks something other than the password
 * shows no marker and gets no answer: the command times out rather than guess.
 */
final class SudoExchange implements CommandInput {

    private static final SecureRandom RANDOM = new SecureRandom();

    private enum Event { PROMPT, STARTED, END }

    private final Secret password;
    private final String prompt;
    private final String started;
    private final LinkedBlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final StringBuilder seen = new StringBuilder();
    private byte[] input = new byte[0];
    private int promptSearchFrom;
    private volatile boolean commandStarted;

    private SudoExchange(Secret password) {
        this.password = password;
        String nonce = HexFormat.of().formatHex(randomBytes());
        this.prompt = "[tandem-sudo-password-" + nonce + "]";
        this.started = "tandem-sudo-started-" + nonce;
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    /** {@code sudo -S}: answers sudo's prompt with {@code password}, once. */
    static SudoExchange withPassword(Secret password) {
        return new SudoExchange(password);
    }

    /** {@code sudo -n}: sudo must not ask; if it would, it fails at once. */
    static SudoExchange passwordless() {
        return new SudoExchange(null);
    }

    /** The command's own stdin, written once sudo has started it. */
    SudoExchange input(byte[] bytes) {
        this.input = bytes.clone();
        return this;
    }

    /** The shell line that runs {@code script} as root through sudo. */
    String commandLine(String script) {
        String asRoot = "echo " + started + " >&2\n" + script;
        String sudo = password == null ? "sudo -n" : "sudo -S -p " + ShellQuote.quote(prompt);
        return sudo + " -- sh -c " + ShellQuote.quote(asRoot);
    }

    /** True once the command itself ran: a failure is then the command's, not sudo's. */
    boolean commandStarted() {
        return commandStarted;
    }

    @Override
    public void begin(OutputStream stdin) {
        // A thread of its own: a large input can wait for the remote window while stderr keeps flowing.
        Thread.ofVirtual().name("sudo-stdin").start(() -> feed(stdin));
    }

    private void feed(OutputStream stdin) {
        try (stdin) {
            boolean answered = false;
            while (true) {
                switch (events.take()) {
                    case PROMPT -> {
                        if (password == null || answered) {
                            return;
                        }
                        answered = true;
                        byte[] line = (password.reveal() + "\n").getBytes(StandardCharsets.UTF_8);
                        try {
                            stdin.write(line);
                            stdin.flush();
                        } finally {
                            Arrays.fill(line, (byte) 0);
                        }
                    }
                    case STARTED -> {
                        stdin.write(input);
                        stdin.flush();
                        return;
                    }
                    case END -> {
                        return;
                    }
                }
            }
        } catch (IOException | InterruptedException e) {
            // The channel went away; the run reports that itself.
        }
    }

    @Override
    public synchronized void stderr(byte[] buffer, int length) {
        if (commandStarted) {
            return;
        }
        // Latin-1 keeps one char per byte: a marker split between two reads still joins up.
        seen.append(new String(buffer, 0, length, StandardCharsets.ISO_8859_1));
        int at;
        while ((at = seen.indexOf(prompt, promptSearchFrom)) >= 0) {
            promptSearchFrom = at + prompt.length();
            events.add(Event.PROMPT);
        }
        if (seen.indexOf(started + "\n") >= 0) {
            commandStarted = true;
            events.add(Event.STARTED);
        }
    }

    @Override
    public void end() {
        events.add(Event.END);
    }

    @Override
    public String reportedStderr(String stderr) {
        return stderr.replace(started + "\n", "").replace(prompt, "");
    }
}
