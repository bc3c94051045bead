package io.tandem.facts;

import java.util.Map;
import java.util.Optional;

/**
 * Whether a node's stock {@code ocf:heartbeat:portblock} is the broken one: resource-agents before
 * 4.14 (upstream fix: ClusterLabs/resource-agents PR #1924, merged in March 2024 after 4.13.0; 4.14.0 as
 * the first fixed release is inferred from the dates) looks for "tcp" in
 * {@code iptables -n -L}, and iptables 1.8.9 (both backends; fixed in 1.8.10) prints "6" there, so
 * the agent never finds its rule and its unblock never removes it. Debian 12 ships exactly that
 * pair (resource-agents 1:4.12.0-2, iptables 1.8.9-2). Tandem deploys {@code ocf:tandem:portblock}
 * on every node anyway; this says why, for the plan. Versions are the installed ones, else apt's
 * candidate (a fresh node has neither package yet).
 */
public final class StockPortblock {

    private StockPortblock() {
    }

    /** The sentence for the plan when the node's stock portblock never unblocks; empty when it is not affected or unknown. */
    public static Optional<String> problem(Map<String, String> installed, Map<String, AptPolicy> candidates) {
        Optional<String> agents = version("resource-agents", installed, candidates);
        Optional<String> iptables = version("iptables", installed, candidates);
        if (agents.isEmpty() || iptables.isEmpty()) {
            return Optional.empty();
        }
        boolean oldAgent = compareUpstream(upstream(agents.get()), "4.14") < 0;
        boolean numericIptables = upstream(iptables.get()).equals("1.8.9");
        if (!oldAgent || !numericIptables) {
            return Optional.empty();
        }
        return Optional.of("The stock portblock of resource-agents " + agents.get() + " never unblocks with iptables " + iptables.get()
                + " (it looks for \"tcp\" where iptables prints \"6\"); Tandem installs its own ocf:tandem:portblock.");
    }

    private static Optional<String> version(String name, Map<String, String> installed, Map<String, AptPolicy> candidates) {
        String version = installed.get(name);
        if (version == null && candidates.get(name) != null) {
            version = candidates.get(name).candidate();
        }
        return Optional.ofNullable(version).filter(v -> !v.isBlank());
    }

    /** A Debian version's upstream part: without the epoch ({@code 1:}) and the Debian revision ({@code -2+deb12u1}). */
    static String upstream(String debianVersion) {
        String v = debianVersion.strip();
        int colon = v.indexOf(':');
        if (colon >= 0 && v.substring(0, colon).matches("[0-9]+")) {
            v = v.substring(colon + 1);
        }
        int dash = v.lastIndexOf('-');
        return dash > 0 ? v.substring(0, dash) : v;
    }

    /** Compares dotted numeric versions by their leading digits per part (4.12.0+git1 is 4.12.0); a missing part is 0. */
    static int compareUpstream(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            int c = Long.compare(leadingNumber(x, i), leadingNumber(y, i));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    private static long leadingNumber(String[] parts, int i) {
        if (i >= parts.length) {
            return 0;
        }
        String digits = parts[i].replaceFirst("^([0-9]{0,18}).*$", "$1");
        return digits.isEmpty() ? 0 : Long.parseLong(digits);
    }
}
