package io.tandem.model;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The patterns of values that end up in file paths accept only what the path check of the
 * renderers accepts ({@link ValuePatterns#FILE_NAME}, {@link ValuePatterns#FILE_PATH}): checked
 * on every string of up to five characters over an alphabet of the characters that matter.
 */
class ValuePatternsTest {

    private static final String ALPHABET = "aZ0.-_/+:@é";

    @Test
    void namesThatBecomeFileNamesAreFileNamesAndMountPointsAreFilePaths() {
        List<String> all = strings(5);
        assertThat(all).hasSizeGreaterThan(170_000);
        List<String> wrong = new ArrayList<>();
        int interfaces = 0;
        int resources = 0;
        int mounts = 0;
        for (String s : all) {
            if (ValuePatterns.INTERFACE.matches(s)) {
                interfaces++;
                // /etc/network/interfaces.d/NAME
                expectPath("/etc/network/interfaces.d/" + s, "interface " + s, wrong);
            }
            if (ValuePatterns.RESOURCE_NAME.matches(s)) {
                resources++;
                // /etc/drbd.d/NAME.res and /var/lib/tandem/partitions/NAME.sfdisk
                expectPath("/etc/drbd.d/" + s + ".res", "resource " + s, wrong);
                expectPath("/var/lib/tandem/partitions/" + s + ".sfdisk", "resource " + s, wrong);
            }
            if (ValuePatterns.MOUNT_POINT.matches(s)) {
                mounts++;
                // The legacy profile's MOUNTPOINT/iscsi/ietd.conf
                expectPath(s + "/iscsi/ietd.conf", "mount point " + s, wrong);
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(interfaces).as("interface names tried").isGreaterThan(3_000);
        assertThat(resources).as("resource names tried").isGreaterThan(4_000);
        assertThat(mounts).as("mount points tried").isGreaterThan(1_000);
    }

    @Test
    void aFilePathHasNoDotOrDotDotComponentButDotsInsideNamesAreFine() {
        assertThat(List.of("/etc/drbd.d/r..0.res", "/etc/network/interfaces.d/bond..0", "/mnt/is..csi/iscsi/ietd.conf",
                "/a/.hidden", "/a/..b", "/a/b..", "/a/...")).allMatch(ValuePatterns.FILE_PATH::matches);
        assertThat(List.of("/etc/../shadow", "/..", "/.", "/a/./b", "/a/..", "/a//b", "/a/", "etc/hosts", "", "/a b", "/a\n"))
                .noneMatch(ValuePatterns.FILE_PATH::matches);
        assertThat(List.of(".", "..", "a/b", "")).noneMatch(ValuePatterns.FILE_NAME::matches);
        assertThat(List.of("a..b", "...", ".a", "a.")).allMatch(ValuePatterns.FILE_NAME::matches);
    }

    private static void expectPath(String path, String what, List<String> wrong) {
        if (!ValuePatterns.FILE_PATH.matches(path)) {
            wrong.add(what + " gives " + path);
        }
    }

    private static List<String> strings(int maxLength) {
        List<String> out = new ArrayList<>();
        List<String> previous = List.of("");
        for (int length = 1; length <= maxLength; length++) {
            List<String> next = new ArrayList<>();
            for (String prefix : previous) {
                for (char c : ALPHABET.toCharArray()) {
                    next.add(prefix + c);
                }
            }
            out.addAll(next);
            previous = next;
        }
        return out;
    }
}
