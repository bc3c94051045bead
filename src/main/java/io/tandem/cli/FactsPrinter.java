package io.tandem.cli;

import io.tandem.discovery.CompatibilityReport;
import io.tandem.discovery.HostFacts;
import io.tandem.facts.BlockDevice;
import io.tandem.facts.BondStatus;
import io.tandem.facts.IfAddress;
import io.tandem.facts.NetLink;
import io.tandem.facts.NicHardware;

import java.io.PrintWriter;
import java.util.List;

/** The human-readable facts of one host, as {@code tandem discover} prints them. */
final class FactsPrinter {

    private FactsPrinter() {
    }

    static void print(HostFacts f, PrintWriter out) {
        out.printf("== %s (%s) — facts read in %.2f s, %d command round trip(s) after login%n", f.hostname(), f.target(),
                f.elapsed().toNanos() / 1e9, f.roundTrips());
        out.println("  OS:       " + f.os().map(o -> o.prettyName()).orElse("?") + ", kernel "
                + f.kernel().map(k -> k.kernelRelease() + " " + k.machine()).orElse("?"));
        out.println("  FQDN:     " + f.fqdn() + (f.hostnameResolves() ? "" : " (host name does not resolve)"));
        out.printf("  Memory:   %d MiB; clock offset from this workstation %+.3f s; time sync %s%n", f.memoryTotalBytes() >> 20,
                f.clockOffset().toMillis() / 1000.0, f.timeSynchronized().map(s -> s ? "yes" : "no").orElse("unknown"));
        out.println("  NICs:");
        for (NetLink link : CompatibilityReport.usableNics(f)) {
            NicHardware hw = f.nicHardware().get(link.name());
            List<String> addrs = f.addresses().getOrDefault(link.name(), List.of()).stream()
                    .filter(a -> a.family() == IfAddress.Family.IPV4).map(IfAddress::cidr).toList();
            out.printf("    %-10s %s %s %s %s%s%s%n", link.name(), link.mac(),
                    !link.isUp() ? "not up (unconfigured)" : link.carrier() ? "link up" : "NO LINK",
                    hw == null || hw.speedMbps() == null ? (link.isUp() ? "speed ?" : "speed ? (read when up)") : hw.speedMbps() + " Mb/s",
                    hw == null || hw.driver() == null ? "" : "driver " + hw.driver(), addrs.isEmpty() ? "" : " " + String.join(" ", addrs),
                    f.sshInterface().filter(link.name()::equals).isPresent() ? "  <- Tandem's SSH connection" : "");
        }
        for (BondStatus bond : f.bonds()) {
            out.println("  Bond " + bond.name() + ": " + bond.modeText() + ", active " + bond.activeSlave() + ", slaves "
                    + String.join(", ", bond.slaves().stream().map(s -> s.name() + " " + s.miiStatus()).toList()));
        }
        out.println("  Block devices:");
        for (BlockDevice d : f.allBlockDevices()) {
            if (!List.of("disk", "part", "loop").contains(d.type()) || d.sizeBytes() == 0) {
                continue;
            }
            List<String> reasons = f.inUseReasons(d);
            out.printf("    %-14s %10s %-5s %s%s%n", d.path(), sizeOf(d.sizeBytes()), d.type(),
                    d.model() == null ? "" : d.model().strip() + " ", reasons.isEmpty() ? "free" : "IN USE: " + String.join(", ", reasons));
        }
        out.println("  DRBD:     module " + (f.drbdModuleAvailable() ? f.drbdKernelVersion().orElse("available")
                + (f.drbd().moduleLoaded() ? " (loaded)" : " (not loaded)") : "not available")
                + ", utils " + f.drbd().utils().orElse("not installed"));
        out.println("  Packages: " + String.join(", ", io.tandem.discovery.NodeDiscovery.PACKAGES.stream().map(p -> p + " "
                + (f.packages().containsKey(p) ? f.packages().get(p) : f.packageCandidates().containsKey(p)
                && f.packageCandidates().get(p).candidate() != null ? "(available " + f.packageCandidates().get(p).candidate() + ")" : "(none)")).toList()));
        out.println("  Services: " + (f.servicesActive().isEmpty() ? "unknown (no systemd answered)" : f.servicesActive()));
        out.println("  Files:    " + describeFiles(f.files()));
        f.files().file(io.tandem.facts.CorosyncKey.PATH).map(io.tandem.facts.CorosyncKey::problems).orElse(List.of())
                .forEach(p -> out.println("  Problem:  " + p));
        if (!f.unavailable().isEmpty()) {
            out.println("  Not read: " + f.unavailable());
        }
    }

    /** Which configuration files Tandem may write exist already; contents are not printed. */
    private static String describeFiles(io.tandem.facts.HostFiles files) {
        if (!files.read()) {
            return "not read";
        }
        List<String> found = files.files().values().stream().filter(h -> h.state() != io.tandem.facts.HostFile.State.ABSENT)
                .map(io.tandem.facts.HostFile::toString).toList();
        return found.isEmpty() ? "none of the files Tandem writes exist yet" : String.join(", ", found);
    }

    private static String sizeOf(long bytes) {
        return bytes >= 1L << 30 ? String.format("%.1f GiB", bytes / (double) (1L << 30)) : (bytes >> 20) + " MiB";
    }
}
