package io.tandem.discovery;

import io.tandem.facts.SshConnectionParser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes discovery's two scripts with the fixed nonce "fixture" (user.sh, then root.sh), so the
 * VM lab's fixtures can be captured again with the current fact list; see fixtures/vmlab/README.md.
 * Run: java -cp target/tandem.jar:target/test-classes io.tandem.discovery.FixtureDiscoveryScripts DIR
 */
public final class FixtureDiscoveryScripts {

    private FixtureDiscoveryScripts() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Files.createDirectories(Path.of(args[0]));
        Files.writeString(dir.resolve("user.sh"), FactScript.script(List.of(new FactScript.Fact("ssh-connection", SshConnectionParser.COMMAND)),
                "fixture"));
        Files.writeString(dir.resolve("root.sh"), FactScript.script(NodeDiscovery.rootFacts(), "fixture"));
    }
}
