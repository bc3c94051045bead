package io.tandem.verify;

import io.tandem.model.DrbdResource;
import io.tandem.model.DrbdVersion;
import io.tandem.model.NetworkRole;
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
import java.util.List;
import java.util.Map;

/**
 * Parses each node's DRBD configuration with drbd-utils ({@code drbdadm-84} for 8.4 and the
 * legacy 8.3 file, {@code drbdadm} for 9) and dry-runs {@code up} as that node ({@code -d}
 * prints the drbdsetup commands without running them) to see the addresses and disks it would use.
 */
public final class DrbdConfigCheck implements ToolCheck {

    static final String DRBDADM_84 = "/usr/lib/drbd/drbdadm-84";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Override
    public List<CheckResult> run(Project project, FileSet files, Path workDir) {
        boolean v9 = project.nodes().getFirst().drbdVersion() == DrbdVersion.V9 && project.profile() == Profile.MODERN;
        var tool = v9 ? LocalCommand.find("drbdadm") : LocalCommand.find(DRBDADM_84);
        String toolName = v9 ? "drbdadm" : "drbdadm-84";
        List<CheckResult> results = new ArrayList<>();
        for (Node node : project.nodes()) {
            String subject = node.name() + " DRBD configuration";
            if (tool.isEmpty()) {
                results.add(CheckResult.skipped(toolName, subject, "not installed (apt-get install drbd-utils)"));
                continue;
            }
            try {
                Path config = writeConfig(project, files, node, workDir.resolve("drbd-" + node.name()));
                results.add(check(project, node, tool.get().toString(), toolName, config, v9, subject));
            } catch (IOException e) {
                results.add(CheckResult.fail(toolName, subject, e.getMessage()));
            }
        }
        return results;
    }

    /**
     * The node's DRBD configuration as drbd-utils parse it ({@code drbdadm dump all}, whose output
     * is the normalised configuration), for the modern profile.
     */
    static LocalCommand.Output dump(Project project, FileSet files, Node node, Path dir) throws IOException {
        boolean v9 = project.nodes().getFirst().drbdVersion() == DrbdVersion.V9;
        var tool = v9 ? LocalCommand.find("drbdadm") : LocalCommand.find(DRBDADM_84);
        if (tool.isEmpty()) {
            throw new IOException((v9 ? "drbdadm" : "drbdadm-84") + " is not installed (apt-get install drbd-utils)");
        }
        Path config = writeConfig(project, files, node, dir);
        Map<String, String> env = v9 ? Map.of("DRBD_DRIVER_VERSION_OVERRIDE", "9.2.0") : Map.of();
        return LocalCommand.run(List.of(tool.get().toString(), "-c", config.toString(), "dump", "all"), env, dir, TIMEOUT);
    }

    /** Lays the node's files out as on the node, with a top file that includes them. */
    static Path writeConfig(Project project, FileSet files, Node node, Path dir) throws IOException {
        Files.createDirectories(dir);
        if (project.profile() == Profile.LEGACY) {
            RenderedFile conf = files.find(node.name(), "/etc/drbd.conf").orElseThrow();
            Path path = dir.resolve("drbd.conf");
            Files.writeString(path, files.text(conf, SecretPolicy.REVEAL));
            return path;
        }
        for (RenderedFile file : files.filesOf(node.name())) {
            if (file.path().startsWith("/etc/drbd.d/")) {
                Files.writeString(dir.resolve(file.path().substring("/etc/drbd.d/".length())), files.text(file, SecretPolicy.REVEAL));
            }
        }
        Path top = dir.resolve("drbd.conf");
        Files.writeString(top, "include \"global_common.conf\";\ninclude \"*.res\";\n");
        return top;
    }

    private static CheckResult check(Project project, Node node, String tool, String toolName, Path config, boolean v9, String subject)
            throws IOException {
        // drbdadm picks its parser from the loaded kernel module; pin it so the check is what it says.
        Map<String, String> env = v9 ? Map.of("DRBD_DRIVER_VERSION_OVERRIDE", "9.2.0") : Map.of();
        var dump = LocalCommand.run(List.of(tool, "-c", config.toString(), "dump", "all"), env, config.getParent(), TIMEOUT);
        if (!dump.ok()) {
            return CheckResult.fail(toolName, subject, "dump exit " + dump.exitCode() + ": " + dump.stderr().strip());
        }
        for (DrbdResource resource : project.replication().resources()) {
            if (!dump.stdout().contains("resource " + resource.name() + " {")) {
                return CheckResult.fail(toolName, subject, "resource " + resource.name() + " is missing from the parsed configuration");
            }
        }
        Map<String, String> upEnv = new java.util.HashMap<>(env);
        upEnv.put("__DRBD_NODE__", node.name());
        var up = LocalCommand.run(List.of(tool, "-c", config.toString(), "-d", "up", "all"), upEnv, config.getParent(), TIMEOUT);
        if (!up.ok()) {
            return CheckResult.fail(toolName, subject, "dry-run 'up' exit " + up.exitCode() + ": " + up.stderr().strip());
        }
        String missing = missingCommands(project, node, up.stdout(), v9);
        if (!missing.isEmpty()) {
            return CheckResult.fail(toolName, subject, "dry-run 'up' lacks: " + missing);
        }
        return CheckResult.pass(toolName, subject, "parsed; 'up' would attach and connect "
                + project.replication().resources().size() + " resource(s) from " + node.address(NetworkRole.REPLICATION));
    }

    /** The attach and connect commands the node must run, as drbdadm -d prints them. */
    static String missingCommands(Project project, Node node, String upOutput, boolean v9) {
        String local = node.address(NetworkRole.REPLICATION);
        String peer = project.peerOf(node.name()).address(NetworkRole.REPLICATION);
        List<String> missing = new ArrayList<>();
        for (DrbdResource resource : project.replication().resources()) {
            String disk = resource.backingOn(node.name()).orElseThrow().drbdDisk();
            String attach = "attach " + resource.minor() + " " + disk + " ";
            String path = "ipv4:" + local + ":" + resource.port() + " ipv4:" + peer + ":" + resource.port();
            String connect = v9 ? "new-path " + resource.name() + " " : "connect " + resource.name() + " " + path;
            if (!upOutput.contains(attach)) {
                missing.add("'" + attach.strip() + "'");
            }
            if (!upOutput.contains(connect) || (v9 && !upOutput.contains(path))) {
                missing.add("the connection " + path + " of " + resource.name());
            }
        }
        return String.join(", ", missing);
    }
}
