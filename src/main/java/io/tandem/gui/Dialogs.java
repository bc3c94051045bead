package io.tandem.gui;

import io.tandem.ssh.HostKeyPrompt;

/** What the ViewModels ask the user; the FX implementation shows dialogs, tests answer directly. */
public interface Dialogs {

    /** Called from a background thread: blocks until the user decides. */
    boolean trustHostKey(HostKeyPrompt.UnknownKey key);

    /** Unsaved changes: SAVE, DISCARD or CANCEL. */
    enum UnsavedChoice { SAVE, DISCARD, CANCEL }

    UnsavedChoice unsavedChanges();

    /** Saving the demo: keep it a demo (the default), save it as a project of real servers, or cancel. */
    enum DemoSaveChoice { KEEP_DEMO, SAVE_AS_REAL, CANCEL }

    /** Asked once, on the first save of the demo; {@code addresses} are the servers' addresses in it. */
    DemoSaveChoice saveDemo(String addresses);

    /** An apply is running and the window is being closed: true to stop it (at the next safe point) and close. */
    default boolean stopApplyAndClose() {
        return false;
    }

    /** The project's last apply did not finish ({@code description} says where it stopped): true to continue it. */
    default boolean resumeUnfinishedApply(String description) {
        return false;
    }
}
