"""Writes a BPMN 2.0 file with Camunda extensions and a diagram (BPMN DI) from a small element list.

Each node has a grid position (column, row); sequence flows are drawn as right-angled lines between the shapes.
"""
from xml.sax.saxutils import escape, quoteattr

SIZE = {"task": (110, 80), "event": (36, 36), "gateway": (50, 50)}
COL, ROW, X0, Y0 = 170, 130, 60, 80
# Camunda 7 reads the retry cycle of a job only from <camunda:failedJobRetryTimeCycle> in the extension elements
IGNORED_ATTRIBUTE = "camunda:failedJobRetryTimeCycle"


def kind(tag):
    if tag.endswith("Event"):
        return "event"
    if tag.endswith("Gateway"):
        return "gateway"
    return "task"


class Node:
    def __init__(self, tag, id, name, col, row, attrs=None, body="", attached_to=None):
        self.tag, self.id, self.name, self.col, self.row = tag, id, name, col, row
        self.attrs, self.body, self.attached_to = attrs or {}, body, attached_to

    def bounds(self, nodes):
        w, h = SIZE[kind(self.tag)]
        if self.attached_to:
            host = nodes[self.attached_to]
            hx, hy, hw, hh = host.bounds(nodes)
            return hx + hw * self.col - w / 2, hy + hh - h / 2, w, h
        cx, cy = X0 + self.col * COL, Y0 + self.row * ROW
        return cx - w / 2, cy - h / 2, w, h


class Flow:
    def __init__(self, id, source, target, name=None, condition=None, waypoints=None):
        self.id, self.source, self.target, self.name = id, source, target, name
        self.condition, self.waypoints = condition, waypoints


def center(b):
    x, y, w, h = b
    return x + w / 2, y + h / 2


def route(flow, nodes):
    s, t = nodes[flow.source].bounds(nodes), nodes[flow.target].bounds(nodes)
    (sx, sy), (tx, ty) = center(s), center(t)
    if flow.waypoints:
        pts = [(sx, sy)] + [(X0 + c * COL, Y0 + r * ROW) for c, r in flow.waypoints] + [(tx, ty)]
    elif abs(sy - ty) < 1:
        pts = [(s[0] + s[2], sy), (t[0], ty)] if tx > sx else [(s[0], sy), (t[0] + t[2], ty)]
        return pts
    elif nodes[flow.source].attached_to:
        pts = [(sx, s[1] + s[3]), (sx, ty), (t[0] if tx > sx else t[0] + t[2], ty)]
        return pts
    else:
        pts = [(sx, sy), (sx, ty), (tx, ty)]
    # clip first and last point to the shapes' borders
    out = []
    for i, (x, y) in enumerate(pts):
        out.append((x, y))
    out[0] = clip(s, out[0], out[1])
    out[-1] = clip(t, out[-1], out[-2])
    return out


def clip(b, p, toward):
    x, y, w, h = b
    px, py = p
    tx, ty = toward
    if abs(tx - px) >= abs(ty - py):
        return (x + w if tx > px else x, py)
    return (px, y + h if ty > py else y)


def write(path, process_id, process_name, nodes_list, flows, definitions_extra="", process_attrs=None,
          documentation=None):
    """documentation: element id -> the clerk's instruction (Tasklist's 説明 tab shows a user task's); every user task
    needs one, and an id that names no element is refused."""
    nodes = {n.id: n for n in nodes_list}
    documentation = documentation or {}
    unknown = sorted(set(documentation) - set(nodes))
    if unknown:
        raise ValueError(f"{process_id}: documentation for unknown elements {unknown}")
    undocumented = [n.id for n in nodes_list if n.tag == "userTask" and not documentation.get(n.id)]
    if undocumented:
        raise ValueError(f"{process_id}: user tasks without documentation (the clerk's instruction) {undocumented}")
    incoming, outgoing = {}, {}
    for f in flows:
        outgoing.setdefault(f.source, []).append(f.id)
        incoming.setdefault(f.target, []).append(f.id)
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" '
             'xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" '
             'xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" '
             'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="Definitions_' + process_id.replace("-", "_") + '" '
             'targetNamespace="https://jukiflow.example/bpmn" exporter="jukiflow tools/bpmn_layout.py" exporterVersion="1">']
    lines.append(definitions_extra)
    pattrs = " ".join(f"{k}={quoteattr(v)}" for k, v in (process_attrs or {}).items())
    lines.append(f'  <bpmn:process id="{process_id}" name={quoteattr(process_name)} isExecutable="true" {pattrs}>')
    for n in nodes_list:
        if IGNORED_ATTRIBUTE in n.attrs:
            raise ValueError(f"{n.id}: Camunda ignores the attribute {IGNORED_ATTRIBUTE}; "
                             "write it as an extension element (bpmn_parts.retry())")
        attrs = " ".join(f"{k}={quoteattr(v)}" for k, v in n.attrs.items())
        if n.attached_to:
            attrs += f' attachedToRef="{n.attached_to}"'
        lines.append(f'    <bpmn:{n.tag} id="{n.id}" name={quoteattr(n.name)} {attrs}>')
        if documentation.get(n.id):
            # schema order: documentation comes first
            lines.append(f"      <bpmn:documentation>{escape(documentation[n.id])}</bpmn:documentation>")
        # schema order: extension elements, then incoming/outgoing, then event definitions; a body may hold both
        # (e.g. an async catch event's retry cycle and its message definition), the extension elements first
        extension, definitions = "", n.body
        if n.body.lstrip().startswith("<bpmn:extensionElements"):
            end = n.body.index("</bpmn:extensionElements>") + len("</bpmn:extensionElements>")
            extension, definitions = n.body[:end], n.body[end:].lstrip("\n")
        if extension:
            lines.append(extension)
        for f in incoming.get(n.id, []):
            lines.append(f"      <bpmn:incoming>{f}</bpmn:incoming>")
        for f in outgoing.get(n.id, []):
            lines.append(f"      <bpmn:outgoing>{f}</bpmn:outgoing>")
        if definitions:
            lines.append(definitions)
        lines.append(f"    </bpmn:{n.tag}>")
    for f in flows:
        name = f" name={quoteattr(f.name)}" if f.name else ""
        if f.condition:
            lines.append(f'    <bpmn:sequenceFlow id="{f.id}"{name} sourceRef="{f.source}" targetRef="{f.target}">')
            lines.append(f'      <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">{escape(f.condition)}</bpmn:conditionExpression>')
            lines.append("    </bpmn:sequenceFlow>")
        else:
            lines.append(f'    <bpmn:sequenceFlow id="{f.id}"{name} sourceRef="{f.source}" targetRef="{f.target}" />')
    lines.append("  </bpmn:process>")
    lines.append(f'  <bpmndi:BPMNDiagram id="Diagram_{process_id}">')
    lines.append(f'    <bpmndi:BPMNPlane id="Plane_{process_id}" bpmnElement="{process_id}">')
    for n in nodes_list:
        x, y, w, h = n.bounds(nodes)
        extra = ' isMarkerVisible="true"' if n.tag == "exclusiveGateway" else ""
        lines.append(f'      <bpmndi:BPMNShape id="{n.id}_di" bpmnElement="{n.id}"{extra}>')
        lines.append(f'        <dc:Bounds x="{x:.0f}" y="{y:.0f}" width="{w}" height="{h}" />')
        if kind(n.tag) != "task":
            lines.append(f'        <bpmndi:BPMNLabel><dc:Bounds x="{x - 30:.0f}" y="{y + h + 4:.0f}" width="{w + 60}" height="28" /></bpmndi:BPMNLabel>')
        lines.append("      </bpmndi:BPMNShape>")
    for f in flows:
        lines.append(f'      <bpmndi:BPMNEdge id="{f.id}_di" bpmnElement="{f.id}">')
        for x, y in route(f, nodes):
            lines.append(f'        <di:waypoint x="{x:.0f}" y="{y:.0f}" />')
        lines.append("      </bpmndi:BPMNEdge>")
    lines.append("    </bpmndi:BPMNPlane>")
    lines.append("  </bpmndi:BPMNDiagram>")
    lines.append("</bpmn:definitions>")
    with open(path, "w", encoding="utf-8") as out:
        out.write("\n".join(l for l in lines if l) + "\n")
