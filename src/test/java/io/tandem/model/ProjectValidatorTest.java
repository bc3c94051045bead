package io.tandem.model;

import io.tandem.testing.Examples;
import io.tandem.testing.JsonEdit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static io.tandem.testing.Validation.errorAt;
import static io.tandem.testing.Validation.validate;
import static org.assertj.core.api.Assertions.assertThat;

class ProjectValidatorTest {

    @Test
    void modernExampleIsValidWithOnlyTheStonithWarning() {
        List<Problem> problems = ProjectValidator.validate(Examples.modern());
        assertThat(problems).extracting(Problem::path).containsExactly("$.cluster.stonith.type");
        assertThat(problems.getFirst().severity()).isEqualTo(Severity.WARNING);
    }

    @Test
    void vmLabExampleIsValidWithOnlyTheStonithWarning() {
        List<Problem> problems = ProjectValidator.validate(Examples.read(Examples.VM_LAB));
        assertThat(problems).extracting(Problem::path).containsExactly("$.cluster.stonith.type");
    }

    @Test
    void vmLabSbdExampleIsValidWithoutAnyProblem() {
        assertThat(ProjectValidator.validate(Examples.read(Examples.VM_LAB_SBD))).isEmpty();
    }

    /** The GPT example must stay the SBD example but for the layout: lab/vm e2e compares the two runs. */
    @Test
    void vmLabGptExampleIsTheSbdExampleWithEveryBackingOnAGptPartition() throws Exception {
        Project gpt = Examples.read(Examples.VM_LAB_GPT);
        assertThat(ProjectValidator.validate(gpt)).isEmpty();
        assertThat(gpt.replication().resources()).flatExtracting(DrbdResource::backing).hasSize(4)
                .allSatisfy(b -> assertThat(b.layoutOrDefault()).isEqualTo(DiskLayout.GPT_PARTITION));
        assertThat(java.nio.file.Files.readString(Examples.VM_LAB_GPT).replace(", \"layout\": \"gpt-partition\"", ""))
                .isEqualTo(java.nio.file.Files.readString(Examples.VM_LAB_SBD));
    }

    /** The tgt example must stay the SBD example but for the implementation and tgt's LUN numbers (its LUN 0 is the controller). */
    @Test
    void vmLabTgtExampleIsTheSbdExampleServedByTgtWithMutualChap() throws Exception {
        Project tgt = Examples.read(Examples.VM_LAB_TGT);
        assertThat(ProjectValidator.validate(tgt)).isEmpty();
        assertThat(tgt.target().implementation()).isEqualTo(TargetImplementation.TGT);
        assertThat(tgt.chap().outgoing()).isNotNull();
        assertThat(tgt.target().luns()).extracting(Lun::number).containsExactly(1, 2);
        assertThat(java.nio.file.Files.readString(Examples.VM_LAB_TGT).replace("\"tgt\"", "\"lio\"")
                .replace("\"number\": 2,", "\"number\": 1,").replaceFirst("\"number\": 1, \"resource\": \"r0\"", "\"number\": 0, \"resource\": \"r0\""))
                .isEqualTo(java.nio.file.Files.readString(Examples.VM_LAB_SBD));
    }

    @Test
    void seedExampleKeepsTheTutorialsShortSecretsAsWarnings() {
        List<Problem> problems = ProjectValidator.validate(Examples.seed());
        assertThat(problems).allSatisfy(p -> assertThat(p.severity()).isEqualTo(Severity.WARNING));
        assertThat(problems).extracting(Problem::path).containsExactlyInAnyOrder("$.replication.sharedSecret",
                "$.chap.incoming.secret", "$.chap.outgoing.secret", "$.chap.discovery.secret");
    }

    @Test
    void shortChapSecretsAreErrorsInTheModernProfile() {
        var problems = validate(JsonEdit.of(Examples.MODERN).set("$.chap.incoming.secret", "secret"));
        assertThat(errorAt(problems, "$.chap.incoming.secret").message()).contains("6 characters", "12 to 16");
        var tooLong = validate(JsonEdit.of(Examples.MODERN).set("$.chap.incoming.secret", "a".repeat(17)));
        assertThat(errorAt(tooLong, "$.chap.incoming.secret").message()).contains("17 characters");
    }

    @Test
    void incomingAndOutgoingChapSecretsMustDiffer() {
        var problems = validate(JsonEdit.of(Examples.SEED).set("$.chap.outgoing.secret", "secret"));
        assertThat(errorAt(problems, "$.chap.outgoing.secret").message()).contains("equals the incoming");
    }

    @Test
    void virtualIpMustBeAFreeHostAddressInTheClientSubnet() {
        assertThat(errorAt(validate(JsonEdit.of(Examples.MODERN).set("$.networks.client.virtualIp", "192.168.60.100")),
                "$.networks.client.virtualIp").message()).contains("not a host address in 192.168.50.0/24");
        Problem broadcast = errorAt(validate(JsonEdit.of(Examples.MODERN).set("$.networks.client.virtualIp", "192.168.50.255")),
                "$.networks.client.virtualIp");
        assertThat(broadcast.message()).contains("192.168.50.255 is not a host address in 192.168.50.0/24");
        assertThat(broadcast.fix()).contains("free address inside 192.168.50.0/24");
        assertThat(errorAt(validate(JsonEdit.of(Examples.MODERN).set("$.networks.client.virtualIp", "192.168.50.11")),
                "$.nodes[0].links[0].address").message()).contains("virtual IP");
    }

    @Test
    void addressesMustBeInsideTheirSubnets() {
        assertThat(errorAt(validate(JsonEdit.of(Examples.MODERN).set("$.nodes[1].links[1].address", "192.168.50.99")),
                "$.nodes[1].links[1].address").message()).contains("replication subnet 192.168.60.0/24");
        Problem gateway = errorAt(validate(JsonEdit.of(Examples.MODERN).set("$.networks.client.gateway", "10.0.0.1")),
                "$.networks.client.gateway");
        assertThat(gateway.message()).contains("gateway 10.0.0.1 is not inside 192.168.50.0/24");
        assertThat(gateway.fix()).contains("router's address", "remove \"gateway\"");
        assertThat(errorAt(validate(JsonEdit.of(Examples.MODERN).set("$.networks.client.cidr", "192.168.50.7/24")),
                "$.networks.client.cidr").fix()).contains("192.168.50.0/24");
        assertThat(errorAt(validate(JsonEdit.of(Examples.MODERN).set("$.networks.replication.cidr", "192.168.0.0/16")),
                "$.networks.replication.cidr").message()).contains("overlaps");
    }

    @Test
    void namesMustBeDistinct() {
        var problems = validate(JsonEdit.of(Examples.MODERN).set("$.nodes[1].name", "node1"));
        assertThat(errorAt(problems, "$.nodes[1].name").message()).contains("node name 'node1' is already used at $.nodes[0].name");
        assertThat(errorAt(problems, "$.nodes[1].name").fix()).contains("different node name");
        Problem initiator = errorAt(validate(JsonEdit.of(Examples.MODERN).set("$.initiators[0].name", "node2")), "$.initiators[0].name");
        assertThat(initiator.message()).contains("host name 'node2' is already used at $.nodes");
        assertThat(initiator.fix()).contains("different host name");
        Problem resource = errorAt(validate(JsonEdit.of(Examples.MODERN).set("$.replication.resources[1].name", "r0")),
                "$.replication.resources[1].name");
        assertThat(resource.message()).contains("resource name 'r0' is already used at $.replication.resources[0].name");
        assertThat(resource.fix()).contains("different resource name");
    }

    @Test
    void clusterIsNoNameForANodeOrAnInitiatorBecauseTheExportKeepsClusterWideFilesUnderIt() {
        for (String path : List.of("$.nodes[1].name", "$.initiators[0].name")) {
            Problem problem = errorAt(validate(JsonEdit.of(Examples.MODERN).set(path, "cluster")), path);
            assertThat(problem.message()).contains("'cluster' is reserved", "cluster-wide files");
            assertThat(problem.fix()).contains("another name");
        }
    }

    @Test
    void iqnsFollowRfc3720WithATwoLabelNamingAuthority() {
        assertThat(errorAt(validate(JsonEdit.of(Examples.MODERN).set("$.target.iqn", "iqn.2024-01.lab:store")),
                "$.target.iqn").message()).contains("at least two labels");
        assertThat(errorAt(validate(JsonEdit.of(Examples.MODERN).set("$.target.iqn", "iqn.2024-13.test.lab:store")),
                "$.target.iqn").message()).contains("yyyy-mm");
        assertThat(errorAt(validate(JsonEdit.of(Examples.MODERN).set("$.initiators[0].iqn", "IQN.2024-01.test.lab:Client")),
                "$.initiators[0].iqn").message()).contains("lower-case");
        assertThat(Iqn.isValid("iqn.2008-04.local.home:storage.disk.0")).isTrue();
    }

    @Test
    void bondsNeedTwoSlavesAndANicBelongsToOneBond() {
        assertThat(errorAt(validate(JsonEdit.of(Examples.MODERN).set("$.nodes[0].links[0].bond.slaves", List.of("eth0"))),
                "$.nodes[0].links[0].bond.slaves").message()).contains("at least two NICs");
        var problems = validate(JsonEdit.of(Examples.MODERN).set("$.nodes[0].links[1].bond.slaves", List.of("eth1", "eth3"))
                .set("$.nodes[0].links[1].bond.primary", "eth3"));
        assertThat(errorAt(problems, "$.nodes[0].links[1].bond.slaves[0]").message()).contains("already a slave at $.nodes[0].links[0].bond.slaves[1]");
    }

    @Test
    void theReplicationFallbackNeedsABondThatCanCheckByArp() {
        JsonEdit fallback = JsonEdit.of(Examples.MODERN).set("$.networks.replication.fallbackOverClient", true);
        assertThat(validate(fallback)).noneMatch(Problem::isError);

        Problem lacp = errorAt(validate(JsonEdit.of(Examples.MODERN).set("$.networks.replication.fallbackOverClient", true)
                .set("$.nodes[1].links[1].bond.mode", "802.3ad")), "$.nodes[1].links[1].bond.mode");
        assertThat(lacp.message()).contains("a 802.3ad bond cannot check its link by ARP");
        assertThat(lacp.fix()).contains("active-backup");

        Problem plain = errorAt(validate(JsonEdit.of(Examples.MODERN).set("$.networks.replication.fallbackOverClient", true)
                .remove("$.nodes[0].links[1].bond")), "$.nodes[0].links[1]");
        assertThat(plain.message()).contains("needs a bond on the replication link");
        assertThat(plain.fix()).contains("remove \"fallbackOverClient\"");

        assertThat(errorAt(validate(JsonEdit.of(Examples.MODERN).set("$.networks.client.fallbackOverClient", true)),
                "$.networks.client.fallbackOverClient").message()).contains("only the replication network");
    }

    @Test
    void devicesMustBeUnderDev() {
        assertThat(errorAt(validate(JsonEdit.of(Examples.MODERN).set("$.replication.resources[0].backing[0].disk", "/tmp/disk.img")),
                "$.replication.resources[0].backing[0].disk").message()).contains("under /dev/");
        Problem climbing = errorAt(validate(JsonEdit.of(Examples.MODERN).set("$.replication.resources[0].backing[0].disk", "/dev/../etc/passwd")),
                "$.replication.resources[0].backing[0].disk");
        assertThat(climbing.message()).contains("'/dev/../etc/passwd' is not allowed here", "a device path under /dev/");
        assertThat(climbing.fix()).contains("Change it to a device path under /dev/");
    }

    @Test
    void drbdMinorsPortsAndDisksAreUnique() {
        var problems = validate(JsonEdit.of(Examples.MODERN)
                .set("$.replication.resources[1].minor", 0)
                .set("$.replication.resources[1].port", 7789)
                .set("$.replication.resources[1].backing[0].disk", "/dev/vdb"));
        assertThat(errorAt(problems, "$.replication.resources[1].minor").message())
                .contains("minor number '0' is already used at $.replication.resources[0].minor");
        assertThat(errorAt(problems, "$.replication.resources[1].minor").fix()).contains("different minor number");
        assertThat(errorAt(problems, "$.replication.resources[1].port").message())
                .contains("port '7789' is already used at $.replication.resources[0].port");
        assertThat(errorAt(problems, "$.replication.resources[1].port").fix()).contains("different port");
        assertThat(errorAt(problems, "$.replication.resources[1].backing[0].disk").message())
                .contains("'node1 /dev/vdb' is already used at $.replication.resources[0].backing[0].disk");
        assertThat(errorAt(validate(JsonEdit.of(Examples.MODERN).set("$.replication.resources[0].port", 3260)),
                "$.replication.resources[0].port").message()).contains("iSCSI");
    }

    @Test
    void everyResourceNeedsABackingDeviceOnBothNodes() {
        var problems = validate(JsonEdit.of(Examples.MODERN).remove("$.replication.resources[0].backing[1]"));
        assertThat(errorAt(problems, "$.replication.resources[0].backing").message()).contains("node 'node2'");
    }

    @Test
    void lunsReferToLunResourcesAndTgtStartsAtOne() {
        Problem noSuch = errorAt(validate(JsonEdit.of(Examples.MODERN).set("$.target.luns[0].resource", "r9")), "$.target.luns[0].resource");
        assertThat(noSuch.message()).contains("no DRBD resource named 'r9'");
        assertThat(noSuch.fix()).contains("$.replication.resources");
        assertThat(errorAt(validate(JsonEdit.of(Examples.MODERN).set("$.target.implementation", "tgt")),
                "$.target.luns[0].number").message()).contains("tgt reserves LUN 0");
        Problem noSerial = errorAt(validate(JsonEdit.of(Examples.MODERN).remove("$.target.luns[1].serial")), "$.target.luns[1].serial");
        assertThat(noSerial.message()).contains("no serial number", "after a failover");
        assertThat(noSerial.fix()).contains("\"serial\"", "4 to 20 letters and digits");
    }

    @Test
    void eachImplementationAllowsOnlyTheChapItsAgentsSet() {
        var mutual = java.util.Map.of("user", "target", "secret", "Zx8cV7bN6mQ5wE4r");
        var discovery = java.util.Map.of("user", "finder", "secret", "Hn4bT8kW2pX6cR9m");
        var lioT = validate(JsonEdit.of(Examples.MODERN).set("$.target.implementation", "lio-t")
                .set("$.chap.outgoing", mutual).set("$.chap.discovery", discovery));
        assertThat(errorAt(lioT, "$.chap.outgoing").message()).contains("mutual CHAP", "\"lio-t\"");
        assertThat(errorAt(lioT, "$.chap.outgoing").fix()).contains("implementation \"lio\"");
        assertThat(errorAt(lioT, "$.chap.discovery").message()).contains("discovery CHAP", "\"lio-t\"");
        assertThat(errorAt(lioT, "$.chap.discovery").fix()).contains("implementation \"lio\"");

        // tgt: mutual CHAP through Tandem's TgtMutualChap agent; discovery CHAP does not exist in tgt.
        JsonEdit tgt = JsonEdit.of(Examples.MODERN).set("$.target.implementation", "tgt")
                .set("$.target.luns[0].number", 1).set("$.target.luns[1].number", 2).set("$.chap.outgoing", mutual);
        var tgtMutual = validate(tgt);
        assertThat(ProjectValidator.hasErrors(tgtMutual)).as("%s", tgtMutual).isFalse();
        var tgtDiscovery = validate(tgt.set("$.chap.discovery", discovery));
        assertThat(errorAt(tgtDiscovery, "$.chap.discovery").message()).contains("tgt has no discovery authentication");
        assertThat(errorAt(tgtDiscovery, "$.chap.discovery").fix()).contains("implementation \"lio\"", "remove \"discovery\"");
        assertThat(tgtDiscovery).noneMatch(p -> p.path().equals("$.chap.outgoing"));

        var lio = validate(JsonEdit.of(Examples.MODERN).set("$.target.implementation", "lio")
                .set("$.chap.outgoing", mutual).set("$.chap.discovery", discovery));
        assertThat(ProjectValidator.hasErrors(lio)).as("%s", lio).isFalse();
    }

    @Test
    void tgtNeedsTwoAccountNamesForMutualChap() {
        String incoming = Examples.modern().chap().incoming().user();
        var problems = validate(JsonEdit.of(Examples.MODERN).set("$.target.implementation", "tgt")
                .set("$.target.luns[0].number", 1).set("$.target.luns[1].number", 2)
                .set("$.chap.outgoing", java.util.Map.of("user", incoming, "secret", "Zx8cV7bN6mQ5wE4r")));
        assertThat(errorAt(problems, "$.chap.outgoing.user").message()).contains("one account per user name", "'" + incoming + "'");
        var lio = validate(JsonEdit.of(Examples.MODERN).set("$.chap.outgoing", java.util.Map.of("user", incoming, "secret", "Zx8cV7bN6mQ5wE4r")));
        assertThat(lio).as("LIO keeps the two users apart").noneMatch(p -> p.path().equals("$.chap.outgoing.user"));
    }

    @Test
    void stonithWithFenceDevicesNeedsOnePerNode() {
        var problems = validate(JsonEdit.of(Examples.MODERN).set("$.cluster.stonith", java.util.Map.of("type", "fence_ipmilan",
                "devices", List.of(java.util.Map.of("node", "node1", "address", "10.0.0.5", "user", "admin", "password", "Pw8xK2mN7qR4tV6z")))));
        assertThat(errorAt(problems, "$.cluster.stonith.devices").message()).contains("node 'node2'");
    }

    @Test
    void allProblemsAreReportedAtOnce() {
        var problems = validate(JsonEdit.of(Examples.MODERN)
                .set("$.clusterName", "bad name")
                .set("$.nodes[0].ssh.port", 70000)
                .set("$.target.iqn", "iqn.x"));
        assertThat(problems.stream().filter(Problem::isError)).extracting(Problem::path)
                .contains("$.clusterName", "$.nodes[0].ssh.port", "$.target.iqn");
        assertThat(errorAt(problems, "$.clusterName").message()).contains("'bad name' is not allowed here");
        assertThat(errorAt(problems, "$.nodes[0].ssh.port").message()).contains("70000 is out of range", "between 1 and 65535");
        assertThat(errorAt(problems, "$.target.iqn").message()).contains("'iqn.x' is not a valid iSCSI name");
    }

    static Stream<Arguments> hostileValues() {
        List<String> paths = List.of("$.clusterName", "$.domain", "$.nodes[0].name", "$.nodes[0].ssh.user", "$.nodes[0].ssh.address",
                "$.nodes[0].links[0].interfaceName", "$.nodes[0].links[0].bond.slaves[0]", "$.nodes[0].links[0].address",
                "$.networks.client.cidr", "$.networks.client.virtualIp", "$.networks.client.gateway",
                "$.replication.verifyAlgorithm", "$.replication.hmacAlgorithm", "$.replication.splitBrain.afterSb0pri",
                "$.replication.dynamicResync.maxRate", "$.replication.resources[0].name",
                "$.replication.resources[0].backing[0].disk", "$.replication.resources[0].backing[0].metaDisk",
                "$.target.iqn", "$.target.luns[0].serial", "$.target.luns[0].productId", "$.target.session.headerDigest",
                "$.chap.incoming.user", "$.initiators[0].name", "$.initiators[0].iqn", "$.initiators[0].filesystem.type",
                "$.initiators[0].filesystem.mountPoint", "$.initiators[0].filesystem.options", "$.time.servers[0]");
        List<String> hostile = List.of("a;reboot", "$(id)", "`id`", "it's", "say \"hi\"", "line\nbreak", "a b", "x|y", "../../etc");
        List<Arguments> cases = new ArrayList<>();
        for (String path : paths) {
            for (String value : hostile) {
                cases.add(Arguments.of(path, value));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("hostileValues")
    void hostileValuesAreRejectedWhereTheyStand(String path, String value) {
        List<Problem> problems = validate(JsonEdit.of(Examples.MODERN).set(path, value));
        Problem problem = problems.stream().filter(p -> p.isError() && p.path().startsWith(path)).findFirst().orElse(null);
        assertThat(problem).as("an error at %s for %s; got %s", path, value, problems).isNotNull();
        assertThat(problem.path()).isEqualTo(path);
        // Names the value as it stands, with a line break shown as \n rather than broken over two lines.
        assertThat(problem.message()).contains("'" + ProblemCollector.printable(value) + "'").doesNotContain("\n");
        assertThat(problem.fix()).containsAnyOf("Change it to", "Write", "Use", "Name");
    }

    @ParameterizedTest
    @MethodSource("hostileSecrets")
    void hostileSecretsAreRejectedWithoutEchoingThem(String path) {
        String value = "ab$(reboot)cd'ef";
        List<Problem> problems = validate(JsonEdit.of(Examples.MODERN).set(path, value));
        Problem problem = errorAt(problems, path);
        assertThat(problem.message()).contains("not allowed").doesNotContain(value).doesNotContain("reboot");
    }

    static Stream<String> hostileSecrets() {
        return Stream.of("$.chap.incoming.secret", "$.replication.sharedSecret");
    }
}
