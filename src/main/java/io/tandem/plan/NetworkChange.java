package io.tandem.plan;

import java.time.Duration;
import java.util.List;

/**
 * A change of a node's bonds and addresses, applied with commit-confirm: the node arms its own
 * rollback, takes the new files and {@code activate}s them; unless Tandem reconnects within
 * {@code window} and disarms it, the node restores the old files and runs {@code reactivate}.
 * {@code check} runs on the node over the new connection: the change counts only when it passes.
 * Network files hold no secrets.
 */
public record NetworkChange(List<File> files, String activate, String reactivate, String check, Duration window) {

    public record File(String path, String content, int mode) {
    }

    public NetworkChange {
        files = List.copyOf(files);
    }
}
