package io.tandem.model;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** The built-in demo cluster, so the app and the CLI are useful without servers. */
public final class DemoProject {

    /** On the classpath, copied from examples/ at build time. */
    public static final String RESOURCE = "/examples/two-node-lio.tandem.json";

    private DemoProject() {
    }

    public static Project load() {
        try (InputStream in = DemoProject.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the demo project is missing from the build: " + RESOURCE);
            }
            return ProjectFile.parse(Path.of(RESOURCE), new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException | ProjectFileException e) {
            throw new IllegalStateException("the built-in demo project cannot be read", e);
        }
    }

    /** The demo with every secret replaced by a new random one: never ship known secrets to a real cluster. */
    public static Project withFreshSecrets() {
        Project p = load();
        Replication r = p.replication();
        Replication replication = new Replication(r.protocol(), r.syncRate(), r.dynamicResync(), r.verifyAlgorithm(), r.hmacAlgorithm(),
                SecretGenerator.generate(24), r.splitBrain(), r.fencing(), r.alExtents(), r.onIoError(), r.degradedWaitSeconds(), r.resources(),
                r.initialSync(), r.peerTimeouts());
        Chap c = p.chap();
        Chap chap = new Chap(new Credentials(c.incoming().user(), SecretGenerator.chapSecret()),
                c.outgoing() == null ? null : new Credentials(c.outgoing().user(), SecretGenerator.chapSecret()),
                c.discovery() == null ? null : new Credentials(c.discovery().user(), SecretGenerator.chapSecret()));
        return new Project(p.schemaVersion(), p.profile(), p.clusterName(), p.domain(), p.nodes(), p.networks(), replication,
                p.cluster(), p.target(), chap, p.initiators(), p.time());
    }
}
