package io.tandem.lab;

import io.tandem.apply.ApplyFailure;
import io.tandem.apply.ApplyListener;
import io.tandem.apply.ApplySession;
import io.tandem.apply.Journal;
import io.tandem.model.DrbdResource;
import io.tandem.model.Lun;
import io.tandem.model.Project;
import io.tandem.model.ProjectValidator;
import io.tandem.model.TargetImplementation;
import io.tandem.plan.Plan;
import io.tandem.plan.Step;
import io.tandem.render.FileSet;
import io.tandem.render.RenderedFile;
import io.tandem.render.SecretPolicy;
import io.tandem.render.modern.CibRenderer;
import io.tandem.render.modern.PortblockAgentRenderer;
import io.tandem.render.modern.TgtMutualChapAgentRenderer;
import io.tandem.render.modern.VirtualIpAgentRenderer;
import io.tandem.ssh.Authentication;
import io.tandem.ssh.ConnectionSettings;
import io.tandem.ssh.HostKeyPrompt;
import io.tandem.ssh.HostKeyStore;
import io.tandem.ssh.SshTarget;
import io.tandem.testing.JsonEdit;
import io.tandem.testing.LabEnv;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/** What the namespace lab's tgt tests share: the project, its rendered target group and Tandem's agents on a node. */
final class LabTgt {

    static final String VIP = "10.203.0.100";
    static final String OCF_DIR = "/usr/lib/ocf/resource.d";

    private LabTgt() {
    }

    static ConnectionSettings login(LabEnv lab, HostKeyStore store, String address) {
        return ConnectionSettings.of(new SshTarget(address, 22, lab.get("LAB_KEY_USER")), List.of(new Authentication.KeyFile(lab.key())),
                store, HostKeyPrompt.ACCEPT_NEW);
    }

    /**
     * The VM lab's project on the namespace lab: SSH to the lab's hosts, the client network the
     * lab's (plain eth0, no bond), the VIP a free address of it, implementation tgt with LUNs
     * numbered from 1 (tgt's LUN 0 is its controller).
     */
    static Project project(LabEnv lab) throws Exception {
        JsonEdit edit = JsonEdit.of(Path.of("examples/vm-lab.tandem.json"))
                .set("$.target.implementation", "tgt")
                .set("$.target.luns[0].number", 1).set("$.target.luns[1].number", 2)
                .set("$.networks.client", Map.of("cidr", "10.203.0.0/24", "gateway", lab.get("LAB_HOST_ADDRESS"), "virtualIp", VIP))
                .set("$.networks.replication", Map.of("cidr", "10.204.0.0/24"))
                .set("$.initiators[0].ssh.address", lab.get("LAB_CLIENT_ADDRESS"))
                .set("$.time.servers", List.of(lab.get("LAB_HOST_ADDRESS")));
        String[] addresses = {lab.node1(), lab.node2()};
        for (int i = 0; i < 2; i++) {
            edit.set("$.nodes[" + i + "].ssh.address", addresses[i])
                    .set("$.nodes[" + i + "].links", List.of(
                            Map.of("network", "client", "interfaceName", "eth0", "address", addresses[i]),
                            Map.of("network", "replication", "interfaceName", "eth2", "address", lab.get("LAB_NODE" + (i + 1) + "_REPL_ADDRESS"))));
        }
        Project p = edit.project();
        assertThat(ProjectValidator.hasErrors(ProjectValidator.validate(p))).as(ProjectValidator.validate(p).toString()).isFalse();
        assertThat(p.target().implementation()).isEqualTo(TargetImplementation.TGT);
        assertThat(p.chap().outgoing()).as("the VM lab's project has mutual CHAP").isNotNull();
        return p;
    }

    /** The group's members in order, as the rendered CIB lists them. */
    static List<String> groupMembers(String cib) throws Exception {
        var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(cib.getBytes(StandardCharsets.UTF_8)));
        NodeList groups = doc.getElementsByTagName("group");
        assertThat(groups.getLength()).isEqualTo(1);
        List<String> ids = new ArrayList<>();
        for (var n = groups.item(0).getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals("primitive")) {
                ids.add(e.getAttribute("id"));
            }
        }
        return ids;
    }

    /** The rendered CIB with secrets revealed and each LUN's /dev/drbdN replaced by its backing file. */
    static String labCib(Project project, FileSet files, Function<Lun, String> lunFile) {
        RenderedFile cib = files.find(RenderedFile.CLUSTER, CibRenderer.PATH).orElseThrow();
        String text = files.text(cib, SecretPolicy.REVEAL);
        for (Lun lun : project.target().luns()) {
            DrbdResource resource = project.resource(lun.resource()).orElseThrow();
            String path = "name=\"path\" value=\"" + resource.device() + "\"";
            assertThat(text).contains(path);
            text = text.replace(path, "name=\"path\" value=\"" + lunFile.apply(lun) + "\"");
        }
        return text;
    }

    /**
     * Writes Tandem's rendered agents (portblock, TgtMutualChap, VirtualIp) onto the given nodes through apply's
     * own file steps; each node's OCF overlay must be mounted first, so they land there.
     */
    static void applyTandemsAgents(LabEnv lab, HostKeyStore store, Project project, Path journal, List<String> nodes) throws Exception {
        Map<String, ConnectionSettings> settings = new LinkedHashMap<>();
        settings.put("node1", login(lab, store, lab.node1()));
        settings.put("node2", login(lab, store, lab.node2()));
        settings.put("client", login(lab, store, lab.get("LAB_CLIENT_ADDRESS")));
        Set<String> ids = new java.util.HashSet<>();
        for (String node : nodes) {
            ids.add("file:" + node + ":" + PortblockAgentRenderer.PATH);
            ids.add("file:" + node + ":" + TgtMutualChapAgentRenderer.INSTALLED_PATH);
            ids.add("file:" + node + ":" + VirtualIpAgentRenderer.INSTALLED_PATH);
        }
        try (ApplySession session = ApplySession.open(project, settings)) {
            List<Step> steps = session.plan().steps().stream().filter(s -> ids.contains(s.id())).toList();
            assertThat(steps).as("apply's steps for the agents on " + nodes).hasSize(ids.size());
            Optional<ApplyFailure> failure = session.apply(new Plan(steps, List.of(), Map.of()), Set.of(), new Journal(journal),
                    new ApplyListener() {
                    }, null);
            assertThat(failure).as(failure.map(ApplyFailure::describe).orElse("")).isEmpty();
        }
    }
}
