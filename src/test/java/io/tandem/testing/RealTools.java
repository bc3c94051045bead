package io.tandem.testing;

import io.tandem.verify.LocalCommand;
import org.junit.jupiter.api.Assumptions;

import static org.assertj.core.api.Assertions.fail;

/**
 * Tests that need real tools call {@link #require}. Locally a missing tool skips the test with the
 * command that installs it; in CI ({@code CI=true}) it fails, because scripts/test installs them.
 */
public final class RealTools {

    private RealTools() {
    }

    public static void require(String... tools) {
        for (String tool : tools) {
            if (LocalCommand.find(tool).isEmpty()) {
                missing(tool + " is not installed; scripts/install-test-deps installs it");
            }
        }
    }

    /** Everything the tier-2 checks run. */
    public static void requireTier2() {
        require("/usr/lib/drbd/drbdadm-84", "drbdadm", "corosync", "corosync-keygen", "crm_verify", "crm_simulate", "unshare", "ip");
        requireFenceAgents();
        requireResourceAgents();
        requireNetworkTools();
        require("chronyd", "findmnt", "getent", "iptables", "python3");
        requirePcs();
    }

    /** crm_resource and the OCF agents the CIB uses (resource-agents; ocf:linbit:drbd from drbd-utils). */
    public static void requireResourceAgents() {
        require("crm_resource", "/usr/lib/ocf/resource.d/heartbeat/IPaddr2", "/usr/lib/ocf/resource.d/heartbeat/portblock",
                "/usr/lib/ocf/resource.d/heartbeat/iSCSITarget", "/usr/lib/ocf/resource.d/heartbeat/iSCSILogicalUnit",
                "/usr/lib/ocf/resource.d/linbit/drbd");
    }

    /** ifupdown's ifup and ifquery, and netplan's generator (netplan.io). */
    public static void requireNetworkTools() {
        require("ifquery", "ifup");
        if (io.tandem.verify.LocalCommand.find(NETPLAN_GENERATORS).isEmpty()) {
            missing("netplan's generator (package netplan.io) is not installed; scripts/install-test-deps installs it");
        }
    }

    /** pcs, run on a CIB file, and what compares its result: cibadmin, crm_diff; unshare for the sandbox. */
    public static void requirePcs() {
        require("pcs", "cibadmin", "crm_diff", "unshare");
    }

    private static final String[] NETPLAN_GENERATORS = {"/usr/libexec/netplan/generate", "/lib/netplan/generate"};

    /** The fence agents and Pacemaker's fencer, whose metadata the fencing check reads. */
    public static void requireFenceAgents() {
        require("fence_ipmilan", "fence_sbd", "fence_virsh");
        if (io.tandem.verify.FenceAgentCheck.FENCER.stream().noneMatch(p -> java.nio.file.Files.isExecutable(java.nio.file.Path.of(p)))) {
            missing("pacemaker-fenced (package pacemaker) is not installed; scripts/install-test-deps installs it");
        }
    }

    /** sbd, and a loop device to write its header on: that needs root. */
    public static void requireSbdOnLoopDevice() {
        require("sbd", "losetup");
        requireRoot("the SBD header check attaches a loop device");
    }

    /** Root, for what only root may do (loop devices, chown root:root): scripts/test runs as root. */
    public static void requireRoot(String why) {
        if (!"root".equals(System.getProperty("user.name"))) {
            missing(why + " and needs root");
        }
    }

    /** unshare able to make the user, mount and network namespaces the sandboxed checks run in. */
    public static void requireSandbox() {
        require("unshare");
        io.tandem.verify.LocalCommand.find("unshare").ifPresent(unshare -> {
            var out = runQuietly(unshare.toString(), "-r", "-m", "-n", "true");
            if (out != 0) {
                missing("unshare -r -m -n cannot make a user namespace here; allow unprivileged user namespaces or run as root");
            }
        });
    }

    private static int runQuietly(String... command) {
        try {
            return io.tandem.verify.LocalCommand.run(java.util.List.of(command), java.util.Map.of(), java.nio.file.Path.of("/"),
                    java.time.Duration.ofSeconds(10)).exitCode();
        } catch (java.io.IOException e) {
            return -1;
        }
    }

    private static void missing(String message) {
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail(message + " (CI must not skip a test tier)");
        }
        Assumptions.abort(message);
    }
}
