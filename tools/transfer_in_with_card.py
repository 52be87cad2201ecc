"""The process transfer-in-with-card (特例転入). Run: python3 tools/transfer_in_with_card.py"""
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
from bpmn_layout import Node, Flow  # noqa: E402
from bpmn_parts import ASYNC, check_counter, ext, listener, mail, retry, user, write_process  # noqa: E402


# カードの継続利用 (DOMAIN.md §3) right after the 転入通知, as its own process card-continuation in the same tenant
# (MunicipalityTenantIdProvider gives the called instance the caller's tenant). No calledElementTenantId: the
# definitions are shared (deployed without tenant), and "${execution.tenantId}" would look for a definition deployed
# for 012025 and fail ("no processes deployed with key 'card-continuation' and tenant-id '012025'"); without it the
# engine looks up the calling definition's tenant, i.e. none, which is the shared definition. Only what the continuation needs goes in: never the transfer-in's PIN request or result (the
# continuation asks for the PIN itself), and not the mail address: the transfer-in's completion mail reports the
# continuation's outcome, so the resident gets one mail, not two.
CONTINUATION_CALL = {"calledElement": "card-continuation", "camunda:calledElementBinding": "latest"}
CONTINUATION_MAPPING = ext(
    '        <camunda:in source="cardNumber" target="cardNumber" />',
    '        <camunda:in source="residentCode" target="residentCode" />',
    '        <camunda:in source="newAddress" target="newAddress" />',
    '        <camunda:in source="officeId" target="officeId" />',
    '        <camunda:in sourceExpression="${false}" target="abroad" />',
    '        <camunda:out source="continuationOutcome" target="continuationOutcome" />',
    '        <camunda:out source="continuationReason" target="continuationReason" />')

nodes = [
    Node("startEvent", "Event_TransferInFiled", "特例転入届の受付", 0, 1,
         {"camunda:formRef": "transfer-in-with-card-start", "camunda:formRefBinding": "latest"},
         ext(listener("${transferInStart.accepted(execution)}"),
             # 転出取消 at the origin: no special transfer-in for that transfer-out (MOVE_OUT_CANCELLED, nothing kept)
             listener("${cancelledMoveOutRefusal.refuse(execution)}"))),
    # the counter must be open now and accept the procedure (bpmn_parts.check_counter)
    check_counter(1, 1, "TRANSFER_IN_WITH_CARD"),
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
    # the special route
    user("Task_RecordTransferIn", "転入の記載", 8, 0, "transfer-in-with-card-record"),
    Node("serviceTask", "Task_RegisterMovers", "異動者の住民記録への記載", 9, 0,
         {"camunda:expression": "${transferInRecorder.registered(execution)}"}),
    Node("serviceTask", "Task_SendMoveInNotice", "転入通知の送信（住基ネット）", 10, 0,
         dict(ASYNC, **{"camunda:delegateExpression": "${sendMoveInNotice}"}), ext(retry())),
    Node("exclusiveGateway", "Gateway_ContinuationWanted", "継続利用の希望", 11, 0),
    Node("callActivity", "Task_CardContinuation", "カードの継続利用", 12, -0.8, CONTINUATION_CALL,
         CONTINUATION_MAPPING),
    Node("exclusiveGateway", "Gateway_ContinuationDone", "", 13, 0),
    Node("exclusiveGateway", "Gateway_MailRegistered", "メールアドレス", 14, 0),
    mail("Task_MailRegistered", "転入手続き完了のお知らせの送信", 15, -0.8, "transfer-in-completed"),
    Node("endEvent", "End_Registered", "特例転入完了", 16, 0),
    # the origin's 転出証明書情報 has not arrived: ask for it and wait for it, or for the timer
    Node("serviceTask", "Task_RequestCertificate", "転出証明書情報の請求（住基ネット）", 8, 1,
         dict(ASYNC, **{"camunda:delegateExpression": "${requestMoveOutCertificate}"}), ext(retry())),
    Node("exclusiveGateway", "Gateway_Wait", "", 9, 1),
    Node("eventBasedGateway", "Gateway_AwaitCertificate", "転出証明書情報の到着待ち", 10, 1),
    Node("intermediateCatchEvent", "Event_CertificateArrived", "転出証明書情報の到着", 11, 1,
         {"camunda:asyncAfter": "true"}, ext(retry()) + "\n"
         '      <bpmn:messageEventDefinition id="Event_CertificateArrived_def" messageRef="Message_TransferInCertificateArrived" />'),
    Node("intermediateCatchEvent", "Event_CertificateWait", "待機時間の経過", 11, 2, {},
         '      <bpmn:timerEventDefinition id="Event_CertificateWait_def">\n'
         '        <bpmn:timeDuration xsi:type="bpmn:tFormalExpression">${transferInTiming.certificateWait()}</bpmn:timeDuration>\n'
         '      </bpmn:timerEventDefinition>'),
    Node("exclusiveGateway", "Gateway_WaitedEnough", "待った回数", 12, 2, {},
         ext(listener("${transferInCertificateWait.counted(execution)}", "start"))),
    user("Task_CheckMissingCertificate", "転出証明書情報の未着確認", 13, 2, "transfer-in-with-card-missing-certificate",
         listener("${transferInCertificateWait.overdue(execution)}", "start"),
         listener("${transferInCertificateWait.decided(execution)}")),
    Node("exclusiveGateway", "Gateway_MissingCertificateDecision", "対応", 14, 2),
    # the ordinary route
    user("Task_SwitchToOrdinary", "通常転入への切替", 8, 3.2, "transfer-in-with-card-ordinary"),
    Node("exclusiveGateway", "Gateway_MailOrdinary", "メールアドレス", 9, 3.2),
    mail("Task_MailOrdinary", "通常の転入手続きのご案内の送信", 10, 4, "transfer-in-ordinary"),
    Node("endEvent", "End_Ordinary", "通常の転入へ", 11, 3.2),
]

HAS_MAIL = "${email != null}"
NO_MAIL = "${email == null}"
CONTINUATION_WANTED = "${execution.getVariable('continuationWanted') == true}"
CONTINUATION_NOT_WANTED = "${execution.getVariable('continuationWanted') != true}"

flows = [
    Flow("Flow_Filed", "Event_TransferInFiled", "Task_CheckCounter"),
    Flow("Flow_CounterOpen", "Task_CheckCounter", "Task_OpenPinRequest"),
    Flow("Flow_PinRequested", "Task_OpenPinRequest", "Task_ConfirmPin"),
    Flow("Flow_PinConfirmed", "Task_ConfirmPin", "Gateway_CheckAgain"),
    Flow("Flow_ToCheck", "Gateway_CheckAgain", "Task_CheckTransferIn"),
    Flow("Flow_Checked", "Task_CheckTransferIn", "Rule_DecideRoute"),
    Flow("Flow_Decided", "Rule_DecideRoute", "Gateway_Route"),
    Flow("Flow_Special", "Gateway_Route", "Task_RecordTransferIn", "特例転入", "${route == 'SPECIAL'}"),
    Flow("Flow_Request", "Gateway_Route", "Task_RequestCertificate", "未着・未請求",
         "${route == 'WAIT_FOR_CERTIFICATE' && certificateInfo != 'REQUESTED'}"),
    Flow("Flow_AlreadyRequested", "Gateway_Route", "Gateway_Wait", "未着・請求済み",
         "${route == 'WAIT_FOR_CERTIFICATE' && certificateInfo == 'REQUESTED'}", waypoints=[(7, 1.5), (9, 1.5)]),
    Flow("Flow_Ordinary", "Gateway_Route", "Task_SwitchToOrdinary", "通常の転入", "${route == 'ORDINARY'}"),
    Flow("Flow_Recorded", "Task_RecordTransferIn", "Task_RegisterMovers"),
    Flow("Flow_MoversRegistered", "Task_RegisterMovers", "Task_SendMoveInNotice"),
    Flow("Flow_NoticeSent", "Task_SendMoveInNotice", "Gateway_ContinuationWanted"),
    Flow("Flow_ContinuationWanted", "Gateway_ContinuationWanted", "Task_CardContinuation", "希望する",
         CONTINUATION_WANTED),
    Flow("Flow_ContinuationNotWanted", "Gateway_ContinuationWanted", "Gateway_ContinuationDone", "希望しない",
         CONTINUATION_NOT_WANTED),
    Flow("Flow_ContinuationEnded", "Task_CardContinuation", "Gateway_ContinuationDone"),
    Flow("Flow_ToMailRegistered", "Gateway_ContinuationDone", "Gateway_MailRegistered"),
    Flow("Flow_MailRegistered", "Gateway_MailRegistered", "Task_MailRegistered", "あり", HAS_MAIL),
    Flow("Flow_NoMailRegistered", "Gateway_MailRegistered", "End_Registered", "なし", NO_MAIL),
    Flow("Flow_RegisteredMailed", "Task_MailRegistered", "End_Registered"),
    Flow("Flow_Requested", "Task_RequestCertificate", "Gateway_Wait"),
    Flow("Flow_ToAwait", "Gateway_Wait", "Gateway_AwaitCertificate"),
    Flow("Flow_AwaitArrival", "Gateway_AwaitCertificate", "Event_CertificateArrived"),
    Flow("Flow_AwaitTimer", "Gateway_AwaitCertificate", "Event_CertificateWait"),
    Flow("Flow_CertificateArrived", "Event_CertificateArrived", "Gateway_CheckAgain", waypoints=[(11, 0.5), (4, 0.5)]),
    Flow("Flow_Waited", "Event_CertificateWait", "Gateway_WaitedEnough"),
    Flow("Flow_LookAgain", "Gateway_WaitedEnough", "Gateway_CheckAgain", "まだ待つ",
         "${certificateWaits < transferInTiming.certificateWaitAttempts()}", waypoints=[(12, 2.6), (4, 2.6)]),
    Flow("Flow_WaitedEnough", "Gateway_WaitedEnough", "Task_CheckMissingCertificate", "上限に達した",
         "${certificateWaits >= transferInTiming.certificateWaitAttempts()}"),
    Flow("Flow_MissingCertificateChecked", "Task_CheckMissingCertificate", "Gateway_MissingCertificateDecision"),
    Flow("Flow_RequestAgain", "Gateway_MissingCertificateDecision", "Gateway_CheckAgain", "再度請求して待つ",
         "${missingCertificateDecision == 'REQUEST_AGAIN'}", waypoints=[(14, 2.8), (4, 2.8)]),
    Flow("Flow_SwitchAfterWaiting", "Gateway_MissingCertificateDecision", "Task_SwitchToOrdinary", "通常転入へ切替",
         "${missingCertificateDecision == 'SWITCH'}", waypoints=[(14, 3.2), (8.5, 3.2)]),
    Flow("Flow_Switched", "Task_SwitchToOrdinary", "Gateway_MailOrdinary"),
    Flow("Flow_MailOrdinary", "Gateway_MailOrdinary", "Task_MailOrdinary", "あり", HAS_MAIL),
    Flow("Flow_NoMailOrdinary", "Gateway_MailOrdinary", "End_Ordinary", "なし", NO_MAIL),
    Flow("Flow_OrdinaryMailed", "Task_MailOrdinary", "End_Ordinary"),
]

definitions_extra = '  <bpmn:message id="Message_TransferInCertificateArrived" name="TransferInCertificateArrived" />'

# the clerk's instruction of each user task (Tasklist's 説明 tab)
DOCUMENTATION = {
    "Task_ConfirmPin": "「暗証番号入力画面を開く」で入力画面を新しいタブに開き、画面を届出人に向けて、カードの暗証番号（数字4桁）を入力していただいてから完了してください。入力の有効期限はフォームに表示されます。暗証番号はどこにも残りません。",
    "Task_RecordTransferIn": "転出証明書情報の異動者・新しい住所・世帯主・転入日を確認し、よければ完了してください。完了すると住民記録に記載され、転出元に転入通知が送られます。",
    "Task_CheckMissingCertificate": "転出元からの転出証明書情報が届いていません。必要に応じて転出元に電話等で確認し、再度請求して待つか、通常転入に切り替えるかを選んで完了してください。",
    "Task_SwitchToOrdinary": "特例転入ができない理由と、お持ちいただくもの（紙の転出証明書）を届出人に説明してから完了してください。",
}


if __name__ == "__main__":
    write_process("transfer-in-with-card", "特例転入", nodes, flows, definitions_extra, documentation=DOCUMENTATION)
