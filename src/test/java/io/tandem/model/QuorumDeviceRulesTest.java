package io.tandem.model;

import io.tandem.testing.Examples;
import io.tandem.testing.JsonEdit;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.tandem.testing.Validation.errorAt;
import static io.tandem.testing.Validation.validate;
import static org.assertj.core.api.Assertions.assertThat;

/** The quorum device: a managed client as the witness, never together with two_node, and its address and port checked. */
class QuorumDeviceRulesTest {

    private static final String DEVICE = "$.cluster.quorumDevice";

    private static JsonEdit witness() {
        return JsonEdit.of(Examples.MODERN).set("$.cluster.twoNode", false).set(DEVICE, Map.of("host", "client"));
    }

    @Test
    void theVmLabExampleWithAWitnessIsCleanAndRoundTrips() throws Exception {
        Project project = ProjectFile.read(java.nio.file.Path.of("examples/vm-lab-qdevice.tandem.json"));
        assertThat(ProjectValidator.validate(project)).isEmpty();
        assertThat(ProjectFile.parse(java.nio.file.Path.of("again.json"), ProjectFile.toJson(project))).isEqualTo(project);
        QuorumDevice device = project.cluster().witness().orElseThrow();
        assertThat(device.addressIn(project)).as("the witness's SSH address by default").isEqualTo("10.205.0.20");
        assertThat(device.portOrDefault()).isEqualTo(5403);
        assertThat(validate(witness())).noneMatch(Problem::isError);
    }

    @Test
    void twoNodeAndAQuorumDeviceExcludeEachOther() {
        Problem both = errorAt(validate(witness().set("$.cluster.twoNode", true)), "$.cluster.twoNode");
        assertThat(both.message()).contains("corosync refuses");
        assertThat(both.fix()).contains("\"twoNode\": false");
        // Without a device, two_node stays required, and the fix now names the alternative.
        assertThat(errorAt(validate(JsonEdit.of(Examples.MODERN).set("$.cluster.twoNode", false)), "$.cluster.twoNode").fix())
                .contains("quorumDevice");
    }

    @Test
    void theWitnessMustBeAClientTandemManages() {
        assertThat(errorAt(validate(witness().set(DEVICE + ".host", "node3")), DEVICE + ".host").message())
                .contains("'node3' is not a client Tandem manages");
        Problem unmanaged = errorAt(validate(witness().remove("$.initiators[0].ssh").remove("$.initiators[0].filesystem")), DEVICE + ".host");
        assertThat(unmanaged.fix()).contains("initiators that have \"ssh\"");
    }

    @Test
    void addressAndPortAreChecked() {
        assertThat(validate(witness().set(DEVICE + ".address", "192.168.50.30").set(DEVICE + ".port", 5404))).noneMatch(Problem::isError);
        assertThat(errorAt(validate(witness().set(DEVICE + ".address", "192.168.50.300")), DEVICE + ".address").message())
                .contains("not a valid IPv4 address");
        assertThat(errorAt(validate(witness().set(DEVICE + ".address", "qnetd;reboot")), DEVICE + ".address").message())
                .contains("neither an IPv4 address nor a host name");
        assertThat(errorAt(validate(witness().set(DEVICE + ".port", 70000)), DEVICE + ".port").message()).contains("out of range");
    }

    @Test
    void theLegacyProfileWarnsThatItHasNoQuorumDevice() {
        var legacy = validate(JsonEdit.of(Examples.SEED).set(DEVICE, Map.of("host", "client")));
        assertThat(legacy).anySatisfy(p -> {
            assertThat(p.path()).isEqualTo(DEVICE);
            assertThat(p.isError()).isFalse();
            assertThat(p.message()).contains("only by the modern profile");
        });
    }

    @Test
    void theWitnessTakesTheFenceDelayOutOfTheFailoverEstimate() throws Exception {
        ClusterSettings plain = JsonEdit.of(Examples.MODERN).project().cluster();
        ClusterSettings sbd = new ClusterSettings(plain.preferredNode(), plain.tokenMs(), plain.twoNode(), plain.resourceStickiness(),
                plain.operationTimeoutSeconds(), new Stonith(StonithType.SBD, null, new Sbd(java.util.List.of("/dev/disk/by-id/x"), "softdog", 5, 10)), null, null);
        ClusterSettings sbdWitness = new ClusterSettings(sbd.preferredNode(), sbd.tokenMs(), false, sbd.resourceStickiness(),
                sbd.operationTimeoutSeconds(), sbd.stonith(), null, new QuorumDevice("client", null, null));
        assertThat(FailoverEstimate.seconds(sbd) - FailoverEstimate.seconds(sbdWitness)).isEqualTo(Stonith.PREFERRED_NODE_FENCE_DELAY_SECONDS);
    }

    /** corosync's sync_timeout follows SBD's watchdog timeout with a witness: a very short one leaves the witness little time to vote. */
    @Test
    void aVeryShortSbdWatchdogWithAWitnessIsWarnedAbout() {
        String sbd = "$.cluster.stonith.sbd";
        JsonEdit lab = JsonEdit.of(java.nio.file.Path.of("examples/vm-lab-qdevice.tandem.json"));
        Problem shortWatchdog = validate(lab.set(sbd + ".watchdogTimeout", 2).set(sbd + ".msgwaitTimeout", 4)).stream()
                .filter(p -> p.path().equals(sbd + ".watchdogTimeout")).findFirst().orElseThrow();
        assertThat(shortWatchdog.isError()).isFalse();
        assertThat(shortWatchdog.message()).contains("witness", "2 s", "lose quorum");
        assertThat(shortWatchdog.fix()).contains("watchdogTimeout to " + Sbd.MIN_WATCHDOG_TIMEOUT_WITH_WITNESS);
        assertThat(validate(lab.set(sbd + ".watchdogTimeout", Sbd.MIN_WATCHDOG_TIMEOUT_WITH_WITNESS)
                .set(sbd + ".msgwaitTimeout", 2 * Sbd.MIN_WATCHDOG_TIMEOUT_WITH_WITNESS))).as("SBD's own defaults").isEmpty();
        assertThat(validate(JsonEdit.of(java.nio.file.Path.of("examples/vm-lab-sbd.tandem.json")).set(sbd + ".watchdogTimeout", 2)
                .set(sbd + ".msgwaitTimeout", 4))).as("without a witness no sync_timeout is cut").isEmpty();
    }
}
