package io.tandem.plan;

import io.tandem.text.ShellQuote;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Every file a host's probes read, in three processes however many files: the shell's own tests
 * sort out what is absent (or a symlink), one {@code stat} prints mode, owner and size of the rest,
 * one {@code cat | base64} their bytes back to back, cut apart here by the sizes. Each probe gets
 * the output {@link HostFileState#probe} prints for its file alone. A file that changed size
 * between {@code stat} and {@code cat} makes the sizes disagree with the bytes: every file of the
 * read then counts as unread (so not done), never as a wrong content.
 */
public record FileRead(List<String> paths) implements SharedRead {

    public FileRead {
        paths = List.copyOf(new LinkedHashSet<>(paths));
        for (String path : paths) {
            if (!path.startsWith("/") || path.contains("\n")) {
                throw new IllegalArgumentException("file path: " + path);
            }
        }
    }

    /** A probe of the file at {@code path} answered from the host's file read. */
    public static Probe probe(String host, String name, String path) {
        return Probe.from(host, name, new FileRead(List.of(path)), out -> answer(out, path));
    }

    @Override
    public String name() {
        return PREFIX + "files";
    }

    @Override
    public SharedRead merge(SharedRead other) {
        List<String> all = new ArrayList<>(paths);
        all.addAll(((FileRead) other).paths);
        return new FileRead(all);
    }

    @Override
    public String script() {
        return "set --\nfor f in " + ShellQuote.join(paths) + "; do\n"
                + "if [ -f \"$f\" ] && [ ! -L \"$f\" ]; then set -- \"$@\" \"$f\"; printf 'file %s\\n' \"$f\"; else printf 'absent %s\\n' \"$f\"; fi\n"
                + "done\n"
                + "if [ \"$#\" -gt 0 ]; then stat -c 'stat %a %U:%G %s' -- \"$@\" && cat -- \"$@\" | base64 -w0; echo; fi";
    }

    /** What {@link HostFileState#probe} would have printed for {@code path}, from the read's output; exit 1 when it cannot tell. */
    static ProbeResults.Output answer(ProbeResults.Output read, String path) {
        ProbeResults.Output unread = new ProbeResults.Output("", 1);
        if (!read.ok()) {
            return unread;
        }
        List<String> lines = read.text().lines().toList();
        if (lines.contains("absent " + path)) {
            return new ProbeResults.Output("ABSENT\n", 0);
        }
        List<String> present = lines.stream().filter(l -> l.startsWith("file ")).map(l -> l.substring(5)).toList();
        List<String> stats = lines.stream().filter(l -> l.startsWith("stat ")).map(l -> l.substring(5)).toList();
        int index = present.indexOf(path);
        int last = lines.size() - 1;
        if (index < 0 || stats.size() != present.size() || last < 0 || lines.get(last).startsWith("stat ")) {
            return unread;
        }
        byte[] all;
        long[] sizes = new long[stats.size()];
        try {
            all = Base64.getDecoder().decode(lines.get(last).strip());
            for (int i = 0; i < stats.size(); i++) {
                sizes[i] = Long.parseLong(stats.get(i).substring(stats.get(i).lastIndexOf(' ') + 1));
            }
        } catch (IllegalArgumentException garbled) {
            return unread;
        }
        if (Arrays.stream(sizes).sum() != all.length) {
            return unread;
        }
        int start = (int) Arrays.stream(sizes, 0, index).sum();
        byte[] mine = Arrays.copyOfRange(all, start, start + (int) sizes[index]);
        String head = stats.get(index).substring(0, stats.get(index).lastIndexOf(' '));
        return new ProbeResults.Output(head + "\n" + Base64.getEncoder().encodeToString(mine) + "\n", 0);
    }
}
