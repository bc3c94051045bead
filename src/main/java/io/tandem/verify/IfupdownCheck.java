package io.tandem.verify;

import io.tandem.model.NetworkLink;
import io.tandem.model.Node;
import io.tandem.model.Profile;
import io.tandem.model.Project;
import io.tandem.render.FileSet;
import io.tandem.render.RenderedFile;
import io.tandem.render.SecretPolicy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * ifupdown on a Debian node's {@code /etc/network/interfaces.d} files, sourced as the distribution's
 * {@code /etc/network/interfaces} sources them: {@code ifup --no-act -a} must accept every stanza (it
 * prints the commands instead of running them), every link must be {@code auto}, and the options
 * {@code ifquery} reads for each interface (the ones ifenslave and the static method act on) must be
 * the project's: address, gateway, bond mode, slaves, MII interval, up and down delay, primary.
 */
public final class IfupdownCheck implements ToolCheck {

    static final String TOOL = "ifquery";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    static final String DIRECTORY = "/etc/network/interfaces.d/";

    @Override
    public List<CheckResult> run(Project project, FileSet files, Path workDir) {
        List<CheckResult> results = new ArrayList<>();
        if (project.profile() != Profile.MODERN) {
            return results;
        }
        var ifquery = LocalCommand.find("ifquery");
        var ifup = LocalCommand.find("ifup");
        for (Node node : project.nodes()) {
            if (node.os().usesNetplan()) {
                continue;
            }
            String subject = node.name() + " " + DIRECTORY;
            if (ifquery.isEmpty() || ifup.isEmpty()) {
                results.add(CheckResult.skipped(TOOL, subject, "not installed (apt-get install ifupdown)"));
                continue;
            }
            try {
                results.add(check(project, node, files, ifquery.get(), ifup.get(), workDir.resolve("ifupdown-" + node.name()), subject));
            } catch (IOException e) {
                results.add(CheckResult.fail(TOOL, subject, e.getMessage()));
            }
        }
        return results;
    }

    private static CheckResult check(Project project, Node node, FileSet files, Path ifquery, Path ifup, Path dir, String subject)
            throws IOException {
        Path fragments = Files.createDirectories(dir.resolve("interfaces.d"));
        Path state = Files.createDirectories(dir.resolve("state"));
        for (RenderedFile file : files.filesOf(node.name())) {
            if (file.path().startsWith(DIRECTORY)) {
                Files.writeString(fragments.resolve(file.path().substring(DIRECTORY.length())), files.text(file, SecretPolicy.REVEAL));
            }
        }
        // What Debian's /etc/network/interfaces says, pointing at the copies.
        Path interfaces = dir.resolve("interfaces");
        Files.writeString(interfaces, "auto lo\niface lo inet loopback\n\nsource " + fragments + "/*\n");

        var up = LocalCommand.run(List.of(ifup.toString(), "--no-act", "--no-scripts", "-a", "-i", interfaces.toString(),
                "--state-dir", state.toString()), Map.of(), dir, TIMEOUT);
        if (!up.ok()) {
            return CheckResult.fail("ifup --no-act", subject, "exit " + up.exitCode() + ": " + up.stderr().strip());
        }
        var list = LocalCommand.run(List.of(ifquery.toString(), "-i", interfaces.toString(), "--list"), Map.of(), dir, TIMEOUT);
        if (!list.ok()) {
            return CheckResult.fail(TOOL, subject, "--list exit " + list.exitCode() + ": " + list.stderr().strip());
        }
        List<String> auto = list.stdout().lines().map(String::strip).toList();
        List<String> wrong = new ArrayList<>();
        Map<String, InterfaceReading> read = new LinkedHashMap<>();
        for (NetworkLink link : node.links()) {
            if (!auto.contains(link.interfaceName())) {
                wrong.add(link.interfaceName() + " is not brought up at boot (no 'auto' line)");
            }
            var query = LocalCommand.run(List.of(ifquery.toString(), "-i", interfaces.toString(), link.interfaceName()), Map.of(), dir, TIMEOUT);
            if (query.ok()) {
                read.put(link.interfaceName(), reading(link.interfaceName(), query.stdout()));
            }
        }
        wrong.addAll(NetworkExpectation.differences(project, node, read));
        return wrong.isEmpty()
                ? CheckResult.pass(TOOL, subject, "ifup --no-act accepts it; ifquery reads " + String.join(", ", read.keySet()) + " as the project says")
                : CheckResult.fail(TOOL, subject, String.join("; ", wrong));
    }

    /** ifquery's {@code option: value} lines for one interface. */
    static InterfaceReading reading(String name, String ifqueryOutput) {
        Map<String, String> options = new LinkedHashMap<>();
        List<String> routes = new ArrayList<>();
        for (String line : ifqueryOutput.lines().toList()) {
            int colon = line.indexOf(": ");
            if (colon > 0) {
                String option = line.substring(0, colon).strip();
                String value = line.substring(colon + 2).strip();
                options.putIfAbsent(option, value);
                if (option.equals("up")) {
                    route(value).ifPresent(routes::add);
                }
            }
        }
        List<String> addresses = new ArrayList<>();
        String address = options.get("address");
        if (address != null) {
            // ifupdown splits address/prefix into address and netmask before the options are seen.
            addresses.add(address.contains("/") ? address : address + "/" + prefixLength(options.get("netmask")));
        }
        InterfaceReading.Bond bond = null;
        if (options.containsKey("bond-slaves") || options.containsKey("bond-mode")) {
            bond = new InterfaceReading.Bond(options.get("bond-mode"), integer(options.get("bond-miimon")),
                    integer(options.get("bond-updelay")), integer(options.get("bond-downdelay")), options.get("bond-primary"),
                    options.containsKey("bond-slaves") ? List.of(options.get("bond-slaves").split("\\s+")) : List.of(),
                    integer(options.get("bond-arp-interval")),
                    options.containsKey("bond-arp-ip-target") ? List.of(options.get("bond-arp-ip-target").split("\\s+")) : List.of());
        }
        return new InterfaceReading(name, addresses, options.get("gateway"), routes, bond);
    }

    private static final Pattern UP_ROUTE = Pattern.compile(
            "ip route (?:add|replace) (\\S+) via (\\S+)(?: dev \\S+)?(?: metric (\\d+))?(?: .*)?");

    /** An {@code up ip route add|replace SUBNET via GW [dev D] [metric N]} command as a route. */
    static Optional<String> route(String command) {
        var m = UP_ROUTE.matcher(command);
        return m.matches() ? Optional.of(InterfaceReading.route(m.group(1), m.group(2), m.group(3) == null ? "0" : m.group(3)))
                : Optional.empty();
    }

    private static Integer integer(String value) {
        return value == null || !value.matches("\\d{1,9}") ? null : Integer.valueOf(value);
    }

    /** 255.255.255.0 → 24; -1 when it is not a contiguous netmask. */
    static int prefixLength(String netmask) {
        var mask = netmask == null ? Optional.<io.tandem.model.Ipv4>empty() : io.tandem.model.Ipv4.parse(netmask);
        if (mask.isEmpty()) {
            return -1;
        }
        long bits = mask.get().bits();
        int ones = Long.bitCount(bits);
        return bits == ((0xFFFFFFFFL << (32 - ones)) & 0xFFFFFFFFL) ? ones : -1;
    }
}
