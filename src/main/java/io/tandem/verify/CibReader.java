package io.tandem.verify;

import io.tandem.render.modern.PacemakerLayout.Nvpair;
import io.tandem.render.modern.PacemakerLayout.Op;
import io.tandem.render.modern.PacemakerLayout.Primitive;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What a CIB file says, read from its XML: the primitives with their parameters, and the nodes. */
final class CibReader {

    private final Document document;

    CibReader(String xml) {
        this.document = SimulationResultParser.parse(xml);
        if (!document.getDocumentElement().getTagName().equals("cib")) {
            throw new IllegalArgumentException("not a CIB: the root element is <" + document.getDocumentElement().getTagName() + ">");
        }
    }

    /** Every primitive, inside clones and groups too, with its instance attributes and operations, in file order. */
    List<Primitive> primitives() {
        List<Primitive> primitives = new ArrayList<>();
        NodeList all = document.getElementsByTagName("primitive");
        for (int i = 0; i < all.getLength(); i++) {
            Element p = (Element) all.item(i);
            String agent = p.getAttribute("class") + ":" + (p.hasAttribute("provider") ? p.getAttribute("provider") + ":" : "")
                    + p.getAttribute("type");
            List<Nvpair> params = new ArrayList<>();
            List<Op> ops = new ArrayList<>();
            for (Element child : children(p)) {
                if (child.getTagName().equals("instance_attributes")) {
                    children(child).stream().filter(n -> n.getTagName().equals("nvpair"))
                            .forEach(n -> params.add(new Nvpair(n.getAttribute("name"), n.getAttribute("value"))));
                } else if (child.getTagName().equals("operations")) {
                    children(child).stream().filter(o -> o.getTagName().equals("op"))
                            .forEach(o -> ops.add(new Op(o.getAttribute("name"), o.getAttribute("interval"), o.getAttribute("timeout"),
                                    o.hasAttribute("role") ? o.getAttribute("role") : null,
                                    o.hasAttribute("start-delay") ? o.getAttribute("start-delay") : null)));
                }
            }
            primitives.add(new Primitive(p.getAttribute("id"), agent, params, ops));
        }
        return primitives;
    }

    /** The configuration's nodes: uname → id. */
    Map<String, String> nodeIds() {
        Map<String, String> nodes = new LinkedHashMap<>();
        NodeList all = document.getElementsByTagName("node");
        for (int i = 0; i < all.getLength(); i++) {
            Element node = (Element) all.item(i);
            if (node.getParentNode() instanceof Element parent && parent.getTagName().equals("nodes")) {
                nodes.put(node.getAttribute("uname"), node.getAttribute("id"));
            }
        }
        return nodes;
    }

    static List<Element> children(Element parent) {
        List<Element> children = new ArrayList<>();
        for (var child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element) {
                children.add(element);
            }
        }
        return children;
    }
}
