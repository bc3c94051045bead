package io.tandem.gui.help;

import io.tandem.help.UserGuide;
import javafx.geometry.Insets;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.TextFlow;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.LinkReferenceDefinition;
import org.commonmark.node.ListBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The guide's Markdown as JavaFX nodes: headings, wrapped paragraphs with bold, italics and code,
 * lists, code blocks, quotes and the bundled screenshots. A link to a section of the guide is
 * followed in the help window; a link elsewhere (another page of docs/, the web) shows as its words,
 * since the help works offline. Every kind in {@link UserGuide#SHOWN} is handled here.
 */
final class GuideNodes {

    /** Screenshots are 1366 px wide; shown at a width that fits the help window. */
    static final double IMAGE_WIDTH = 640;

    private final Consumer<String> follow;

    private GuideNodes(Consumer<String> follow) {
        this.follow = follow;
    }

    /** The nodes of {@code blocks}; {@code follow} gets the anchor of a link into the guide that is clicked. */
    static List<javafx.scene.Node> of(List<Node> blocks, Consumer<String> follow) {
        GuideNodes nodes = new GuideNodes(follow);
        List<javafx.scene.Node> out = new ArrayList<>();
        blocks.forEach(b -> out.addAll(nodes.block(b)));
        return out;
    }

    private List<javafx.scene.Node> block(Node block) {
        return switch (block) {
            case Heading h -> List.of(heading(h));
            case Paragraph p -> paragraph(p);
            case ListBlock l -> List.of(list(l));
            case FencedCodeBlock c -> List.of(code(c.getLiteral()));
            case IndentedCodeBlock c -> List.of(code(c.getLiteral()));
            case BlockQuote q -> List.of(quote(q));
            case ThematicBreak t -> List.of(new Separator());
            case LinkReferenceDefinition d -> List.of();
            default -> throw new IllegalArgumentException("the help cannot show " + block.getClass().getSimpleName());
        };
    }

    private Label heading(Heading heading) {
        Label label = new Label(UserGuide.plainText(heading));
        label.getStyleClass().add(heading.getLevel() <= 3 ? "title-3" : "title-4");
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        label.setPadding(new Insets(8, 0, 0, 0));
        return label;
    }

    /** The paragraph's words as one wrapped flow, then its screenshots, each on its own line. */
    private List<javafx.scene.Node> paragraph(Paragraph paragraph) {
        TextFlow flow = new TextFlow();
        List<org.commonmark.node.Image> images = new ArrayList<>();
        inlines(paragraph, flow, "", images);
        List<javafx.scene.Node> out = new ArrayList<>();
        if (!flow.getChildren().isEmpty()) {
            out.add(flow);
        }
        images.forEach(i -> out.add(image(i)));
        return out;
    }

    private void inlines(Node parent, TextFlow flow, String style, List<org.commonmark.node.Image> images) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNext()) {
            switch (node) {
                case Text t -> flow.getChildren().add(text(t.getLiteral(), style));
                case Code c -> flow.getChildren().add(text(c.getLiteral(), style + "-fx-font-family: monospace;"));
                case Emphasis e -> inlines(e, flow, style + "-fx-font-style: italic;", images);
                case StrongEmphasis s -> inlines(s, flow, style + "-fx-font-weight: bold;", images);
                case SoftLineBreak b -> flow.getChildren().add(text(" ", style));
                case HardLineBreak b -> flow.getChildren().add(text("\n", style));
                case org.commonmark.node.Image i -> images.add(i);
                case Link l -> link(l, flow, style, images);
                default -> throw new IllegalArgumentException("the help cannot show " + node.getClass().getSimpleName());
            }
        }
    }

    /** A link into the guide ("#4-disks", "user-guide.md#4-disks") is followed here; any other shows as its words. */
    private void link(Link link, TextFlow flow, String style, List<org.commonmark.node.Image> images) {
        String target = link.getDestination();
        boolean inGuide = target.startsWith("#") || target.startsWith("user-guide.md#");
        if (!inGuide) {
            inlines(link, flow, style, images);
            return;
        }
        Hyperlink hyperlink = new Hyperlink(UserGuide.plainText(link));
        hyperlink.setPadding(Insets.EMPTY);
        hyperlink.setOnAction(e -> follow.accept(target));
        flow.getChildren().add(hyperlink);
    }

    private static javafx.scene.text.Text text(String words, String style) {
        javafx.scene.text.Text text = new javafx.scene.text.Text(words);
        text.getStyleClass().add("help-text");
        text.setStyle("-fx-fill: -color-fg-default;" + style);
        return text;
    }

    private javafx.scene.Node image(org.commonmark.node.Image image) {
        String alt = UserGuide.plainText(image);
        return UserGuide.resource(image.getDestination()).<javafx.scene.Node>map(url -> {
            ImageView view = new ImageView(new Image(url.toExternalForm(), true)); // loaded off the UI thread
            view.setPreserveRatio(true);
            view.setFitWidth(IMAGE_WIDTH);
            view.setSmooth(true);
            view.setAccessibleText(alt);
            Label caption = new Label(alt);
            caption.getStyleClass().add("text-muted");
            caption.setWrapText(true);
            return new VBox(4, view, caption);
        }).orElseGet(() -> new Label("(" + alt + ": not in this build)"));
    }

    private VBox list(ListBlock list) {
        VBox box = new VBox(4);
        int number = list instanceof OrderedList o ? o.getMarkerStartNumber() == null ? 1 : o.getMarkerStartNumber() : 0;
        for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
            Label marker = new Label(list instanceof OrderedList ? number++ + "." : "•");
            marker.setMinWidth(22);
            VBox content = new VBox(4);
            for (Node child = ((ListItem) item).getFirstChild(); child != null; child = child.getNext()) {
                content.getChildren().addAll(block(child));
            }
            HBox.setHgrow(content, Priority.ALWAYS);
            box.getChildren().add(new HBox(4, marker, content));
        }
        box.setPadding(new Insets(0, 0, 0, 6));
        return box;
    }

    private static Label code(String literal) {
        Label code = new Label(literal.stripTrailing());
        code.setStyle("-fx-font-family: monospace; -fx-background-color: -color-bg-subtle; -fx-padding: 6 8;");
        code.setWrapText(true);
        code.setMinHeight(Region.USE_PREF_SIZE);
        code.setMaxWidth(Double.MAX_VALUE);
        return code;
    }

    private VBox quote(BlockQuote quote) {
        VBox box = new VBox(6);
        for (Node child = quote.getFirstChild(); child != null; child = child.getNext()) {
            box.getChildren().addAll(block(child));
        }
        box.setStyle("-fx-border-color: transparent transparent transparent -color-accent-emphasis; -fx-border-width: 0 0 0 3; -fx-padding: 0 0 0 10;");
        return box;
    }
}
