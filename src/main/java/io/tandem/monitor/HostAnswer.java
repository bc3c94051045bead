package io.tandem.monitor;

import io.tandem.discovery.FactScript;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * What one host answered to its status script: the sections by fact name with this workstation's
 * clock (epoch nanoseconds) just before asking and just after the answer, or why it did not answer.
 */
record HostAnswer(String host, Map<String, FactScript.Section> sections, long localBefore, long localAfter, Duration took, String failure) {

    static HostAnswer of(String host, Map<String, FactScript.Section> sections, long localBefore, long localAfter, Duration took) {
        return new HostAnswer(host, Map.copyOf(sections), localBefore, localAfter, took, null);
    }

    static HostAnswer failed(String host, String failure, Duration took) {
        return new HostAnswer(host, Map.of(), 0, 0, took, failure);
    }

    boolean answered() {
        return failure == null;
    }

    Optional<FactScript.Section> section(String fact) {
        return Optional.ofNullable(sections.get(fact));
    }

    /**
     * The host's clock minus ours, NTP style: its stamps at the start and end of the script against
     * ours before asking and after the answer, so the time on the wire cancels out (its asymmetry,
     * and a login within the read, remain as error).
     */
    Optional<Duration> clockOffset() {
        Optional<Long> first = stamp(StatusScript.CLOCK_START);
        Optional<Long> last = stamp(StatusScript.CLOCK_END);
        if (first.isEmpty() || last.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofNanos(((first.get() - localBefore) + (last.get() - localAfter)) / 2));
    }

    private Optional<Long> stamp(String fact) {
        return section(fact).map(s -> s.output().strip()).filter(s -> s.matches("\\d{10,19}")).map(Long::parseLong);
    }
}
