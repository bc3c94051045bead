package io.tandem.help;

import org.commonmark.node.Block;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.Document;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.LinkReferenceDefinition;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The user guide (docs/user-guide.md) as the build bundles it for the in-app help: its sections,
 * one per level-2 heading, each found by its heading's anchor ({@link GuideAnchors}). What comes
 * before the first level-2 heading is the first section, under the guide's title.
 * <p>
 * The guide may use only the Markdown the help window can show ({@link #SHOWN}): a table or HTML
 * is refused when the guide is read, so it cannot silently show as nothing.
 */
public final class UserGuide {

    /** Where the build puts the guide and its screenshots (pom.xml: docs/ → help/). */
    public static final String FOLDER = "/help/";
    public static final String RESOURCE = FOLDER + "user-guide.md";

    /** The kinds of Markdown the help window shows. */
    public static final Set<Class<? extends Node>> SHOWN = Set.of(Document.class, Heading.class, Paragraph.class, Text.class,
            Emphasis.class, StrongEmphasis.class, Code.class, Link.class, Image.class, BulletList.class, OrderedList.class,
            ListItem.class, SoftLineBreak.class, HardLineBreak.class, FencedCodeBlock.class, IndentedCodeBlock.class,
            BlockQuote.class, ThematicBreak.class, LinkReferenceDefinition.class);

    /** One level-2 heading and what follows it up to the next one. */
    public record Section(String anchor, String title, List<Node> blocks) {

        public Section {
            blocks = List.copyOf(blocks);
        }

        /** The section's words without markup: its title, then every text, code and image description. */
        public String text() {
            StringBuilder out = new StringBuilder(title);
            blocks.forEach(b -> appendText(b, out));
            return out.toString();
        }

        /** The images the section shows, as written (relative to the guide: "screenshots/guide-04-disks.png"). */
        public List<String> images() {
            List<String> images = new ArrayList<>();
            blocks.forEach(b -> collect(b, Image.class, i -> images.add(i.getDestination())));
            return images;
        }

        /** The anchors of the headings inside the section (level 3 and below). */
        public List<String> innerAnchors() {
            List<String> anchors = new ArrayList<>();
            blocks.forEach(b -> collect(b, Heading.class, h -> anchors.add(GuideAnchors.of(plainText(h)))));
            return anchors;
        }

        @Override
        public String toString() {
            return title;
        }
    }

    private final String title;
    private final List<Section> sections;

    private UserGuide(String title, List<Section> sections) {
        this.title = title;
        this.sections = List.copyOf(sections);
    }

    /** The guide this build bundles. */
    public static UserGuide bundled() {
        try (InputStream in = UserGuide.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The user guide is not in this build (" + RESOURCE + " is missing): build Tandem with "
                        + "Maven, which copies docs/user-guide.md into the jar.");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE + " from the jar", e);
        }
    }

    /** Reads a guide; throws {@link IllegalArgumentException} naming the line of Markdown the help cannot show. */
    public static UserGuide parse(String markdown) {
        Document document = (Document) Parser.builder().includeSourceSpans(IncludeSourceSpans.BLOCKS).build().parse(markdown);
        refuseUnshown(document);
        String title = "";
        List<Section> sections = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        String anchor = null;
        String heading = null;
        List<Node> blocks = new ArrayList<>();
        for (Node block = document.getFirstChild(); block != null; block = block.getNext()) {
            if (block instanceof Heading h && h.getLevel() == 1 && title.isEmpty()) {
                title = plainText(h);
                anchor = unique(GuideAnchors.of(title), seen);
                heading = title;
            } else if (block instanceof Heading h && h.getLevel() == 2) {
                if (heading != null) {
                    sections.add(new Section(anchor, heading, blocks));
                }
                heading = plainText(h);
                anchor = unique(GuideAnchors.of(heading), seen);
                blocks = new ArrayList<>();
            } else if (!(block instanceof LinkReferenceDefinition)) {
                if (heading == null) {
                    throw new IllegalArgumentException("The user guide must start with its title (# …), not with " + describe(block) + ".");
                }
                blocks.add(block);
            }
        }
        if (heading != null) {
            sections.add(new Section(anchor, heading, blocks));
        }
        if (sections.isEmpty()) {
            throw new IllegalArgumentException("The user guide is empty: it needs a title (# …) and sections (## …).");
        }
        return new UserGuide(title, sections);
    }

    /** GitHub's rule for a second heading of the same words: "-1", "-2" appended. */
    private static String unique(String anchor, Map<String, Integer> seen) {
        int count = seen.merge(anchor, 1, Integer::sum);
        return count == 1 ? anchor : anchor + "-" + (count - 1);
    }

    private static void refuseUnshown(Node node) {
        if (!SHOWN.contains(node.getClass())) {
            throw new IllegalArgumentException("The user guide uses " + node.getClass().getSimpleName() + " (" + describe(node)
                    + "), which the in-app help cannot show. Write it as a paragraph, a list or a code block instead.");
        }
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            refuseUnshown(child);
        }
    }

    private static String describe(Node node) {
        Node block = node;
        while (block != null && !(block instanceof Block && !block.getSourceSpans().isEmpty())) {
            block = block.getParent();
        }
        if (block == null) {
            return node.getClass().getSimpleName();
        }
        SourceSpan span = block.getSourceSpans().getFirst();
        return "line " + (span.getLineIndex() + 1);
    }

    public String title() {
        return title;
    }

    public List<Section> sections() {
        return sections;
    }

    /**
     * The section with this anchor ("4-disks", "#4-disks" or "user-guide.md#4-disks"), or the
     * section holding a heading with it.
     */
    public Optional<Section> section(String anchor) {
        String name = anchor.substring(anchor.indexOf('#') + 1);
        return sections.stream().filter(s -> s.anchor().equals(name)).findFirst()
                .or(() -> sections.stream().filter(s -> s.innerAnchors().contains(name)).findFirst());
    }

    /**
     * A file the guide refers to by a relative path ("screenshots/guide-04-disks.png"), as bundled
     * beside it; empty for anything else (absolute paths, "..", URLs, a file not bundled).
     */
    public static Optional<URL> resource(String relative) {
        if (relative.isBlank() || relative.startsWith("/") || relative.contains("..") || relative.contains(":") || relative.contains("\\")) {
            return Optional.empty();
        }
        return Optional.ofNullable(UserGuide.class.getResource(FOLDER + relative));
    }

    /** The words of a node and its children, without markup. */
    public static String plainText(Node node) {
        StringBuilder out = new StringBuilder();
        appendText(node, out);
        return out.toString().strip();
    }

    private static void appendText(Node node, StringBuilder out) {
        switch (node) {
            case Text t -> out.append(t.getLiteral());
            case Code c -> out.append(c.getLiteral());
            case FencedCodeBlock c -> out.append('\n').append(c.getLiteral());
            case IndentedCodeBlock c -> out.append('\n').append(c.getLiteral());
            case SoftLineBreak b -> out.append(' ');
            case HardLineBreak b -> out.append('\n');
            case Image i -> out.append(plainChildren(i));
            default -> {
                if (node instanceof Block && out.length() > 0) {
                    out.append('\n');
                }
                for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
                    appendText(child, out);
                }
            }
        }
    }

    private static String plainChildren(Node node) {
        StringBuilder out = new StringBuilder();
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            appendText(child, out);
        }
        return out.toString();
    }

    private static <T extends Node> void collect(Node node, Class<T> kind, java.util.function.Consumer<T> found) {
        if (kind.isInstance(node)) {
            found.accept(kind.cast(node));
        }
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            collect(child, kind, found);
        }
    }
}
