package jp.jukiflow.support;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import jp.jukiflow.support.DiagramBox.Point;

/**
 * Checks the drawing (BPMN DI) of a model as Cockpit and Camunda Modeler show it: every flow node has a shape and every
 * flow an edge, an edge starts on its source and ends on its target, no edge runs through another shape, every named
 * event, gateway and sequence flow has label bounds, no label or shape overlaps another, and no edge runs through a
 * label other than its own. Shapes are compared by their bounds; an edge may touch a border (the bounds are shrunk by
 * one pixel before the crossing test).
 */
public final class DiagramGeometry {

    static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    static final String BPMNDI = "http://www.omg.org/spec/BPMN/20100524/DI";
    static final String DC = "http://www.omg.org/spec/DD/20100524/DC";
    static final String DI = "http://www.omg.org/spec/DD/20100524/DI";
    /** How long two edges may run on top of each other (where they meet at a shared element). */
    static final double SHARED_STRETCH = 20.0;
    /** How far an edge's end may lie from its element's outline. */
    static final double END_TOLERANCE = 2.0;

    private static final Set<String> CONTAINERS = Set.of("participant", "lane", "subProcess", "transaction");

    /** A model element as far as the drawing cares: its kind, id, Japanese name and (for flows) its ends. */
    record Item(String kind, String id, String name, String source, String target, String host) {
        String describe() {
            return name.isBlank() ? id : id + " 「" + name + "」";
        }

        boolean isFlowNode() {
            return kind.endsWith("Event") || kind.endsWith("Gateway") || kind.endsWith("Task") || kind.equals("task")
                    || kind.equals("callActivity") || kind.equals("subProcess") || kind.equals("transaction");
        }

        boolean isFlow() {
            return kind.equals("sequenceFlow") || kind.equals("messageFlow");
        }

        boolean needsLabel() {
            return !name.isBlank() && (kind.endsWith("Event") || kind.endsWith("Gateway") || kind.equals("sequenceFlow"));
        }
    }

    private final Map<String, Item> items = new LinkedHashMap<>();
    /** Every element drawn as a shape. */
    private final Set<String> drawn = new HashSet<>();
    /** The shapes an edge or label must keep out of (all but containers such as an expanded sub-process). */
    private final Map<String, DiagramBox> shapes = new LinkedHashMap<>();
    private final Map<String, List<Point>> edges = new LinkedHashMap<>();
    private final Map<String, DiagramBox> labels = new LinkedHashMap<>();
    private final List<String> problems = new ArrayList<>();

    private DiagramGeometry() {
    }

    /** Readable problems of the model's drawing, empty when it is clean. */
    public static List<String> problems(String bpmnXml) {
        DiagramGeometry geometry = new DiagramGeometry();
        geometry.read(parse(bpmnXml));
        geometry.checkPresence();
        geometry.checkEdges();
        geometry.checkSharedStretches();
        geometry.checkOverlaps();
        return List.copyOf(geometry.problems);
    }

    private static Document parse(String xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalArgumentException("not a readable BPMN file: " + e.getMessage(), e);
        }
    }

    private void read(Document document) {
        for (Element e : elements(document.getDocumentElement(), BPMN, "*")) {
            if (!e.getAttribute("id").isEmpty() && !e.getLocalName().endsWith("EventDefinition")) {
                items.put(e.getAttribute("id"), new Item(e.getLocalName(), e.getAttribute("id"), e.getAttribute("name"),
                        e.getAttribute("sourceRef"), e.getAttribute("targetRef"), e.getAttribute("attachedToRef")));
            }
        }
        for (Element shape : elements(document.getDocumentElement(), BPMNDI, "BPMNShape")) {
            String id = shape.getAttribute("bpmnElement");
            drawn.add(id);
            Item item = items.get(id);
            boolean container = item != null && CONTAINERS.contains(item.kind())
                    && !"false".equals(shape.getAttribute("isExpanded"));
            if (!container) {
                shapes.put(id, box(first(shape, DC, "Bounds")));
            }
            readLabel(shape, id);
        }
        for (Element edge : elements(document.getDocumentElement(), BPMNDI, "BPMNEdge")) {
            String id = edge.getAttribute("bpmnElement");
            edges.put(id, elements(edge, DI, "waypoint").stream().map(w -> new Point(number(w, "x"), number(w, "y"))).toList());
            readLabel(edge, id);
        }
    }

    private void readLabel(Element owner, String id) {
        Element label = first(owner, BPMNDI, "BPMNLabel");
        Element bounds = label == null ? null : first(label, DC, "Bounds");
        if (bounds != null) {
            labels.put(id, box(bounds));
        }
    }

    private void checkPresence() {
        for (Item item : items.values()) {
            if (item.isFlowNode() && !drawn.contains(item.id())) {
                problems.add(item.describe() + " has no shape in the diagram");
            }
            if (item.isFlow() && !edges.containsKey(item.id())) {
                problems.add(item.describe() + " has no edge in the diagram");
            }
            if (item.needsLabel() && !labels.containsKey(item.id())) {
                problems.add(item.describe() + " has a name but no label bounds");
            }
        }
    }

    private void checkEdges() {
        edges.forEach((id, points) -> {
            Item flow = items.getOrDefault(id, new Item("edge", id, "", "", "", ""));
            if (points.size() < 2) {
                problems.add(flow.describe() + " has fewer than two waypoints");
                return;
            }
            checkEnd(flow, flow.source(), points.get(0), "starts");
            checkEnd(flow, flow.target(), points.get(points.size() - 1), "ends");
            Item source = items.get(flow.source());
            String host = source == null ? "" : source.host();
            for (int i = 1; i < points.size(); i++) {
                Point a = points.get(i - 1);
                Point b = points.get(i);
                for (Map.Entry<String, DiagramBox> shape : shapes.entrySet()) {
                    String other = shape.getKey();
                    boolean own = other.equals(flow.source()) || other.equals(flow.target());
                    Point from = i == 1 && other.equals(host) ? leaving(flow.source(), a, b) : a;
                    if (!own && from != null && shape.getValue().shrunk(1).crossedBy(from, b)) {
                        problems.add(flow.describe() + " runs through " + nameOf(other) + " (segment " + i + ": "
                                + format(a) + " → " + format(b) + ")");
                    }
                }
                for (Map.Entry<String, DiagramBox> label : labels.entrySet()) {
                    if (!label.getKey().equals(id) && label.getValue().shrunk(1).crossedBy(a, b)) {
                        problems.add(flow.describe() + " runs through the label of " + nameOf(label.getKey()) + " (segment "
                                + i + ": " + format(a) + " → " + format(b) + ")");
                    }
                }
            }
        });
    }

    /**
     * Where the first segment of a flow out of a boundary event leaves the event's bounds: from there on it must keep
     * out of the task the event is attached to. Null when the segment never leaves the event.
     */
    private Point leaving(String boundaryEvent, Point a, Point b) {
        DiagramBox event = shapes.get(boundaryEvent);
        double[] inside = event == null ? null : event.inside(a, b);
        double t = inside == null ? 0 : inside[1];
        return t >= 1 ? null : new Point(a.x() + t * (b.x() - a.x()), a.y() + t * (b.y() - a.y()));
    }

    private void checkSharedStretches() {
        List<String> ids = new ArrayList<>(edges.keySet());
        for (int i = 0; i < ids.size(); i++) {
            for (int j = i + 1; j < ids.size(); j++) {
                double shared = sharedLength(edges.get(ids.get(i)), edges.get(ids.get(j)));
                if (shared > SHARED_STRETCH) {
                    problems.add(nameOf(ids.get(i)) + " and " + nameOf(ids.get(j)) + " run on top of each other for "
                            + Math.round(shared) + " px");
                }
            }
        }
    }

    /** The longest stretch on which a segment of one edge lies on a segment of the other (both level or both upright). */
    private static double sharedLength(List<Point> one, List<Point> other) {
        double longest = 0;
        for (int i = 1; i < one.size(); i++) {
            for (int j = 1; j < other.size(); j++) {
                Point a = one.get(i - 1);
                Point b = one.get(i);
                Point c = other.get(j - 1);
                Point d = other.get(j);
                if (a.y() == b.y() && c.y() == d.y() && Math.abs(a.y() - c.y()) < 1) {
                    longest = Math.max(longest, overlap(a.x(), b.x(), c.x(), d.x()));
                } else if (a.x() == b.x() && c.x() == d.x() && Math.abs(a.x() - c.x()) < 1) {
                    longest = Math.max(longest, overlap(a.y(), b.y(), c.y(), d.y()));
                }
            }
        }
        return longest;
    }

    private static double overlap(double a1, double a2, double b1, double b2) {
        return Math.min(Math.max(a1, a2), Math.max(b1, b2)) - Math.max(Math.min(a1, a2), Math.min(b1, b2));
    }

    private void checkEnd(Item flow, String nodeId, Point end, String verb) {
        DiagramBox bounds = shapes.get(nodeId);
        if (bounds == null || !items.containsKey(nodeId)) {
            return;
        }
        if (bounds.distanceFromOutline(end, items.get(nodeId).kind()) > END_TOLERANCE) {
            problems.add(flow.describe() + " " + verb + " at " + format(end) + ", not on the outline of " + nameOf(nodeId));
        }
    }

    private void checkOverlaps() {
        List<String> labelIds = new ArrayList<>(labels.keySet());
        for (int i = 0; i < labelIds.size(); i++) {
            String id = labelIds.get(i);
            for (int j = i + 1; j < labelIds.size(); j++) {
                if (labels.get(id).overlaps(labels.get(labelIds.get(j)))) {
                    problems.add("the label of " + nameOf(id) + " overlaps the label of " + nameOf(labelIds.get(j)));
                }
            }
            shapes.forEach((shapeId, box) -> {
                if (!shapeId.equals(id) && labels.get(id).overlaps(box)) {
                    problems.add("the label of " + nameOf(id) + " overlaps the shape of " + nameOf(shapeId));
                }
            });
        }
        List<String> shapeIds = new ArrayList<>(shapes.keySet());
        for (int i = 0; i < shapeIds.size(); i++) {
            for (int j = i + 1; j < shapeIds.size(); j++) {
                String a = shapeIds.get(i);
                String b = shapeIds.get(j);
                if (!attached(a, b) && !attached(b, a) && shapes.get(a).overlaps(shapes.get(b))) {
                    problems.add("the shape of " + nameOf(a) + " overlaps the shape of " + nameOf(b));
                }
            }
        }
    }

    private boolean attached(String boundary, String host) {
        Item item = items.get(boundary);
        return item != null && host.equals(item.host());
    }

    private String nameOf(String id) {
        Item item = items.get(id);
        return item == null ? id : item.describe();
    }

    private static String format(Point p) {
        return "(" + Math.round(p.x()) + "," + Math.round(p.y()) + ")";
    }

    private static DiagramBox box(Element bounds) {
        if (bounds == null) {
            return new DiagramBox(0, 0, 0, 0);
        }
        return new DiagramBox(number(bounds, "x"), number(bounds, "y"), number(bounds, "width"), number(bounds, "height"));
    }

    private static double number(Element e, String attribute) {
        return Double.parseDouble(e.getAttribute(attribute));
    }

    /** The first direct child of that name (the bounds of a shape, not those of its label). */
    private static Element first(Element parent, String namespace, String name) {
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element e && namespace.equals(e.getNamespaceURI()) && name.equals(e.getLocalName())) {
                return e;
            }
        }
        return null;
    }

    private static List<Element> elements(Element parent, String namespace, String name) {
        NodeList nodes = parent.getElementsByTagNameNS(namespace, name);
        List<Element> found = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            found.add((Element) nodes.item(i));
        }
        return found;
    }
}
