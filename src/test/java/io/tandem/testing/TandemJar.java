package io.tandem.testing;

import io.tandem.verify.LocalCommand;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs the packaged jar ({@code target/tandem.jar}) with the test JVM's own JDK, as a user would. */
public final class TandemJar {

    private TandemJar() {
    }

    public static LocalCommand.Output run(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", Path.of("target/tandem.jar").toAbsolutePath().toString()));
        command.addAll(List.of(args));
        return LocalCommand.run(command, Map.of(), Path.of("."), Duration.ofSeconds(120));
    }
}
