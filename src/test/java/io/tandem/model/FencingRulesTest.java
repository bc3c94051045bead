package io.tandem.model;

import io.tandem.testing.Examples;
import io.tandem.testing.JsonEdit;
import io.tandem.testing.Variants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.tandem.testing.Validation.errorAt;
import static io.tandem.testing.Validation.validate;
import static org.assertj.core.api.Assertions.assertThat;

/** SBD and libvirt fencing: what is required, the timeout ordering, and hostile values at every new field. */
class FencingRulesTest {

    private static final String SBD = "$.cluster.stonith.sbd";
    private static final String DEVICE = "$.cluster.stonith.devices[0]";

    @Test
    void theSbdAndVirshVariantsAreCleanAndRoundTrip() throws Exception {
        for (Project project : List.of(Variants.sbd(), Variants.virsh())) {
            assertThat(ProjectValidator.validate(project)).isEmpty();
            assertThat(ProjectFile.parse(java.nio.file.Path.of("again.json"), ProjectFile.toJson(project))).isEqualTo(project);
        }
        assertThat(Variants.virsh().cluster().stonith().devices().getFirst().plug()).isEqualTo("tandem-node1");
    }

    @Test
    void sbdNeedsItsSettings() {
        Problem p = errorAt(validate(sbd().remove(SBD)), SBD);
        assertThat(p.message()).contains("shared disks", "watchdog");
        assertThat(p.fix()).contains("\"devices\"", "softdog", "msgwaitTimeout");
    }

    @Test
    void msgwaitMustOutlastTheWatchdog() {
        Problem equal = errorAt(validate(sbd().set(SBD + ".watchdogTimeout", 10)), SBD + ".msgwaitTimeout");
        assertThat(equal.message()).contains("must be longer than the watchdog timeout (10 s)");
        assertThat(equal.fix()).contains("20");
        var tight = validate(sbd().set(SBD + ".watchdogTimeout", 8));
        assertThat(tight).filteredOn(p -> p.path().equals(SBD + ".msgwaitTimeout")).singleElement()
                .satisfies(p -> assertThat(p.severity()).isEqualTo(Severity.WARNING));
        assertThat(errorAt(validate(sbd().set(SBD + ".msgwaitTimeout", 1000)), SBD + ".msgwaitTimeout").message()).contains("240");
    }

    @Test
    void oneToThreeStableDistinctDisks() {
        assertThat(errorAt(validate(sbd().set(SBD + ".devices", List.of())), SBD + ".devices").message()).contains("one to three");
        List<String> four = List.of("/dev/disk/by-id/a1", "/dev/disk/by-id/a2", "/dev/disk/by-id/a3", "/dev/disk/by-id/a4");
        assertThat(errorAt(validate(sbd().set(SBD + ".devices", four)), SBD + ".devices").message()).contains("4 are listed");
        var two = validate(sbd().set(SBD + ".devices", List.of("/dev/disk/by-id/a1", "/dev/mapper/sbd2")));
        assertThat(two).noneMatch(Problem::isError).filteredOn(p -> p.path().equals(SBD + ".devices")).singleElement().satisfies(p -> {
            assertThat(p.message()).contains("two SBD disks", "no safer than one");
            assertThat(p.fix()).contains("one disk, or three");
        });
        var same = validate(sbd().set(SBD + ".devices", List.of("/dev/disk/by-id/a1", "/dev/disk/by-id/a1", "/dev/disk/by-id/a3")));
        assertThat(errorAt(same, SBD + ".devices[1]").message()).contains("already used at " + SBD + ".devices[0]");
        Problem unstable = errorAt(validate(sbd().set(SBD + ".devices[0]", "/dev/sdb")), SBD + ".devices[0]");
        assertThat(unstable.fix()).contains("/dev/disk/by-id/");
        assertThat(validate(sbd().set(SBD + ".devices[0]", "/dev/disk/by-path/ip-10.0.0.5:3260-iscsi-iqn.2024-01.test.example:sbd-lun-0")))
                .noneMatch(Problem::isError);
        assertThat(errorAt(validate(sbd().set(SBD + ".watchdog", "/dev/sda")), SBD + ".watchdog").fix()).contains("softdog");
        assertThat(validate(sbd().set(SBD + ".watchdog", "/dev/watchdog0"))).noneMatch(Problem::isError);
    }

    @Test
    void virshNeedsTheDomainAndWarnsAboutWhatIpmiIgnores() {
        Problem noPlug = errorAt(validate(virsh().remove(DEVICE + ".plug")), DEVICE + ".plug");
        assertThat(noPlug.message()).contains("node 'node1'");
        assertThat(noPlug.fix()).contains("virsh list --all");
        var sameVm = validate(virsh().set("$.cluster.stonith.devices[1].plug", "tandem-node1"));
        assertThat(errorAt(sameVm, "$.cluster.stonith.devices[1].plug").message()).contains("already used");
        var nonRoot = validate(virsh().set(DEVICE + ".user", "fencer"));
        assertThat(nonRoot).noneMatch(Problem::isError).anySatisfy(p -> {
            assertThat(p.path()).isEqualTo(DEVICE + ".user");
            assertThat(p.fix()).contains("qemu:///system");
        });
        var ipmiWithPlug = validate(JsonEdit.of(Examples.MODERN).set("$.cluster.stonith", Map.of("type", "fence_ipmilan", "devices", List.of(
                Map.of("node", "node1", "address", "10.0.0.5", "user", "admin", "password", "Pw8xK2mN7qR4tV6z", "plug", "x"),
                Map.of("node", "node2", "address", "10.0.0.6", "user", "admin", "password", "Qw8xK2mN7qR4tV6z")))));
        assertThat(ipmiWithPlug).noneMatch(Problem::isError).filteredOn(p -> p.path().equals(DEVICE + ".plug")).singleElement()
                .satisfies(p -> {
                    assertThat(p.message()).contains("fence_ipmilan", "\"plug\" is not used");
                    assertThat(p.fix()).contains("Remove \"plug\"");
                });
        assertThat(errorAt(validate(virsh().remove("$.cluster.stonith.devices[1]")), "$.cluster.stonith.devices").fix())
                .contains("libvirt host");
    }

    /** fence_ipmilan's cipher suite: 1-17; 0 is refused (no password check); libvirt ignores it. */
    @Test
    void anIpmiCipherSuiteMustAuthenticate() throws Exception {
        JsonEdit ipmi = JsonEdit.of(Examples.MODERN).set("$.cluster.stonith", Map.of("type", "fence_ipmilan", "devices", List.of(
                Map.of("node", "node1", "address", "10.0.0.5", "user", "admin", "password", "Pw8xK2mN7qR4tV6z", "cipher", 3),
                Map.of("node", "node2", "address", "10.0.0.6", "user", "admin", "password", "Qw8xK2mN7qR4tV6z"))));
        assertThat(validate(ipmi)).noneMatch(Problem::isError).noneMatch(p -> p.path().endsWith(".cipher"));
        assertThat(ipmi.project().cluster().stonith().devices().getFirst().cipher()).isEqualTo(3);
        Problem none = errorAt(validate(ipmi.set(DEVICE + ".cipher", 0)), DEVICE + ".cipher");
        assertThat(none.message()).contains("without checking the password", "node1");
        assertThat(none.fix()).contains("3", "remove \"cipher\"");
        assertThat(errorAt(validate(ipmi.set(DEVICE + ".cipher", 18)), DEVICE + ".cipher").message()).contains("1 to 17", "18");
        assertThat(validate(virsh().set(DEVICE + ".cipher", 3))).noneMatch(Problem::isError)
                .filteredOn(p -> p.path().equals(DEVICE + ".cipher")).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("fence_virsh", "not used"));
    }

    @Test
    void settingsForAnotherTypeAreWarnedAbout() {
        var sbdWithDevices = validate(sbd().set("$.cluster.stonith.devices", List.of(Map.of("node", "node1", "address", "10.0.0.5",
                "user", "root", "password", "Pw8xK2mN7qR4tV6z"))));
        assertThat(sbdWithDevices).noneMatch(Problem::isError).filteredOn(p -> p.path().equals("$.cluster.stonith.devices"))
                .singleElement().satisfies(p -> {
                    assertThat(p.message()).contains("fence_sbd", "devices listed are not used");
                    assertThat(p.fix()).contains("Remove \"devices\"");
                });
        var virshWithSbd = validate(virsh().set(SBD, Map.of("devices", List.of("/dev/disk/by-id/a"), "watchdog", "softdog",
                "watchdogTimeout", 5, "msgwaitTimeout", 10)));
        assertThat(virshWithSbd).noneMatch(Problem::isError).filteredOn(p -> p.path().equals(SBD)).singleElement().satisfies(p -> {
            assertThat(p.message()).contains("SBD settings are not used by fence_virsh");
            assertThat(p.fix()).contains("Remove \"sbd\"");
        });
        var noneWithSbd = validate(sbd().set("$.cluster.stonith.type", "none").set("$.replication.fencing", "resource-only"));
        assertThat(noneWithSbd).noneMatch(Problem::isError).filteredOn(p -> p.path().equals("$.cluster.stonith")).singleElement()
                .satisfies(p -> {
                    assertThat(p.message()).contains("STONITH is off", "not used");
                    assertThat(p.fix()).contains("Set \"type\"", "\"sbd\" and \"action\"");
                });
        var noneWithAction = validate(JsonEdit.of(Examples.MODERN).set("$.cluster.stonith", Map.of("type", "none", "action", "off"))
                .set("$.replication.fencing", "resource-only"));
        assertThat(noneWithAction).noneMatch(Problem::isError).filteredOn(p -> p.path().equals("$.cluster.stonith")).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("STONITH is off", "not used"));
    }

    /** "action": "off" leaves a fenced node off; anything but reboot or off is refused with the field named. */
    @Test
    void theFenceActionIsRebootOrOff() throws Exception {
        JsonEdit ipmi = JsonEdit.of(Examples.VM_LAB_IPMI).remove("$.cluster.stonith.action");
        assertThat(ipmi.project().cluster().stonith().afterFencing()).isEqualTo(FenceAction.REBOOT);
        assertThat(validate(ipmi.set("$.cluster.stonith.action", "off"))).noneMatch(Problem::isError);
        assertThat(ipmi.set("$.cluster.stonith.action", "off").project().cluster().stonith().afterFencing()).isEqualTo(FenceAction.OFF);
        var wrong = org.junit.jupiter.api.Assertions.assertThrows(ProjectFileException.class,
                () -> ipmi.set("$.cluster.stonith.action", "poweroff").project());
        assertThat(wrong.problems()).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("$.cluster.stonith.action");
            assertThat(p.fix()).contains("\"reboot\", \"off\"");
        });
    }

    @Test
    void theLegacyProfileWarnsThatFencingIsNotExported() {
        var legacy = validate(JsonEdit.of(Examples.SEED).set("$.cluster.stonith", Map.of("type", "fence_sbd", "sbd", Map.of(
                "devices", List.of("/dev/disk/by-id/a"), "watchdog", "softdog", "watchdogTimeout", 5, "msgwaitTimeout", 10))));
        assertThat(legacy).noneMatch(Problem::isError).anySatisfy(p -> {
            assertThat(p.path()).isEqualTo("$.cluster.stonith.type");
            assertThat(p.message()).contains("not exported");
        });
    }

    @Test
    void sbdsMsgwaitAndTheFenceDelayCountTowardsTheFailoverTime() {
        // token 3 s × 2 + operation timeout 120 s / 2 = 66 s, plus the 15 s delay before the preferred node is fenced, plus msgwait.
        var slow = validate(sbd().set(SBD + ".watchdogTimeout", 60).set(SBD + ".msgwaitTimeout", 120));
        assertThat(slow).anySatisfy(p -> {
            assertThat(p.path()).isEqualTo("$.initiators[0].timeouts.replacementTimeout");
            assertThat(p.message()).contains("201 s");
        });
    }

    @Test
    void unknownFieldsInTheNewObjectsAreNamed() {
        var e = org.assertj.core.api.Assertions.catchThrowableOfType(ProjectFileException.class,
                () -> sbd().set(SBD + ".watchdogTimout", 5).project());
        assertThat(e.problems().getFirst().path()).isEqualTo(SBD + ".watchdogTimout");
        assertThat(e.problems().getFirst().message()).contains("watchdogTimout");
        assertThat(e.problems().getFirst().fix()).contains("watchdogTimeout");
    }

    static Stream<Arguments> hostileValues() {
        List<String> sbdPaths = List.of(SBD + ".devices[0]", SBD + ".watchdog");
        List<String> virshPaths = List.of(DEVICE + ".node", DEVICE + ".address", DEVICE + ".user", DEVICE + ".plug");
        List<String> hostile = List.of("a;reboot", "$(id)", "`id`", "it's", "say \"hi\"", "line\nbreak", "a b", "x|y", "../../etc",
                "/dev/disk/by-id/x;reboot", "/dev/disk/by-id/$(id)", "/dev/disk/by-id/a,b", "/dev/disk/by-id/../../sda", "/dev/disk/by-id/a\nb");
        List<Arguments> cases = new ArrayList<>();
        for (String value : hostile) {
            sbdPaths.forEach(path -> cases.add(Arguments.of("sbd", path, value)));
            virshPaths.forEach(path -> cases.add(Arguments.of("virsh", path, value)));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1} = {2}")
    @MethodSource("hostileValues")
    void hostileValuesAreRejectedWhereTheyStand(String base, String path, String value) {
        List<Problem> problems = validate((base.equals("sbd") ? sbd() : virsh()).set(path, value));
        Problem problem = problems.stream().filter(p -> p.isError() && p.path().startsWith(path)).findFirst().orElse(null);
        assertThat(problem).as("an error at %s for %s; got %s", path, value, problems).isNotNull();
        assertThat(problem.path()).isEqualTo(path);
        // Names the value as it stands, with a line break shown as \n rather than broken over two lines.
        assertThat(problem.message()).contains("'" + ProblemCollector.printable(value) + "'").doesNotContain("\n");
        assertThat(problem.fix()).containsAnyOf("Change it to", "Write", "Use", "Name");
    }

    @Test
    void aHostileFencePasswordIsRejectedWithoutEchoingIt() {
        String value = "ab$(reboot)cd'ef";
        Problem problem = errorAt(validate(virsh().set(DEVICE + ".password", value)), DEVICE + ".password");
        assertThat(problem.message()).contains("not allowed").doesNotContain(value).doesNotContain("reboot");
    }

    @Test
    void anSbdDiskCannotAlsoHoldReplicatedData() {
        String disk = "/dev/disk/by-id/wwn-0x6001405d3a8f0c2b";
        var asData = validate(sbd().set("$.replication.resources[1].backing[0].disk", disk));
        assertThat(asData).anySatisfy(p -> {
            assertThat(p.isError()).isTrue();
            assertThat(p.path()).isEqualTo(SBD + ".devices[0]");
            assertThat(p.message()).contains("the data disk of DRBD resource r1 on node1");
        });
        var asMetadata = validate(sbd().set("$.replication.resources[0].backing[1].metaDisk", disk)
                .set("$.replication.resources[0].backing[1].metaIndex", 0));
        assertThat(asMetadata).anySatisfy(p -> assertThat(p.message()).contains("the metadata disk of DRBD resource r0 on node2"));
        assertThat(validate(sbd())).noneMatch(p -> p.path().startsWith(SBD + ".devices"));
    }

    private static JsonEdit sbd() {
        return JsonEdit.of(Examples.MODERN).set("$.replication.fencing", "resource-and-stonith")
                .set("$.cluster.stonith", Map.of("type", "fence_sbd", "sbd", Map.of("devices", List.of("/dev/disk/by-id/wwn-0x6001405d3a8f0c2b"),
                        "watchdog", "softdog", "watchdogTimeout", 5, "msgwaitTimeout", 10)));
    }

    private static JsonEdit virsh() {
        return JsonEdit.of(Examples.MODERN).set("$.cluster.stonith", Map.of("type", "fence_virsh", "devices", List.of(
                Map.of("node", "node1", "address", "192.168.50.1", "user", "root", "password", "Vh3kQ9xT5mW2pL7r", "plug", "tandem-node1"),
                Map.of("node", "node2", "address", "192.168.50.1", "user", "root", "password", "Zr8nF4cJ6yB2sD9q", "plug", "tandem-node2"))));
    }
}
