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
     * The host's clock minus ours, from the script's last stamp and the moment its answer arrived.
     * The true offset lies between that (the answer's way back took no time) and the first stamp
     * minus the moment we asked (the way there took no time); NTP takes the middle, which assumes
     * both ways take as long. They do not here: the way there holds the login's and sudo's start,
     * which a loaded host stretches to seconds, while the way back only carries the output. The
     * middle then stood seconds off on a busy node and reported clocks apart that were not; the
     * lower bound is off by the way back alone (milliseconds on a LAN).
     */
    Optional<Duration> clockOffset() {
        Optional<Long> first = stamp(StatusScript.CLOCK_START);
        Optional<Long> last = stamp(StatusScript.CLOCK_END);
        if (first.isEmpty() || last.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofNanos(last.get() - localAfter));
    }

    /** The host's clock when the script started, in epoch nanoseconds. */
    Optional<Long> hostStartNanos() {
        return stamp(StatusScript.CLOCK_START);
    }

    private Optional<Long> stamp(String fact) {
        return section(fact).map(s -> s.output().strip()).filter(s -> s.matches("\\d{10,19}")).map(Long::parseLong);
    }
}
