package io.tandem.model;

import java.util.regex.Pattern;

/**
 * The strict patterns every value must match before it may reach a configuration file or a shell
 * command. They exclude by construction what could change a file's or a command's meaning:
 * whitespace, quotes, {@code ; $ ` \ | & < >}, newlines.
 */
public enum ValuePatterns {
    HOST_NAME("[a-z][a-z0-9-]{0,61}[a-z0-9]|[a-z]",
            "a host name: lower-case letters, digits and '-', starting with a letter (e.g. node1)"),
    DOMAIN("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+",
            "a DNS domain with at least two labels (e.g. example.com)"),
    // Also used in host names (CLUSTER-vip), hence no '_' and no capitals.
    CLUSTER_NAME("[a-z][a-z0-9-]{0,31}", "lower-case letters, digits and '-', starting with a letter, at most 32 characters"),
    // Interface and resource names become file names (interfaces.d/NAME, drbd.d/NAME.res), hence
    // built from the characters of FILE_NAME and starting with a letter or digit, never a dot.
    INTERFACE("[A-Za-z]" + Names.CHAR + "{0,14}", "a Linux interface name of at most 15 characters (e.g. eth0, bond0, enp1s0)"),
    USER("[a-z_][a-z0-9_-]{0,31}", "a Unix user name (e.g. root or admin)"),
    // Path segments may not start with '.', which rules out '..' escaping /dev/.
    DEVICE("/dev/[A-Za-z0-9_+:-][A-Za-z0-9_+:.-]*(/[A-Za-z0-9_+:-][A-Za-z0-9_+:.-]*)*",
            "a device path under /dev/ (e.g. /dev/vdb or /dev/disk/by-id/...)"),
    // SBD_DEVICE separates devices with ';' and fence_sbd's devices= with ',': neither may occur.
    // Only names that stay the same across reboots and on both nodes: by-id, by-path, a multipath alias.
    SBD_DEVICE("/dev/disk/by-(id|path)/[A-Za-z0-9_+:@-][A-Za-z0-9_+:.@-]{0,127}|/dev/mapper/[A-Za-z0-9_+-][A-Za-z0-9_+.-]{0,63}",
            "a stable path of a shared disk: /dev/disk/by-id/..., /dev/disk/by-path/... or a multipath alias /dev/mapper/..."),
    WATCHDOG("softdog|/dev/watchdog[0-9]{0,3}", "softdog, or a watchdog device such as /dev/watchdog or /dev/watchdog0"),
    VM_NAME("[A-Za-z0-9][A-Za-z0-9_.+-]{0,63}", "a libvirt domain name: letters, digits, '.', '_', '+' and '-' (e.g. node1-vm)"),
    MOUNT_POINT("(/[A-Za-z0-9_-]" + Names.CHAR + "*)+",
            "an absolute directory path of letters, digits, '.', '-' and '_' (no segment starting with '.')"),
    RESOURCE_NAME("[A-Za-z0-9]" + Names.CHAR + "{0,47}", "letters, digits, '.', '-' and '_', starting with a letter or digit"),
    CHAP_USER("[A-Za-z0-9][A-Za-z0-9_.:@-]{0,63}", "letters, digits and . _ : @ -"),
    SECRET("[A-Za-z0-9!#%+,./:=?@^_~-]+",
            "letters, digits and the symbols ! # % + , . / : = ? @ ^ _ ~ - (no spaces, quotes, $, ` or \\)"),
    SIZE("[1-9][0-9]{0,6}[KMG]?", "a size such as 100M, 4G or 512K"),
    ALGORITHM("[a-z0-9-]{2,20}", "an algorithm name such as sha1, sha256 or crc32c"),
    FILESYSTEM("ext4|xfs|jfs|ext3|btrfs", "ext4, xfs, jfs, ext3 or btrfs"),
    MOUNT_OPTIONS("[a-z0-9_=,.-]{1,100}", "comma-separated mount options such as noatime,_netdev"),
    UUID("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}", "a filesystem UUID"),
    SERIAL("[A-Za-z0-9]{4,20}", "4 to 20 letters and digits"),
    PRODUCT_ID("[A-Za-z0-9_.-]{1,16}", "at most 16 letters, digits, '.', '-' and '_'"),
    ALIAS("[A-Za-z0-9_.-]{1,32}", "letters, digits, '.', '-' and '_'"),
    DIGEST("(None|CRC32C)(,(None|CRC32C))?", "None, CRC32C or a list such as CRC32C,None"),
    SYSLOG_FACILITY("local[0-7]|daemon|user", "a syslog facility such as local0 or daemon"),
    TIME_SERVER("[A-Za-z0-9]([A-Za-z0-9.-]{0,252})", "a host name or address of a time server"),
    /**
     * A file name Tandem writes: never '.' or '..', so a path built from such names cannot climb
     * out of the directory it is put in. Dots inside a name ('r..0') are fine.
     */
    FILE_NAME(Names.NOT_DOT_OR_DOTDOT + Names.CHAR + "+", "a file name of letters, digits, '.', '-' and '_', not '.' or '..'"),
    /** The path of a file Tandem writes: what renderers produce and the export and Apply accept. */
    FILE_PATH("(/" + Names.NOT_DOT_OR_DOTDOT + Names.CHAR + "+)+",
            "an absolute path of file names (letters, digits, '.', '-' and '_'; no '.' or '..' component)");

    /** The pieces the patterns of names that end up in file paths share, so they cannot drift apart. */
    private static final class Names {
        static final String CHAR = "[A-Za-z0-9_.-]";
        /** At the start of a path component: not a component that is exactly '.' or '..'. */
        static final String NOT_DOT_OR_DOTDOT = "(?!\\.{1,2}(?:/|$))";

        private Names() {
        }
    }

    private final Pattern pattern;
    private final String description;

    ValuePatterns(String regex, String description) {
        this.pattern = Pattern.compile(regex);
        this.description = description;
    }

    public boolean matches(String value) {
        return value != null && pattern.matcher(value).matches();
    }

    /** What a valid value looks like, for messages. */
    public String description() {
        return description;
    }
}
