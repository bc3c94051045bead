package io.tandem.lab;

import io.tandem.apply.Journal;
import io.tandem.model.Lun;
import io.tandem.model.Project;
import io.tandem.render.FileSet;
import io.tandem.render.Renderers;
import io.tandem.ssh.ConnectionSettings;
import io.tandem.ssh.ExecResult;
import io.tandem.ssh.HostKeyStore;
import io.tandem.ssh.RemoteCommand;
import io.tandem.ssh.SshConnection;
import io.tandem.testing.LabEnv;
import io.tandem.testing.RealTools;
import io.tandem.text.ShellQuote;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A tgt target started on node1 of the namespace lab the way Pacemaker would start it on the node
 * that holds the virtual IP, and logged into from the client with libiscsi.
 *
 * <p>The lab has no Pacemaker, corosync or DRBD, and node1 shares this machine's file system, so
 * apply's file and cluster phases do not run there. Instead, over Tandem's SSH layer on node1:
 * <ul>
 * <li>an overlay over {@code /usr/lib/ocf/resource.d}, mounted in node1's sshd mount namespace only
 *     (it vanishes with the lab), receives the rendered {@code ocf:tandem:portblock} from apply's own
 *     file step; crm_resource ignores OCF_ROOT, so the agent must sit at its real path;</li>
 * <li>tgtd runs in node1's network namespace on all of node1's addresses, as Debian's tgt.service
 *     runs it (a portal on the VIP could not be bound before the VIP exists), with its control
 *     socket in the test's work directory ({@code TGT_IPC_SOCKET}, which tgtadm in the stock agent
 *     honours too), so it cannot meet another tgtd's {@code /var/run/tgtd/socket.0};</li>
 * <li>the rendered CIB, with the LUN paths {@code /dev/drbdN} replaced by sparse files in the work
 *     directory, is what {@code crm_resource --force-start/--force-check/--force-stop -r ID} reads
 *     ({@code CIB_file}); each member of the target group runs in the group's order, with the
 *     agents' state in the work directory ({@code HA_RSCTMP}) instead of this machine's /run.</li>
 * </ul>
 * CHAP secrets reach the client's libiscsi through stdin and its environment variables, never a
 * command line (tgtadm takes a password only as an argument: the stock iSCSITarget agent and Tandem's
 * TgtMutualChap pass theirs to it). tgt has no discovery authentication, and libiscsi asks for mutual
 * CHAP in every session it opens, so iscsi-ls (discovery) runs with incoming CHAP only, and the LUNs are
 * read with mutual CHAP through iscsi-inq's sessions straight to the target.
 */
class LabTgtTargetIT {

    private static final Duration T = Duration.ofSeconds(60);
    private static final String VIP = LabTgt.VIP;
    private static final String OCF_DIR = LabTgt.OCF_DIR;
    /** Sizes of the LUNs' backing files, distinct so that each LUN is recognised by its size. */
    private static final List<Integer> LUN_MIB = List.of(16, 24);

    private LabEnv lab;
    @TempDir
    Path dir;
    private HostKeyStore store;
    private SshConnection node1;
    private SshConnection client;
    private String work;
    private Project project;
    private FileSet files;
    private List<String> group = List.of();

    @BeforeEach
    void workDirectoryOnNode1() throws Exception {
        lab = LabEnv.require();
        RealTools.require("crm_resource", "tgtd", "tgtadm", "iscsi-ls", "iscsi-inq", "iptables");
        store = new HostKeyStore(List.of(), dir.resolve("known_hosts"));
        node1 = SshConnection.open(login(lab.node1()));
        client = SshConnection.open(login(lab.get("LAB_CLIENT_ADDRESS")));
        // A tgtd elsewhere on the machine is no bother (other network namespace, other control socket).
        assertThat(node1.runAsRoot(RemoteCommand.script("for p in $(pgrep -x tgtd); do\n"
                + "    [ \"$(readlink /proc/$p/ns/net)\" = \"$(readlink /proc/self/ns/net)\" ] && echo \"tgtd $p\"\ndone\n"
                + "ip -o addr | grep -F ' " + VIP + "/'; true"), T).stdout())
                .as("no tgtd in node1's namespace and no one holds the test's VIP " + VIP).isEmpty();
        work = node1.runAsRoot(RemoteCommand.script("d=$(mktemp -d " + lab.get("LAB_DIR") + "/tgt.XXXXXX) && chmod 700 \"$d\" && echo \"$d\""), T)
                .stdout().strip();
        assertThat(work).startsWith(lab.get("LAB_DIR") + "/tgt.");
    }

    /** Whatever happened: the group stopped in reverse, tgtd gone, no VIP or rule left, the overlay unmounted, the work directory removed. */
    @AfterEach
    void cleanUp() throws Exception {
        if (node1 == null) {
            return;
        }
        try {
            if (work != null) {
                StringBuilder script = new StringBuilder(environment());
                for (String id : group.reversed()) {
                    script.append("crm_resource --force-stop -r ").append(id).append(" >/dev/null 2>&1\n");
                }
                script.append("[ -f \"$w/tgtd.pid\" ] && p=$(cat \"$w/tgtd.pid\") && kill -0 \"$p\" 2>/dev/null && {\n"
                        + "    tgtadm --op delete --mode system >/dev/null 2>&1; sleep 1; kill -9 \"$p\" 2>/dev/null; }\n"
                        + "ip addr del " + VIP + "/24 dev eth0 2>/dev/null\n"
                        + "iptables -S INPUT | grep -F ' " + VIP + "/32 ' | sed 's/^-A /-D /' | while read -r rule; do eval \"iptables $rule\"; done\n"
                        + "mountpoint -q " + OCF_DIR + " && umount " + OCF_DIR + "\n"
                        + "rm -rf \"$w\"\n");
                node1.runAsRoot(RemoteCommand.script(script.toString()), T);
            }
            for (String run : runs()) {
                node1.runAsRoot(RemoteCommand.script("rm -rf /var/lib/tandem/backup/" + run), T);
            }
        } finally {
            node1.close();
            client.close();
        }
    }

    private List<String> runs() throws Exception {
        Journal journal = new Journal(dir.resolve("journal.jsonl"));
        return java.nio.file.Files.exists(journal.file()) ? journal.read().stream().map(e -> e.run()).distinct().toList() : List.of();
    }

    private ConnectionSettings login(String address) {
        return LabTgt.login(lab, store, address);
    }

    /** Shell lines that point crm_resource, the agents and tgtadm at the test's work directory ($w). */
    private String environment() {
        return "w=" + ShellQuote.quote(work) + "\n"
                + "export CIB_file=\"$w/cib.xml\" TGT_IPC_SOCKET=\"$w/tgtd.sock\" HA_RSCTMP=\"$w/rsctmp\"\n";
    }

    private ExecResult onNode1(String script) throws Exception {
        return node1.runAsRoot(RemoteCommand.script(environment() + script), T);
    }

    private String lunFile(Lun lun) {
        return work + "/lun" + lun.number() + ".img";
    }

    /** Runs libiscsi's tools on the client with the CHAP secrets given, as root, secrets through stdin into its environment. */
    private ExecResult fromClient(String toolAndArguments, String user, String secret, String targetUser, String targetSecret) throws Exception {
        String script = "IFS= read -r LIBISCSI_CHAP_PASSWORD; IFS= read -r LIBISCSI_CHAP_TARGET_PASSWORD\n"
                + "export LIBISCSI_CHAP_USERNAME=" + ShellQuote.quote(user) + " LIBISCSI_CHAP_PASSWORD\n"
                + (targetUser == null ? "unset LIBISCSI_CHAP_TARGET_PASSWORD\n"
                        : "export LIBISCSI_CHAP_TARGET_USERNAME=" + ShellQuote.quote(targetUser) + " LIBISCSI_CHAP_TARGET_PASSWORD\n")
                + toolAndArguments + "\n";
        byte[] stdin = (secret + "\n" + (targetSecret == null ? "" : targetSecret) + "\n").getBytes(StandardCharsets.UTF_8);
        return client.runAsRoot(RemoteCommand.script(script), stdin, T, null);
    }

    private String initiatorIqn() {
        return project.initiators().getFirst().iqn();
    }

    private String masked(String text) {
        return files.secrets().hide(text);
    }

    @Test
    void theTargetGroupStartsOnNode1AndTheClientLogsInWithChapAndSeesEveryLun() throws Exception {
        project = LabTgt.project(lab);
        files = Renderers.render(project);
        String cib = LabTgt.labCib(project, files, this::lunFile);
        group = LabTgt.groupMembers(cib);
        List<String> expected = new ArrayList<>(List.of("p_block", "p_vip", "p_target"));
        project.target().luns().forEach(l -> expected.add("p_lun" + l.number()));
        expected.add("p_mutual_chap");
        expected.add("p_unblock");
        assertThat(group).as("the tgt group: block, VIP, target, one LUN each, mutual CHAP, unblock").isEqualTo(expected);

        // Lab setup on node1: OCF overlay, LUN files, the CIB, tgtd.
        ExecResult setup = onNode1("mkdir -p \"$w/ocf/upper\" \"$w/ocf/work\" \"$w/rsctmp\"\n"
                + "mount -t overlay tandem-lab-ocf -o \"lowerdir=" + OCF_DIR + ",upperdir=$w/ocf/upper,workdir=$w/ocf/work\" " + OCF_DIR + "\n"
                + "truncate -s " + LUN_MIB.get(0) + "M " + ShellQuote.quote(lunFile(project.target().luns().get(0))) + "\n"
                + "truncate -s " + LUN_MIB.get(1) + "M " + ShellQuote.quote(lunFile(project.target().luns().get(1))) + "\n"
                + "setsid tgtd -f </dev/null >\"$w/tgtd.log\" 2>&1 & echo $! > \"$w/tgtd.pid\"\n"
                + "for i in $(seq 50); do tgtadm --op show --mode system >/dev/null 2>&1 && exit 0; sleep 0.1; done; exit 1\n");
        assertThat(setup.exitStatus()).as("lab setup on node1: " + setup.stderr()).isZero();
        node1.upload(work + "/cib.xml", cib.getBytes(StandardCharsets.UTF_8), 0600, "root:root", T);
        LabTgt.applyTandemsAgents(lab, store, project, dir.resolve("journal.jsonl"), List.of("node1"));
        for (String agent : List.of("portblock", "TgtMutualChap", "VirtualIp")) {
            assertThat(onNode1("cmp " + OCF_DIR + "/tandem/" + agent + " \"$w/ocf/upper/tandem/" + agent + "\" && test ! -e /proc/1/root"
                    + OCF_DIR + "/tandem/" + agent + " && echo in-overlay-only").stdout())
                    .as("the agent " + agent + " is in node1's overlay only, not in this machine's " + OCF_DIR).isEqualTo("in-overlay-only\n");
        }

        long started = System.nanoTime();
        var incoming = project.chap().incoming();
        for (String id : group) {
            if (id.equals(group.getLast())) {
                // Everything but the unblock runs: the portal is there, yet p_block's rule drops the client's packets.
                ExecResult blocked = fromClient("timeout 3 iscsi-ls -i " + ShellQuote.quote(initiatorIqn()) + " iscsi://" + VIP, incoming.user(),
                        incoming.secret().reveal(), null, null);
                assertThat(blocked.exitStatus()).as("while blocked the client's connection hangs (timeout's 124): "
                        + masked(blocked.stdout() + blocked.stderr())).isEqualTo(124);
            }
            ExecResult start = onNode1("crm_resource --force-start -r " + id);
            assertThat(start.exitStatus()).as("start " + id + ": " + masked(start.stdout() + start.stderr())).isZero();
        }
        System.out.println("LabTgtTargetIT: group of " + group.size() + " started in " + (System.nanoTime() - started) / 1_000_000 + " ms");
        for (String id : group) {
            ExecResult check = onNode1("crm_resource --force-check -r " + id);
            assertThat(check.exitStatus()).as("monitor " + id + ": " + masked(check.stdout() + check.stderr())).isZero();
        }

        String iqn = project.target().iqn();
        ExecResult ls = fromClient("iscsi-ls -s -i " + ShellQuote.quote(initiatorIqn()) + " iscsi://" + VIP, incoming.user(),
                incoming.secret().reveal(), null, null);
        assertThat(ls.exitStatus()).as("iscsi-ls with the right secret: " + masked(ls.stdout() + ls.stderr())).isZero();
        assertThat(ls.stdout()).as(masked(ls.stderr())).contains("Target:" + iqn + " Portal:" + VIP + ":3260");
        for (Lun lun : project.target().luns()) {
            assertThat(ls.stdout()).containsPattern("Lun:" + lun.number() + "\\s+Type:DIRECT_ACCESS ");
        }
        // Mutual CHAP: each LUN through a session in which the target proves itself with the outgoing secret.
        var outgoing = project.chap().outgoing();
        for (int i = 0; i < 2; i++) {
            Lun lun = project.target().luns().get(i);
            String url = " iscsi://" + VIP + "/" + iqn + "/" + lun.number();
            ExecResult inq = fromClient("iscsi-inq -i " + ShellQuote.quote(initiatorIqn()) + " -e 1 -c 128" + url
                    + " && iscsi-readcapacity16 -s -i " + ShellQuote.quote(initiatorIqn()) + url, incoming.user(), incoming.secret().reveal(),
                    outgoing.user(), outgoing.secret().reveal());
            assertThat(inq.exitStatus()).as("iscsi-inq LUN " + lun.number() + " with mutual CHAP: " + masked(inq.stdout() + inq.stderr())).isZero();
            assertThat(inq.stdout()).as("serial and size in bytes of LUN " + lun.number())
                    .contains(lun.serial()).containsPattern("(?m)^" + LUN_MIB.get(i) * 1024L * 1024L + "$");
        }
        String lun1 = " iscsi://" + VIP + "/" + iqn + "/" + project.target().luns().getFirst().number();
        ExecResult wrong = fromClient("iscsi-inq -i " + ShellQuote.quote(initiatorIqn()) + lun1, incoming.user(),
                "WrongSecret0000", outgoing.user(), outgoing.secret().reveal());
        assertThat(wrong.exitStatus()).as("a wrong initiator secret is refused").isNotZero();
        assertThat(wrong.stdout()).doesNotContain("Peripheral");
        System.out.println("LabTgtTargetIT: wrong initiator secret: exit " + wrong.exitStatus() + " " + masked(wrong.stdout() + wrong.stderr()).strip());
        // An impostor target (one without the outgoing secret) is refused by the initiator.
        ExecResult impostor = fromClient("iscsi-inq -i " + ShellQuote.quote(initiatorIqn()) + lun1, incoming.user(),
                incoming.secret().reveal(), outgoing.user(), "WrongTarget00000");
        assertThat(impostor.exitStatus()).as("a target that cannot prove the outgoing secret is refused").isNotZero();
        assertThat(impostor.stdout()).doesNotContain("Peripheral");
        assertThat(impostor.stderr()).contains("Invalid CHAP_R response from the target");
        System.out.println("LabTgtTargetIT: wrong target secret: exit " + impostor.exitStatus() + " " + masked(impostor.stdout() + impostor.stderr()).strip());
        // The outgoing account removed behind Pacemaker's back: the monitor reports it, a start binds it again.
        ExecResult unbind = onNode1("tgtadm --lld iscsi --mode account --op unbind --tid 1 --user " + ShellQuote.quote(outgoing.user()) + " --outgoing");
        assertThat(unbind.exitStatus()).as(unbind.stderr()).isZero();
        assertThat(onNode1("crm_resource --force-check -r p_mutual_chap").exitStatus()).as("monitor after the unbind").isEqualTo(7);
        assertThat(onNode1("crm_resource --force-start -r p_mutual_chap").exitStatus()).isZero();
        assertThat(onNode1("crm_resource --force-check -r p_mutual_chap").exitStatus()).isZero();

        for (String id : group.reversed()) {
            ExecResult stop = onNode1("crm_resource --force-stop -r " + id);
            assertThat(stop.exitStatus()).as("stop " + id + ": " + masked(stop.stdout() + stop.stderr())).isZero();
        }
        assertThat(onNode1("tgtadm --lld iscsi --op show --mode target").stdout()).as("no target left").isEmpty();
        assertThat(onNode1("ip -o addr | grep -F ' " + VIP + "/'; iptables -S INPUT | grep -F '" + VIP + "'; true").stdout())
                .as("no VIP and no port rule left").isEmpty();
        for (String id : group) {
            assertThat(onNode1("crm_resource --force-check -r " + id).exitStatus()).as("after stop, monitor " + id + " says not running").isEqualTo(7);
        }
    }
}
