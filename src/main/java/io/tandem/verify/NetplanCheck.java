package io.tandem.verify;

import io.tandem.model.Node;
import io.tandem.model.Profile;
import io.tandem.model.Project;
import io.tandem.render.FileSet;
import io.tandem.render.RenderedFile;
import io.tandem.render.SecretPolicy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * netplan's generator on an Ubuntu node's netplan file, in a scratch root: it must accept the file,
 * and the systemd-networkd files it writes (what the node's network really runs on) must say what
 * the project says: bond kind and mode, slaves, MII interval, up and down delay, primary, addresses,
 * default gateway. The generator is called directly: the {@code netplan generate} front end also
 * reloads udev and asks systemd about the machine it runs on, even with {@code --root-dir}.
 */
public final class NetplanCheck implements ToolCheck {

    static final String TOOL = "netplan generate";
    static final String PATH = "/etc/netplan/60-tandem.yaml";
    /** Ubuntu 24.04 installs the generator in libexec; Debian 12 and Ubuntu 22.04 in /lib/netplan. */
    static final List<String> GENERATOR = List.of("/usr/libexec/netplan/generate", "/lib/netplan/generate", "/usr/lib/netplan/generate");
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Override
    public List<CheckResult> run(Project project, FileSet files, Path workDir) {
        List<CheckResult> results = new ArrayList<>();
        if (project.profile() != Profile.MODERN) {
            return results;
        }
        var generator = LocalCommand.find(GENERATOR.toArray(String[]::new));
        for (Node node : project.nodes()) {
            if (!node.os().usesNetplan()) {
                continue;
            }
            String subject = node.name() + " " + PATH;
            if (generator.isEmpty()) {
                results.add(CheckResult.skipped(TOOL, subject, "not installed (apt-get install netplan.io)"));
                continue;
            }
            try {
                results.add(check(project, node, files, generator.get(), workDir.resolve("netplan-" + node.name()), subject));
            } catch (IOException | IllegalArgumentException e) {
                results.add(CheckResult.fail(TOOL, subject, e.getMessage()));
            }
        }
        return results;
    }

    private static CheckResult check(Project project, Node node, FileSet files, Path generator, Path root, String subject)
            throws IOException {
        RenderedFile yaml = files.find(node.name(), PATH).orElseThrow();
        Path etc = Files.createDirectories(root.resolve("etc/netplan"));
        Path copy = etc.resolve("60-tandem.yaml");
        Files.writeString(copy, files.text(yaml, SecretPolicy.REVEAL));
        // netplan warns about (and newer versions refuse) a file others can read; the node gets 0600.
        Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString("rw-------"));
        var out = LocalCommand.run(List.of(generator.toString(), "--root-dir", root.toString()), Map.of(), root, TIMEOUT);
        if (!out.ok()) {
            return CheckResult.fail(TOOL, subject, "exit " + out.exitCode() + ": " + out.stderr().strip());
        }
        Map<String, InterfaceReading> read = readNetworkd(root.resolve("run/systemd/network"));
        List<String> wrong = NetworkExpectation.differences(project, node, read);
        return wrong.isEmpty()
                ? CheckResult.pass(TOOL, subject, "the systemd-networkd files it generates set " + String.join(", ", read.keySet())
                + " as the project says")
                : CheckResult.fail(TOOL, subject, String.join("; ", wrong));
    }

    /** The interfaces the generated .netdev and .network files configure, with bonds and their slaves joined up. */
    static Map<String, InterfaceReading> readNetworkd(Path dir) throws IOException {
        Map<String, SystemdUnitFile> netdevs = new LinkedHashMap<>();
        Map<String, SystemdUnitFile> networks = new LinkedHashMap<>();
        if (!Files.isDirectory(dir)) {
            throw new IOException("the generator wrote no systemd-networkd files");
        }
        try (Stream<Path> list = Files.list(dir)) {
            for (Path file : list.sorted().toList()) {
                SystemdUnitFile unit = SystemdUnitFile.parse(Files.readString(file));
                String name = file.getFileName().toString();
                if (name.endsWith(".netdev")) {
                    unit.value("NetDev", "Name").ifPresent(n -> netdevs.put(n, unit));
                } else if (name.endsWith(".network")) {
                    unit.value("Match", "Name").ifPresent(n -> networks.put(n, unit));
                }
            }
        }
        Map<String, List<String>> slaves = new LinkedHashMap<>();
        Map<String, String> primaries = new LinkedHashMap<>();
        networks.forEach((name, unit) -> unit.value("Network", "Bond").ifPresent(bond -> {
            slaves.computeIfAbsent(bond, b -> new ArrayList<>()).add(name);
            if (unit.value("Network", "PrimarySlave").map(v -> v.equals("true") || v.equals("yes")).orElse(false)) {
                primaries.put(bond, name);
            }
        }));
        Map<String, InterfaceReading> read = new LinkedHashMap<>();
        for (var entry : networks.entrySet()) {
            String name = entry.getKey();
            SystemdUnitFile unit = entry.getValue();
            List<String> addresses = unit.all("Network").stream().flatMap(s -> s.values("Address").stream()).toList();
            String gateway = unit.value("Network", "Gateway").orElse(null);
            List<String> routes = new ArrayList<>();
            for (SystemdUnitFile.Section route : unit.all("Route")) {
                String to = route.value("Destination").orElse("0.0.0.0/0");
                if (to.equals("0.0.0.0/0") && route.value("Gateway").isPresent()) {
                    gateway = route.value("Gateway").get();
                } else if (route.value("Gateway").isPresent()) {
                    routes.add(InterfaceReading.route(to, route.value("Gateway").get(), route.value("Metric").orElse("0")));
                }
            }
            InterfaceReading.Bond bond = null;
            SystemdUnitFile netdev = netdevs.get(name);
            if (netdev != null && netdev.value("NetDev", "Kind").orElse("").equals("bond")) {
                bond = new InterfaceReading.Bond(netdev.value("Bond", "Mode").orElse(null),
                        SystemdUnitFile.milliseconds(netdev.value("Bond", "MIIMonitorSec").orElse(null)),
                        SystemdUnitFile.milliseconds(netdev.value("Bond", "UpDelaySec").orElse(null)),
                        SystemdUnitFile.milliseconds(netdev.value("Bond", "DownDelaySec").orElse(null)),
                        primaries.get(name), slaves.getOrDefault(name, List.of()),
                        SystemdUnitFile.milliseconds(netdev.value("Bond", "ARPIntervalSec").orElse(null)),
                        netdev.value("Bond", "ARPIPTargets").map(t -> List.of(t.strip().split("\\s+"))).orElse(List.of()));
            }
            read.put(name, new InterfaceReading(name, addresses, gateway, routes, bond));
        }
        return read;
    }
}
