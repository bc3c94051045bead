package io.tandem.model;

import io.tandem.testing.Examples;
import io.tandem.testing.JsonEdit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.tandem.testing.Validation.errorAt;
import static io.tandem.testing.Validation.validate;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A value of only digits and dots is an IPv4 address or a mistake, never a host name: wherever an
 * address or a host name is accepted, {@code 192.168.50.311} is refused with the field's name.
 */
class DottedAddressTest {

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({
            "$.nodes[0].ssh.address, 192.168.50.311, SSH address",
            "$.nodes[1].ssh.address, 10.0.0.300, SSH address",
            "$.nodes[0].ssh.address, 10.0.0, SSH address",
            "$.initiators[0].ssh.address, 192.168.50.256, SSH address",
            "$.time.servers[0], 10.0.0.300, time server",
            "$.time.servers[0], 1.2.3.4.5, time server"})
    void aMistypedAddressIsNotTakenForAHostName(String path, String value, String field) {
        Problem problem = errorAt(validate(JsonEdit.of(Examples.MODERN).set(path, value)), path);
        assertThat(problem.message()).contains("the " + field + " '" + value + "' is not a valid IPv4 address", "0 to 255");
        assertThat(problem.fix()).contains("Correct the " + field);
    }

    @Test
    void aBmcAddressOf10_0_0_300IsRefusedAsABmcAddress() {
        var ipmi = JsonEdit.of(Examples.MODERN).set("$.cluster.stonith", Map.of("type", "fence_ipmilan", "devices", List.of(
                Map.of("node", "node1", "address", "10.0.0.300", "user", "admin", "password", "Bm7cP4ssw0rdX1"),
                Map.of("node", "node2", "address", "10.0.0.31", "user", "admin", "password", "Bm7cP4ssw0rdX2"))));
        Problem problem = errorAt(validate(ipmi), "$.cluster.stonith.devices[0].address");
        assertThat(problem.message()).contains("the BMC address '10.0.0.300' is not a valid IPv4 address");
        assertThat(validate(ipmi)).filteredOn(p -> p.path().equals("$.cluster.stonith.devices[1].address")).isEmpty();
    }

    @Test
    void aLibvirtHostIsNamedAsSuch() {
        var virsh = JsonEdit.of(Examples.MODERN).set("$.cluster.stonith", Map.of("type", "fence_virsh", "devices", List.of(
                Map.of("node", "node1", "address", "192.168.122.1", "user", "root", "password", "Vh3kQ9xT5mW2pL7r", "plug", "vm1"),
                Map.of("node", "node2", "address", "192.168.122.999", "user", "root", "password", "Zr8nF4cJ6yB2sD9q", "plug", "vm2"))));
        assertThat(errorAt(validate(virsh), "$.cluster.stonith.devices[1].address").message())
                .contains("the libvirt host address '192.168.122.999'");
    }

    @Test
    void validAddressesAndHostNamesStayAccepted() {
        var fine = JsonEdit.of(Examples.MODERN).set("$.nodes[0].ssh.address", "node1.example.com")
                .set("$.time.servers", List.of("10.20.30.1", "ntp1.example.test", "0.debian.pool.ntp.org"));
        assertThat(validate(fine)).noneMatch(p -> p.isError());
    }
}
