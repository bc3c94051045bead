package io.tandem.gui.wizard;

import io.tandem.discovery.HostFacts;
import io.tandem.facts.BlockDevice;
import io.tandem.gui.Background;
import io.tandem.gui.Dialogs;
import io.tandem.model.Project;
import io.tandem.model.StonithType;
import io.tandem.render.Renderers;
import io.tandem.render.SecretPolicy;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The Cluster step's fencing choices without a screen: what each choice prepares, its fields and messages. */
class ClusterStepFencingTest {

    @TempDir
    Path dir;
    private WizardViewModel wizard;
    private ClusterStep step;

    @BeforeEach
    void create() {
        TestWizards.AnsweringDialogs dialogs = new TestWizards.AnsweringDialogs();
        dialogs.unsaved = Dialogs.UnsavedChoice.DISCARD;
        wizard = TestWizards.create(Background.IMMEDIATE, dialogs, dir);
        wizard.startDemo();
        step = wizard.step(ClusterStep.class);
    }

    @Test
    void everyChoiceSaysInOneSentenceWhatItNeedsAndWhenToChooseIt() {
        assertThat(step.fencingChoices()).extracting(FencingChoices.Choice::title)
                .containsExactly("IPMI (BMC)", "SBD shared disk", "Hypervisor (libvirt)", "None");
        assertThat(step.fencingChoices()).extracting(FencingChoices.Choice::type)
                .containsExactlyInAnyOrder("fence_ipmilan", "fence_sbd", "fence_virsh", "none");
        assertThat(step.fencingChoices()).allSatisfy(c -> assertThat(c.explanation()).isNotBlank().doesNotContain("\n"));
    }

    /** IPMI's cipher suite and the choice to leave a fenced node off are fields of the step, kept across a look at other types. */
    @Test
    void ipmiOffersItsCipherSuiteAndLeavingAFencedNodeOff() throws Exception {
        step.setStonith("fence_ipmilan");
        assertThat(step.leaveFencedNodeOffProperty().get()).isFalse();
        for (int n = 0; n < 2; n++) {
            field("$.cluster.stonith.devices[" + n + "].address").value().set("10.0.0." + (5 + n));
            field("$.cluster.stonith.devices[" + n + "].user").value().set("admin");
            field("$.cluster.stonith.devices[" + n + "].password").value().set("Pw8xK2mN7qR4tV6" + n);
        }
        FieldBinding cipher = field("$.cluster.stonith.devices[0].cipher");
        cipher.value().set("0");
        assertThat(cipher.message().get()).contains("without checking the password");
        cipher.value().set("3");
        assertThat(wizard.draft().get("$.cluster.stonith.devices[0].cipher").intValue()).isEqualTo(3);
        assertThat(cipher.message().get()).isEmpty();
        step.leaveFencedNodeOffProperty().set(true);
        assertThat(wizard.draft().text(FencingChoices.ACTION)).isEqualTo("off");

        step.setStonith("fence_virsh");
        assertThat(wizard.draft().has("$.cluster.stonith.devices[0].cipher")).as("an IPMI setting").isFalse();
        assertThat(step.leaveFencedNodeOffProperty().get()).as("a libvirt host leaves a node off too").isTrue();
        step.setStonith("fence_ipmilan");
        assertThat(wizard.draft().get("$.cluster.stonith.devices[0].cipher").intValue()).as("remembered").isEqualTo(3);
        step.setStonith("fence_sbd");
        assertThat(wizard.draft().has(FencingChoices.ACTION)).isFalse();
        assertThat(step.leaveFencedNodeOffProperty().get()).isFalse();

        step.setStonith("fence_ipmilan");
        step.leaveFencedNodeOffProperty().set(true);
        Project project = wizard.draft().toProject().project();
        assertThat(project.cluster().stonith().afterFencing()).isEqualTo(io.tandem.model.FenceAction.OFF);
        assertThat(project.cluster().stonith().devices().getFirst().cipher()).isEqualTo(3);
        assertThat(project.cluster().stonith().devices().get(1).cipher()).isNull();
        step.leaveFencedNodeOffProperty().set(false);
        assertThat(wizard.draft().has(FencingChoices.ACTION)).isFalse();
    }

    @Test
    void sbdStartsFromSafeDefaultsAndNeedsADisk() {
        step.setStonith("fence_sbd");
        assertThat(wizard.draft().text("$.cluster.stonith.sbd.watchdog")).isEqualTo("softdog");
        assertThat(field("$.cluster.stonith.sbd.watchdogTimeout").value().get()).isEqualTo("5");
        assertThat(field("$.cluster.stonith.sbd.msgwaitTimeout").value().get()).isEqualTo("10");
        assertThat(wizard.draft().get("$.cluster.stonith.devices").isMissingNode()).isTrue();
        assertThat(step.isValid()).isFalse();
        FieldBinding disks = field("$.cluster.stonith.sbd.devices");
        assertThat(disks.message().get()).as("an empty field is quiet until visited or Next is tried").isEmpty();
        step.revealProblems();
        assertThat(disks.message().get()).contains("one to three");

        disks.value().set("/dev/sdb");
        assertThat(disks.message().get()).contains("/dev/disk/by-id/");
        disks.value().set("/dev/disk/by-id/wwn-0x6001405d3a8f0c2b");
        assertThat(step.isValid()).as(step.blockersProperty().get()).isTrue();
        assertThat(wizard.draft().size("$.cluster.stonith.sbd.devices")).isEqualTo(1);

        field("$.cluster.stonith.sbd.msgwaitTimeout").value().set("5");
        assertThat(step.isValid()).isFalse();
        assertThat(field("$.cluster.stonith.sbd.msgwaitTimeout").message().get()).contains("must be longer than the watchdog");
        field("$.cluster.stonith.sbd.msgwaitTimeout").value().set("10");

        disks.value().set("/dev/disk/by-id/a;reboot /dev/disk/by-id/b");
        assertThat(disks.message().get()).contains("not allowed");
        disks.value().set("/dev/disk/by-id/wwn-0x6001405d3a8f0c2b");
        Project project = wizard.draft().toProject().project();
        assertThat(project.cluster().stonith().type()).isEqualTo(StonithType.SBD);
        var files = Renderers.render(project);
        assertThat(files.find("node1", "/etc/default/sbd")).isPresent();
    }

    @Test
    void libvirtNeedsTheHostAndEachVirtualMachinesName() {
        step.setStonith("fence_virsh");
        assertThat(wizard.draft().text("$.cluster.stonith.devices[1].node")).isEqualTo(wizard.draft().text("$.nodes[1].name"));
        assertThat(step.isValid()).isFalse();
        for (int n = 0; n < 2; n++) {
            String base = "$.cluster.stonith.devices[" + n + "]";
            field(base + ".address").value().set("192.168.50.1");
            field(base + ".user").value().set("root");
            field(base + ".password").value().set("Vh3kQ9xT5mW2pL7" + n);
        }
        step.revealProblems();
        assertThat(field("$.cluster.stonith.devices[0].plug").message().get()).contains("name of the virtual machine", "virsh list --all")
                .as("the wizard's fix, not the file's").doesNotContain("Add \"plug\"");
        field("$.cluster.stonith.devices[0].plug").value().set("vm-one");
        field("$.cluster.stonith.devices[1].plug").value().set("vm-two");
        assertThat(step.isValid()).as(step.blockersProperty().get()).isTrue();
        Project project = wizard.draft().toProject().project();
        var files = Renderers.render(project);
        String pcs = files.text(files.find("cluster", "/pcs-commands.sh").orElseThrow(), SecretPolicy.REDACT);
        assertThat(pcs).contains("stonith create fence_node1 fence_virsh ip=192.168.50.1 username=root", "plug=vm-one");

        step.setStonith("fence_ipmilan");
        assertThat(wizard.draft().get("$.cluster.stonith.devices[0].plug").isMissingNode()).as("IPMI uses no plug").isTrue();
        assertThat(field("$.cluster.stonith.devices[0].address").value().get()).isEqualTo("192.168.50.1");
        assertThat(step.isValid()).isTrue();
    }

    @Test
    void switchingTypesDropsWhatTheNewTypeDoesNotUse() {
        step.setStonith("fence_sbd");
        step.setStonith("fence_virsh");
        assertThat(wizard.draft().get("$.cluster.stonith.sbd").isMissingNode()).isTrue();
        step.setStonith("none");
        assertThat(wizard.draft().get("$.cluster.stonith.devices").isMissingNode()).isTrue();
        assertThat(step.isValid()).as("no fencing needs the acknowledgement").isFalse();
        step.acceptNoFencingProperty().set(true);
        assertThat(step.isValid()).isTrue();
        assertThat(wizard.draft().problems()).noneMatch(p -> p.path().startsWith("$.cluster.stonith") && p.isError());
    }

    @Test
    void switchingTheTypeAwayAndBackKeepsWhatWasTyped() {
        step.setStonith("fence_ipmilan");
        for (int n = 0; n < 2; n++) {
            String base = "$.cluster.stonith.devices[" + n + "]";
            field(base + ".address").value().set("10.0.0.3" + n);
            field(base + ".user").value().set("admin");
            field(base + ".password").value().set("Bm7cP4ssw0rdX" + n);
        }
        step.setStonith("none");
        assertThat(wizard.draft().get("$.cluster.stonith.devices").isMissingNode()).as("none writes no devices").isTrue();
        step.setStonith("fence_sbd");
        field("$.cluster.stonith.sbd.devices").value().set("/dev/disk/by-id/wwn-0x6001405d3a8f0c2b");
        field("$.cluster.stonith.sbd.watchdogTimeout").value().set("7");
        step.setStonith("fence_ipmilan");
        for (int n = 0; n < 2; n++) {
            String base = "$.cluster.stonith.devices[" + n + "]";
            assertThat(field(base + ".address").value().get()).isEqualTo("10.0.0.3" + n);
            assertThat(field(base + ".user").value().get()).isEqualTo("admin");
            assertThat(field(base + ".password").value().get()).isEqualTo("Bm7cP4ssw0rdX" + n);
        }
        assertThat(step.isValid()).as(step.blockersProperty().get()).isTrue();
        step.setStonith("fence_virsh");
        field("$.cluster.stonith.devices[0].plug").value().set("vm-one");
        step.setStonith("fence_ipmilan");
        assertThat(wizard.draft().has("$.cluster.stonith.devices[0].plug")).as("IPMI has no VM name").isFalse();
        step.setStonith("fence_virsh");
        assertThat(field("$.cluster.stonith.devices[0].plug").value().get()).as("the VM name survives IPMI").isEqualTo("vm-one");
        step.setStonith("fence_sbd");
        assertThat(field("$.cluster.stonith.sbd.devices").value().get()).isEqualTo("/dev/disk/by-id/wwn-0x6001405d3a8f0c2b");
        assertThat(field("$.cluster.stonith.sbd.watchdogTimeout").value().get()).isEqualTo("7");
    }

    @Test
    void anotherProjectDoesNotInheritTheRememberedFencing() {
        step.setStonith("fence_ipmilan");
        field("$.cluster.stonith.devices[0].address").value().set("10.0.0.30");
        step.setStonith("none");
        wizard.startDemo();
        step.setStonith("fence_ipmilan");
        assertThat(field("$.cluster.stonith.devices[0].address").value().get()).isEmpty();
    }

    @Test
    void disksBothDiscoveredNodesSeeAreOfferedForSbd() throws Exception {
        assertThat(step.sharedDisks()).as("before discovery").isEmpty();
        wizard.step(NodesStep.class).discover(0);
        wizard.step(NodesStep.class).discover(1);
        assertThat(step.sharedDisks()).as("the demo's disks have no WWN").isEmpty();
        BlockDevice lun = new BlockDevice("sdb", "/dev/sdb", 64L << 20, "disk", null, null, null, List.of(), "sbd01", "sbd-lun ",
                "0x6001405d3a8f0c2b", "iscsi", null, false, false, List.of());
        wizard.facts().put(NodesStep.key(0), withDisk(wizard.facts().get(NodesStep.key(0)), lun));
        BlockDevice other = new BlockDevice("sdc", "/dev/sdc", 64L << 20, "disk", null, null, null, List.of(), "x", null,
                "0x60014051111", "iscsi", null, false, false, List.of());
        wizard.facts().put(NodesStep.key(1), withDisk(wizard.facts().get(NodesStep.key(1)), lun, other));

        assertThat(step.sharedDisks()).singleElement().satisfies(d -> {
            assertThat(d.path()).isEqualTo("/dev/disk/by-id/wwn-0x6001405d3a8f0c2b");
            assertThat(d.label()).contains("64 MiB", "sbd-lun", "(free)");
        });
        step.setStonith("fence_sbd");
        step.addSbdDisk("/dev/disk/by-id/wwn-0x6001405d3a8f0c2b");
        step.addSbdDisk("/dev/disk/by-id/wwn-0x6001405d3a8f0c2b");
        assertThat(field("$.cluster.stonith.sbd.devices").value().get()).isEqualTo("/dev/disk/by-id/wwn-0x6001405d3a8f0c2b");
    }

    private FieldBinding field(String path) {
        return step.fields().stream().filter(f -> f.path().equals(path)).findFirst().orElseThrow();
    }

    /** The same facts with more disks: records have no withers, so through the canonical constructor. */
    private static HostFacts withDisk(HostFacts facts, BlockDevice... more) throws ReflectiveOperationException {
        RecordComponent[] components = HostFacts.class.getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            values[i] = components[i].getAccessor().invoke(facts);
            if (components[i].getName().equals("disks")) {
                List<BlockDevice> disks = new ArrayList<>(facts.disks());
                disks.addAll(List.of(more));
                values[i] = disks;
            }
        }
        return HostFacts.class.getDeclaredConstructor(types).newInstance(values);
    }
}
