package io.tandem.plan;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Puts Tandem's part of the Pacemaker configuration into a live CIB without touching anything else:
 * each resource and constraint Tandem renders replaces the live element with its id (or is added),
 * and its cluster properties and resource/operation defaults are set one by one inside the live set
 * of the same id (Pacemaker keeps its own entries there, such as dc-version). Whatever someone else
 * configured stays. Apply then pushes only the difference ({@code crm_diff} + {@code cibadmin --patch}).
 */
public final class CibMerge {

    private static final List<String> NVPAIR_SECTIONS = List.of("crm_config", "rsc_defaults", "op_defaults");
    private static final List<String> ELEMENT_SECTIONS = List.of("resources", "constraints");

    private CibMerge() {
    }

    /** True when every element and setting of {@code desired} is in {@code live}, equal. */
    public static boolean converged(String live, String desired) {
        Document l = parse(live);
        Document d = parse(desired);
        return merge(l, d) == 0;
    }

    /** {@code live} with {@code desired}'s elements and settings put in. */
    public static String merged(String live, String desired) {
        Document l = parse(live);
        merge(l, parse(desired));
        return write(l);
    }

    /** The ids of the primitives {@code desired} defines (inside clones and groups too; fence devices too: fencing must run). */
    public static List<String> primitiveIds(String desired) {
        Document d = parse(desired);
        List<String> ids = new ArrayList<>();
        var all = d.getElementsByTagName("primitive");
        for (int i = 0; i < all.getLength(); i++) {
            ids.add(((Element) all.item(i)).getAttribute("id"));
        }
        return ids;
    }

    /** Merges in place and returns how many changes it made. */
    private static int merge(Document live, Document desired) {
        int changes = 0;
        Element liveConfig = child(live.getDocumentElement(), "configuration").orElseThrow(() -> new IllegalArgumentException("no <configuration>"));
        Element wantedConfig = child(desired.getDocumentElement(), "configuration").orElseThrow(() -> new IllegalArgumentException("no <configuration>"));
        for (String name : NVPAIR_SECTIONS) {
            Optional<Element> wanted = child(wantedConfig, name);
            if (wanted.isEmpty()) {
                continue;
            }
            Element section = sectionOf(live, liveConfig, name);
            for (Element set : elements(wanted.get())) {
                Optional<Element> liveSet = byId(section, set.getAttribute("id"));
                if (liveSet.isEmpty()) {
                    section.appendChild(live.importNode(set, true));
                    changes++;
                    continue;
                }
                for (Element pair : elements(set)) {
                    changes += setPair(live, liveSet.get(), pair);
                }
            }
        }
        for (String name : ELEMENT_SECTIONS) {
            Optional<Element> wanted = child(wantedConfig, name);
            if (wanted.isEmpty()) {
                continue;
            }
            Element section = sectionOf(live, liveConfig, name);
            for (Element element : elements(wanted.get())) {
                Element imported = (Element) live.importNode(element, true);
                Optional<Element> old = byId(section, element.getAttribute("id"));
                if (old.isEmpty()) {
                    section.appendChild(imported);
                    changes++;
                } else if (!old.get().isEqualNode(imported)) {
                    section.replaceChild(imported, old.get());
                    changes++;
                }
            }
        }
        return changes;
    }

    /** Sets one nvpair in a live set by name, keeping the live pair's id when it has one. */
    private static int setPair(Document live, Element liveSet, Element pair) {
        for (Element existing : elements(liveSet)) {
            if (existing.getTagName().equals("nvpair") && existing.getAttribute("name").equals(pair.getAttribute("name"))) {
                if (existing.getAttribute("value").equals(pair.getAttribute("value"))) {
                    return 0;
                }
                existing.setAttribute("value", pair.getAttribute("value"));
                return 1;
            }
        }
        liveSet.appendChild(live.importNode(pair, true));
        return 1;
    }

    private static Element sectionOf(Document live, Element config, String name) {
        return child(config, name).orElseGet(() -> {
            Element created = live.createElement(name);
            config.appendChild(created);
            return created;
        });
    }

    private static Optional<Element> byId(Element parent, String id) {
        return elements(parent).stream().filter(e -> e.getAttribute("id").equals(id)).findFirst();
    }

    private static Optional<Element> child(Element parent, String name) {
        return elements(parent).stream().filter(e -> e.getTagName().equals(name)).findFirst();
    }

    private static List<Element> elements(Element parent) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                out.add(e);
            }
        }
        return out;
    }

    /** Parsed without comments and whitespace-only text, so equal configurations compare equal. */
    static Document parse(String xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setIgnoringComments(true);
            var builder = factory.newDocumentBuilder();
            builder.setErrorHandler(new org.xml.sax.helpers.DefaultHandler()); // throws, and prints nothing to stderr
            Document doc = builder.parse(new InputSource(new StringReader(xml)));
            strip(doc.getDocumentElement());
            return doc;
        } catch (Exception e) {
            throw new IllegalArgumentException("not a CIB: " + e.getMessage(), e);
        }
    }

    private static void strip(Node node) {
        Node n = node.getFirstChild();
        while (n != null) {
            Node next = n.getNextSibling();
            if (n.getNodeType() == Node.TEXT_NODE && n.getTextContent().isBlank() || n.getNodeType() == Node.COMMENT_NODE) {
                node.removeChild(n);
            } else {
                strip(n);
            }
            n = next;
        }
    }

    private static String write(Document doc) {
        try {
            var transformer = TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            StringWriter out = new StringWriter();
            transformer.transform(new DOMSource(doc), new StreamResult(out));
            return out.toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
