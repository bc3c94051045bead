package io.tandem.plan;

import io.tandem.ssh.ExecResult;
import io.tandem.ssh.RemoteCommand;
import io.tandem.testing.RealTools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Tier 2, this machine's real {@code apt-get} (its package lists; nothing installed, nothing
 * fetched): the package step's failure names what is wrong and what to do for a package the
 * repositories do not have and for a host without the space the packages need.
 */
class PackageFailuresRealAptTest {

    /** apt-get writes no cache of its own and fetches nothing: a proxy nobody listens on. */
    private static final String APT = "apt-get -o Debug::NoLocking=1 -o Dir::Cache::pkgcache= -o Dir::Cache::srcpkgcache= "
            + "-o Acquire::http::Proxy=http://127.0.0.1:9 -o Acquire::https::Proxy=http://127.0.0.1:9 ";

    @TempDir
    Path dir;

    private static StepFailure explained(ExecResult result) {
        return PackageStep.explain(result, StepFailure.of(RemoteCommand.script("apt-get install"), result));
    }

    @Test
    void aPackageTheRepositoriesDoNotHaveIsNamedWithWhatToDo() {
        RealTools.require("apt-get");
        ExecResult result = LocalRoot.sh(APT + "install -s --no-install-recommends tandem-no-such-package");
        assertEquals(100, result.exitStatus(), result.stderr());
        String message = explained(result).getMessage();
        assertTrue(message.contains("the host's repositories have no package tandem-no-such-package"), message);
        assertTrue(message.contains("enable the distribution's main repository"), message);
    }

    /** Found in the VM lab: its partial mirror lacked fdisk, and the failure said only "'export DEBIAN_FRONTEND=noninteractive' exited with status 100". */
    @Test
    void aPackageKnownByNameButWithoutAVersionIsNamedWithWhatToDoAndTheFailureShowsTheInstallLine() {
        RealTools.require("apt-get");
        // Debian 12 knows "python" only as a name other packages refer to; apt prints this error for it.
        ExecResult result = LocalRoot.sh(APT + "install -s --no-install-recommends python");
        assertTrue(result.stderr().contains("Package 'python' has no installation candidate"), result.stdout() + result.stderr());
        StepFailure failure = PackageStep.failure(List.of("python"), result);
        String message = failure.getMessage();
        assertTrue(message.contains("name package python but offer no version of it"), message);
        assertTrue(message.contains("add a repository that has it"), message);
        assertTrue(message.startsWith("'apt-get install -y -q --no-install-recommends"), message);
        assertFalse(message.contains("DEBIAN_FRONTEND"), message);
    }

    @Test
    void notEnoughSpaceForThePackagesIsNamedWithTheFolderAndWhatToDo() throws Exception {
        RealTools.require("apt-get", "dpkg-query", "mount");
        // A package with a candidate that is not installed here, so apt has something to fetch.
        String pkg = List.of("hello", "cowsay", "sl", "figlet").stream()
                .filter(p -> LocalRoot.sh("apt-cache -o Dir::Cache::pkgcache= -o Dir::Cache::srcpkgcache= policy " + p
                        + " | grep -q 'Candidate: [0-9]' && ! dpkg-query -W -f '${Status}' " + p + " 2>/dev/null | grep -q 'ok installed'").exitStatus() == 0)
                .findFirst().orElseThrow(() -> new AssertionError("none of hello, cowsay, sl, figlet has a candidate and is uninstalled here"));
        Path tiny = dir.resolve("archives");
        assertEquals(0, LocalRoot.sh("mkdir -p '" + tiny + "' && mount -t tmpfs -o size=4k tmpfs '" + tiny + "' && mkdir '" + tiny + "/partial'").exitStatus());
        try {
            ExecResult result = LocalRoot.sh(APT + "-o Dir::Cache::archives='" + tiny + "/' install -d -y --no-install-recommends " + pkg);
            assertEquals(100, result.exitStatus(), result.stdout() + result.stderr());
            String message = explained(result).getMessage();
            assertTrue(message.contains("has not enough free space in " + tiny), message);
            assertTrue(message.contains("free space there"), message);
            assertFalse(message.contains("disk is full"), "one hint, not two: " + message);
        } finally {
            LocalRoot.sh("umount '" + tiny + "'");
        }
    }
}
