package io.tandem.plan;

import io.tandem.ssh.RemoteCommand;
import io.tandem.text.ShellQuote;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Services Debian's packages start and enable on their own, which must not run outside Pacemaker
 * (it alone starts DRBD and the target), and the cluster stack itself: the packages start corosync
 * and pacemaker on Debian's default one-node configuration, which must stop before Tandem's starts.
 */
public final class ServiceSteps {

    private static final Duration TIMEOUT = Duration.ofMinutes(3);

    private ServiceSteps() {
    }

    /**
     * {@code UNIT ENABLED-STATE ACTIVE-STATE} per unit (empty states for units that do not exist), and
     * {@code not-installed} first while pacemaker is not: the packages the install step brings enable
     * their units, so the step must be planned with the install, not found done. From the host's
     * {@link UnitRead}.
     */
    static Probe unitProbe(String host, String name, List<String> units) {
        return UnitRead.probe(host, name, new UnitRead(units, List.of()),
                seen -> seen.lines(units).map(lines -> (seen.pacemakerInstalled() ? "" : NOT_INSTALLED + "\n") + lines));
    }

    static final String NOT_INSTALLED = UnitRead.NOT_INSTALLED;

    /** Units the probe shows enabled or active. */
    static List<String> running(String output) {
        return output.lines().map(l -> l.split(" ", -1)).filter(w -> w.length == 3)
                .filter(w -> w[1].equals("enabled") || w[2].equals("active") || w[2].equals("activating")).map(w -> w[0]).toList();
    }

    public static Step disableOutsidePacemaker(String host, List<String> units, ProbeResults probed) {
        Probe probe = unitProbe(host, "units-off", units);
        List<String> now = probed.text(probe).filter(out -> !out.contains(NOT_INSTALLED)).map(ServiceSteps::running).orElse(units);
        Check check = Check.of("none of " + String.join(" ", units) + " is enabled or running", probe,
                out -> !out.contains(NOT_INSTALLED) && running(out).isEmpty());
        RemoteCommand command = RemoteCommand.script("for u in " + ShellQuote.join(units) + "; do "
                + "if systemctl cat \"$u\" >/dev/null 2>&1; then systemctl disable --now \"$u\" || exit 1; fi; done");
        return Step.on(host, Phase.SERVICES, "services-off:" + host, "Stop and disable " + String.join(" ", now)
                        + ": the packages started them, but only Pacemaker may start DRBD and the target", check,
                "systemctl enable --now the units again", new Action(host, command.display(), remote -> remote.require(command, TIMEOUT)));
    }

    /**
     * The cluster name corosync runs with now, nothing when it is not running, and {@code not-installed}
     * before corosync is installed: installing it starts it on Debian's default configuration, so the
     * step must be planned with the install, not found done.
     */
    static Probe corosyncNameProbe(String host) {
        return UnitRead.probe(host, "corosync-name", new UnitRead(List.of("corosync"), List.of()), seen -> Optional.of(
                !seen.corosyncInstalled() ? NOT_INSTALLED + "\n" : seen.active("corosync") ? seen.clusterName() : ""));
    }

    /** Stops a cluster stack that runs with another configuration (Debian's default "debian" cluster after install). */
    public static Step stopForeignCluster(String host, String clusterName, ProbeResults probed) {
        Probe probe = corosyncNameProbe(host);
        Check check = Check.of("corosync is stopped or already runs cluster " + clusterName, probe,
                out -> out.isBlank() || out.strip().equals(clusterName));
        RemoteCommand command = RemoteCommand.script("systemctl stop pacemaker corosync");
        String running = probed.text(probe).map(String::strip).filter(s -> !s.isEmpty() && !s.equals(NOT_INSTALLED)).orElse("debian");
        return Step.on(host, Phase.SERVICES, "foreign-cluster-off:" + host, "Stop corosync and pacemaker, which the packages started as cluster \""
                        + running + "\" on their default configuration; Tandem starts them on its own once configured", check,
                "nothing to undo: they start again with Tandem's configuration", new Action(host, command.display(), remote -> remote.require(command, TIMEOUT)));
    }

    /** Sets kernel settings now (the sysctl.d file sets them at boot); its check reads each back. */
    public static Step applySysctl(String host, String path, Map<String, String> settings) {
        List<String> keys = List.copyOf(settings.keySet());
        Probe probe = new Probe(host, "sysctl", RemoteCommand.of("sysctl", "-n").withWords(keys).display() + " 2>/dev/null || true");
        List<String> expected = keys.stream().map(settings::get).toList();
        String words = keys.stream().map(k -> k + "=" + settings.get(k)).collect(Collectors.joining(" "));
        Check check = Check.of("kernel settings: " + words, probe, out -> out.lines().map(String::strip).toList().equals(expected));
        RemoteCommand command = RemoteCommand.of("sysctl", "-q", "-p", path);
        return Step.on(host, Phase.FILES, "sysctl:" + host, "Set " + words
                        + " now (the sysctl.d file sets it at every boot)", check, "remove the file and set the old value back with sysctl -w",
                new Action(host, command.display(), remote -> remote.require(command, TIMEOUT)));
    }

    /** Enables a unit Tandem wrote and starts it now; done when it is enabled and running. */
    public static Step enableNow(String host, String unit, String purpose) {
        String quoted = ShellQuote.quote(unit);
        // From the host's shared unit read: UNIT ENABLED ACTIVE, nothing while the unit does not exist.
        Probe probe = UnitRead.probe(host, "unit-" + unit.replaceAll("[^a-z0-9]+", "-"), new UnitRead(List.of(unit), List.of()),
                seen -> seen.lines(List.of(unit)));
        Check check = Check.of(unit + " enabled and running", probe, out -> out.strip().equals(unit + " enabled active"));
        RemoteCommand command = RemoteCommand.script("systemctl daemon-reload && systemctl enable --now " + quoted);
        return Step.on(host, Phase.FILES, "unit:" + unit + ":" + host, "Enable and start " + unit + " on " + host + ": " + purpose, check,
                "systemctl disable --now " + unit, new Action(host, command.display(), remote -> remote.require(command, TIMEOUT)));
    }

    /** Loads kernel modules now (the modules-load.d file loads them at boot). */
    public static Step loadModules(String host, List<String> modules) {
        Probe probe = new Probe(host, "modules", "for m in " + ShellQuote.join(modules) + "; do [ -d \"/sys/module/$m\" ] || echo \"$m\"; done");
        Check check = Check.of("kernel modules loaded: " + String.join(" ", modules), probe, String::isBlank);
        RemoteCommand command = RemoteCommand.of("modprobe", "-a").withWords(modules);
        return Step.on(host, Phase.FILES, "modules:" + host, "Load the kernel modules " + String.join(" ", modules)
                        + " now (the modules-load.d file loads them at every boot)", check, "modprobe -r them (only when nothing uses them)",
                new Action(host, command.display(), remote -> remote.require(command, TIMEOUT)));
    }
}
