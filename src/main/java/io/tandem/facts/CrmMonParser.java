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

/**
 * {@code crm_mon -1 --output-as=xml} (Pacemaker 2.1): the nodes, every resource instance with its role
 * and node, the cluster options stonith-enabled and maintenance-mode, quorum, each resource's fail
 * count per node (in the node history) and the failed actions. When crm_mon cannot reach the
 * cluster it still prints XML, with a non-zero {@code <status code>} and its errors: that is an
 * exception here, with crm_mon's own words, never an empty cluster.
 */
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
        ClusterStatus.Summary summary = ClusterStatus.Summary.UNKNOWN;
        List<ClusterStatus.FailCount> failCounts = new ArrayList<>();
        List<ClusterStatus.FailedAction> failed = new ArrayList<>();
        for (Element section : children(doc.getDocumentElement())) {
            if (section.getTagName().equals("status")) {
                failIfNotOk(section);
            } else if (section.getTagName().equals("summary")) {
                summary = summary(section);
            } else if (section.getTagName().equals("node_history")) {
                failCounts.addAll(failCounts(section));
            } else if (section.getTagName().equals("failures")) {
                for (Element f : children(section)) {
                    failed.add(new ClusterStatus.FailedAction(f.getAttribute("op_key"), f.getAttribute("node"), f.getAttribute("task"),
                            f.getAttribute("status"), f.getAttribute("exitreason"), f.getAttribute("last-rc-change")));
                }
            } else if (section.getTagName().equals("nodes")) {
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
        return new ClusterStatus(nodes, resources, summary, failCounts, failed);
    }

    /** {@code <status code="102" message="Not connected"><errors><error>…} is crm_mon failing, said in its words. */
    private static void failIfNotOk(Element status) throws FactParseException {
        String code = status.getAttribute("code");
        if (code.isEmpty() || code.equals("0")) {
            return;
        }
        List<String> errors = new ArrayList<>();
        NodeList all = status.getElementsByTagName("error");
        for (int i = 0; i < all.getLength(); i++) {
            errors.add(all.item(i).getTextContent().strip());
        }
        throw new FactParseException("crm_mon", status.getAttribute("message") + " (code " + code + ")"
                + (errors.isEmpty() ? "" : ": " + String.join("; ", errors)));
    }

    private static ClusterStatus.Summary summary(Element summary) {
        Boolean stonith = null;
        boolean maintenance = false;
        Boolean quorum = null;
        String dc = null;
        for (Element e : children(summary)) {
            if (e.getTagName().equals("cluster_options")) {
                stonith = e.hasAttribute("stonith-enabled") ? flag(e, "stonith-enabled") : null;
                maintenance = flag(e, "maintenance-mode");
            } else if (e.getTagName().equals("current_dc") && flag(e, "present")) {
                quorum = e.hasAttribute("with_quorum") ? flag(e, "with_quorum") : null;
                dc = e.getAttribute("name");
            }
        }
        return new ClusterStatus.Summary(stonith, maintenance, quorum, dc);
    }

    /** {@code <node name><resource_history id fail-count migration-threshold last-failure>}; only resources that failed carry a count. */
    private static List<ClusterStatus.FailCount> failCounts(Element history) throws FactParseException {
        List<ClusterStatus.FailCount> counts = new ArrayList<>();
        for (Element node : children(history)) {
            for (Element r : children(node)) {
                if (r.hasAttribute("fail-count")) {
                    counts.add(new ClusterStatus.FailCount(node.getAttribute("name"), r.getAttribute("id"), score(r.getAttribute("fail-count")),
                            r.hasAttribute("migration-threshold") ? score(r.getAttribute("migration-threshold")) : Integer.MAX_VALUE,
                            r.getAttribute("last-failure")));
                }
            }
        }
        return counts;
    }

    /** A Pacemaker score: a number, or INFINITY (what a failed start sets the fail count to). */
    private static int score(String value) throws FactParseException {
        String v = value.strip();
        if (v.equalsIgnoreCase("INFINITY") || v.equalsIgnoreCase("+INFINITY")) {
            return Integer.MAX_VALUE;
        }
        try {
            return (int) Math.min(Integer.MAX_VALUE, Long.parseLong(v));
        } catch (NumberFormatException e) {
            throw new FactParseException("crm_mon", "not a score: " + value, e);
        }
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
