package jp.jukiflow.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The drawing checker finds each kind of defect in a small crafted model, and passes a clean one. */
class DiagramGeometryTest {

    private static final String HEAD = """
            <?xml version="1.0" encoding="UTF-8"?>
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC"
                xmlns:di="http://www.omg.org/spec/DD/20100524/DI" id="Definitions_probe" targetNamespace="probe">
              <bpmn:process id="probe" isExecutable="true">
                <bpmn:startEvent id="Event_Start" name="開始" />
                <bpmn:userTask id="Task_Wait" name="通知の待ち" />
                <bpmn:boundaryEvent id="Event_Lapsed" name="期限経過" attachedToRef="Task_Wait" />
                <bpmn:endEvent id="End_Done" name="完了" />
                <bpmn:endEvent id="End_Lapsed" name="失効" />
                <bpmn:sequenceFlow id="Flow_Started" sourceRef="Event_Start" targetRef="Task_Wait" />
                <bpmn:sequenceFlow id="Flow_Done" sourceRef="Task_Wait" targetRef="End_Done" />
                <bpmn:sequenceFlow id="Flow_Lapsed" name="期限経過" sourceRef="Event_Lapsed" targetRef="End_Lapsed" />
              </bpmn:process>
              <bpmndi:BPMNDiagram id="Diagram_probe">
                <bpmndi:BPMNPlane id="Plane_probe" bpmnElement="probe">
            """;
    private static final String TAIL = """
                </bpmndi:BPMNPlane>
              </bpmndi:BPMNDiagram>
            </bpmn:definitions>
            """;

    /** Start → task (with a boundary event below) → end on one line, 失効 below; the lapse's waypoints stand in LAPSE. */
    private static final String DRAWING = """
            <bpmndi:BPMNShape id="s1" bpmnElement="Event_Start"><dc:Bounds x="100" y="100" width="36" height="36" />
              <bpmndi:BPMNLabel><dc:Bounds x="94" y="143" width="48" height="14" /></bpmndi:BPMNLabel></bpmndi:BPMNShape>
            <bpmndi:BPMNShape id="s2" bpmnElement="Task_Wait"><dc:Bounds x="200" y="78" width="120" height="80" /></bpmndi:BPMNShape>
            <bpmndi:BPMNShape id="s3" bpmnElement="Event_Lapsed"><dc:Bounds x="242" y="140" width="36" height="36" />
              <bpmndi:BPMNLabel><dc:Bounds x="284" y="180" width="60" height="14" /></bpmndi:BPMNLabel></bpmndi:BPMNShape>
            <bpmndi:BPMNShape id="s4" bpmnElement="End_Done"><dc:Bounds x="400" y="100" width="36" height="36" />
              <bpmndi:BPMNLabel><dc:Bounds x="394" y="143" width="48" height="14" /></bpmndi:BPMNLabel></bpmndi:BPMNShape>
            <bpmndi:BPMNShape id="s5" bpmnElement="End_Lapsed"><dc:Bounds x="400" y="230" width="36" height="36" />
              <bpmndi:BPMNLabel><dc:Bounds x="394" y="273" width="48" height="14" /></bpmndi:BPMNLabel></bpmndi:BPMNShape>
            <bpmndi:BPMNEdge id="e1" bpmnElement="Flow_Started"><di:waypoint x="136" y="118" /><di:waypoint x="200" y="118" /></bpmndi:BPMNEdge>
            <bpmndi:BPMNEdge id="e2" bpmnElement="Flow_Done"><di:waypoint x="320" y="118" /><di:waypoint x="400" y="118" /></bpmndi:BPMNEdge>
            <bpmndi:BPMNEdge id="e3" bpmnElement="Flow_Lapsed">LAPSE<bpmndi:BPMNLabel><dc:Bounds x="300" y="228" width="60" height="14" /></bpmndi:BPMNLabel></bpmndi:BPMNEdge>
            """;

    /** The clean diagram with the lapse (期限経過) drawn along these x, y pairs. */
    private static String withLapseRoute(int... xy) {
        StringBuilder waypoints = new StringBuilder();
        for (int i = 0; i < xy.length; i += 2) {
            waypoints.append("<di:waypoint x=\"").append(xy[i]).append("\" y=\"").append(xy[i + 1]).append("\" />");
        }
        return DRAWING.replace("LAPSE", waypoints);
    }

    /** The lapse goes straight down from its event and right to 失効. */
    private static String clean() {
        return withLapseRoute(260, 176, 260, 248, 400, 248);
    }

    private static List<String> problemsOf(String diagram) {
        return DiagramGeometry.problems(HEAD + diagram + TAIL);
    }

    @Test
    void aCleanDiagramHasNoProblems() {
        assertThat(problemsOf(clean())).isEmpty();
    }

    @Test
    void aFlowThroughAnotherShapeIsFound() {
        // 失効 now stands right of 完了, and the lapse runs up through 完了 to reach it
        String through = withLapseRoute(260, 176, 260, 200, 418, 200, 418, 118, 500, 118)
                .replace("x=\"400\" y=\"230\"", "x=\"500\" y=\"100\"").replace("x=\"394\" y=\"273\"", "x=\"494\" y=\"143\"");
        assertThat(problemsOf(through)).anyMatch(p -> p.contains("Flow_Lapsed 「期限経過」 runs through End_Done 「完了」"));
    }

    @Test
    void aFlowThroughTheHostAfterItsFirstSegmentIsFound() {
        String back = withLapseRoute(260, 176, 260, 190, 180, 190, 180, 118, 360, 118, 360, 248, 400, 248);
        assertThat(problemsOf(back)).anyMatch(p -> p.contains("Flow_Lapsed 「期限経過」 runs through Task_Wait 「通知の待ち」 (segment 4"));
    }

    @Test
    void aFlowBackThroughTheHostInItsFirstSegmentIsFound() {
        String up = withLapseRoute(260, 140, 260, 40, 418, 40, 418, 230);
        assertThat(problemsOf(up)).anyMatch(p -> p.contains("Flow_Lapsed 「期限経過」 runs through Task_Wait 「通知の待ち」 (segment 1"));
    }

    @Test
    void flowsOnTopOfEachOtherAreFound() {
        String together = withLapseRoute(278, 158, 360, 158, 360, 118, 390, 118, 390, 248, 400, 248);
        assertThat(problemsOf(together)).contains("Flow_Done and Flow_Lapsed 「期限経過」 run on top of each other for 30 px");
    }

    @Test
    void aFlowThroughALabelIsFound() {
        String covered = clean().replace("x=\"394\" y=\"143\"", "x=\"340\" y=\"111\"");
        assertThat(problemsOf(covered)).anyMatch(p -> p.startsWith("Flow_Done runs through the label of End_Done 「完了」"));
    }

    @Test
    void overlappingLabelsAndShapesAreFound() {
        String crowded = clean().replace("x=\"284\" y=\"180\"", "x=\"230\" y=\"150\"")
                .replace("x=\"400\" y=\"230\"", "x=\"410\" y=\"110\"");
        assertThat(problemsOf(crowded))
                .anyMatch(p -> p.equals("the label of Event_Lapsed 「期限経過」 overlaps the shape of Task_Wait 「通知の待ち」"))
                .anyMatch(p -> p.equals("the shape of End_Done 「完了」 overlaps the shape of End_Lapsed 「失効」"))
                .noneMatch(p -> p.contains("the shape of Task_Wait 「通知の待ち」 overlaps the shape of Event_Lapsed"));
    }

    @Test
    void missingShapesEdgesLabelsAndLooseEndsAreFound() {
        String sparse = clean().replaceAll("<bpmndi:BPMNShape id=\"s5\".*\\n.*</bpmndi:BPMNShape>\\n", "")
                .replace("<bpmndi:BPMNLabel><dc:Bounds x=\"94\" y=\"143\" width=\"48\" height=\"14\" /></bpmndi:BPMNLabel>", "")
                .replaceAll("<bpmndi:BPMNEdge id=\"e2\".*\\n", "")
                .replace("<di:waypoint x=\"136\" y=\"118\" />", "<di:waypoint x=\"150\" y=\"118\" />");
        assertThat(problemsOf(sparse)).contains(
                "End_Lapsed 「失効」 has no shape in the diagram",
                "Flow_Done has no edge in the diagram",
                "Event_Start 「開始」 has a name but no label bounds",
                "Flow_Started starts at (150,118), not on the outline of Event_Start 「開始」");
    }
}
