package io.tandem.discovery;

import io.tandem.facts.AptPolicyParser;
import io.tandem.facts.BlockDevice;
import io.tandem.facts.BondStatus;
import io.tandem.facts.BondingParser;
import io.tandem.facts.DpkgQueryParser;
import io.tandem.facts.DrbdVersionParser;
import io.tandem.facts.DrbdVersions;
import io.tandem.facts.FactParseException;
import io.tandem.facts.InitiatorNameParser;
import io.tandem.facts.HostFiles;
import io.tandem.facts.HostFilesParser;
import io.tandem.facts.IpAddrParser;
import io.tandem.facts.IpLinkParser;
import io.tandem.facts.LsblkParser;
import io.tandem.facts.MemInfoParser;
import io.tandem.facts.NicHardwareParser;
import io.tandem.facts.OsReleaseParser;
import io.tandem.facts.Signature;
import io.tandem.facts.SshConnectionParser;
import io.tandem.facts.SystemctlStateParser;
import io.tandem.facts.TimeSync;
import io.tandem.facts.TimeSyncParser;
import io.tandem.facts.UnameParser;
import io.tandem.facts.WipefsParser;
import io.tandem.ssh.ExecResult;
import io.tandem.ssh.RemoteCommand;
import io.tandem.ssh.SshConnection;
import io.tandem.ssh.SshFailure;
import io.tandem.text.HostTextRecords;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads all facts of one host in a single round trip (after login): one script as the login user
 * for {@code $SSH_CONNECTION}, then everything else as root, all read-only. Discovery changes
 * nothing on the host.
 */
public final class NodeDiscovery {

    /**
     * Packages whose installed version and apt candidate matter for the cluster. iptables is one of
     * them although nothing depends on it: the portblock agent runs it, and in the VM lab a node
     * installed with --no-install-recommends had none, so p_block failed to start on both nodes.
     */
    public static final List<String> PACKAGES = List.of("drbd-utils", "corosync", "pacemaker", "pcs", "resource-agents",
            "targetcli-fb", "open-iscsi", "ifenslave", "chrony", "fio", "ioping", "iptables");
    public static final List<String> SERVICES = List.of("corosync", "pacemaker", "drbd", "chrony", "ssh", "iscsid",
            "rtslib-fb-targetctl");

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private NodeDiscovery() {
    }

    static List<FactScript.Fact> rootFacts() {
        return List.of(
                new FactScript.Fact("clock-start", "date +%s%N"),
                new FactScript.Fact("os-release", OsReleaseParser.COMMAND),
                new FactScript.Fact("uname", "uname -srm"),
                new FactScript.Fact("hostname", "hostname"),
                new FactScript.Fact("fqdn", "hostname -f"),
                new FactScript.Fact("hostname-resolves", "getent hosts \"$(hostname)\" >/dev/null"),
                new FactScript.Fact("ip-link", "ip -j -d link"),
                new FactScript.Fact("ip-addr", "ip -j addr"),
                new FactScript.Fact("nic-hardware", NicHardwareParser.COMMAND),
                new FactScript.Fact("bonding", BondingParser.ALL_COMMAND),
                new FactScript.Fact("lsblk", "lsblk -J -b -O"),
                // wipefs -n only reads ("no act"); it sees signatures lsblk misses without udev.
                new FactScript.Fact("wipefs", "lsblk -lnpo NAME,TYPE | while read -r d t; do case $t in disk|part|loop) "
                        + "printf '@@DEV %s\\n' \"$d\"; wipefs -n -J \"$d\";; esac; done"),
                new FactScript.Fact("dpkg", "dpkg-query -W -f='${Package}\\t${Version}\\t${db:Status-Abbrev}\\n'"),
                new FactScript.Fact("apt-policy", AptPolicyParser.command(PACKAGES)),
                new FactScript.Fact("drbd-versions", DrbdVersionParser.COMMAND),
                new FactScript.Fact("drbd-module", "modinfo -F version drbd || test -e /proc/drbd"),
                new FactScript.Fact("services", SystemctlStateParser.isActiveCommand(SERVICES)),
                new FactScript.Fact("time-sync", TimeSyncParser.COMMAND),
                new FactScript.Fact("meminfo", MemInfoParser.COMMAND),
                new FactScript.Fact(InitiatorNameParser.FACT, InitiatorNameParser.COMMAND),
                new FactScript.Fact("files", HostFilesParser.COMMAND),
                new FactScript.Fact("clock", "date +%s%N"));
    }

    /** Reads the facts of the host behind {@code ssh}. */
    public static HostFacts discover(SshConnection ssh) throws SshFailure {
        String nonce = FactScript.nonce();
        RemoteCommand asUser = RemoteCommand.script(FactScript.script(
                List.of(new FactScript.Fact("ssh-connection", SshConnectionParser.COMMAND)), nonce));
        RemoteCommand asRoot = RemoteCommand.script(FactScript.script(rootFacts(), nonce));
        int tripsBefore = ssh.roundTrips();
        long start = System.nanoTime();
        long localBefore = Clock.nowNanos();
        ExecResult result = ssh.runAsUserThenRoot(asUser, asRoot, TIMEOUT);
        long localAfter = Clock.nowNanos();
        Map<String, FactScript.Section> sections = FactScript.parse(result.stdout(), nonce);
        if (!sections.containsKey("os-release")) {
            throw ssh.commandFailed(RemoteCommand.script("discovery script"), result);
        }
        return read(ssh.target().toString(), sections, localBefore, localAfter, ssh.roundTrips() - tripsBefore,
                Duration.ofNanos(System.nanoTime() - start));
    }

    /** Facts from the sections of a fact script's output; stamps are local epoch nanoseconds before and after. */
    public static HostFacts read(String target, Map<String, FactScript.Section> sections, long localBefore, long localAfter,
                                 int roundTrips, Duration elapsed) {
        return new FactReader(target, sections, localBefore, localAfter, roundTrips, elapsed).read();
    }

    /** Parses sections one by one; a fact that fails is recorded, not fatal. */
    static final class FactReader {
        private final String target;
        private final Map<String, FactScript.Section> sections;
        private final long localBefore;
        private final long localAfter;
        private final int roundTrips;
        private final Duration elapsed;
        private final Map<String, String> unavailable = new LinkedHashMap<>();

        FactReader(String target, Map<String, FactScript.Section> sections, long localBefore, long localAfter, int roundTrips,
                   Duration elapsed) {
            this.target = target;
            this.sections = sections;
            this.localBefore = localBefore;
            this.localAfter = localAfter;
            this.roundTrips = roundTrips;
            this.elapsed = elapsed;
        }

        @FunctionalInterface
        interface Parser<T> {
            T parse(String output) throws FactParseException;
        }

        private <T> Optional<T> fact(String name, Parser<T> parser) {
            FactScript.Section section = sections.get(name);
            if (section == null) {
                unavailable.put(name, "no output (the command did not run)");
                return Optional.empty();
            }
            try {
                return Optional.ofNullable(parser.parse(section.output()));
            } catch (FactParseException | RuntimeException e) {
                unavailable.put(name, e.getMessage() + (section.exitStatus() == 0 ? "" : " (exit " + section.exitStatus() + ")"));
                return Optional.empty();
            }
        }

        private String text(String name) {
            FactScript.Section section = sections.get(name);
            return section == null ? "" : section.output().strip();
        }

        HostFacts read() {
            var addresses = fact("ip-addr", IpAddrParser::parse).orElse(Map.of());
            var sshInterface = fact("ssh-connection", SshConnectionParser::parse)
                    .flatMap(c -> SshConnectionParser.interfaceCarrying(c.serverAddress(), addresses));
            List<BlockDevice> disks = fact("lsblk", LsblkParser::parse).orElse(List.of());
            // Neither chrony nor timedatectl answering means "unknown", not a broken fact.
            FactScript.Section timeSection = sections.get("time-sync");
            Optional<TimeSync> time = timeSection != null && timeSection.exitStatus() != 0 ? Optional.empty()
                    : fact("time-sync", TimeSyncParser::parse);
            FactScript.Section module = sections.get("drbd-module");
            HostFiles files = fact("files", HostFilesParser::parse).orElse(HostFiles.UNKNOWN);
            // Everything below came from the host: escaped once here, before any face prints it.
            return HostTextRecords.escaped(new HostFacts(target, text("hostname"), text("fqdn"),
                    fact("os-release", OsReleaseParser::parse),
                    fact("uname", UnameParser::parse),
                    fact("ip-link", IpLinkParser::parse).orElse(List.of()),
                    addresses,
                    fact("nic-hardware", NicHardwareParser::parse).orElse(Map.of()),
                    sshInterface,
                    bonds(),
                    disks,
                    signatures(),
                    fact("dpkg", DpkgQueryParser::parse).orElse(Map.of()),
                    fact("apt-policy", AptPolicyParser::parse).orElse(Map.of()),
                    fact("drbd-versions", DrbdVersionParser::parse).orElse(new DrbdVersions(Optional.empty(), Optional.empty())),
                    module != null && module.exitStatus() == 0,
                    module == null || module.exitStatus() != 0 ? Optional.empty()
                            : fact("drbd-module", DrbdVersionParser::parseModinfo).flatMap(v -> v),
                    fact("services", s -> SystemctlStateParser.parse(SERVICES, s)).orElse(Map.of()),
                    time.map(TimeSync::synced),
                    time.map(TimeSync::source),
                    fact("meminfo", MemInfoParser::parse).map(m -> m.totalBytes()).orElse(0L),
                    sections.containsKey("hostname-resolves") && sections.get("hostname-resolves").exitStatus() == 0,
                    clockOffset(),
                    fact(InitiatorNameParser.FACT, InitiatorNameParser::parse).flatMap(name -> name),
                    Map.copyOf(unavailable), roundTrips, elapsed, files,
                    java.time.Instant.ofEpochSecond(0, localAfter)));
        }

        /**
         * The host's clock minus ours, NTP style: stamps at the start and end of the remote script
         * against ours before sending and after receiving, so the script's own run time cancels out.
         */
        private Duration clockOffset() {
            Optional<Long> first = fact("clock-start", s -> Long.parseLong(s.strip()));
            Optional<Long> last = fact("clock", s -> Long.parseLong(s.strip()));
            if (first.isEmpty() || last.isEmpty()) {
                return Duration.ZERO;
            }
            return Duration.ofNanos(((first.get() - localBefore) + (last.get() - localAfter)) / 2);
        }

        private List<BondStatus> bonds() {
            List<BondStatus> bonds = new ArrayList<>();
            for (var chunk : BondingParser.split(text("bonding")).entrySet()) {
                fact("bonding", s -> BondingParser.parse(chunk.getKey(), chunk.getValue())).ifPresent(bonds::add);
            }
            return bonds;
        }

        private Map<String, List<Signature>> signatures() {
            Map<String, List<Signature>> signatures = new LinkedHashMap<>();
            for (var chunk : chunks(sections.containsKey("wipefs") ? sections.get("wipefs").output() : "", "@@DEV ").entrySet()) {
                try {
                    signatures.put(chunk.getKey(), WipefsParser.parse(chunk.getValue()));
                } catch (FactParseException e) {
                    unavailable.put("wipefs " + chunk.getKey(), e.getMessage());
                }
            }
            return signatures;
        }

        /** Splits "@@X name" headed chunks: name → the text below it. */
        static Map<String, String> chunks(String text, String header) {
            return io.tandem.facts.FramedSections.split(text, header);
        }
    }
}
