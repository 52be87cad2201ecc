"""The process transfer-in-with-card (特例転入). Run: python3 tools/transfer_in_with_card.py"""
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
from bpmn_layout import Node, Flow, write  # noqa: E402

ASYNC = {"camunda:asyncBefore": "true", "camunda:failedJobRetryTimeCycle": "R3/PT1M"}
CLERKS = "${execution.tenantId}-clerks"


def ext(*parts):
    return "      <bpmn:extensionElements>\n" + "\n".join(parts) + "\n      </bpmn:extensionElements>"


def listener(expression, event="end"):
    return f'        <camunda:executionListener event="{event}" expression="{expression}" />'


def user(id, name, col, row, form, *listeners):
    attrs = {"camunda:candidateGroups": CLERKS, "camunda:formRef": form, "camunda:formRefBinding": "latest"}
    return Node("userTask", id, name, col, row, attrs, ext(*listeners) if listeners else "")


nodes = [
    Node("startEvent", "Event_TransferInFiled", "特例転入届の受付", 0, 1,
         {"camunda:formRef": "transfer-in-with-card-start", "camunda:formRefBinding": "latest"}),
    Node("serviceTask", "Task_CheckCounter", "窓口の受付可否の確認", 1, 1,
         {"camunda:delegateExpression": "${checkTransferInCounter}"}),
    Node("boundaryEvent", "Event_CounterRefused", "受付不可", 0.5, 0, {},
         '      <bpmn:errorEventDefinition id="Event_CounterRefused_def" errorRef="Error_CounterRefused" />',
         attached_to="Task_CheckCounter"),
    Node("endEvent", "End_Refused", "受付できません", 1, 2.3),
    Node("serviceTask", "Task_OpenPinRequest", "暗証番号の入力依頼", 2, 1,
         {"camunda:delegateExpression": "${openTransferInPinRequest}"}),
    user("Task_ConfirmPin", "暗証番号の確認", 3, 1, "transfer-in-with-card-pin",
         listener("${transferInPin.read(execution)}")),
    Node("exclusiveGateway", "Gateway_CheckAgain", "", 4, 1),
    Node("serviceTask", "Task_CheckTransferIn", "カード・期限・転出証明書情報の確認", 5, 1,
         {"camunda:delegateExpression": "${checkTransferIn}"}),
    Node("businessRuleTask", "Rule_DecideRoute", "特例転入の可否の判定", 6, 1,
         {"camunda:decisionRef": "transfer-in-route", "camunda:mapDecisionResult": "singleResult",
          "camunda:resultVariable": "routeDecision"},
         ext(listener("${execution.setVariable('route', routeDecision.route)}"),
             listener("${execution.setVariable('routeReason', routeDecision.reason)}"))),
    Node("exclusiveGateway", "Gateway_Route", "転入の方法", 7, 1),
    user("Task_RecordTransferIn", "転入の記載", 8, 0, "transfer-in-with-card-record"),
    Node("serviceTask", "Task_RegisterMovers", "異動者の住民記録への記載", 9, 0,
         {"camunda:expression": "${transferInRecorder.registered(execution)}"}),
    Node("serviceTask", "Task_SendMoveInNotice", "転入通知の送信（住基ネット）", 10, 0,
         dict(ASYNC, **{"camunda:delegateExpression": "${sendMoveInNotice}"})),
    Node("endEvent", "End_Registered", "特例転入完了", 11, 0),
    Node("intermediateCatchEvent", "Event_CertificateWait", "転出証明書情報の到着待ち", 8, 1, {},
         '      <bpmn:timerEventDefinition id="Event_CertificateWait_def">\n'
         '        <bpmn:timeDuration xsi:type="bpmn:tFormalExpression">${transferInTiming.certificateWait()}</bpmn:timeDuration>\n'
         '      </bpmn:timerEventDefinition>'),
    user("Task_SwitchToOrdinary", "通常転入への切替", 8, 2.3, "transfer-in-with-card-ordinary"),
    Node("endEvent", "End_Ordinary", "通常の転入へ", 9, 2.3),
]

flows = [
    Flow("Flow_Filed", "Event_TransferInFiled", "Task_CheckCounter"),
    Flow("Flow_Refused", "Event_CounterRefused", "End_Refused"),
    Flow("Flow_CounterOpen", "Task_CheckCounter", "Task_OpenPinRequest"),
    Flow("Flow_PinRequested", "Task_OpenPinRequest", "Task_ConfirmPin"),
    Flow("Flow_PinConfirmed", "Task_ConfirmPin", "Gateway_CheckAgain"),
    Flow("Flow_ToCheck", "Gateway_CheckAgain", "Task_CheckTransferIn"),
    Flow("Flow_Checked", "Task_CheckTransferIn", "Rule_DecideRoute"),
    Flow("Flow_Decided", "Rule_DecideRoute", "Gateway_Route"),
    Flow("Flow_Special", "Gateway_Route", "Task_RecordTransferIn", "特例転入", "${route == 'SPECIAL'}"),
    Flow("Flow_Wait", "Gateway_Route", "Event_CertificateWait", "転出証明書情報が未着", "${route == 'WAIT_FOR_CERTIFICATE'}"),
    Flow("Flow_Ordinary", "Gateway_Route", "Task_SwitchToOrdinary", "通常の転入", "${route == 'ORDINARY'}"),
    Flow("Flow_Recorded", "Task_RecordTransferIn", "Task_RegisterMovers"),
    Flow("Flow_MoversRegistered", "Task_RegisterMovers", "Task_SendMoveInNotice"),
    Flow("Flow_NoticeSent", "Task_SendMoveInNotice", "End_Registered"),
    Flow("Flow_WaitedForCertificate", "Event_CertificateWait", "Gateway_CheckAgain", waypoints=[(8, 1.6), (4, 1.6)]),
    Flow("Flow_Switched", "Task_SwitchToOrdinary", "End_Ordinary"),
]

definitions_extra = "\n".join([
    '  <bpmn:error id="Error_CounterRefused" name="受付できません" errorCode="COUNTER_REFUSED" />',
])

if __name__ == "__main__":
    root = os.path.join(os.path.dirname(__file__), "..")
    write(os.path.join(root, "processes", "transfer-in-with-card.bpmn"), "transfer-in-with-card",
          "特例転入", nodes, flows, definitions_extra, {"camunda:historyTimeToLive": "P2555D"})
    print("wrote processes/transfer-in-with-card.bpmn")
