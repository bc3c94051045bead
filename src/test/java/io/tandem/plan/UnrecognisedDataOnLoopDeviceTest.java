package io.tandem.plan;

import io.tandem.testing.RealTools;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.RandomAccessFile;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Tier 2, real {@code blkid}, {@code cmp} and {@code drbdmeta} as root on a loop device: data with no
 * signature blkid knows, at the device's start, is data. The VM lab found it: a disk holding bytes
 * at its start passed as "holds nothing", and drbdmeta then refused create-md ("Found some data").
 */
class UnrecognisedDataOnLoopDeviceTest {

    @TempDir
    Path dir;
    private String loop;
    private Path image;

    @BeforeEach
    void attach() throws Exception {
        RealTools.require("losetup", "blkid", "cmp", "wipefs", "drbdmeta");
        image = dir.resolve("disk.img");
        try (RandomAccessFile file = new RandomAccessFile(image.toFile(), "rw")) {
            file.setLength(16L << 20);
            file.seek(64 << 10);
            file.write("Z".repeat(4096).getBytes());
        }
        loop = LocalRoot.attach(image);
    }

    @AfterEach
    void detach() {
        LocalRoot.detach(loop);
    }

    private String sha() {
        return LocalRoot.sh("sha256sum < " + loop).stdout();
    }

    private void createMd(String confirmed) throws Exception {
        LocalRoot.createMetadata(loop, confirmed);
    }

    @Test
    void bytesWithoutASignatureAtTheStartAreDataAndNeedTheTypedConfirmation() throws Exception {
        DeviceState state = DeviceState.parse(LocalRoot.sh(DeviceState.probe("'" + loop + "'")).stdout()).orElseThrow();
        assertEquals(java.util.List.of(), state.signatures().stream().filter(s -> !s.equals(DeviceState.UNRECOGNISED)).toList(), "blkid names nothing");
        assertTrue(state.inUse().stream().anyMatch(r -> r.contains("unrecognised data")), state.inUse().toString());

        String before = sha();
        assertThrows(StepFailure.class, () -> createMd(""));
        assertEquals(before, sha(), "nothing written without the confirmation");
    }

    @Test
    void confirmedTheStartIsZeroedSoDrbdmetaDoesNotRefuse() throws Exception {
        String refused = LocalRoot.sh("drbdmeta 250 v08 " + loop + " internal create-md </dev/null 2>&1").stdout();
        assertTrue(refused.contains("Found some data"), "drbdmeta itself refuses the device as it is: " + refused);
        createMd(loop);
        assertTrue(LocalRoot.sh("blkid -c /dev/null -p -o export " + loop).stdout().contains("TYPE=drbd"), "metadata written");
        assertTrue(DeviceState.parse(LocalRoot.sh(DeviceState.probe("'" + loop + "'")).stdout()).orElseThrow().hasDrbdMetadata());
    }
}
