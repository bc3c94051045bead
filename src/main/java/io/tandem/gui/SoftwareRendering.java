package io.tandem.gui;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Chooses JavaFX's software pipeline on a Linux machine without a GPU device. There OpenGL can only be
 * Mesa's software rasteriser anyway, and loading it (Prism's es2 pipeline, and GTK's GL set-up) costs
 * about 50 MB of resident memory for no speed: the installed app idle 190 -> 134 MB under Xvfb, and its first
 * window no later (bench/startup.sh, docs/testing.md).
 * {@code TANDEM_RENDERER=gpu} or {@code software} overrides the guess; a {@code prism.order} given on
 * the command line is left alone. The launchers ({@code ./tandem}, the packages' {@code bin/tandem}) set
 * {@code GDK_GL} themselves before the JVM starts (scripts/lib/renderer.sh, the same rule): setting it
 * from here takes the foreign-function linker, about 0.1 s of the start, so only {@code java -jar} pays that.
 */
public final class SoftwareRendering {

    public static final String VARIABLE = "TANDEM_RENDERER";
    /** GTK's switch for its OpenGL set-up; "disable" keeps Mesa out of the process. */
    static final String GDK_GL = "GDK_GL";

    private SoftwareRendering() {
    }

    /** Whether to choose the software pipeline, from the OS, the environment, the prism.order property and the device directory. */
    static boolean wanted(String osName, Map<String, String> env, String prismOrder, Path dev) {
        String choice = env.getOrDefault(VARIABLE, "").strip().toLowerCase(Locale.ROOT);
        if (prismOrder != null || !osName.toLowerCase(Locale.ROOT).startsWith("linux") || choice.equals("gpu")) {
            return false;
        }
        return choice.equals("software") || !hasGpuDevice(dev);
    }

    /** A DRM device (Intel, AMD, Nouveau, virtio-gpu, ...) or NVIDIA's own driver. */
    static boolean hasGpuDevice(Path dev) {
        if (Files.exists(dev.resolve("nvidiactl"))) {
            return true;
        }
        try (Stream<Path> entries = Files.list(dev.resolve("dri"))) {
            return entries.map(p -> p.getFileName().toString()).anyMatch(n -> n.startsWith("card") || n.startsWith("renderD"));
        } catch (IOException e) {
            return false;
        }
    }

    /** Before the toolkit starts: the software pipeline, and GTK told not to set up GL (unless the user set GDK_GL). */
    public static void chooseBeforeStart() {
        if (!wanted(System.getProperty("os.name", ""), System.getenv(), System.getProperty("prism.order"), Path.of("/dev"))) {
            return;
        }
        System.setProperty("prism.order", "sw");
        if (!System.getenv().containsKey(GDK_GL)) { // the launchers set it before the JVM started (scripts/lib/renderer.sh)
            setEnvironment(GDK_GL, "disable");
        }
    }

    /**
     * Sets a variable in this process's C environment, which GTK reads when the toolkit loads it; an
     * existing value is kept. Returns false where the C library cannot be reached (the pipeline choice
     * alone still applies).
     */
    static boolean setEnvironment(String name, String value) {
        try {
            Linker linker = Linker.nativeLinker();
            MethodHandle setenv = linker.downcallHandle(linker.defaultLookup().find("setenv").orElseThrow(),
                    FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.ADDRESS, ValueLayout.JAVA_INT));
            try (Arena arena = Arena.ofConfined()) {
                // setenv copies both strings; overwrite 0 keeps what the user set.
                return (int) setenv.invokeExact(arena.allocateFrom(name), arena.allocateFrom(value), 0) == 0;
            }
        } catch (Throwable e) {
            return false;
        }
    }
}
