package jp.jukiflow.support;

/** An axis-parallel rectangle of a BPMN drawing: the bounds of a shape or a label. */
record DiagramBox(double x, double y, double w, double h) {
    DiagramBox shrunk(double by) {
        return new DiagramBox(x + by, y + by, w - 2 * by, h - 2 * by);
    }

    boolean overlaps(DiagramBox o) {
        return x < o.x + o.w && o.x < x + w && y < o.y + o.h && o.y < y + h;
    }

    /** Whether the segment a–b has a point inside this rectangle. */
    boolean crossedBy(Point a, Point b) {
        return inside(a, b) != null;
    }

    /** The part of the segment a–b inside this rectangle as parameters {from, to} of a + t(b − a), or null. */
    double[] inside(Point a, Point b) {
        double[] range = {0, 1};
        double dx = b.x() - a.x();
        double dy = b.y() - a.y();
        boolean hit = clip(-dx, a.x() - x, range) && clip(dx, x + w - a.x(), range)
                && clip(-dy, a.y() - y, range) && clip(dy, y + h - a.y(), range) && range[0] <= range[1];
        return hit ? range : null;
    }

    private static boolean clip(double p, double q, double[] range) {
        if (p == 0) {
            return q >= 0;
        }
        double t = q / p;
        if (p < 0) {
            range[0] = Math.max(range[0], t);
        } else {
            range[1] = Math.min(range[1], t);
        }
        return range[0] <= range[1];
    }

    /** How far a point lies from this element's outline: a circle for events, a diamond for gateways. */
    double distanceFromOutline(Point p, String kind) {
        double cx = x + w / 2;
        double cy = y + h / 2;
        if (kind.endsWith("Event")) {
            return Math.abs(Math.hypot(p.x() - cx, p.y() - cy) - w / 2);
        }
        if (kind.endsWith("Gateway")) {
            double l1 = Math.abs(p.x() - cx) / (w / 2) + Math.abs(p.y() - cy) / (h / 2);
            return Math.abs(l1 - 1) * Math.min(w, h) / 2 / Math.sqrt(2);
        }
        double outside = Math.hypot(Math.max(0, Math.max(x - p.x(), p.x() - x - w)),
                Math.max(0, Math.max(y - p.y(), p.y() - y - h)));
        double inside = Math.min(Math.min(p.x() - x, x + w - p.x()), Math.min(p.y() - y, y + h - p.y()));
        return outside > 0 ? outside : inside;
    }

    /** A point of the drawing (a waypoint). */
    record Point(double x, double y) {
    }
}
