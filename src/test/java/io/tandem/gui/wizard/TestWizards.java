package io.tandem.gui.wizard;

import io.tandem.discovery.DemoHostConnector;
import io.tandem.discovery.HostConnector;
import io.tandem.gui.Background;
import io.tandem.gui.Dialogs;
import io.tandem.ssh.HostKeyPrompt;
import io.tandem.ssh.HostKeyStore;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Wizards for ViewModel tests: real SSH and demo hosts, a known-hosts file under {@code dir}, dialogs answered by the test. */
final class TestWizards {

    /** Trusts every host key (and remembers which it was shown); answers the unsaved-changes question with {@code unsaved}. */
    static final class AnsweringDialogs implements Dialogs {
        final List<HostKeyPrompt.UnknownKey> keysShown = new ArrayList<>();
        UnsavedChoice unsaved = UnsavedChoice.CANCEL;
        int unsavedAsked;

        @Override
        public boolean trustHostKey(HostKeyPrompt.UnknownKey key) {
            keysShown.add(key);
            return true;
        }

        @Override
        public UnsavedChoice unsavedChanges() {
            unsavedAsked++;
            return unsaved;
        }

        DemoSaveChoice demoSave = DemoSaveChoice.KEEP_DEMO;
        final List<String> demoSaveAsked = new ArrayList<>();

        @Override
        public DemoSaveChoice saveDemo(String addresses) {
            demoSaveAsked.add(addresses);
            return demoSave;
        }
    }

    private TestWizards() {
    }

    /** The demo started with both nodes discovered, on the Nodes step; validation runs at once. */
    static WizardViewModel discoveredDemo(Dialogs dialogs, Path dir) {
        WizardViewModel wizard = create(Background.IMMEDIATE, dialogs, dir);
        wizard.startDemo();
        wizard.next();
        wizard.step(NodesStep.class).discover(0);
        wizard.step(NodesStep.class).discover(1);
        return wizard;
    }

    static WizardViewModel create(Background background, Dialogs dialogs, Path dir) {
        WizardViewModel wizard = new WizardViewModel(background, dialogs, AppPaths.under(dir), HostConnector.SSH,
                new DemoHostConnector(Duration.ZERO));
        wizard.useHostKeyStore(new HostKeyStore(List.of(), dir.resolve("known_hosts")));
        return wizard;
    }

    /** Keeps the work it is given and runs none of it: nothing reaches a host. */
    static final class Held implements Background {
        final List<java.util.concurrent.Callable<?>> held = new ArrayList<>();

        @Override
        public <T> Job run(java.util.concurrent.Callable<T> work, java.util.function.Consumer<T> onSuccess,
                           java.util.function.Consumer<Throwable> onFailure) {
            held.add(work);
            return () -> { };
        }
    }

    /** Dialogs that refuse host keys, discard unsaved changes, cancel a demo's save, and record each offer to resume an apply. */
    static final class Asking implements Dialogs {
        final List<String> asked = new ArrayList<>();
        boolean resume = true;

        @Override
        public boolean trustHostKey(HostKeyPrompt.UnknownKey key) {
            return false;
        }

        @Override
        public UnsavedChoice unsavedChanges() {
            return UnsavedChoice.DISCARD;
        }

        @Override
        public DemoSaveChoice saveDemo(String addresses) {
            return DemoSaveChoice.CANCEL;
        }

        @Override
        public boolean resumeUnfinishedApply(String description) {
            asked.add(description);
            return resume;
        }
    }
}
