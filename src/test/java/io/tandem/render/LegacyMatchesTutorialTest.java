package io.tandem.render;

import io.tandem.model.Project;
import io.tandem.testing.Examples;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The legacy profile renders the seed example into the tutorial's own files: each rendered file,
 * secrets revealed, appears as one contiguous block in the tutorial text (src/test/resources/seed,
 * a copy of the seed), compared line by line with runs of blanks folded.
 */
class LegacyMatchesTutorialTest {

    private static String tutorial;
    private static FileSet files;

    @BeforeAll
    static void render() throws IOException {
        tutorial = normalize(Files.readString(Path.of("src/test/resources/seed/tutorial.txt")));
        Project seed = Examples.seed();
        files = Renderers.render(seed);
    }

    @Test
    void everyNodeFileIsTheTutorials() {
        for (String path : new String[] {"/etc/network/interfaces", "/etc/hosts", "/etc/drbd.conf", "/etc/heartbeat/ha.cf",
                "/etc/heartbeat/authkeys", "/etc/heartbeat/haresources"}) {
            assertBlockInTutorial("node1", path);
        }
    }

    @Test
    void bondingAliasesAreTheTwoSnippetsTheTutorialAppends() {
        String aliases = text("node1", "/etc/modprobe.d/aliases.conf");
        String[] lines = aliases.split("\n");
        assertThat(lines).hasSize(4);
        assertThat(tutorial).contains(normalize(lines[0] + "\n" + lines[1]));
        assertThat(tutorial).contains(normalize(lines[2] + "\n" + lines[3]));
    }

    @Test
    void targetAndInitiatorFilesAreTheTutorials() {
        assertThat(files.find(RenderedFile.CLUSTER, "/srv/data/iscsi/ietd.conf")).isPresent();
        assertBlockInTutorial(RenderedFile.CLUSTER, "/srv/data/iscsi/ietd.conf");
        assertBlockInTutorial("client", "/etc/iscsi/iscsid.conf");
        assertBlockInTutorial("client", "/etc/iscsi/initiatorname.iscsi");
        // The tutorial adds the line with printf "…\t…\n"; the same bytes.
        assertThat(text("client", "/etc/fstab")).isEqualTo("UUID=e227bd05-f102-4c08-ae4f-3dbfade128aa\t/mnt/iscsi\tjfs\tnoatime\t0\t0\n");
    }

    @Test
    void authkeysIsPrivate() {
        assertThat(files.find("node2", "/etc/heartbeat/authkeys").orElseThrow().mode()).isEqualTo(0600);
    }

    private void assertBlockInTutorial(String host, String path) {
        String block = normalize(text(host, path));
        assertThat(block).as("%s:%s", host, path).isNotBlank();
        assertThat(tutorial).as("%s:%s as in the tutorial", host, path).contains(block);
    }

    private String text(String host, String path) {
        return files.text(files.find(host, path).orElseThrow(() -> new AssertionError("no " + host + ":" + path)), SecretPolicy.REVEAL);
    }

    /** Trims lines, folds runs of blanks, drops blank lines. */
    private static String normalize(String text) {
        // The tutorial is a scraped web page: non-breaking spaces stand where plain ones were.
        return Arrays.stream(text.replace('\u00a0', ' ').split("\n")).map(l -> l.strip().replaceAll("[ \t]+", " ")).filter(l -> !l.isEmpty())
                .collect(Collectors.joining("\n", "", "\n"));
    }
}
