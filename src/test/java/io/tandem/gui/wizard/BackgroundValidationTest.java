package io.tandem.gui.wizard;

import io.tandem.gui.Background;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Validation runs in the background: these tests hold the background work in a queue and release
 * it in chosen orders, so the races the FX thread would meet are replayed deterministically.
 */
class BackgroundValidationTest {

    /** Background work waits here until the test runs it. */
    private static final class HeldBackground implements Background {
        private final Deque<Runnable> held = new ArrayDeque<>();

        @Override
        public <T> Job run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
            held.add(() -> {
                try {
                    onSuccess.accept(work.call());
                } catch (Exception e) {
                    onFailure.accept(e);
                }
            });
            return () -> { };
        }

        void runAll() {
            while (!held.isEmpty()) {
                held.removeFirst().run();
            }
        }

        /** Newest work first, including what finishing it queues: results arrive in the reverse order of the requests. */
        void runNewestFirst() {
            while (!held.isEmpty()) {
                held.removeLast().run();
            }
        }

        void runOldest() {
            held.removeFirst().run();
        }

        int waiting() {
            return held.size();
        }
    }

    @TempDir
    Path dir;
    private final HeldBackground background = new HeldBackground();
    private WizardViewModel wizard;
    private FieldBinding vip;

    @BeforeEach
    void onTheNetworkStepOfTheDemo() {
        wizard = TestWizards.create(background, new TestWizards.AnsweringDialogs(), dir);
        wizard.startDemo();
        background.runAll();
        wizard.next();
        wizard.step(NodesStep.class).discover(0);
        wizard.step(NodesStep.class).discover(1);
        background.runAll();
        wizard.next();
        background.runAll();
        assertThat(wizard.currentStep()).isInstanceOf(NetworkStep.class);
        vip = wizard.step(NetworkStep.class).fields().stream()
                .filter(f -> f.path().equals("$.networks.client.virtualIp")).findFirst().orElseThrow();
    }

    @Test
    void anEditIsValidatedOffTheCallingThreadAndShownWhenDone() {
        vip.value().set("192.168.7.300");
        assertThat(wizard.validationPendingProperty().get()).isTrue();
        assertThat(vip.message().get()).as("not validated yet").isEmpty();
        background.runAll();
        assertThat(wizard.validationPendingProperty().get()).isFalse();
        assertThat(vip.message().get()).contains("not an IPv4 address");
        assertThat(wizard.canGoNextProperty().get()).isFalse();
    }

    @Test
    void editsDuringARunningValidationEndWithTheNewestResult() {
        vip.value().set("192.168.7.300");
        vip.value().set("192.168.7.301");
        vip.value().set("192.168.50.100");
        assertThat(background.waiting()).as("one validation at a time, plus the autosaves").isEqualTo(4);
        background.runAll();
        assertThat(wizard.validationPendingProperty().get()).isFalse();
        assertThat(vip.message().get()).isEmpty();
        assertThat(wizard.canGoNextProperty().get()).isTrue();
    }

    @Test
    void resultsArrivingNewestFirstEndWithTheNewestDraftsResultAndNeverShowAnOlderOne() {
        List<String> shown = shownMessages();
        vip.value().set("192.168.7.300");
        vip.value().set("192.168.50.100");
        background.runNewestFirst();
        assertThat(wizard.validationPendingProperty().get()).isFalse();
        assertThat(vip.message().get()).isEmpty();
        assertThat(wizard.canGoNextProperty().get()).isTrue();
        assertThat(shown).as("the older draft's error never appeared").noneMatch(m -> m.contains("not an IPv4 address"));

        vip.value().set("192.168.50.101");
        vip.value().set("192.168.7.302");
        background.runNewestFirst();
        assertThat(wizard.validationPendingProperty().get()).isFalse();
        assertThat(vip.message().get()).as("the newest draft is the invalid one").contains("'192.168.7.302'", "not an IPv4 address");
        assertThat(wizard.canGoNextProperty().get()).isFalse();
    }

    @Test
    void anOlderResultFinishingAfterANewerOneWasShownChangesNothing() {
        vip.value().set("192.168.7.300");
        vip.value().set("192.168.50.100");
        wizard.next(); // validates the newest draft at once: valid, so on to Disks
        assertThat(wizard.currentStep()).isInstanceOf(DisksStep.class);
        List<String> shown = shownMessages();

        background.runOldest(); // the run started for "192.168.7.300" ends only now
        assertThat(shown).as("the older result is not shown").isEmpty();
        assertThat(wizard.problems()).noneMatch(p -> p.path().equals("$.networks.client.virtualIp"));
        assertThat(wizard.step(NetworkStep.class).stateProperty().get()).isEqualTo(StepState.DONE);

        background.runAll();
        assertThat(wizard.validationPendingProperty().get()).isFalse();
        assertThat(vip.message().get()).isEmpty();
        assertThat(wizard.currentStep()).isInstanceOf(DisksStep.class);
        assertThat(wizard.step(NetworkStep.class).stateProperty().get()).isEqualTo(StepState.DONE);
    }

    /** Every message the virtual-IP field shows from now on. */
    private List<String> shownMessages() {
        List<String> shown = new ArrayList<>();
        vip.message().addListener((obs, old, message) -> shown.add(message));
        return shown;
    }

    @Test
    void nextNeverActsOnAStaleResult() {
        vip.value().set("192.168.7.300");
        assertThat(wizard.canGoNextProperty().get()).as("still the last shown result: valid").isTrue();
        wizard.next();
        assertThat(wizard.currentStep()).as("Next validated first").isInstanceOf(NetworkStep.class);
        assertThat(vip.message().get()).contains("not an IPv4 address");
        background.runAll();
        assertThat(wizard.currentStep()).isInstanceOf(NetworkStep.class);
        assertThat(vip.message().get()).as("the late background result changes nothing").contains("not an IPv4 address");
    }

    @Test
    void aChangeAfterNextValidatedIsStillValidatedWhenTheOldRunEnds() {
        vip.value().set("192.168.7.300");
        wizard.next();
        vip.value().set("192.168.50.100");
        background.runAll();
        assertThat(wizard.validationPendingProperty().get()).isFalse();
        assertThat(vip.message().get()).isEmpty();
        wizard.next();
        assertThat(wizard.currentStep()).isInstanceOf(DisksStep.class);
    }
}
