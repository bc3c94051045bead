package io.tandem.facts;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Every parser, fed its real fixtures cut short, with lines dropped, characters swapped and
 * random text, either parses or throws {@link FactParseException}: never a NullPointerException,
 * NumberFormatException or the like that would reach the user as a stack trace.
 */
class MalformedOutputTest {

    private interface Parser {
        Object parse(String output) throws FactParseException;
    }

    private record Case(String name, Parser parser, List<String> fixtures) {
    }

    private static final List<Case> CASES = List.of(
            new Case("os-release", OsReleaseParser::parse, List.of(Fixture.vmlab("node1.static.os_release.txt"))),
            new Case("uname", UnameParser::parse, List.of(Fixture.vmlab("node1.static.uname_a.txt"), Fixture.local("uname_srm.txt"))),
            new Case("ip link", IpLinkParser::parse,
                    List.of(Fixture.vmlab("node1.eth0-link-down.ip_j_link.txt"), Fixture.local("ip_j_d_link.netns_veth_bridge.txt"))),
            new Case("ip addr", IpAddrParser::parse, List.of(Fixture.vmlab("node2.healthy.ip_j_addr.txt"))),
            new Case("nic hardware", NicHardwareParser::parse, List.of(Fixture.local("nic_hardware.txt"))),
            new Case("bonding", output -> BondingParser.parse("bond0", output),
                    List.of(Fixture.vmlab("node1.eth0-link-down.proc_net_bonding_bond0.txt"), Fixture.tutorial("proc_net_bonding_bond0.txt"))),
            new Case("lsblk", LsblkParser::parse,
                    List.of(Fixture.vmlab("client.healthy.lsblk_J_b_O.txt"), Fixture.local("lsblk_J_b_O.loops.txt"))),
            new Case("sfdisk", SfdiskParser::parse,
                    List.of(Fixture.local("sfdisk_J.loop_gpt_tandem_r0.txt"), Fixture.local("sfdisk_J.loop_dos_two.txt"))),
            new Case("wipefs", WipefsParser::parse, List.of(Fixture.local("wipefs_n_J.loop_ext4.txt"))),
            new Case("dpkg-query", DpkgQueryParser::parse, List.of(Fixture.local("dpkg_query_W.with_removed.txt"))),
            new Case("apt-cache policy", AptPolicyParser::parse, List.of(Fixture.local("apt_cache_policy.txt"))),
            new Case("drbd versions", DrbdVersionParser::parse, List.of(Fixture.vmlab("node1.static.drbd_versions.txt"))),
            new Case("/proc/drbd", ProcDrbdParser::parse,
                    List.of(Fixture.vmlab("node2.after-node1-loss.proc_drbd.txt"), Fixture.local("proc_drbd.syncing.documented.txt"))),
            new Case("events2", DrbdEvents2Parser::parse,
                    List.of(Fixture.vmlab("node1.healthy.drbdsetup_events2_now.txt"),
                            Fixture.local("drbdsetup_events2_now.after-node1-loss.derived.txt"))),
            new Case("meminfo", MemInfoParser::parse, List.of(Fixture.local("proc_meminfo.txt"))),
            new Case("systemctl", output -> SystemctlStateParser.parse(List.of("a", "b", "c", "d"), output),
                    List.of(Fixture.local("systemctl_is_active.documented.txt"))),
            new Case("time sync", TimeSyncParser::parse,
                    List.of(Fixture.local("chronyc_n_tracking.synchronised.txt"), Fixture.local("timedatectl_show.documented.txt"))),
            new Case("ssh connection", SshConnectionParser::parse, List.of(Fixture.local("ssh_connection.ipv6.txt"))),
            new Case("diskstats", DiskStatsParser::parse, List.of(Fixture.local("proc_diskstats.after_io.txt"))),
            new Case("ping", output -> PingParser.parse(output, 0), List.of(Fixture.local("ping_n_c1_W1.reply.txt"))),
            new Case("corosync-qdevice-tool", output -> QdeviceToolParser.parse(output, 0),
                    List.of(Fixture.vmlab("node1.qdevice-applied.corosync_qdevice_tool_s.txt"))),
            new Case("peer pings", output -> PeerPings.parse(output, List.of("client", "replication")),
                    List.of(Fixture.local("peer_pings.replication_peer_down.txt"))));

    @TestFactory
    Stream<DynamicTest> onlyFactParseExceptionEscapes() {
        return CASES.stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
            for (String fixture : c.fixtures()) {
                for (String variant : variants(fixture, new Random(c.name().hashCode()))) {
                    Throwable thrown = catchThrowable(() -> c.parser().parse(variant));
                    assertThat(thrown).as("%s on:%n%s", c.name(), variant)
                            .satisfiesAnyOf(t -> assertThat(t).isNull(), t -> assertThat(t).isInstanceOf(FactParseException.class));
                }
            }
        }));
    }

    private static List<String> variants(String fixture, Random random) {
        List<String> variants = new ArrayList<>();
        int step = Math.max(1, fixture.length() / 60);
        for (int cut = 0; cut < fixture.length(); cut += step) {
            variants.add(fixture.substring(0, cut));
            variants.add(fixture.substring(cut));
        }
        List<String> lines = fixture.lines().toList();
        for (int drop = 0; drop < lines.size() && drop < 60; drop++) {
            List<String> kept = new ArrayList<>(lines);
            kept.remove(drop);
            variants.add(String.join("\n", kept) + "\n");
        }
        String[] swaps = {"0", "9", "-", ":", " ", "\n", "\t", "\"", "{", "]", "null", "x", "99999999999999999999", "/"};
        for (int i = 0; i < 300; i++) {
            int at = random.nextInt(Math.max(1, fixture.length()));
            String swap = swaps[random.nextInt(swaps.length)];
            variants.add(fixture.substring(0, at) + swap + fixture.substring(Math.min(fixture.length(), at + 1)));
        }
        String alphabet = "{}[]\":,0123456789abcx -\n\t./%=()";
        for (int i = 0; i < 100; i++) {
            StringBuilder garbage = new StringBuilder();
            for (int j = random.nextInt(80); j > 0; j--) {
                garbage.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            variants.add(garbage.toString());
        }
        return variants;
    }
}
