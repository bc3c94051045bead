package io.tandem.render.modern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tandem.model.Backing;
import io.tandem.model.PartitionNames;
import io.tandem.model.Problem;
import io.tandem.model.Project;
import io.tandem.model.ProjectFileException;
import io.tandem.model.ProjectValidator;
import io.tandem.render.FileSet;
import io.tandem.render.RenderedFile;
import io.tandem.render.Renderers;
import io.tandem.render.SecretPolicy;
import io.tandem.testing.Examples;
import io.tandem.testing.JsonEdit;
import io.tandem.testing.RealTools;
import io.tandem.verify.CheckResult;
import io.tandem.verify.LocalCommand;
import io.tandem.verify.RealToolChecks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The GPT layout: a partition Tandem makes on the chosen disk, judged by the real sfdisk and drbdadm. */
class PartitionLayoutTest {

    @TempDir
    Path dir;

    private static Project withGptOnR0() throws ProjectFileException {
        return JsonEdit.of(Examples.MODERN)
                .set("$.replication.resources[0].backing[0].layout", "gpt-partition")
                .set("$.replication.resources[0].backing[1].layout", "gpt-partition").project();
    }

    /** Writes {@code script} with the real sfdisk onto a 64 MiB sparse file named {@code name}, returns sfdisk -J. */
    private JsonNode sfdisk(String name, String script) throws Exception {
        Path disk = dir.resolve(name);
        try (RandomAccessFile file = new RandomAccessFile(disk.toFile(), "rw")) {
            file.setLength(64L << 20);
        }
        Path input = Files.writeString(dir.resolve(name + ".sfdisk"), script);
        var written = LocalCommand.run(List.of("sh", "-c", "sfdisk --no-reread --no-tell-kernel -q \"$0\" < \"$1\"", disk.toString(),
                input.toString()), Map.of(), dir, Duration.ofSeconds(30));
        assertThat(written.exitCode()).as(written.stderr()).isZero();
        var listed = LocalCommand.run(List.of("sfdisk", "-J", disk.toString()), Map.of(), dir, Duration.ofSeconds(30));
        return new ObjectMapper().readTree(listed.stdout()).path("partitiontable");
    }

    @Test
    void theRenderedTableIsOneNamedPartitionSpanningTheDiskAsSfdiskWritesIt() throws Exception {
        RealTools.require("sfdisk");
        FileSet files = Renderers.render(withGptOnR0());
        RenderedFile script = files.files().stream()
                .filter(f -> f.host().equals("node1") && f.path().equals("/var/lib/tandem/partitions/r0.sfdisk")).findFirst().orElseThrow();
        JsonNode table = sfdisk("vdb", files.text(script, SecretPolicy.REDACT));
        assertThat(table.path("label").asText()).isEqualTo("gpt");
        assertThat(table.path("partitions")).hasSize(1);
        JsonNode partition = table.path("partitions").get(0);
        assertThat(partition.path("name").asText()).isEqualTo("tandem-r0");
        assertThat(partition.path("start").asLong()).as("1 MiB aligned").isEqualTo(2048);
        long end = partition.path("start").asLong() + partition.path("size").asLong() - 1;
        assertThat(table.path("lastlba").asLong() - end).as("to the end of the disk (sfdisk aligns the end to 1 MiB)")
                .isBetween(0L, 2047L);
        assertThat(partition.path("type").asText()).isEqualTo("0FC63DAF-8483-4772-8E79-3D69D8477DE4");
        assertThat(files.files()).noneMatch(f -> f.path().equals("/var/lib/tandem/partitions/r1.sfdisk"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"vdb", "sdc", "xvdf", "nvme0n1", "loop7", "mmcblk0", "md0"})
    void theFirstPartitionIsNamedAsUtilLinuxNamesIt(String disk) throws Exception {
        RealTools.require("sfdisk");
        JsonNode table = sfdisk(disk, "label: gpt\nstart=1MiB, type=linux\n");
        String expected = table.path("partitions").get(0).path("node").asText();
        assertThat(PartitionNames.firstPartition(dir.resolve(disk).toString())).isEqualTo(expected);
        assertThat(PartitionNames.isPartition("/dev/" + expected.substring(expected.lastIndexOf('/') + 1))).isTrue();
        assertThat(PartitionNames.isPartition("/dev/" + disk)).isFalse();
    }

    @Test
    void udevsStableNamesGetPartSuffixes() {
        assertThat(new Backing("node1", "/dev/disk/by-id/virtio-tandem-r0", "internal", null, io.tandem.model.DiskLayout.GPT_PARTITION)
                .drbdDisk()).isEqualTo("/dev/disk/by-id/virtio-tandem-r0-part1");
        assertThat(PartitionNames.isPartition("/dev/disk/by-path/pci-0000:00:05.0-part2")).isTrue();
    }

    @Test
    void drbdUsesThePartitionAndTheRealDrbdadmAcceptsIt() throws Exception {
        RealTools.requireTier2();
        Project project = withGptOnR0();
        assertThat(ProjectValidator.validate(project)).noneMatch(Problem::isError);
        FileSet files = Renderers.render(project);
        RenderedFile r0 = files.files().stream().filter(f -> f.host().equals("node1") && f.path().endsWith("/r0.res")).findFirst().orElseThrow();
        assertThat(files.text(r0, SecretPolicy.REDACT)).contains("disk /dev/vdb1;");
        List<CheckResult> results = RealToolChecks.run(project, files);
        assertThat(results).isNotEmpty().allSatisfy(r -> assertThat(r.outcome()).as(r.describe()).isEqualTo(CheckResult.Outcome.PASS));
    }

    @Test
    void aPartitionCannotGetATableAndTheNameMustFitGpt() throws ProjectFileException {
        List<Problem> onPartition = ProjectValidator.validate(JsonEdit.of(Examples.MODERN)
                .set("$.replication.resources[0].backing[0].disk", "/dev/vdb1")
                .set("$.replication.resources[0].backing[0].layout", "gpt-partition").project());
        assertThat(onPartition).anyMatch(p -> p.isError() && p.path().equals("$.replication.resources[0].backing[0].layout")
                && p.message().contains("already a partition"));
        List<Problem> longName = ProjectValidator.validate(JsonEdit.of(Examples.MODERN)
                .set("$.replication.resources[0].name", "r".repeat(30))
                .set("$.replication.resources[0].backing[0].layout", "gpt-partition").project());
        assertThat(longName).anyMatch(p -> p.isError() && p.path().equals("$.replication.resources[0].backing[0].layout")
                && p.fix().contains("29 characters"));
    }
}
