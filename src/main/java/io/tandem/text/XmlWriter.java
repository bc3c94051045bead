package io.tandem.text;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A small streaming XML writer with stable, readable indentation, so generated XML can be
 * compared line by line with golden files. Escapes every attribute value and text.
 */
public final class XmlWriter {

    private final StringBuilder out = new StringBuilder();
    private final Deque<String> open = new ArrayDeque<>();
    private boolean startTagOpen;

    public XmlWriter start(String name, String... attributes) {
        closeStartTag();
        indent();
        out.append('<').append(name);
        appendAttributes(attributes);
        open.push(name);
        startTagOpen = true;
        return this;
    }

    /** An element without children. */
    public XmlWriter empty(String name, String... attributes) {
        closeStartTag();
        indent();
        out.append('<').append(name);
        appendAttributes(attributes);
        out.append("/>\n");
        return this;
    }

    public XmlWriter end() {
        String name = open.pop();
        if (startTagOpen) {
            out.append("/>\n");
            startTagOpen = false;
            return this;
        }
        indent();
        out.append("</").append(name).append(">\n");
        return this;
    }

    public XmlWriter comment(String text) {
        closeStartTag();
        indent();
        out.append("<!-- ").append(text.replace("--", "- -")).append(" -->\n");
        return this;
    }

    @Override
    public String toString() {
        if (!open.isEmpty()) {
            throw new IllegalStateException("unclosed elements: " + open);
        }
        return out.toString();
    }

    private void appendAttributes(String... attributes) {
        if (attributes.length % 2 != 0) {
            throw new IllegalArgumentException("attributes come in name/value pairs");
        }
        for (int i = 0; i < attributes.length; i += 2) {
            out.append(' ').append(attributes[i]).append("=\"").append(escape(attributes[i + 1])).append('"');
        }
    }

    private void closeStartTag() {
        if (startTagOpen) {
            out.append(">\n");
            startTagOpen = false;
        }
    }

    private void indent() {
        out.append("  ".repeat(open.size()));
    }

    public static String escape(String value) {
        StringBuilder escaped = new StringBuilder(value.length());
        for (char c : value.toCharArray()) {
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&apos;");
                case '\n' -> escaped.append("&#10;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
