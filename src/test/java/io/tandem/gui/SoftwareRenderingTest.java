package io.tandem.gui;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Which machines get JavaFX's software pipeline, and the C environment GTK reads. */
class SoftwareRenderingTest {

    @TempDir
    Path dev;

    @Test
    void aLinuxMachineWithoutAGpuDeviceGetsTheSoftwarePipeline() throws IOException {
        assertThat(SoftwareRendering.wanted("Linux", Map.of(), null, dev)).as("no /dev/dri at all (a VM, a container, CI)").isTrue();
        Files.createDirectories(dev.resolve("dri"));
        assertThat(SoftwareRendering.wanted("Linux", Map.of(), null, dev)).as("an empty /dev/dri").isTrue();
        Files.createFile(dev.resolve("dri/renderD128"));
        assertThat(SoftwareRendering.wanted("Linux", Map.of(), null, dev)).as("a DRM render node").isFalse();
    }

    @Test
    void nvidiasOwnDriverCountsAsAGpu() throws IOException {
        Files.createFile(dev.resolve("nvidiactl"));
        assertThat(SoftwareRendering.wanted("Linux", Map.of(), null, dev)).isFalse();
    }

    @Test
    void theUserDecidesFirst() throws IOException {
        assertThat(SoftwareRendering.wanted("Linux", Map.of(), "es2", dev)).as("prism.order on the command line").isFalse();
        assertThat(SoftwareRendering.wanted("Linux", Map.of(SoftwareRendering.VARIABLE, "gpu"), null, dev)).isFalse();
        Files.createDirectories(dev.resolve("dri"));
        Files.createFile(dev.resolve("dri/card0"));
        assertThat(SoftwareRendering.wanted("Linux", Map.of(SoftwareRendering.VARIABLE, " Software "), null, dev)).isTrue();
    }

    @Test
    void windowsAndMacosKeepTheirPipelines() {
        assertThat(SoftwareRendering.wanted("Windows 11", Map.of(), null, dev)).isFalse();
        assertThat(SoftwareRendering.wanted("Mac OS X", Map.of(), null, dev)).isFalse();
    }

    @Test
    void theVariableReachesTheCEnvironmentAndAnExistingValueStays() throws Throwable {
        String name = "TANDEM_TEST_SETENV_" + ProcessHandle.current().pid();
        assertThat(SoftwareRendering.setEnvironment(name, "first")).isTrue();
        assertThat(SoftwareRendering.setEnvironment(name, "second")).isTrue();
        assertThat(cGetenv(name)).isEqualTo("first");
    }

    /**
     * The launchers' half (scripts/lib/renderer.sh, run by /bin/sh as the packages' launcher runs it) decides as
     * {@link SoftwareRendering#wanted} does, case by case; and a GDK_GL the user set is kept.
     */
    @Test
    void theLaunchersSetGdkGlWhereTheAppWouldChooseTheSoftwarePipeline() throws Exception {
        record Case(String renderer, String device) { }
        List<Case> cases = List.of(new Case(null, null), new Case(null, "dri/renderD128"), new Case(null, "dri/card0"),
                new Case(null, "nvidiactl"), new Case("gpu", null), new Case(" Software ", "dri/card0"), new Case("software", null));
        for (Case c : cases) {
            Path folder = Files.createTempDirectory(dev, "dev");
            Files.createDirectories(folder.resolve("dri"));
            if (c.device() != null) {
                Files.createFile(folder.resolve(c.device()));
            }
            Map<String, String> env = c.renderer() == null ? Map.of() : Map.of(SoftwareRendering.VARIABLE, c.renderer());
            boolean java = SoftwareRendering.wanted("Linux", env, null, folder);
            assertThat(launcherGdkGl(env, folder)).as("%s", c).isEqualTo(java ? "disable" : "unset");
        }
        assertThat(launcherGdkGl(Map.of("GDK_GL", "always"), dev)).as("the user's own value").isEqualTo("always");
    }

    private static String launcherGdkGl(Map<String, String> env, Path devices) throws Exception {
        ProcessBuilder sh = new ProcessBuilder("/bin/sh", "-c", ". scripts/lib/renderer.sh && tandem_renderer_environment \"$0\" && echo \"${GDK_GL-unset}\"",
                devices.toString()).redirectErrorStream(true);
        sh.environment().remove("GDK_GL");
        sh.environment().remove(SoftwareRendering.VARIABLE);
        sh.environment().putAll(env);
        Process process = sh.start();
        String out = new String(process.getInputStream().readAllBytes()).strip();
        assertThat(process.waitFor()).as(out).isZero();
        return out;
    }

    /** getenv(3), what GTK calls: System.getenv is a copy taken when the JVM started. */
    private static String cGetenv(String name) throws Throwable {
        Linker linker = Linker.nativeLinker();
        var getenv = linker.downcallHandle(linker.defaultLookup().find("getenv").orElseThrow(),
                FunctionDescriptor.of(ValueLayout.ADDRESS, ValueLayout.ADDRESS));
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment value = (MemorySegment) getenv.invokeExact(arena.allocateFrom(name));
            return value.equals(MemorySegment.NULL) ? null : value.reinterpret(256).getString(0);
        }
    }
}
