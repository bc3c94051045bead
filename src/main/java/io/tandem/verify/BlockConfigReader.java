package io.tandem.verify;

import java.util.ArrayList;
import java.util.List;

/**
 * The nested-block syntax corosync.conf and DRBD's configuration share ({@code name {}},
 * {@code key: value} or {@code key value;} lines, {@code #} comments), read into a tree of blocks.
 * Enough to find where a setting is; the tools themselves judge the syntax.
 */
final class BlockConfigReader {

    /** A block: its header words ({@code on node1}), its settings ({@code key}, {@code value}) and its inner blocks. */
    record Block(List<String> header, List<String[]> settings, List<Block> blocks) {

        String value(String key) {
            return settings.stream().filter(s -> s[0].equals(key)).map(s -> s[1]).reduce((a, b) -> b).orElse(null);
        }

        List<Block> blocks(String name) {
            return blocks.stream().filter(b -> !b.header().isEmpty() && b.header().getFirst().equals(name)).toList();
        }
    }

    private BlockConfigReader() {
    }

    static Block read(String text) {
        Block root = new Block(List.of(), new ArrayList<>(), new ArrayList<>());
        List<Block> stack = new ArrayList<>(List.of(root));
        for (String raw : text.lines().toList()) {
            String line = raw.strip();
            int hash = line.indexOf('#');
            if (hash >= 0) {
                line = line.substring(0, hash).strip();
            }
            if (line.isEmpty()) {
                continue;
            }
            if (line.endsWith("{")) {
                Block block = new Block(List.of(line.substring(0, line.length() - 1).strip().split("\\s+")), new ArrayList<>(), new ArrayList<>());
                stack.getLast().blocks().add(block);
                stack.add(block);
            } else if (line.equals("}")) {
                if (stack.size() == 1) {
                    throw new IllegalArgumentException("a '}' closes no block");
                }
                stack.removeLast();
            } else {
                String setting = line.endsWith(";") ? line.substring(0, line.length() - 1).strip() : line;
                int colon = setting.indexOf(':');
                String[] pair = colon > 0 && !setting.substring(0, colon).contains(" ")
                        ? new String[] {setting.substring(0, colon).strip(), setting.substring(colon + 1).strip()}
                        : setting.split("\\s+", 2);
                stack.getLast().settings().add(pair.length == 2 ? pair : new String[] {pair[0], ""});
            }
        }
        if (stack.size() != 1) {
            throw new IllegalArgumentException("a block is not closed");
        }
        return root;
    }
}
