package io.tandem.facts;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AptPolicyParserTest {

    @Test
    void readsInstalledAndCandidateVersions() throws FactParseException {
        Map<String, AptPolicy> policies = AptPolicyParser.parse(Fixture.local("apt_cache_policy.txt"));

        assertThat(policies).containsOnlyKeys("drbd-utils", "corosync", "pacemaker", "targetcli-fb", "open-iscsi");
        assertThat(policies.get("drbd-utils")).isEqualTo(new AptPolicy("9.22.0-1", "9.22.0-1"));
        assertThat(policies.get("corosync")).isEqualTo(new AptPolicy("3.1.7-1+deb12u2", "3.1.7-1+deb12u2"));
        assertThat(policies.get("targetcli-fb")).isEqualTo(new AptPolicy(null, "1:2.1.53-1.1"));
        assertThat(policies.get("open-iscsi").candidate()).as("the security update wins").isEqualTo("2.1.8-1+deb12u1");
        assertThat(policies.get("open-iscsi").isInstalled()).isFalse();
        assertThat(policies.get("open-iscsi").isAvailable()).isTrue();
        assertThat(policies).as("apt prints nothing for a package it does not know").doesNotContainKey("nonexistent-pkg-xyz");
    }

    @Test
    void readsAPackageWithNoCandidate() throws FactParseException {
        AptPolicy policy = AptPolicyParser.parse("drbd8-utils:\n  Installed: (none)\n  Candidate: (none)\n  Version table:\n").get("drbd8-utils");

        assertThat(policy).isEqualTo(new AptPolicy(null, null));
        assertThat(policy.isAvailable()).isFalse();
    }

    @Test
    void refusesTranslatedOrCutOutput() {
        assertThatThrownBy(() -> AptPolicyParser.parse("drbd-utils:\n  Installiert: 9.22.0-1\n  Installationskandidat: 9.22.0-1\n"))
                .isInstanceOf(FactParseException.class).hasMessage("apt-cache policy: no Installed:/Candidate: lines for drbd-utils");
        assertThatThrownBy(() -> AptPolicyParser.parse("E: The package lists or status file could not be parsed or opened.\n"))
                .isInstanceOf(FactParseException.class).hasMessageContaining("unexpected line");
    }

    @Test
    void buildsAnUntranslatedCommandThatWritesNoCache() {
        // AptPolicyWritesNothingTest runs it against the real apt-cache.
        assertThat(AptPolicyParser.command(List.of("drbd-utils", "pacemaker")))
                .isEqualTo("LC_ALL=C apt-cache -o Dir::Cache::pkgcache= -o Dir::Cache::srcpkgcache= policy drbd-utils pacemaker");
    }
}
