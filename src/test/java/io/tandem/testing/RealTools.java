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
                String message = tool + " is not installed; scripts/install-test-deps installs it";
                if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                    fail(message + " (CI must not skip a test tier)");
                }
                Assumptions.abort(message);
            }
        }
    }

    /** Everything the tier-2 checks run. */
    public static void requireTier2() {
        require("/usr/lib/drbd/drbdadm-84", "drbdadm", "corosync", "corosync-keygen", "crm_verify", "crm_simulate", "unshare", "ip");
    }
}
