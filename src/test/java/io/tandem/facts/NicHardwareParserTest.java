package io.tandem.facts;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NicHardwareParserTest {

    @Test
    void readsAVirtioNicWithUnknownSpeedAndDriverlessDevices() throws FactParseException {
        Map<String, NicHardware> nics = NicHardwareParser.parse(Fixture.local("nic_hardware.txt"));

        assertThat(nics).containsOnlyKeys("eth0", "ifb0", "ifb1");
        assertThat(nics.get("eth0")).isEqualTo(new NicHardware("eth0", null, "virtio_net"));
        assertThat(nics.get("ifb0")).isEqualTo(new NicHardware("ifb0", null, null));
    }

    @Test
    void readsAKnownSpeedWithoutADriver() throws FactParseException {
        Map<String, NicHardware> nics = NicHardwareParser.parse(Fixture.local("nic_hardware.netns_veth_bridge.txt"));

        assertThat(nics.get("veth0")).isEqualTo(new NicHardware("veth0", 10000, null));
        assertThat(nics.get("br0").speedMbps()).isEqualTo(10000);
    }

    @Test
    void treatsOldKernelsUnsignedUnknownSpeedAsUnknown() throws FactParseException {
        assertThat(NicHardwareParser.parse("eth3 4294967295 e1000e\n").get("eth3").speedMbps()).isNull();
    }

    @Test
    void theCommandRunsHereAndItsOutputParses() throws Exception {
        assertThat(Path.of("/sys/class/net")).as("Linux sysfs (Tandem's tests run on Linux)").isDirectory();
        Process sh = new ProcessBuilder("sh", "-c", NicHardwareParser.COMMAND).redirectErrorStream(true).start();
        assertThat(sh.waitFor(10, TimeUnit.SECONDS)).isTrue();
        String output = new String(sh.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(NicHardwareParser.parse(output)).doesNotContainKey("lo").isNotEmpty();
    }

    @Test
    void refusesLinesOfAnotherShape() {
        assertThatThrownBy(() -> NicHardwareParser.parse("eth0 1000\n")).isInstanceOf(FactParseException.class)
                .hasMessageContaining("expected 'NAME SPEED DRIVER'");
        assertThatThrownBy(() -> NicHardwareParser.parse("eth0 fast e1000e\n")).isInstanceOf(FactParseException.class)
                .hasMessageContaining("speed is not a number");
    }
}
