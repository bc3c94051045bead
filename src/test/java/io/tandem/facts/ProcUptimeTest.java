package io.tandem.facts;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProcUptimeTest {

    @Test
    void secondsSinceBoot() throws FactParseException {
        String captured = Fixture.local("proc_uptime.txt");
        Duration uptime = ProcUptime.parse(captured);
        assertThat(uptime.toMillis()).isEqualTo(Math.round(Double.parseDouble(captured.split(" ")[0]) * 1000));
        assertThat(ProcUptime.parse("5.07 1.00\n")).isEqualTo(Duration.ofMillis(5070));
        assertThatThrownBy(() -> ProcUptime.parse("up 3 days")).isInstanceOf(FactParseException.class);
    }
}
