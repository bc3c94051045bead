package io.tandem.facts;

import io.tandem.text.ShellQuote;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The configuration files Tandem may write, read from a host so that Review can show what would
 * change. Read-only: {@code stat}, {@code head}, {@code tr}, {@code base64} and the shell's own
 * tests; a file over {@link HostFile#MAX_BYTES} or holding NUL bytes is reported, not sent. The
 * corosync key is binary and secret: its presence, size and mode come from {@code stat}, its bytes
 * are never opened.
 *
 * <p>Nothing a host puts in a folder Tandem reads can stall discovery: only regular files are opened
 * (a FIFO, a device or a socket, also behind a symlink, is only looked at with {@code test} and
 * {@code stat}), never one on a kernel file system ({@code /proc}, {@code /sys}: no real size,
 * content made up on each read, some reads block), and each file is read once, at most one byte
 * past the limit, so a file that grew after {@code stat} or lied about its size is cut, not read to
 * its end. A read that ends short of the size {@code stat} gave (an I/O error, a file changed
 * meanwhile) is reported as unreadable rather than as a shorter file.
 *
 * <p>Output, one record per file: {@code @@FILE STATE SIZE BASE64(PATH)}, followed for a present
 * file by one line of {@code BASE64(CONTENT)}; a key's record ends with its octal mode ({@code -}
 * when absent). Everything a host controls is base64, so no file name or content can forge a
 * record or the fact script's frame.
 */
public final class HostFilesParser {

    /** Exact paths: modern and legacy profiles, initiator files, and files they include or replace. */
    public static final List<String> PATHS = List.of(
            "/etc/hosts", "/etc/fstab",
            "/etc/network/interfaces",
            "/etc/chrony/chrony.conf",
            "/etc/drbd.conf", "/etc/drbd.d/global_common.conf",
            "/etc/corosync/corosync.conf", "/etc/default/sbd",
            "/etc/modprobe.d/aliases.conf",
            "/etc/heartbeat/ha.cf", "/etc/heartbeat/authkeys", "/etc/heartbeat/haresources",
            "/etc/ietd.conf",
            "/etc/iscsi/initiatorname.iscsi", "/etc/iscsi/iscsid.conf",
            // Tandem's own resource agent (implementation lio) and DRBD fence-peer handler, placed by apply like the files above.
            "/usr/lib/ocf/resource.d/tandem/LioTarget", "/usr/lib/drbd/tandem-fence-peer.sh",
            "/usr/local/sbin/tandem-replication-fallback", "/etc/systemd/system/tandem-replication-fallback.service");

    /** Directories read by pattern (a directory and a file name suffix): every matching file is listed. */
    public static final List<String> GLOBS = List.of(
            "/etc/drbd.d/*.res", "/etc/netplan/*.yaml", "/etc/modules-load.d/*.conf", "/etc/sysctl.d/*.conf", "/etc/network/interfaces.d/*",
            "/etc/chrony/conf.d/*.conf", "/var/lib/tandem/partitions/*.sfdisk", "/usr/lib/ocf/resource.d/tandem/*",
            "/etc/systemd/system/corosync.service.d/*.conf");

    /** Secret binary keys: existence and size only. */
    public static final List<String> KEYS = List.of("/etc/corosync/authkey");

    /** {@code stat -f -c %T} names of the kernel's own file systems, whose files are never opened. */
    static final List<String> KERNEL_FILE_SYSTEMS = List.of("proc", "sysfs", "debugfs", "tracefs", "securityfs", "configfs",
            "cgroupfs", "cgroup2fs", "bpf_fs", "efivarfs", "pstorefs", "fusectl");

    public static final String COMMAND = command(PATHS, GLOBS, KEYS);

    /** The command for these paths, patterns ({@code DIR/*SUFFIX}) and key files; tests point it at their own files. */
    public static String command(List<String> paths, List<String> globs, List<String> keys) {
        return """
                tandem_file() {
                  n=0; c=
                  if [ ! -e "$1" ]; then s=absent
                  elif [ ! -f "$1" ]; then s=not-a-file
                  elif [ ! -r "$1" ]; then s=unreadable
                  else
                    case $(stat -L -f -c %T -- "$1") in
                    KERNEL_FS) s=kernel-file ;;
                    *)
                      z=$(stat -L -c %s -- "$1")
                      if [ "$z" -gt MAX ]; then s=too-large; n=$z
                      else
                        c=$(head -c LIMIT -- "$1" | base64 -w0)
                        n=$(printf '%s' "$c" | base64 -d | wc -c)
                        if [ "$n" -gt MAX ]; then s=too-large
                        elif [ "$n" -ne "$z" ]; then s=unreadable
                        elif [ "$(printf '%s' "$c" | base64 -d | tr -d '\\000' | wc -c)" -ne "$n" ]; then s=binary
                        else s=present; fi
                      fi ;;
                    esac
                  fi
                  printf '@@FILE %s %s %s\\n' "$s" "$n" "$(printf '%s' "$1" | base64 -w0)"
                  if [ "$s" = present ]; then printf '%s\\n' "$c"; fi
                }
                for f in PATHS; do tandem_file "$f"; done
                for f in GLOBS; do if [ -e "$f" ]; then tandem_file "$f"; fi; done
                for f in KEYS; do
                  if [ -e "$f" ]; then sm=$(stat -L -c '%s %a' -- "$f"); n=${sm% *}; m=${sm#* }; s=binary; else n=0; m=-; s=absent; fi
                  printf '@@FILE %s %s %s %s\\n' "$s" "$n" "$(printf '%s' "$f" | base64 -w0)" "$m"
                done
                """.replace("KERNEL_FS", String.join("|", KERNEL_FILE_SYSTEMS))
                .replace("LIMIT", Long.toString(HostFile.MAX_BYTES + 1))
                .replace("MAX", Long.toString(HostFile.MAX_BYTES))
                .replace("PATHS", words(paths))
                .replace("GLOBS", String.join(" ", globs.stream().map(HostFilesParser::glob).toList()))
                .replace("KEYS", words(keys));
    }

    // An empty list would leave "for f in ; do": a syntax error in sh.
    private static String words(List<String> paths) {
        return paths.isEmpty() ? "/nonexistent/tandem-none" : String.join(" ", paths.stream().map(ShellQuote::quote).toList());
    }

    /** DIR/*SUFFIX with the directory and suffix quoted and only the star left to the shell. */
    private static String glob(String pattern) {
        int star = pattern.lastIndexOf('*');
        if (star < 0 || pattern.lastIndexOf('/') != star - 1) {
            throw new IllegalArgumentException("not DIR/*SUFFIX: " + pattern);
        }
        String suffix = pattern.substring(star + 1);
        return ShellQuote.quote(pattern.substring(0, star)) + "*" + (suffix.isEmpty() ? "" : ShellQuote.quote(suffix));
    }

    private static final Map<String, HostFile.State> STATES = Map.of("present", HostFile.State.PRESENT, "absent", HostFile.State.ABSENT,
            "too-large", HostFile.State.TOO_LARGE, "binary", HostFile.State.BINARY, "unreadable", HostFile.State.UNREADABLE,
            "not-a-file", HostFile.State.NOT_A_FILE, "kernel-file", HostFile.State.KERNEL_FILE);

    private HostFilesParser() {
    }

    /** True when discovery reads {@code path}, so that not finding it means it is absent. */
    public static boolean looksAt(String path) {
        if (PATHS.contains(path) || KEYS.contains(path)) {
            return true;
        }
        for (String glob : GLOBS) {
            String dir = glob.substring(0, glob.lastIndexOf('/') + 1);
            String suffix = glob.substring(glob.lastIndexOf('*') + 1);
            String name = path.startsWith(dir) ? path.substring(dir.length()) : "";
            if (!name.isEmpty() && !name.contains("/") && !name.startsWith(".") && name.endsWith(suffix)) {
                return true;
            }
        }
        return false;
    }

    /** The files in the command's output, present ones with their secrets masked. Messages never quote content. */
    public static HostFiles parse(String output) throws FactParseException {
        Map<String, HostFile> files = new LinkedHashMap<>();
        // The last record's newline ends the output; without it an empty file's content line and a cut-off one look alike.
        String[] lines = (output.endsWith("\n") ? output.substring(0, output.length() - 1) : output).split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isEmpty()) {
                continue;
            }
            String[] words = line.split(" ", -1);
            // A key's record has a fifth word, its mode (octal, or - when absent); scripts before that had four.
            if (words.length < 4 || words.length > 5 || !words[0].equals("@@FILE") || !STATES.containsKey(words[1])
                    || !words[2].matches("\\d{1,15}") || words.length == 5 && !words[4].matches("[0-7]{1,4}|-")) {
                throw new FactParseException("files", "line " + (i + 1) + " of the file listing is not a file record");
            }
            String path = decode(words[3], "a file name", i);
            HostFile.State state = STATES.get(words[1]);
            long size = Long.parseLong(words[2]);
            if (words.length == 5) {
                files.put(path, HostFile.key(path, state == HostFile.State.PRESENT ? HostFile.State.BINARY : state, size,
                        words[4].equals("-") ? HostFile.MODE_NOT_LISTED : Integer.parseInt(words[4], 8)));
                continue;
            }
            if (state != HostFile.State.PRESENT) {
                files.put(path, HostFile.without(path, state, size));
                continue;
            }
            if (++i >= lines.length) {
                throw new FactParseException("files", "the content of " + path + " is missing");
            }
            String text = decode(lines[i], "the content of " + path, i);
            files.put(path, text.indexOf('\0') >= 0 ? HostFile.without(path, HostFile.State.BINARY, size)
                    : new HostFile(path, state, size, SecretMasker.mask(path, text)));
        }
        return new HostFiles(files, true);
    }

    private static String decode(String base64, String what, int line) throws FactParseException {
        try {
            return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new FactParseException("files", what + " (line " + (line + 1) + ") is not base64");
        }
    }
}
