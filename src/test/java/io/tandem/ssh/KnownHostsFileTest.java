package io.tandem.ssh;

import io.tandem.verify.LocalCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class KnownHostsFileTest {

    @Test
    void readsPlainHashedAndPatternEntriesAsOpenSshWritesThem(@TempDir Path dir) throws Exception {
        Path key = dir.resolve("k");
        assertThat(LocalCommand.run(List.of("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", key.toString()), Map.of(), dir,
                Duration.ofSeconds(20)).exitCode()).isZero();
        String[] pub = Files.readString(Path.of(key + ".pub")).split(" ");
        byte[] blob = Base64.getDecoder().decode(pub[1]);
        Path known = dir.resolve("known_hosts");
        Files.writeString(known, "# comment\n"
                + "node1,10.10.1.251 " + pub[0] + " " + pub[1] + "\n"
                + "[10.10.1.252]:2222 " + pub[0] + " " + pub[1] + "\n"
                + "*.lab,!bad.lab " + pub[0] + " " + pub[1] + "\n"
                + "hashme " + pub[0] + " " + pub[1] + "\n"
                + "@revoked * " + pub[0] + " " + pub[1] + "\n");
        // ssh-keygen -H hashes host names in place, as HashKnownHosts does.
        assertThat(LocalCommand.run(List.of("ssh-keygen", "-H", "-f", known.toString()), Map.of(), dir, Duration.ofSeconds(20)).exitCode()).isZero();
        String hashed = Files.readString(known);
        assertThat(hashed).contains("|1|").doesNotContain("hashme");
        KnownHostsFile file = KnownHostsFile.read(known);

        assertThat(file.check("node1", "ssh-ed25519", blob)).isEqualTo(KnownHostsFile.Verdict.MATCH);
        assertThat(file.check("10.10.1.251", "ssh-ed25519", blob)).isEqualTo(KnownHostsFile.Verdict.MATCH);
        assertThat(file.check("hashme", "ssh-ed25519", blob)).isEqualTo(KnownHostsFile.Verdict.MATCH);
        assertThat(file.check("[10.10.1.252]:2222", "ssh-ed25519", blob)).isEqualTo(KnownHostsFile.Verdict.MATCH);
        assertThat(file.check("10.10.1.252", "ssh-ed25519", blob)).isEqualTo(KnownHostsFile.Verdict.UNKNOWN);
        assertThat(HostKeyFingerprint.keyType(blob)).isEqualTo("ssh-ed25519");

        byte[] other = blob.clone();
        other[other.length - 1] ^= 1;
        assertThat(file.check("node1", "ssh-ed25519", other)).isEqualTo(KnownHostsFile.Verdict.MISMATCH);
        assertThat(file.check("node1", "ssh-rsa", other)).isEqualTo(KnownHostsFile.Verdict.UNKNOWN);
    }

    @Test
    void fingerprintsAreOpenSshs(@TempDir Path dir) throws Exception {
        Path key = dir.resolve("k");
        LocalCommand.run(List.of("ssh-keygen", "-q", "-t", "ecdsa", "-N", "", "-f", key.toString()), Map.of(), dir, Duration.ofSeconds(20));
        String expected = LocalCommand.run(List.of("ssh-keygen", "-l", "-E", "sha256", "-f", key + ".pub"), Map.of(), dir,
                Duration.ofSeconds(20)).stdout().split(" ")[1];
        byte[] blob = Base64.getDecoder().decode(Files.readString(Path.of(key + ".pub")).split(" ")[1]);
        assertThat(HostKeyFingerprint.sha256(blob)).isEqualTo(expected);
    }
}
