package io.tandem.verify;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads resource placements from {@code crm_simulate --output-as=xml} (the same schema as
 * {@code crm_mon --output-as=xml}): the revised cluster status when present, else the current one.
 */
public final class SimulationResultParser {

    private SimulationResultParser() {
    }

    public static List<ResourcePlacement> placements(String xml) {
        Document document = parse(xml);
        Element root = document.getDocumentElement();
        Element status = firstChild(root, "revised_cluster_status");
        Element resources = status == null ? firstChild(root, "resources") : firstChild(status, "resources");
        if (resources == null) {
            throw new IllegalArgumentException("no resources section in the simulation output");
        }
        List<ResourcePlacement> placements = new ArrayList<>();
        NodeList all = resources.getElementsByTagName("resource");
        for (int i = 0; i < all.getLength(); i++) {
            Element resource = (Element) all.item(i);
            NodeList nodes = resource.getElementsByTagName("node");
            String node = nodes.getLength() == 0 ? null : ((Element) nodes.item(0)).getAttribute("name");
            placements.add(new ResourcePlacement(resource.getAttribute("id"), resource.getAttribute("role"), node));
        }
        return placements;
    }

    private static Element firstChild(Element parent, String name) {
        for (var child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element && element.getTagName().equals(name)) {
                return element;
            }
        }
        return null;
    }

    static Document parse(String xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new IllegalArgumentException("not well-formed XML: " + e.getMessage(), e);
        }
    }
}
