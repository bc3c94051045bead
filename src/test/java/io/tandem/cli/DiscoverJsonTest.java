package io.tandem.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tandem.discovery.DemoHostConnector;
import io.tandem.discovery.HostFacts;
import io.tandem.ssh.Authentication;
import io.tandem.ssh.ConnectionSettings;
import io.tandem.ssh.HostKeyPrompt;
import io.tandem.ssh.HostKeyStore;
import io.tandem.ssh.SshTarget;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code tandem discover} lists the host's configuration files by state and size, never their contents. */
class DiscoverJsonTest {

    private static HostFacts client() throws Exception {
        return new DemoHostConnector(Duration.ZERO).discover(ConnectionSettings.of(new SshTarget("client", 22, "root"),
                List.of(new Authentication.Agent()), new HostKeyStore(List.of(), Path.of("/nonexistent")), HostKeyPrompt.ACCEPT_NEW));
    }

    @Test
    void jsonHasPathStateAndSizeButNoContent() throws Exception {
        String json = DiscoverCommand.json(List.of(client()), List.of());

        JsonNode iscsid = new ObjectMapper().readTree(json).get("hosts").get(0).get("files").get("files").get("/etc/iscsi/iscsid.conf");
        assertThat(iscsid.get("state").asText()).isEqualTo("PRESENT");
        assertThat(iscsid.get("size").asLong()).isPositive();
        assertThat(iscsid.has("content")).isFalse();
        assertThat(json).doesNotContain("node.session", "masked", "127.0.1.1");
    }

    @Test
    void theTextListingNamesFilesWithoutContent() throws Exception {
        StringWriter text = new StringWriter();
        FactsPrinter.print(client(), new PrintWriter(text));

        assertThat(text.toString()).contains("Files:", "/etc/iscsi/iscsid.conf (present, ").doesNotContain("node.session", "127.0.1.1");
        assertThat(client().toString()).doesNotContain("node.session", "127.0.1.1");
    }

    @Test
    void aCorosyncKeyCorosyncWouldRefuseIsNamedAsAProblem() throws Exception {
        HostFacts f = client();
        var files = new java.util.HashMap<>(f.files().files());
        files.put(io.tandem.facts.CorosyncKey.PATH,
                io.tandem.facts.HostFile.without(io.tandem.facts.CorosyncKey.PATH, io.tandem.facts.HostFile.State.BINARY, 16));
        HostFacts shortKey = new HostFacts(f.target(), f.hostname(), f.fqdn(), f.os(), f.kernel(), f.links(), f.addresses(), f.nicHardware(),
                f.sshInterface(), f.bonds(), f.disks(), f.signatures(), f.packages(), f.packageCandidates(), f.drbd(), f.drbdModuleAvailable(),
                f.drbdModuleVersion(), f.servicesActive(), f.timeSynchronized(), f.timeSource(), f.memoryTotalBytes(), f.hostnameResolves(),
                f.clockOffset(), f.initiatorName(), f.unavailable(), f.roundTrips(), f.elapsed(), new io.tandem.facts.HostFiles(files, true),
                f.discoveredAt());
        StringWriter good = new StringWriter();
        FactsPrinter.print(f, new PrintWriter(good));
        StringWriter bad = new StringWriter();
        FactsPrinter.print(shortKey, new PrintWriter(bad));

        assertThat(good.toString()).doesNotContain("Problem:");
        assertThat(bad.toString()).contains("  Problem:  /etc/corosync/authkey is 16 bytes: corosync refuses a key under 128 bytes");
    }
}
