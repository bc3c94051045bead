package io.tandem.plan;

import io.tandem.model.NetworkLink;
import io.tandem.model.Node;
import io.tandem.model.Project;
import io.tandem.model.ProjectFile;
import io.tandem.render.FileSet;
import io.tandem.render.PlacedText;
import io.tandem.render.RenderedFile;
import io.tandem.render.Renderers;
import io.tandem.render.SecretPolicy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Probe outputs for planner tests: those of a converged cluster (made from the desired state itself
 * where the output is a file Tandem writes, from outputs captured in the VM lab where a tool reports
 * state), and of fresh hosts.
 */
final class PlanFixtures {

    private PlanFixtures() {
    }

    static Project vmLab() {
        return read("examples/vm-lab.tandem.json");
    }

    /** The VM lab with SBD fencing on its shared disk and the i6300esb watchdog. */
    static Project vmLabSbd() {
        return read("examples/vm-lab-sbd.tandem.json");
    }

    /** The SBD VM lab with the client as quorum witness. */
    static Project vmLabQdevice() {
        return read("examples/vm-lab-qdevice.tandem.json");
    }

    /** The VM lab with r0 on a GPT partition Tandem makes on each node's disk ({@code "layout": "gpt-partition"}). */
    static Project vmLabGpt() {
        try {
            return io.tandem.testing.JsonEdit.of(Path.of("examples/vm-lab.tandem.json"))
                    .set("$.replication.resources[0].backing[0].layout", "gpt-partition")
                    .set("$.replication.resources[0].backing[1].layout", "gpt-partition").project();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * What the partition-table probe prints for a 64 MiB disk holding the GPT layout's table of r0
     * ({@code sfdisk -J} captured on a loop device) and whose partition's device exists.
     */
    static String gptProbeOutput(String sfdiskJson, boolean partitionPresent) {
        return "PTTYPE=gpt\nSIZE=67108864\n" + PartitionSteps.TABLE_MARK + "\n" + sfdiskJson + PartitionSteps.PARTITION_MARK + "\n"
                + (partitionPresent ? "present\n" : "");
    }

    private static Project read(String path) {
        try {
            return ProjectFile.read(Path.of(path));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String vmlab(String name) {
        return io.tandem.testing.Fixtures.vmlab(name);
    }

    /** Captured on the development machine (fixtures/local/README.md). */
    static String local(String name) {
        return io.tandem.testing.Fixtures.local(name);
    }

    /** What the file probe prints for a file holding {@code content} with {@code mode}, owned by root. */
    static String fileOutput(String content, int mode) {
        return Integer.toOctalString(mode) + " root:root\n" + Base64.getEncoder().encodeToString(content.getBytes(StandardCharsets.UTF_8)) + "\n";
    }

    /**
     * What the SBD header probe prints for a disk without any blkid signature, 16 MiB, and sbd's dump
     * of it with its exit status ({@code dump} captured with {@code sbd -d /dev/loop4 dump}).
     */
    static String sbdProbeOutput(String deviceLines, String dump, int dumpExit) {
        return deviceLines + SbdSteps.DUMP_MARK + "\n" + dump + SbdSteps.DUMP_MARK + "-exit " + dumpExit + "\n";
    }

    static final String BLANK_16M = "SIZE=16777216\n";

    /** The host's /etc/hosts before Tandem: Debian's three lines. */
    static final String DEBIAN_HOSTS = "127.0.0.1\tlocalhost\n127.0.1.1\tnode1\n::1\tlocalhost ip6-localhost ip6-loopback\n";

    /** Every probe of every candidate answered as on the cluster once apply has run. */
    static ProbeResults converged(Project project, FileSet files) {
        ProbeResults r = new ProbeResults();
        for (RenderedFile file : files.files()) {
            if (file.host().equals(RenderedFile.CLUSTER)) {
                continue;
            }
            String placed = PlacedText.place(file.placement(), java.util.Optional.of(DEBIAN_HOSTS).filter(x -> file.path().equals("/etc/hosts")),
                    files.text(file, SecretPolicy.REVEAL));
            Probe probe = FileSteps.probe(file);
            r.put(file.host(), probe.name(), new ProbeResults.Output(fileOutput(placed, file.mode()), 0));
        }
        for (Node node : project.nodes()) {
            String host = node.name();
            String dpkg = Packages.forNode(project, node).stream().map(p -> p + "\t1.0\tii ").collect(Collectors.joining("\n")) + "\n";
            r.put(host, "packages", new ProbeResults.Output(dpkg, 0));
            r.put(host, "units-off", new ProbeResults.Output(Planner.unitsOutsidePacemaker(project).stream()
                    .map(u -> u + " disabled inactive").collect(Collectors.joining("\n")) + "\n", 0));
            r.put(host, "corosync-name", new ProbeResults.Output(project.clusterName() + "\n", 0));
            r.put(host, "modules", new ProbeResults.Output("", 0));
            // sysctl -n prints each setting's value on a line of its own, as the file sets them.
            String sysctl = files.find(host, io.tandem.render.modern.SysctlRenderer.PATH)
                    .map(f -> String.join("\n", io.tandem.render.modern.SysctlRenderer.settings(f.content()).values()) + "\n").orElse("");
            r.put(host, "sysctl", new ProbeResults.Output(sysctl, 0));
            files.find(host, io.tandem.render.modern.ReplicationFallback.UNIT_PATH).ifPresent(f -> r.put(host,
                    "unit-tandem-replication-fallback-service", new ProbeResults.Output(io.tandem.render.modern.ReplicationFallback.UNIT
                            + " enabled active\n", 0)));
            r.put(host, "ipv4", new ProbeResults.Output(ipv4(node), 0));
            for (var resource : project.replication().resources()) {
                resource.backingOn(host).ifPresent(b -> r.put(host, DrbdSteps.deviceProbe(host, DrbdSteps.metadataDevice(b)).name(),
                        new ProbeResults.Output("TYPE=drbd\nSIZE=1073741824\n", 0)));
                resource.backingOn(host).filter(b -> b.layoutOrDefault() == io.tandem.model.DiskLayout.GPT_PARTITION).ifPresent(b -> r.put(host,
                        PartitionSteps.tableProbe(b).name(), new ProbeResults.Output(gptProbeOutput(local("sfdisk_J.loop_gpt_tandem_r0.txt"), true), 0)));
            }
            r.put(host, "proc-drbd", new ProbeResults.Output(vmlab("node1.connected.proc_drbd.txt"), 0));
            for (var resource : project.replication().resources()) {
                // No proof kept (the marker is gone after a reboot): the probe falls back to /proc/drbd, UpToDate.
                r.put(host, DrbdSteps.blankProbe(host, resource.name()).name(), new ProbeResults.Output(vmlab("node1.connected.proc_drbd.txt"), 0));
            }
            r.put(host, "corosync-key", new ProbeResults.Output("256 400 root\n" + "ab".repeat(32) + "\n", 0));
            if (project.cluster().witness().isPresent()) {
                r.put(host, "qdevice-certs", new ProbeResults.Output(vmlab(host + ".qdevice-applied.qdevice_certs_probe.txt"), 0));
                r.put(host, "qdevice-unit", new ProbeResults.Output(vmlab(host + ".qdevice-applied.qdevice_unit_probe.txt"), 0));
            }
            boolean sbd = project.cluster().stonith().type() == io.tandem.model.StonithType.SBD;
            r.put(host, "cluster-stack", new ProbeResults.Output("corosync enabled active\npacemaker enabled active\n"
                    + (sbd ? "sbd enabled active\n" : "") + "name " + project.clusterName() + "\n", 0));
            if (sbd) {
                // The header sbd wrote with the project's timeouts where one was captured: watchdog 5 s, msgwait 10 s on the VM
                // lab's shared disk (the quorum device example); else 10 s / 20 s on a loop device (the SBD example's).
                var sbdSettings = project.cluster().stonith().sbd();
                String dump = sbdSettings.watchdogTimeout() == 5 && sbdSettings.msgwaitTimeout() == 10 ? vmlab("node1.qdevice-5-10.sbd_dump.txt")
                        : local("sbd_dump.loop_w10_m20.txt");
                for (String device : sbdSettings.devices()) {
                    r.put(host, SbdSteps.headerProbe(host, device).name(), new ProbeResults.Output(sbdProbeOutput(BLANK_16M, dump, 0), 0));
                }
                r.put(host, "sbd-unit", new ProbeResults.Output("sbd enabled\nwatchdog\n", 0));
            }
            // The SBD cluster as apply built it (fence_sbd running); the other from the hand-built cluster of the same layout.
            r.put(host, "crm-mon", new ProbeResults.Output(vmlab(project.cluster().stonith().type() == io.tandem.model.StonithType.SBD
                    ? "node1.sbd-applied.crm_mon_xml.txt" : "node1.on-node1.crm_mon_xml.txt"), 0));
            String desired = files.text(files.files().stream().filter(f -> f.path().equals("/cib.xml")).findFirst().orElseThrow(), SecretPolicy.REVEAL);
            String liveCib = CibMerge.merged(vmlab("node1.healthy.cibadmin_Q.txt"), desired);
            r.put(host, "cib", new ProbeResults.Output(liveCib, 0));
            r.put(host, "cib-file", new ProbeResults.Output(liveCib, 0));
        }
        for (var client : project.managedInitiators()) {
            String host = client.name();
            r.put(host, "packages", new ProbeResults.Output(Packages.forInitiator(project, client).stream().map(p -> p + "\t1.0\tii ")
                    .collect(Collectors.joining("\n")) + "\n", 0));
            if (project.cluster().witness().map(w -> w.host().equals(host)).orElse(false)) {
                r.put(host, "qnetd-unit", new ProbeResults.Output(vmlab("client.qdevice-applied.qnetd_unit_probe.txt"), 0));
                r.put(host, "qnetd-db", new ProbeResults.Output(vmlab("client.qdevice-applied.qnetd_db_probe.txt"), 0));
                r.put(host, "qnetd-ca", new ProbeResults.Output(vmlab("client.qdevice-applied.qnetd_ca_probe.txt"), 0));
            }
            r.put(host, "iscsi-sessions", new ProbeResults.Output(vmlab("client.on-node2.iscsiadm_session.txt"), 0));
            r.put(host, "lun-device", new ProbeResults.Output("TYPE=ext4\nSIZE=1073741824\n", 0));
            String uuid = "0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0";
            r.put(host, "lun-uuid", new ProbeResults.Output(uuid + "\n", 0));
            RenderedFile fstab = InitiatorSteps.fstab(project, client, uuid);
            String tab = PlacedText.place(fstab.placement(), java.util.Optional.of("# /etc/fstab: static file system information.\n"), fstab.content());
            r.put(host, "fstab", new ProbeResults.Output(fileOutput(tab, 0644), 0));
            r.put(host, "mount", new ProbeResults.Output(client.filesystem().mountPoint() + "\n", 0));
        }
        return r;
    }

    private static String ipv4(Node node) {
        StringBuilder out = new StringBuilder("1: lo    inet 127.0.0.1/8 scope host lo\\       valid_lft forever preferred_lft forever\n");
        int index = 2;
        for (NetworkLink link : node.links()) {
            out.append(index++).append(": ").append(link.interfaceName()).append("    inet ").append(link.address())
                    .append("/24 brd x scope global ").append(link.interfaceName()).append("\\       valid_lft forever preferred_lft forever\n");
        }
        return out.toString();
    }

    static FileSet render(Project project) {
        return Renderers.render(project);
    }

    static List<Step> plan(Project project, ProbeResults results) {
        FileSet files = render(project);
        List<Step> candidates = Planner.candidates(project, files, results);
        return candidates.stream().filter(s -> !s.check().done(results)).toList();
    }
}
