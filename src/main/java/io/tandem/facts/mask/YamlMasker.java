package io.tandem.facts.mask;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.io.StringReader;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * YAML, netplan's format, composed into nodes by SnakeYAML, which knows where each node stands in
 * the text. Every scalar under a key that names a secret is masked (a wifi or 802.1X
 * {@code password}, wireguard {@code keys}, anything nested under them), in any style: plain,
 * quoted, in a flow mapping ({@code {password: x}}), or a literal or folded block scalar, which
 * becomes one quoted line. A value behind an alias is masked where its anchor stands. The mask is
 * quoted so that the text still reads as the same YAML; the rest of the text is not touched.
 * Commented-out {@code key: value} lines under a secret's name are masked too.
 */
final class YamlMasker implements FormatMasker {

    private static final Pattern PROPERTIES = Pattern.compile("^(?:[&!][^\\s]*\\s+)*");
    private static final Pattern TRAILING_BREAKS = Pattern.compile("[\\r\\n]+$");
    private static final Pattern COMMENTED_SETTING = Pattern.compile("(?m)^[ \\t]*#[ \\t]*([\\w.-]+)[ \\t]*:[ \\t]*(\\S(?:.*\\S)?)[ \\t]*$");

    @Override
    public String mask(String text) throws UnreadableText {
        TextEdits edits = new TextEdits(text);
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(true);
        try {
            for (Node document : new Yaml(options).composeAll(new StringReader(text))) {
                walk(text, document, false, edits, new IdentityHashMap<>());
            }
        } catch (RuntimeException e) {
            throw new UnreadableText("not YAML");
        }
        Matcher comment = COMMENTED_SETTING.matcher(text);
        while (comment.find()) {
            if (SecretKeyNames.isSecret(comment.group(1))) {
                MaskedValue.replace(edits, text, comment.start(2), comment.end(2));
            }
        }
        return edits.apply();
    }

    private void walk(String text, Node node, boolean secret, TextEdits edits, Map<Node, Boolean> seen) {
        // A node reached again through an alias is walked again only if it is now under a secret's name.
        Boolean before = seen.get(node);
        if (node == null || Boolean.TRUE.equals(before) || (before != null && !secret)) {
            return;
        }
        seen.put(node, secret);
        switch (node) {
            case ScalarNode scalar -> {
                if (secret) {
                    maskScalar(text, scalar, edits);
                }
            }
            case MappingNode mapping -> {
                for (NodeTuple tuple : mapping.getValue()) {
                    boolean secretKey = tuple.getKeyNode() instanceof ScalarNode key && SecretKeyNames.isSecret(key.getValue());
                    walk(text, tuple.getValueNode(), secret || secretKey, edits, seen);
                }
            }
            case SequenceNode sequence -> sequence.getValue().forEach(item -> walk(text, item, secret, edits, seen));
            default -> {
            }
        }
    }

    private static void maskScalar(String text, ScalarNode scalar, TextEdits edits) {
        String value = scalar.getValue();
        int start = text.offsetByCodePoints(0, scalar.getStartMark().getIndex());
        int end = text.offsetByCodePoints(0, scalar.getEndMark().getIndex());
        String source = text.substring(start, end);
        Matcher properties = PROPERTIES.matcher(source);
        String prefix = properties.find() ? properties.group() : "";
        String written = source.substring(prefix.length());
        if (!MaskToken.hides(value) || MaskToken.isMask(written.strip()) || MaskToken.isMask(MaskedValue.unquote(written.strip()))) {
            return;
        }
        Matcher breaks = TRAILING_BREAKS.matcher(written);
        String trailing = breaks.find() ? breaks.group() : "";
        String quote = written.startsWith("'") ? "'" : "\"";
        edits.replace(start, end, prefix + quote + MaskToken.of(value) + quote + trailing);
    }
}
