package io.tandem.plan;

import io.tandem.model.Project;
import io.tandem.render.FileSet;
import io.tandem.render.PlacedText;
import io.tandem.render.RenderedFile;
import io.tandem.render.SecretPolicy;
import io.tandem.testing.RealTools;
import io.tandem.text.ShellQuote;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * One host of a project as it is once apply has run, on this machine, to count the processes a
 * probe script starts there (each costs 0.1–0.4 s on the VM lab's emulated CPUs). In a private
 * mount namespace: {@code /etc} and {@code /usr} get an overlay holding the host's rendered files
 * (placed as apply writes them, modes as rendered) and a corosync key on nodes, {@code /dev} a tmpfs with the project's disks
 * (nodes of the detached {@code /dev/loop0}: only read, never written) and watchdog, and {@code PATH}
 * starts with stubs for what needs a running cluster ({@code systemctl}, {@code corosync-cmapctl},
 * {@code crm_mon}, {@code cibadmin}, {@code sbd}, {@code iscsiadm}), each printing a converged
 * answer with shell builtins only, so one stub call is one process, as the real tool is. The script
 * runs under {@code strace -f}; nothing outside the namespace changes. Needs root, strace and unshare.
 */
final class ConvergedHost {

    /** Processes the script started (its own shell not counted), programs it executed, and its wall time without strace. */
    record Count(int processes, int execs, long wallMillis) {
    }

    private static final List<String> ENABLED = List.of("corosync", "pacemaker", "sbd");

    private ConvergedHost() {
    }

    static void require() {
        RealTools.require("strace", "unshare", "mknod", "mount");
        RealTools.requireRoot("the converged host is a private mount namespace with overlays");
    }

    static Count run(Project project, FileSet files, String host, String script, Path dir) throws IOException, InterruptedException {
        Path etc = Files.createDirectories(dir.resolve("etc-up"));
        Path usr = Files.createDirectories(dir.resolve("usr-up"));
        Files.createDirectories(dir.resolve("etc-work"));
        Files.createDirectories(dir.resolve("usr-work"));
        for (RenderedFile file : files.filesOf(host)) {
            Path root = file.path().startsWith("/etc/") ? etc : file.path().startsWith("/usr/") ? usr : null;
            if (root == null) {
                continue;
            }
            Path target = root.resolve(file.path().substring(5));
            Files.createDirectories(target.getParent());
            String existing = file.path().equals("/etc/hosts") ? PlanFixtures.DEBIAN_HOSTS : "";
            Files.writeString(target, PlacedText.place(file.placement(), Optional.of(existing).filter(e -> !e.isEmpty()),
                    files.text(file, SecretPolicy.REVEAL)));
            Files.setPosixFilePermissions(target, PosixFilePermissions.fromString(rwx(file.mode())));
        }
        if (project.nodes().stream().anyMatch(n -> n.name().equals(host))) {
            Path key = Files.createDirectories(etc.resolve("corosync")).resolve("authkey");
            Files.write(key, new byte[256]);
            Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("r--------"));
        }
        Path stubs = stubs(Files.createDirectories(dir.resolve("stubs")), project.clusterName());
        Files.writeString(dir.resolve("probe.sh"), script);
        Files.writeString(dir.resolve("sandbox.sh"), sandbox(dir, stubs, devices(project, host)));
        Process p = new ProcessBuilder("unshare", "-m", "--propagation", "private", "sh", dir.resolve("sandbox.sh").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("sandbox.out").toFile()).start();
        if (!p.waitFor(2, TimeUnit.MINUTES) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IllegalStateException("sandbox failed: " + Files.readString(dir.resolve("sandbox.out")));
        }
        List<String> trace = Files.readAllLines(dir.resolve("strace.log"));
        Set<String> pids = new HashSet<>();
        Set<String> executed = new HashSet<>();
        for (String line : trace) {
            String pid = line.substring(0, line.indexOf(' '));
            pids.add(pid);
            // "execve(...) = 0", or split by strace around another process's line: "<... execve resumed>) = 0"
            if (line.contains("execve") && line.endsWith("= 0")) {
                executed.add(pid);
            }
        }
        long wall = Long.parseLong(Files.readString(dir.resolve("wall")).strip());
        return new Count(pids.size() - 1, executed.size() - 1, wall);
    }

    /** Block devices the host's probes look at, and character devices (the watchdog). */
    private record Devices(List<String> block, List<String> character) {
    }

    private static Devices devices(Project project, String host) {
        List<String> block = new ArrayList<>();
        List<String> character = new ArrayList<>();
        project.replication().resources().forEach(r -> r.backingOn(host).ifPresent(b -> block.add(DrbdSteps.metadataDevice(b))));
        if (project.cluster().stonith().type() == io.tandem.model.StonithType.SBD && project.nodes().stream().anyMatch(n -> n.name().equals(host))) {
            block.addAll(project.cluster().stonith().sbd().devices());
            character.add(project.cluster().stonith().sbd().watchdogDevice());
        }
        project.managedInitiators().stream().filter(c -> c.name().equals(host) && c.filesystem() != null)
                .forEach(c -> block.add(InitiatorSteps.lunDevice(project, c.filesystem())));
        return new Devices(block, character);
    }

    private static String sandbox(Path dir, Path stubs, Devices devices) {
        String d = ShellQuote.quote(dir.toString());
        StringBuilder s = new StringBuilder("set -e\nd=" + d + "\n"
                + "mount -t overlay overlay -o \"lowerdir=/etc,upperdir=$d/etc-up,workdir=$d/etc-work\" /etc\n"
                + "mount -t overlay overlay -o \"lowerdir=/usr,upperdir=$d/usr-up,workdir=$d/usr-work\" /usr\n"
                + "mount -t tmpfs -o mode=0755 tandem-dev /dev\n"
                + "mknod -m 666 /dev/null c 1 3; mknod -m 666 /dev/zero c 1 5; mknod -m 444 /dev/urandom c 1 9\n"
                + "ln -s /proc/self/fd /dev/fd\n");
        for (String device : devices.block()) {
            s.append("mkdir -p \"$(dirname ").append(ShellQuote.quote(device)).append(")\"; mknod -m 600 ").append(ShellQuote.quote(device)).append(" b 7 0\n");
        }
        for (String device : devices.character()) {
            s.append("mkdir -p \"$(dirname ").append(ShellQuote.quote(device)).append(")\"; mknod -m 600 ").append(ShellQuote.quote(device)).append(" c 10 130\n");
        }
        s.append("export PATH=").append(ShellQuote.quote(stubs.toString())).append(":/usr/sbin:/usr/bin:/sbin:/bin\n")
                .append("t0=$(date +%s%N); sh \"$d/probe.sh\" > \"$d/probe.out\" </dev/null; t1=$(date +%s%N)\n")
                .append("echo $(( (t1 - t0) / 1000000 )) > \"$d/wall\"\n")
                .append("strace -f -qq -e trace=process -e signal=none -o \"$d/strace.log\" sh \"$d/probe.sh\" > /dev/null </dev/null\n");
        return s.toString();
    }

    /** Each stub prints with shell builtins only: one process per call, like the real tool. */
    private static Path stubs(Path dir, String cluster) throws IOException {
        String enabled = String.join("|", ENABLED);
        stub(dir, "systemctl", "verb=$1; shift\ncase $verb in\n"
                + "show) while [ \"$1\" != -- ]; do shift; done; shift\n"
                + "  for u; do case $u in " + enabled + ") printf 'UnitFileState=enabled\\nActiveState=active\\n\\n';; "
                + "pcsd) printf 'UnitFileState=\\nActiveState=inactive\\n\\n';; *) printf 'UnitFileState=disabled\\nActiveState=inactive\\n\\n';; esac; done;;\n"
                + "is-enabled) case $1 in " + enabled + ") echo enabled;; pcsd) exit 1;; *) echo disabled; exit 1;; esac;;\n"
                + "is-active) [ \"$1\" = -q ] && { q=1; shift; }; case $1 in " + enabled + ") [ -n \"$q\" ] || echo active;; "
                + "*) [ -n \"$q\" ] || echo inactive; exit 3;; esac;;\nesac\n");
        stub(dir, "corosync-cmapctl", "printf 'totem.cluster_name (str) = %s\\n' " + ShellQuote.quote(cluster) + "\n");
        stub(dir, "crm_mon", "printf '<pacemaker-result/>\\n'\n");
        stub(dir, "cibadmin", "printf '<cib/>\\n'\n");
        stub(dir, "sbd", "printf '==Dumping header on disk %s\\nTimeout (watchdog)         : 10\\nTimeout (msgwait)          : 20\\n' \"$2\"\n");
        stub(dir, "iscsiadm", "printf 'tcp: [1] 192.168.50.100:3260,1 iqn.2024-01.test.lab:store (non-flash)\\n'\n");
        return dir;
    }

    /** An executable {@code #!/bin/sh} script NAME in DIR with BODY: a command stubbed for a script under test. */
    static void stub(Path dir, String name, String body) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, "#!/bin/sh\n" + body, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private static String rwx(int mode) {
        StringBuilder out = new StringBuilder();
        for (int shift = 6; shift >= 0; shift -= 3) {
            int bits = (mode >> shift) & 7;
            out.append((bits & 4) != 0 ? 'r' : '-').append((bits & 2) != 0 ? 'w' : '-').append((bits & 1) != 0 ? 'x' : '-');
        }
        return out.toString();
    }
}
