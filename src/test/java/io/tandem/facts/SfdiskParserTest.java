package io.tandem.facts;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code sfdisk -J} as util-linux 2.38.1 prints it, captured on loop devices (fixtures/local/README.md). */
class SfdiskParserTest {

    @Test
    void theGptLayoutsTableReadsAsOneNamedLinuxPartitionAlignedToTheMebibyte() throws FactParseException {
        PartitionTable table = SfdiskParser.parse(Fixture.local("sfdisk_J.loop_gpt_tandem_r0.txt"));
        assertThat(table.label()).isEqualTo("gpt");
        assertThat(table.sectorSize()).isEqualTo(512);
        assertThat(table.lastLba()).isEqualTo(131038);
        assertThat(table.partitions()).containsExactly(new PartitionTable.Partition("/dev/loop0p1", 2048, 126976,
                "0FC63DAF-8483-4772-8E79-3D69D8477DE4", "tandem-r0"));
        assertThat(table.partitions().getFirst().end()).isEqualTo(129023);
    }

    @Test
    void aDosTableHasNoNamesNorLastLba() throws FactParseException {
        PartitionTable table = SfdiskParser.parse(Fixture.local("sfdisk_J.loop_dos_two.txt"));
        assertThat(table.label()).isEqualTo("dos");
        assertThat(table.lastLba()).isZero();
        assertThat(table.partitions()).extracting(PartitionTable.Partition::type).containsExactly("83", "83");
        assertThat(table.partitions()).extracting(PartitionTable.Partition::name).containsOnlyNulls();
    }

    @Test
    void aBlankDiskPrintsNothingWhichIsNoTableNotJson() {
        assertThat(Fixture.local("sfdisk_J.loop_blank.txt")).isEmpty();
        assertThatThrownBy(() -> SfdiskParser.parse(Fixture.local("sfdisk_J.loop_blank.txt"))).isInstanceOf(FactParseException.class);
        assertThatThrownBy(() -> SfdiskParser.parse("{\"partitiontable\": {\"label\": \"gpt\", \"unit\": \"bytes\"}}"))
                .hasMessageContaining("unit 'bytes'");
    }
}
