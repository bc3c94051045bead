package io.tandem.model;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class Ipv4Test {

    @Test
    void parsesOnlyDottedQuads() {
        assertThat(Ipv4.parse("10.10.1.251")).map(Ipv4::toString).contains("10.10.1.251");
        assertThat(Ipv4.parse("256.1.1.1")).isEmpty();
        assertThat(Ipv4.parse("010.1.1.1")).isEmpty();
        assertThat(Ipv4.parse("10.1.1")).isEmpty();
        assertThat(Ipv4.parse("10.1.1.1;reboot")).isEmpty();
    }

    @Test
    void aDottedAllNumericValueThatIsNoAddressIsMistyped() {
        assertThat(Ipv4.isMistyped("192.168.50.311")).isTrue();
        assertThat(Ipv4.isMistyped("10.0.0.300")).isTrue();
        assertThat(Ipv4.isMistyped("10.0.0")).isTrue();
        assertThat(Ipv4.isMistyped("010.1.1.1")).isTrue();
        assertThat(Ipv4.isMistyped("1.2.3.4.")).isTrue();
        assertThat(Ipv4.isMistyped("192.168.50.11")).isFalse();
        assertThat(Ipv4.isMistyped("node1.example.com")).isFalse();
        assertThat(Ipv4.isMistyped("10.0.0.1a")).as("a name, judged by the name rules").isFalse();
        assertThat(Ipv4.isMistyped("1234")).as("no dot: a name rule's business").isFalse();
        assertThat(Ipv4.isMistyped(null)).isFalse();
    }

    @Test
    void subnetMathMatchesTheTutorialsInterfacesFile() {
        Ipv4.Subnet net = Ipv4.Subnet.parse("10.10.1.0/24").orElseThrow();
        assertThat(net.netmask()).isEqualTo("255.255.255.0");
        assertThat(net.broadcast()).hasToString("10.10.1.255");
        assertThat(net.isHost(Ipv4.parse("10.10.1.250").orElseThrow())).isTrue();
        assertThat(net.isHost(Ipv4.parse("10.10.1.255").orElseThrow())).isFalse();
        assertThat(net.isHost(Ipv4.parse("10.10.2.1").orElseThrow())).isFalse();
        assertThat(Ipv4.Subnet.parse("10.10.1.5/24").orElseThrow().hasHostBits()).isTrue();
        assertThat(Ipv4.Subnet.parse("10.10.1.0/33")).isEmpty();
    }
}
