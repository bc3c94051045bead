package io.tandem.plan;

import io.tandem.facts.DpkgQueryParser;
import io.tandem.facts.FactParseException;
import io.tandem.ssh.ExecResult;
import io.tandem.ssh.RemoteCommand;
import io.tandem.text.ShellQuote;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Installs the packages a host needs, non-interactively and without Recommends (with them one
 * install took 18 min in the VM lab instead of 6.7), keeping configuration files the host already
 * has. Done when dpkg lists every package as installed ({@code ii}).
 */
public final class PackageStep {

    private static final Duration TIMEOUT = Duration.ofMinutes(45);
    private static final Pattern SETTING_UP = Pattern.compile("^Setting up ([^ ]+)");
    private static final Pattern COUNTS = Pattern.compile("^(\\d+) upgraded, (\\d+) newly installed");

    private PackageStep() {
    }

    public static Probe probe(String host, List<String> packages) {
        return new Probe(host, "packages", DpkgQueryParser.COMMAND + " " + ShellQuote.join(packages) + " 2>/dev/null; true");
    }

    /** The packages of {@code wanted} that dpkg's output (discovery's format) does not show as installed. */
    public static List<String> missing(List<String> wanted, String dpkgOutput) {
        try {
            var installed = DpkgQueryParser.parse(dpkgOutput).keySet().stream().map(p -> p.replaceAll(":.*", "")).toList();
            return wanted.stream().filter(p -> !installed.contains(p)).toList();
        } catch (FactParseException e) {
            return wanted;
        }
    }

    /** Where Debian's maintainer scripts (invoke-rc.d, deb-systemd-invoke) ask whether they may start a service. */
    static final String POLICY = "/usr/sbin/policy-rc.d";
    /** The units no package may start or restart while Tandem installs: they start only on Tandem's configuration. */
    static final List<String> HELD_UNITS = List.of("corosync", "pacemaker", "sbd", "corosync-qdevice");

    /**
     * policy-rc.d for the install: exit 101 ("do not run") when a package's script would start or
     * restart a unit of the cluster stack, 0 for everything else. Called as
     * {@code policy-rc.d [--quiet] NAME ACTION} (invoke-rc.d) or {@code policy-rc.d NAME.service ACTION}
     * (deb-systemd-invoke). Without it, pacemaker's postinst starts pacemaker and with it sbd on
     * Debian's defaults: sbd arms the watchdog (5 s) on a node Tandem has not configured, and a
     * node that misses one feed under the install's load resets (seen in lab/vm e2e).
     */
    static String policy() {
        return "#!/bin/sh\n# Tandem apply, removed when its package install ends: the cluster stack starts only on Tandem's configuration.\n"
                + "[ \"$1\" = --quiet ] && shift\n"
                + "case \"${1%.service}\" in\n    " + String.join("|", HELD_UNITS) + ")\n"
                + "        case \"$2\" in *start) exit 101 ;; esac ;;\nesac\nexit 0\n";
    }

    /** The apt-get line: what the plan shows and a failure names (the policy around it is said in words). */
    static String installLine(List<String> packages) {
        return "apt-get install -y -q --no-install-recommends -o DPkg::Lock::Timeout=300 "
                + "-o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold " + ShellQuote.join(packages);
    }

    /** The failure of an install, named by its apt-get line, with a plain hint where apt's error has one. */
    static StepFailure failure(List<String> packages, ExecResult result) {
        return explain(result, StepFailure.of(RemoteCommand.script(installLine(packages)), result));
    }

    public static String installScript(List<String> packages) {
        String install = installLine(packages);
        // A policy-rc.d the host already has is its own: left as it is.
        String hold = "if [ ! -e " + POLICY + " ]; then\ncat > " + POLICY + " <<'TANDEM_POLICY'\n" + policy() + "TANDEM_POLICY\n"
                + "chmod 755 " + POLICY + "\ntrap 'rm -f " + POLICY + "' EXIT\nfi\n";
        // Try with the lists the host has first; only a missing candidate costs an apt-get update.
        return "export DEBIAN_FRONTEND=noninteractive\n" + hold + install + " || { apt-get update -q -o DPkg::Lock::Timeout=300 && " + install + "; }\n";
    }

    public static Step step(String host, List<String> packages, ProbeResults probed) {
        Probe probe = probe(host, packages);
        List<String> missingNow = probed.text(probe).map(out -> missing(packages, out)).orElse(packages);
        Check check = Check.of("every package is installed: " + String.join(" ", packages), probe, out -> missing(packages, out).isEmpty());
        RemoteCommand command = RemoteCommand.script(installScript(packages));
        String display = installLine(packages) + " (packages may not start " + String.join(", ", HELD_UNITS)
                + " meanwhile: a policy-rc.d for the install, unless the host has its own)";
        Action install = new Action(host, display, remote -> {
            AtomicInteger total = new AtomicInteger();
            AtomicInteger done = new AtomicInteger();
            ExecResult result = remote.run(command, new byte[0], TIMEOUT, line -> {
                Matcher counts = COUNTS.matcher(line);
                if (counts.find()) {
                    total.set(Integer.parseInt(counts.group(2)));
                }
                Matcher setUp = SETTING_UP.matcher(line);
                if (setUp.find()) {
                    remote.progress("packages " + done.incrementAndGet() + "/" + Math.max(total.get(), done.get()) + ": " + setUp.group(1));
                }
            });
            if (!result.ok()) {
                throw failure(packages, result);
            }
        });
        return Step.on(host, Phase.PACKAGES, "packages:" + host, "Install " + String.join(" ", missingNow)
                + " (without recommended extras; configuration files already there are kept)", check,
                "apt-get remove the packages (their configuration stays)", install);
    }

    /** The failure with a plain hint for the apt errors an operator can fix (tested on real apt-get output). */
    static StepFailure explain(ExecResult result, StepFailure failure) {
        List<String> hints = new ArrayList<>();
        Matcher unknown = Pattern.compile("Unable to locate package (\\S+)").matcher(result.stderr());
        while (unknown.find()) {
            hints.add("the host's repositories have no package " + unknown.group(1)
                    + ": enable the distribution's main repository (or the one that has it) and run apply again");
        }
        // Known by name (another package refers to it) but with no version the host's repositories offer.
        Matcher noCandidate = Pattern.compile("Package '(\\S+)' has no installation candidate").matcher(result.stderr());
        java.util.Set<String> named = new java.util.LinkedHashSet<>();
        while (noCandidate.find()) {
            named.add(noCandidate.group(1));
        }
        for (String pkg : named) {
            hints.add("the host's repositories name package " + pkg + " but offer no version of it (a partial mirror, or a release "
                    + "that replaced it): add a repository that has it (for Debian/Ubuntu the distribution's main one) and run apply again");
        }
        if (result.stderr().contains("Could not get lock")) {
            hints.add("another package manager holds apt's lock (unattended-upgrades?): wait for it to finish and run apply again");
        }
        // apt's own check before downloading, and a write that failed anyway.
        Matcher space = Pattern.compile("You don't have enough free space in (\\S+?)\\.?$", Pattern.MULTILINE).matcher(result.stderr());
        if (space.find()) {
            hints.add("the host has not enough free space in " + space.group(1) + " for the packages (apt says how much it needs above): "
                    + "free space there (apt-get clean, old kernels, logs) and run apply again");
        } else if (result.stderr().contains("No space left on device")) {
            hints.add("the host's disk is full: free space under /var and run apply again");
        }
        return hints.isEmpty() ? failure : new StepFailure(failure.getMessage() + "; " + String.join("; ", hints), failure.detail());
    }
}
