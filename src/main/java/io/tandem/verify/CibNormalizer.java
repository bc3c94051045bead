package io.tandem.verify;

import org.w3c.dom.Comment;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Brings two CIBs that should configure the same cluster (the rendered cib.xml, and what the pcs
 * script builds) into one form, so that {@code crm_diff} reports only real differences. Each step
 * removes something that legitimately differs, and nothing else:
 * <ul>
 * <li>the root's attributes (set to one fixed version) and the status section: pcs bumps the epoch
 *     on every change, and the schema of an empty CIB is the installed Pacemaker's latest;
 * <li>comments, and the blank text between elements;
 * <li>the node entries: pcs on a file creates none, Pacemaker adds them from corosync when the
 *     cluster starts (their ids are compared with corosync.conf by {@link ClusterConsistencyCheck});
 * <li>the {@code cluster-name} property: pcs refuses to set it, Pacemaker copies corosync's name;
 * <li>ids nobody chose: of attribute sets, their nvpairs, operations and location constraints (pcs
 *     makes its own); they are rebuilt from what the element is, so a renamed parameter still shows;
 * <li>attributes left at their default on one side and written out on the other (a colocation's
 *     roles, an order's kind and actions);
 * <li>the order of elements where order means nothing (parameters, operations, constraints,
 *     resources); a group's members keep theirs, since that is their start order.
 * </ul>
 * Resource, clone, group, colocation and order ids stay: the script names them explicitly.
 */
final class CibNormalizer {

    private static final Set<String> UNORDERED = Set.of("configuration", "crm_config", "cluster_property_set", "resources", "clone",
            "primitive", "instance_attributes", "meta_attributes", "utilization", "operations", "constraints", "rsc_defaults", "op_defaults");
    private static final Set<String> NVSETS = Set.of("cluster_property_set", "instance_attributes", "meta_attributes", "utilization");

    private CibNormalizer() {
    }

    static String normalize(String cibXml) {
        Document doc = SimulationResultParser.parse(cibXml);
        Element cib = doc.getDocumentElement();
        while (cib.getAttributes().getLength() > 0) {
            cib.removeAttribute(cib.getAttributes().item(0).getNodeName());
        }
        // The same on both sides. crm_diff writes its path-per-change format only for a feature set
        // from 3.0.8 on; without one it writes whole subtrees, values included.
        cib.setAttribute("crm_feature_set", "3.16.1");
        cib.setAttribute("admin_epoch", "0");
        cib.setAttribute("epoch", "1");
        cib.setAttribute("num_updates", "0");
        removeComments(cib);
        for (Element child : CibReader.children(cib)) {
            if (child.getTagName().equals("status")) {
                cib.removeChild(child);
            }
        }
        for (Element nodes : elements(doc, "nodes")) {
            CibReader.children(nodes).forEach(nodes::removeChild);
        }
        for (Element nvpair : elements(doc, "nvpair")) {
            if (nvpair.getAttribute("name").equals("cluster-name") && nvpair.getParentNode().getNodeName().equals("cluster_property_set")) {
                nvpair.getParentNode().removeChild(nvpair);
            }
        }
        defaults(doc, "rsc_colocation", Map.of("rsc-role", "Started", "with-rsc-role", "Started"));
        defaults(doc, "rsc_order", Map.of("kind", "Mandatory", "first-action", "start"));
        for (Element order : elements(doc, "rsc_order")) {
            if (!order.hasAttribute("then-action")) {
                order.setAttribute("then-action", order.getAttribute("first-action"));
            }
        }
        reId(cib);
        sort(cib);
        return serialize(doc);
    }

    private static void removeComments(Node node) {
        for (Node child = node.getFirstChild(); child != null; ) {
            Node next = child.getNextSibling();
            if (child instanceof Comment || child instanceof org.w3c.dom.Text text && text.getData().isBlank()) {
                node.removeChild(child); // blank text too: the serializer indents afresh
            } else {
                removeComments(child);
            }
            child = next;
        }
    }

    private static void defaults(Document doc, String tag, Map<String, String> defaults) {
        for (Element e : elements(doc, tag)) {
            defaults.forEach((name, value) -> {
                if (!e.hasAttribute(name)) {
                    e.setAttribute(name, value);
                }
            });
        }
    }

    /** Rebuilds generated ids from what each element is (top-down, so a child's id builds on its parent's new one). */
    private static void reId(Element element) {
        String tag = element.getTagName();
        Element parent = element.getParentNode() instanceof Element p ? p : null;
        if (NVSETS.contains(tag) && parent != null) {
            element.setAttribute("id", owner(parent) + "-" + tag);
        } else if (tag.equals("nvpair") && parent != null) {
            element.setAttribute("id", parent.getAttribute("id") + "-" + element.getAttribute("name"));
        } else if (tag.equals("op") && parent != null && parent.getParentNode() instanceof Element primitive) {
            element.setAttribute("id", primitive.getAttribute("id") + "-" + element.getAttribute("name") + "-"
                    + element.getAttribute("interval") + (element.hasAttribute("role") ? "-" + element.getAttribute("role") : ""));
        } else if (tag.equals("rsc_location")) {
            element.setAttribute("id", "location-" + element.getAttribute("rsc") + "-" + element.getAttribute("node"));
        }
        CibReader.children(element).forEach(CibNormalizer::reId);
    }

    private static String owner(Element parent) {
        return parent.hasAttribute("id") ? parent.getAttribute("id") : parent.getTagName();
    }

    private static void sort(Element element) {
        List<Element> children = CibReader.children(element);
        children.forEach(CibNormalizer::sort);
        if (!UNORDERED.contains(element.getTagName())) {
            return;
        }
        List<Element> sorted = new ArrayList<>(children);
        sorted.sort(Comparator.comparing((Element e) -> e.getTagName()).thenComparing(e -> e.getAttribute("id")));
        for (Node child = element.getFirstChild(); child != null; ) {
            Node next = child.getNextSibling();
            element.removeChild(child);
            child = next;
        }
        sorted.forEach(element::appendChild);
    }

    private static List<Element> elements(Document doc, String tag) {
        NodeList list = doc.getElementsByTagName(tag);
        List<Element> elements = new ArrayList<>();
        for (int i = 0; i < list.getLength(); i++) {
            elements.add((Element) list.item(i));
        }
        return elements;
    }

    private static String serialize(Document doc) {
        try {
            var transformer = TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            transformer.setOutputProperty(OutputKeys.INDENT, "yes");
            StringWriter out = new StringWriter();
            transformer.transform(new DOMSource(doc), new StreamResult(out));
            return out.toString();
        } catch (TransformerException e) {
            throw new IllegalStateException("cannot write XML: " + e.getMessage(), e);
        }
    }
}
