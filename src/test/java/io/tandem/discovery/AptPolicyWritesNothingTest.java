package io.tandem.discovery;

import io.tandem.facts.AptPolicy;
import io.tandem.facts.AptPolicyParser;
import io.tandem.testing.RealTools;
import io.tandem.verify.LocalCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Discovery's apt fact, run by the real apt-cache with apt's stock cache settings: apt-cache
 * writes pkgcache.bin and srcpkgcache.bin (~37 MB each) whenever they are missing or stale and
 * it may, and discovery must change nothing. The configuration points apt's cache at a scratch
 * folder (as root on a node it is /var/cache/apt) and ignores this machine's apt.conf.d, where
 * container images often switch the caches off.
 */
class AptPolicyWritesNothingTest {

    @TempDir
    Path dir;

    @Test
    void theAptFactWritesNoCacheAndStillReadsThePolicy() throws Exception {
        RealTools.require("apt-cache");
        Path cache = Files.createDirectory(dir.resolve("cache"));
        Path parts = Files.createDirectory(dir.resolve("apt.conf.d"));
        Path config = Files.writeString(dir.resolve("apt.conf"), """
                Dir::Etc::parts "%s";
                Dir::Cache "%s";
                Dir::Cache::pkgcache "pkgcache.bin";
                Dir::Cache::srcpkgcache "srcpkgcache.bin";
                """.formatted(parts, cache));
        String command = NodeDiscovery.rootFacts().stream().filter(f -> f.name().equals("apt-policy")).findFirst().orElseThrow().command();

        var run = LocalCommand.run(List.of("sh", "-c", command), Map.of("APT_CONFIG", config.toString()), dir, Duration.ofSeconds(120));

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        try (var written = Files.list(cache)) {
            assertThat(written.map(p -> p.getFileName().toString()).toList()).as("files apt-cache wrote").isEmpty();
        }
        Map<String, AptPolicy> policies = AptPolicyParser.parse(run.stdout());
        assertThat(policies).as("apt still answers for the packages it knows").isNotEmpty();
        // The same answer as apt-cache with this machine's own settings.
        var plain = LocalCommand.run(List.of("sh", "-c", "LC_ALL=C apt-cache policy " + String.join(" ", NodeDiscovery.PACKAGES)),
                Map.of(), dir, Duration.ofSeconds(120));
        assertThat(policies).isEqualTo(AptPolicyParser.parse(plain.stdout()));
    }
}
