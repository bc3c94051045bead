package io.tandem.facts;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

/** {@code crm_mon -1 --output-as=xml} (Pacemaker 2.1): the nodes and every resource instance with its role and node. */
public final class CrmMonParser {

    public static final String COMMAND = "crm_mon -1 --output-as=xml";

    private CrmMonParser() {
    }

    public static ClusterStatus parse(String output) throws FactParseException {
        Document doc;
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            var builder = factory.newDocumentBuilder();
            builder.setErrorHandler(new org.xml.sax.helpers.DefaultHandler()); // throws, and prints nothing to stderr
            doc = builder.parse(new InputSource(new StringReader(output)));
        } catch (Exception e) {
            throw new FactParseException("crm_mon", "not XML: " + e.getMessage(), e);
        }
        if (!doc.getDocumentElement().getTagName().equals("pacemaker-result")) {
            throw new FactParseException("crm_mon", "no <pacemaker-result>");
        }
        List<ClusterStatus.Node> nodes = new ArrayList<>();
        List<ClusterStatus.Resource> resources = new ArrayList<>();
        for (Element section : children(doc.getDocumentElement())) {
            if (section.getTagName().equals("nodes")) {
                for (Element n : children(section)) {
                    nodes.add(new ClusterStatus.Node(n.getAttribute("name"), flag(n, "online"), flag(n, "standby"), flag(n, "maintenance"),
                            flag(n, "unclean")));
                }
            } else if (section.getTagName().equals("resources")) {
                NodeList all = section.getElementsByTagName("resource");
                for (int i = 0; i < all.getLength(); i++) {
                    Element r = (Element) all.item(i);
                    List<String> on = new ArrayList<>();
                    for (Element n : children(r)) {
                        if (n.getTagName().equals("node")) {
                            on.add(n.getAttribute("name"));
                        }
                    }
                    resources.add(new ClusterStatus.Resource(r.getAttribute("id"), r.getAttribute("resource_agent"), r.getAttribute("role"),
                            flag(r, "active"), flag(r, "failed"), on));
                }
            }
        }
        return new ClusterStatus(nodes, resources);
    }

    private static boolean flag(Element e, String name) {
        return "true".equals(e.getAttribute(name));
    }

    private static List<Element> children(Element parent) {
        List<Element> out = new ArrayList<>();
        for (org.w3c.dom.Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                out.add(e);
            }
        }
        return out;
    }
}
