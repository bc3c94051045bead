package io.tandem.gui;

import io.tandem.ssh.HostKeyPrompt;

/** What the ViewModels ask the user; the FX implementation shows dialogs, tests answer directly. */
public interface Dialogs {

    /** Called from a background thread: blocks until the user decides. */
    boolean trustHostKey(HostKeyPrompt.UnknownKey key);

    /** Unsaved changes: SAVE, DISCARD or CANCEL. */
    enum UnsavedChoice { SAVE, DISCARD, CANCEL }

    UnsavedChoice unsavedChanges();
}
