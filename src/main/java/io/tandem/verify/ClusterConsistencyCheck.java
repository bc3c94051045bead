package io.tandem.verify;

import io.tandem.model.Node;
import io.tandem.model.Profile;
import io.tandem.model.Project;
import io.tandem.render.FileSet;
import io.tandem.render.RenderedFile;
import io.tandem.render.SecretPolicy;
import io.tandem.render.modern.CibRenderer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The files that name the nodes must agree with each other, each read the way its consumer reads
 * it: corosync.conf's node list (the same on both nodes), the CIB's nodes, every host's
 * /etc/hosts (through the C library's resolver, as {@link HostsCheck}) and each node's DRBD
 * resources (as {@code drbdadm dump} prints them). Pacemaker takes a node's id from corosync: a
 * CIB whose ids are swapped against corosync.conf gives each node the other's name, constraints and
 * fencing; DRBD finds its own section by host name, and its replication address must be the one
 * corosync uses for the replication link.
 */
public final class ClusterConsistencyCheck implements ToolCheck {

    static final String TOOL = "cross-file consistency";
    static final String SUBJECT = "node ids, names and addresses in corosync.conf, cib.xml, /etc/hosts, DRBD";

    /** One node as corosync.conf lists it. */
    record CorosyncNode(String name, String nodeid, String ring0, String ring1) {
    }

    @Override
    public List<CheckResult> run(Project project, FileSet files, Path workDir) {
        List<CheckResult> results = new ArrayList<>();
        if (project.profile() != Profile.MODERN) {
            return results;
        }
        var unshare = Sandbox.unshare();
        var noSandbox = Sandbox.whyNot();
        if (LocalCommand.find("getent").isEmpty() || noSandbox.isPresent()) {
            results.add(CheckResult.skipped(TOOL, SUBJECT, noSandbox.orElse("needs getent (apt-get install libc-bin)")));
            return results;
        }
        try {
            List<String> wrong = differences(project, files, unshare.get(), Files.createDirectories(workDir.resolve("consistency")));
            results.add(wrong.isEmpty() ? CheckResult.pass(TOOL, SUBJECT, "all agree for " + project.nodes().stream().map(Node::name).toList())
                    : CheckResult.fail(TOOL, SUBJECT, String.join("; ", wrong)));
        } catch (IOException | IllegalArgumentException e) {
            results.add(CheckResult.fail(TOOL, SUBJECT, e.getMessage()));
        }
        return results;
    }

    private static List<String> differences(Project project, FileSet files, Path unshare, Path dir) throws IOException {
        List<String> wrong = new ArrayList<>();
        List<String> names = project.nodes().stream().map(Node::name).toList();

        // corosync.conf: one node list, identical on every node.
        List<CorosyncNode> corosync = null;
        for (Node node : project.nodes()) {
            RenderedFile conf = files.find(node.name(), "/etc/corosync/corosync.conf").orElseThrow();
            List<CorosyncNode> list = corosyncNodes(files.text(conf, SecretPolicy.REDACT));
            if (corosync == null) {
                corosync = list;
            } else if (!corosync.equals(list)) {
                wrong.add("corosync.conf on " + node.name() + " lists other nodes than on " + names.getFirst());
            }
        }
        Map<String, CorosyncNode> byName = new LinkedHashMap<>();
        corosync.forEach(n -> byName.put(n.name(), n));
        sameNames(wrong, "corosync.conf", byName.keySet(), names);

        // The CIB: Pacemaker's node ids are corosync's.
        RenderedFile cib = files.find(RenderedFile.CLUSTER, CibRenderer.PATH).orElseThrow();
        Map<String, String> cibIds = new CibReader(files.text(cib, SecretPolicy.REDACT)).nodeIds();
        sameNames(wrong, "cib.xml", cibIds.keySet(), names);
        for (var entry : cibIds.entrySet()) {
            CorosyncNode c = byName.get(entry.getKey());
            if (c != null && !Objects.equals(c.nodeid(), entry.getValue())) {
                wrong.add("cib.xml gives " + entry.getKey() + " node id " + entry.getValue() + ", corosync.conf gives it " + c.nodeid());
            }
        }

        // Every /etc/hosts: a node's name on corosync's link 0 address, NAME-repl on link 1's.
        Map<String, String> wanted = new LinkedHashMap<>();
        for (CorosyncNode c : corosync) {
            wanted.put(c.name(), c.ring0());
            wanted.put(c.name() + "-repl", c.ring1());
        }
        for (String host : files.hosts()) {
            var hosts = files.find(host, "/etc/hosts");
            if (hosts.isEmpty()) {
                continue;
            }
            Map<String, String> resolved = HostsCheck.resolve(unshare, files, hosts.get(), List.copyOf(wanted.keySet()),
                    Files.createDirectories(dir.resolve("hosts-" + host)));
            wanted.forEach((name, address) -> {
                if (!address.equals(resolved.get(name))) {
                    wrong.add("/etc/hosts on " + host + " resolves " + name + " to " + resolved.getOrDefault(name, "nothing")
                            + ", corosync.conf uses " + address);
                }
            });
        }

        // DRBD, as drbd-utils read each node's files: the same hosts, on corosync's replication addresses.
        for (Node node : project.nodes()) {
            var dump = DrbdConfigCheck.dump(project, files, node, dir.resolve("drbd-" + node.name()));
            if (!dump.ok()) {
                wrong.add("drbdadm dump on " + node.name() + "'s files: exit " + dump.exitCode());
                continue;
            }
            for (BlockConfigReader.Block resource : BlockConfigReader.read(dump.stdout()).blocks("resource")) {
                String res = resource.header().get(1);
                Map<String, String> addresses = new LinkedHashMap<>();
                for (BlockConfigReader.Block on : resource.blocks("on")) {
                    String address = on.value("address");
                    addresses.put(on.header().get(1), address == null ? null : address.replaceFirst("^ipv4\\s+", "").replaceFirst(":\\d+$", ""));
                }
                sameNames(wrong, node.name() + "'s DRBD resource " + res, addresses.keySet(), names);
                addresses.forEach((name, address) -> {
                    CorosyncNode c = byName.get(name);
                    if (c != null && !Objects.equals(c.ring1(), address)) {
                        wrong.add(node.name() + "'s DRBD resource " + res + " replicates with " + name + " at " + address
                                + ", corosync.conf has it at " + c.ring1() + " on the replication link");
                    }
                });
            }
        }
        return wrong;
    }

    /** The node list of a corosync.conf, in file order. */
    static List<CorosyncNode> corosyncNodes(String corosyncConf) {
        List<CorosyncNode> nodes = new ArrayList<>();
        for (BlockConfigReader.Block list : BlockConfigReader.read(corosyncConf).blocks("nodelist")) {
            for (BlockConfigReader.Block node : list.blocks("node")) {
                nodes.add(new CorosyncNode(node.value("name"), node.value("nodeid"), node.value("ring0_addr"), node.value("ring1_addr")));
            }
        }
        return nodes;
    }

    private static void sameNames(List<String> wrong, String where, java.util.Collection<String> found, List<String> project) {
        if (!new TreeSet<>(found).equals(new TreeSet<>(project))) {
            wrong.add(where + " names the nodes " + found + ", the project " + project);
        }
    }
}
