package io.tandem.facts;

import io.tandem.model.DrbdVersion;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DrbdVersionParserTest {

    @Test
    void readsUtils9DrivingThe84Module() throws FactParseException {
        DrbdVersions versions = DrbdVersionParser.parse(Fixture.vmlab("node1.static.drbd_versions.txt"));

        assertThat(versions.kernelModule()).contains("8.4.11");
        assertThat(versions.utils()).contains("9.22.0");
        assertThat(versions.generation()).as("decided by the module, not the utils").contains(DrbdVersion.V8_4);
        assertThat(versions.moduleLoaded()).isTrue();
    }

    @Test
    void readsTheModuleFromProcDrbdAlone() throws FactParseException {
        DrbdVersions versions = DrbdVersionParser.parse(Fixture.vmlab("node1.healthy.proc_drbd.txt"));

        assertThat(versions.kernelModule()).contains("8.4.11");
        assertThat(versions.utils()).isEmpty();
    }

    @Test
    void decodesTheKernelVersionCodeWhenDrbdadmPrintsNothingElse() throws FactParseException {
        String drbdadmOnly = Fixture.vmlab("node1.static.drbd_versions.txt").lines()
                .filter(line -> line.startsWith("DRBD")).reduce("", (a, b) -> a + b + "\n");

        assertThat(DrbdVersionParser.parse(drbdadmOnly).kernelModule()).contains("8.4.11");
    }

    @Test
    void emptyOutputMeansNoModuleAndNoUtils() throws FactParseException {
        DrbdVersions versions = DrbdVersionParser.parse("");

        assertThat(versions.moduleLoaded()).isFalse();
        assertThat(versions.utils()).isEmpty();
        assertThat(versions.generation()).isEmpty();
    }

    @Test
    void aZeroKernelCodeMeansTheModuleIsNotLoaded() throws FactParseException {
        DrbdVersions versions = DrbdVersionParser.parse("DRBD_KERNEL_VERSION_CODE=0x000000\nDRBDADM_VERSION=9.22.0\n");

        assertThat(versions.moduleLoaded()).isFalse();
        assertThat(versions.utils()).contains("9.22.0");
    }

    @Test
    void recognisesDrbd9() throws FactParseException {
        assertThat(DrbdVersionParser.parse("DRBD_KERNEL_VERSION_CODE=0x090202\nDRBD_KERNEL_VERSION=9.2.2\n").generation())
                .contains(DrbdVersion.V9);
    }

    @Test
    void refusesOtherOutput() {
        assertThatThrownBy(() -> DrbdVersionParser.parse("bash: drbdadm: command not found\n"))
                .isInstanceOf(FactParseException.class).hasMessage("DRBD versions: neither /proc/drbd nor 'drbdadm --version' output");
        assertThatThrownBy(() -> DrbdVersionParser.parse("version: unknown\n")).isInstanceOf(FactParseException.class);
        assertThatThrownBy(() -> DrbdVersionParser.parse("DRBD_KERNEL_VERSION_CODE=eight\n")).isInstanceOf(FactParseException.class);
    }

    @Test
    void modinfoGivesTheVersionOfTheModuleThatWouldLoad() throws FactParseException {
        // `modinfo -F version drbd` on a fresh Debian 12 VM lab node (fixtures/vmlab/node1.fresh.discovery_facts.txt)
        assertThat(DrbdVersionParser.parseModinfo("8.4.11\n")).contains("8.4.11");
        assertThat(DrbdVersionParser.parseModinfo("9.2.12\n")).contains("9.2.12");
        assertThat(DrbdVersionParser.parseModinfo("")).as("built in, or no modinfo").isEmpty();
        assertThatThrownBy(() -> DrbdVersionParser.parseModinfo("modinfo: ERROR: Module drbd not found.\n"))
                .isInstanceOf(FactParseException.class);
    }
}
