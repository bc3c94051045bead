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
                + "@cert-authority * " + pub[0] + " " + pub[1] + "\n");
        // ssh-keygen -H hashes host names in place, as HashKnownHosts does.
        assertThat(LocalCommand.run(List.of("ssh-keygen", "-H", "-f", known.toString()), Map.of(), dir, Duration.ofSeconds(20)).exitCode()).isZero();
        String hashed = Files.readString(known);
        assertThat(hashed).contains("|1|").doesNotContain("hashme");
        KnownHostsFile file = KnownHostsFile.read(known);

        assertThat(file.check("node1", blob)).isEqualTo(KnownHostsFile.Verdict.MATCH);
        assertThat(file.check("10.10.1.251", blob)).isEqualTo(KnownHostsFile.Verdict.MATCH);
        assertThat(file.check("hashme", blob)).isEqualTo(KnownHostsFile.Verdict.MATCH);
        assertThat(file.check("[10.10.1.252]:2222", blob)).isEqualTo(KnownHostsFile.Verdict.MATCH);
        assertThat(file.check("10.10.1.252", blob)).isEqualTo(KnownHostsFile.Verdict.UNKNOWN);
        assertThat(file.check("a.lab", blob)).isEqualTo(KnownHostsFile.Verdict.MATCH);
        assertThat(file.check("bad.lab", blob)).isEqualTo(KnownHostsFile.Verdict.UNKNOWN);
        assertThat(HostKeyFingerprint.keyType(blob)).isEqualTo("ssh-ed25519");

        byte[] other = blob.clone();
        other[other.length - 1] ^= 1;
        assertThat(file.check("node1", other)).isEqualTo(KnownHostsFile.Verdict.MISMATCH);
    }

    private static String[] newKey(Path dir, String name, String type) throws Exception {
        Path key = dir.resolve(name);
        assertThat(LocalCommand.run(List.of("ssh-keygen", "-q", "-t", type, "-N", "", "-f", key.toString()), Map.of(), dir,
                Duration.ofSeconds(20)).exitCode()).isZero();
        return Files.readString(Path.of(key + ".pub")).split(" ");
    }

    private static byte[] blob(String[] pub) {
        return Base64.getDecoder().decode(pub[1]);
    }

    @Test
    void aKnownHostWithAKeyOfAnotherTypeIsAMismatchNotANewHost(@TempDir Path dir) throws Exception {
        String[] ed25519 = newKey(dir, "ed", "ed25519");
        String[] ecdsa = newKey(dir, "ec", "ecdsa");
        KnownHostsFile file = KnownHostsFile.parse("node1 " + ed25519[0] + " " + ed25519[1] + "\n");

        assertThat(file.check("node1", blob(ecdsa))).isEqualTo(KnownHostsFile.Verdict.MISMATCH);
        assertThat(file.check("node2", blob(ecdsa))).isEqualTo(KnownHostsFile.Verdict.UNKNOWN);
        assertThat(file.knownKeys("node1")).extracting(HostKeyFingerprint::keyType).containsExactly("ssh-ed25519");
        assertThat(file.knownKeys("node2")).isEmpty();
    }

    @Test
    void revokedKeysAreRevokedForEveryHostTheLineNamesEvenWhereAlsoTrusted(@TempDir Path dir) throws Exception {
        String[] key = newKey(dir, "k", "ed25519");
        String[] fine = newKey(dir, "f", "ed25519");
        KnownHostsFile file = KnownHostsFile.parse("node1 " + key[0] + " " + key[1] + "\n"
                + "@revoked * " + key[0] + " " + key[1] + "\n"
                + "@revoked other.lab " + fine[0] + " " + fine[1] + "\n");

        assertThat(file.check("node1", blob(key))).isEqualTo(KnownHostsFile.Verdict.REVOKED);
        assertThat(file.check("never-seen", blob(key))).isEqualTo(KnownHostsFile.Verdict.REVOKED);
        assertThat(file.check("node2", blob(fine))).isEqualTo(KnownHostsFile.Verdict.UNKNOWN);
        assertThat(file.check("other.lab", blob(fine))).isEqualTo(KnownHostsFile.Verdict.REVOKED);
        assertThat(file.knownKeys("never-seen")).as("a revoked key makes no host known").isEmpty();
    }

    @Test
    void certAuthorityLinesAreNotHostKeys(@TempDir Path dir) throws Exception {
        String[] ca = newKey(dir, "ca", "ed25519");
        KnownHostsFile file = KnownHostsFile.parse("@cert-authority *.lab " + ca[0] + " " + ca[1] + "\n");

        assertThat(file.check("node1.lab", blob(ca))).as("a CA key presented as a host key is no match")
                .isEqualTo(KnownHostsFile.Verdict.UNKNOWN);
        assertThat(file.knownKeys("node1.lab")).isEmpty();
    }

    @Test
    void hashedNamesAreComparedLowerCasedAndWithThePortAsOpenSshWritesThem(@TempDir Path dir) throws Exception {
        String[] pub = newKey(dir, "k", "ecdsa");
        Path known = dir.resolve("known_hosts");
        // What ssh itself records (it lower-cases the name), hashed by the real ssh-keygen -H.
        Files.writeString(known, "node1.example.com " + pub[0] + " " + pub[1] + "\n"
                + "[node2.example.com]:2222 " + pub[0] + " " + pub[1] + "\n");
        assertThat(LocalCommand.run(List.of("ssh-keygen", "-H", "-f", known.toString()), Map.of(), dir, Duration.ofSeconds(20)).exitCode())
                .isZero();
        assertThat(Files.readString(known)).doesNotContain("example");
        KnownHostsFile file = KnownHostsFile.read(known);

        assertThat(file.check(new SshTarget("Node1.Example.COM", 22, "root").knownHostsName(), blob(pub)))
                .isEqualTo(KnownHostsFile.Verdict.MATCH);
        assertThat(file.check(new SshTarget("NODE2.example.com", 2222, "root").knownHostsName(), blob(pub)))
                .isEqualTo(KnownHostsFile.Verdict.MATCH);
        assertThat(file.check(new SshTarget("node2.example.com", 22, "root").knownHostsName(), blob(pub)))
                .as("port 22 is another entry").isEqualTo(KnownHostsFile.Verdict.UNKNOWN);
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
