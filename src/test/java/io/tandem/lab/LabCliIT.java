package io.tandem.lab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tandem.testing.LabEnv;
import io.tandem.testing.TandemJar;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code tandem discover} and {@code tandem scan} from the packaged jar against the namespace lab. */
class LabCliIT {

    private LabEnv lab;
    @TempDir
    Path dir;

    @BeforeEach
    void lab() {
        lab = LabEnv.require();
    }

    @Test
    void discoverPrintsFactsAndTheReportAsJson() throws Exception {
        var run = TandemJar.run("discover", lab.node1(), lab.node2(), "--user", lab.get("LAB_KEY_USER"), "-i", lab.key().toString(),
                "--accept-new-host-keys", "--known-hosts", dir.resolve("kh").toString(), "--json");
        // The namespace lab cannot load DRBD, so the report fails that check: exit 1, by design.
        assertThat(run.exitCode()).as(run.stderr()).isEqualTo(1);
        JsonNode json = new ObjectMapper().readTree(run.stdout());
        assertThat(json.get("hosts")).hasSize(2);
        assertThat(json.get("hosts").get(0).get("hostname").asText()).isEqualTo("node1");
        JsonNode hosts = json.get("hosts").get(0).get("files").get("files").get("/etc/hosts");
        assertThat(hosts.get("state").asText()).as("listed by state and size, never with content").isEqualTo("PRESENT");
        assertThat(hosts.has("content")).isFalse();
        assertThat(json.get("report").findValuesAsText("title")).contains("NICs for two bonds", "matching disks", "clocks");
        assertThat(run.stderr()).contains("presents a new host key: ssh-ed25519 SHA256:");
    }

    @Test
    void withoutATerminalAnUnknownHostKeyIsRefusedWithAHint() throws Exception {
        var run = TandemJar.run("discover", lab.node1(), "--user", lab.get("LAB_KEY_USER"), "-i", lab.key().toString(),
                "--known-hosts", dir.resolve("kh").toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stderr()).contains("Refused", "--accept-new-host-keys").doesNotContain("Exception");
        assertThat(run.stdout()).doesNotContain("== node1");
    }

    @Test
    void scanListsTheLabHosts() throws Exception {
        var run = TandemJar.run("scan", lab.get("LAB_SUBNET"));
        assertThat(run.exitCode()).isZero();
        assertThat(run.stdout()).contains(lab.node1() + ":22", lab.node2() + ":22", "3 host(s) answer SSH");
    }
}
