package io.tandem.facts.mask;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

/**
 * XML, a CIB above all. The text is read twice: by the JDK's XML parser, which decides what it
 * means (the values with their entities resolved, whether it is well-formed at all; a DTD is
 * refused, since its entities could carry a secret elsewhere), and by a scan of the tags that finds
 * where each attribute value stands, so only the secret values are replaced and every other byte
 * stays. Secret: the {@code value} of an element whose {@code name} names a secret (a CIB
 * {@code nvpair}, whatever the attribute order, whatever {@code >} the value holds, on whatever
 * line), any attribute whose own name clearly names one ({@code password="…"}, not the status
 * section's {@code transition-key}), and the text of an element whose name names one.
 * The result is read again and checked: a secret left unmasked makes the whole text masked.
 */
final class XmlMasker implements FormatMasker {

    /** One element as the parser read it: its name, its attributes in order, and its text. */
    private static final class Element {
        final String name;
        final List<String> attributeNames = new ArrayList<>();
        final List<String> attributeValues = new ArrayList<>();
        final StringBuilder text = new StringBuilder();
        boolean hasChildren;

        Element(String name) {
            this.name = name;
        }

        /** The text of an element such as {@code <password>} with no child element. */
        boolean secretText() {
            return !hasChildren && SecretKeyNames.isSecret(name);
        }

        /** Whether attribute {@code i} holds a secret. */
        boolean secretAttribute(int i) {
            String attribute = localName(attributeNames.get(i));
            if (SecretKeyNames.isClearlySecret(attribute)) {
                return true;
            }
            int nameAt = attributeNames.indexOf("name");
            return attribute.equals("value") && nameAt >= 0 && SecretKeyNames.isSecret(attributeValues.get(nameAt));
        }
    }

    /** Where one start tag's attribute values stand in the text (inside the quotes), and where its content starts and ends. */
    private static final class Tag {
        final List<String> attributeNames = new ArrayList<>();
        final List<int[]> valueSpans = new ArrayList<>();
        int contentStart;
        int contentEnd;
    }

    // Finding the JDK's parser costs milliseconds, and a factory is not safe to share between threads.
    private static final ThreadLocal<XMLInputFactory> FACTORY = ThreadLocal.withInitial(XmlMasker::newFactory);

    @Override
    public String mask(String text) throws UnreadableText {
        List<Element> elements = parse(text);
        List<Tag> tags = scan(text);
        if (tags.size() != elements.size()) {
            throw new UnreadableText("the tags and the parsed elements differ in number");
        }
        TextEdits edits = new TextEdits(text);
        for (int e = 0; e < elements.size(); e++) {
            Element element = elements.get(e);
            Tag tag = tags.get(e);
            if (!tag.attributeNames.equals(element.attributeNames)) {
                throw new UnreadableText("a tag's attributes differ from the parsed ones");
            }
            for (int a = 0; a < element.attributeNames.size(); a++) {
                String value = element.attributeValues.get(a);
                if (element.secretAttribute(a) && MaskToken.hides(value)) {
                    int[] span = tag.valueSpans.get(a);
                    edits.replace(span[0], span[1], MaskToken.of(value));
                }
            }
            String content = element.text.toString().strip();
            if (element.secretText() && MaskToken.hides(content) && tag.contentEnd > tag.contentStart) {
                edits.replace(tag.contentStart, tag.contentEnd, MaskToken.of(content));
            }
        }
        String masked = edits.apply();
        for (Element element : parse(masked)) {
            for (int a = 0; a < element.attributeNames.size(); a++) {
                if (element.secretAttribute(a) && MaskToken.hides(element.attributeValues.get(a))) {
                    throw new UnreadableText("a secret attribute is still unmasked");
                }
            }
            if (element.secretText() && MaskToken.hides(element.text.toString().strip())) {
                throw new UnreadableText("a secret element's text is still unmasked");
            }
        }
        return masked;
    }

    private static String qualified(String prefix, String name) {
        return prefix == null || prefix.isEmpty() ? name : prefix + ":" + name;
    }

    private static String localName(String qualified) {
        return qualified.substring(qualified.indexOf(':') + 1);
    }

    /** The JDK's parser, without DTDs or external entities, reporting names as written ({@code xmlns:…} as attributes). */
    private static XMLInputFactory newFactory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, false);
        return factory;
    }

    /** The elements in document order, as the JDK's parser reads them. */
    private static List<Element> parse(String text) throws UnreadableText {
        XMLInputFactory factory = FACTORY.get();
        List<Element> elements = new ArrayList<>();
        List<Element> open = new ArrayList<>();
        try {
            XMLStreamReader reader = factory.createXMLStreamReader(new StringReader(text));
            try {
                while (reader.hasNext()) {
                    switch (reader.next()) {
                        case XMLStreamReader.DTD -> throw new UnreadableText("the XML has a DTD");
                        case XMLStreamReader.START_ELEMENT -> {
                            Element element = new Element(qualified(reader.getPrefix(), reader.getLocalName()));
                            for (int a = 0; a < reader.getAttributeCount(); a++) {
                                element.attributeNames.add(qualified(reader.getAttributePrefix(a), reader.getAttributeLocalName(a)));
                                element.attributeValues.add(reader.getAttributeValue(a));
                            }
                            if (!open.isEmpty()) {
                                open.getLast().hasChildren = true;
                            }
                            elements.add(element);
                            open.add(element);
                        }
                        case XMLStreamReader.END_ELEMENT -> open.removeLast();
                        case XMLStreamReader.CHARACTERS, XMLStreamReader.CDATA, XMLStreamReader.SPACE -> {
                            if (!open.isEmpty()) {
                                open.getLast().text.append(reader.getText());
                            }
                        }
                        case XMLStreamReader.ENTITY_REFERENCE -> throw new UnreadableText("the XML refers to an undeclared entity");
                        default -> {
                        }
                    }
                }
            } finally {
                reader.close();
            }
        } catch (XMLStreamException | RuntimeException e) {
            throw new UnreadableText("not well-formed XML");
        }
        return elements;
    }

    /** The start tags in document order, with where their attribute values and contents stand. */
    private static List<Tag> scan(String text) throws UnreadableText {
        List<Tag> tags = new ArrayList<>();
        List<Tag> open = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            int lt = text.indexOf('<', i);
            if (lt < 0) {
                break;
            }
            if (text.startsWith("<!--", lt)) {
                i = after(text, "-->", lt + 4);
            } else if (text.startsWith("<![CDATA[", lt)) {
                i = after(text, "]]>", lt + 9);
            } else if (text.startsWith("<?", lt)) {
                i = after(text, "?>", lt + 2);
            } else if (text.startsWith("<!", lt)) {
                throw new UnreadableText("a declaration in the XML");
            } else if (text.startsWith("</", lt)) {
                if (open.isEmpty()) {
                    throw new UnreadableText("an end tag without its start");
                }
                open.removeLast().contentEnd = lt;
                i = after(text, ">", lt + 2);
            } else {
                i = startTag(text, lt, tags, open);
            }
        }
        return tags;
    }

    /** Reads the start tag at {@code lt}; returns where it ends. Attribute values may hold {@code >} and line breaks. */
    private static int startTag(String text, int lt, List<Tag> tags, List<Tag> open) throws UnreadableText {
        int i = lt + 1;
        while (i < text.length() && !isSpace(text.charAt(i)) && text.charAt(i) != '>' && text.charAt(i) != '/') {
            i++;
        }
        Tag tag = new Tag();
        while (true) {
            while (i < text.length() && isSpace(text.charAt(i))) {
                i++;
            }
            if (i >= text.length()) {
                throw new UnreadableText("a tag is not closed");
            }
            char c = text.charAt(i);
            if (c == '>' || text.startsWith("/>", i)) {
                boolean empty = c == '/';
                int end = i + (empty ? 2 : 1);
                tag.contentStart = end;
                tag.contentEnd = end;
                tags.add(tag);
                if (!empty) {
                    open.add(tag);
                }
                return end;
            }
            int nameStart = i;
            while (i < text.length() && !isSpace(text.charAt(i)) && text.charAt(i) != '=') {
                i++;
            }
            tag.attributeNames.add(text.substring(nameStart, i));
            while (i < text.length() && isSpace(text.charAt(i))) {
                i++;
            }
            if (i >= text.length() || text.charAt(i) != '=') {
                throw new UnreadableText("an attribute without a value");
            }
            i++;
            while (i < text.length() && isSpace(text.charAt(i))) {
                i++;
            }
            if (i >= text.length() || (text.charAt(i) != '"' && text.charAt(i) != '\'')) {
                throw new UnreadableText("an attribute value without quotes");
            }
            int close = text.indexOf(text.charAt(i), i + 1);
            if (close < 0) {
                throw new UnreadableText("an attribute value is not closed");
            }
            tag.valueSpans.add(new int[] {i + 1, close});
            i = close + 1;
        }
    }

    private static int after(String text, String end, int from) throws UnreadableText {
        int at = text.indexOf(end, from);
        if (at < 0) {
            throw new UnreadableText("the XML ends inside a comment, CDATA section or instruction");
        }
        return at + end.length();
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }
}
