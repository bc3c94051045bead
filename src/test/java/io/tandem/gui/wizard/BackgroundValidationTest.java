package io.tandem.gui.wizard;

import io.tandem.gui.Background;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
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
