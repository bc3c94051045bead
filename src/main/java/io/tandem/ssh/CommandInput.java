package io.tandem.ssh;

import java.io.IOException;
import java.io.OutputStream;

/**
 * What a remote command reads on stdin and when it is written: at once ({@link #of}), or only
 * once sudo let the command start ({@link SudoExchange}). Told about stderr as it arrives.
 */
interface CommandInput {

    /** Called once the channel is open; must not block on the remote side. */
    void begin(OutputStream stdin) throws IOException;

    /** Each piece of stderr, in order, as it arrives (on the stderr reader's thread). */
    default void stderr(byte[] buffer, int length) {
    }

    /** The channel closed or the run was given up: stop writing, close stdin. */
    default void end() {
    }

    /** The stderr to report: without anything this input wrote into it for its own use. */
    default String reportedStderr(String stderr) {
        return stderr;
    }

    /** Bytes written at once, then stdin closed. */
    static CommandInput of(byte[] bytes) {
        return stdin -> {
            stdin.write(bytes);
            stdin.flush();
            stdin.close();
        };
    }
}
