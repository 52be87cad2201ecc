"""The process transfer-out-by-mail (郵送による特例転出). Run: python3 tools/transfer_out_by_mail.py"""
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
from bpmn_layout import Node, Flow  # noqa: E402
from bpmn_parts import ASYNC, retry, write_process  # noqa: E402

CLERKS = "${execution.tenantId}-clerks"


def ext(*parts):
    return "      <bpmn:extensionElements>\n" + "\n".join(parts) + "\n      </bpmn:extensionElements>"


def status(code, event="start"):
    return (f'        <camunda:executionListener event="{event}" '
            f'expression="${{transferOutStatus.set(execution, \'{code}\')}}" />')


def template(name):
    return ('        <camunda:inputOutput>\n'
            f'          <camunda:inputParameter name="template">{name}</camunda:inputParameter>\n'
            '        </camunda:inputOutput>')


def mail(id, name, col, row, tmpl, *listeners):
    attrs = dict(ASYNC)
    attrs["camunda:delegateExpression"] = "${sendMail}"
    return Node("serviceTask", id, name, col, row, attrs, ext(retry(), *listeners, template(tmpl)))


def user(id, name, col, row, form, due=None, *listeners):
    attrs = {"camunda:candidateGroups": CLERKS}
    if form.endswith(".html"):
        attrs["camunda:formKey"] = "embedded:deployment:" + form  # deployment resources are named by file name
    else:
        attrs["camunda:formRef"] = form
        attrs["camunda:formRefBinding"] = "latest"
    if due:
        attrs["camunda:dueDate"] = due
    return Node("userTask", id, name, col, row, attrs, ext(*listeners) if listeners else "")


def message_def(id):
    return f'    <bpmn:messageEventDefinition id="{id}_def" messageRef="Message_{id}" />'


nodes = [
    # intake: a clerk types a posted letter, or the web / e-mail intake starts the case by message
    Node("startEvent", "Event_PaperRequestEntered", "郵送転出届の入力", 0, 2,
         {"camunda:formRef": "transfer-out-paper-intake", "camunda:formRefBinding": "latest"}),
    Node("serviceTask", "Task_RegisterPaperRequest", "郵送届の登録", 1, 2,
         {"camunda:delegateExpression": "${registerPaperRequest}"}),
    Node("boundaryEvent", "Event_PaperRequestInvalid", "入力内容に誤り", 0.5, 0,
         {}, '      <bpmn:errorEventDefinition id="Event_PaperRequestInvalid_def" errorRef="Error_InvalidRequest" />',
         attached_to="Task_RegisterPaperRequest"),
    user("Task_CorrectPaperRequest", "郵送転出届の修正", 1, 3.3, "transfer-out-paper-intake"),
    Node("startEvent", "Event_RequestSubmitted", "ウェブ・メールで届出を受付", 1, 1, {},
         '      <bpmn:messageEventDefinition id="Event_RequestSubmitted_def" messageRef="Message_TransferOutRequestSubmitted" />'),
    Node("exclusiveGateway", "Gateway_RequestReceived", "", 2, 1.5),
    mail("Task_SendAcknowledgement", "受付確認メールの送信", 3, 1.5, "transfer-out-received"),
    Node("exclusiveGateway", "Gateway_CheckAgain", "", 4, 1.5),
    Node("serviceTask", "Task_CheckRequest", "住民記録・期限・カードの確認", 5, 1.5,
         {"camunda:delegateExpression": "${checkTransferOutRequest}"}, ext(status("UNDER_REVIEW"))),
    Node("businessRuleTask", "Rule_DecideRoute", "特例転出の可否の判定", 6, 1.5,
         {"camunda:decisionRef": "transfer-out-route", "camunda:mapDecisionResult": "singleResult",
          "camunda:resultVariable": "routeDecision"},
         ext('        <camunda:executionListener event="end" expression="${execution.setVariable(\'route\', routeDecision.route)}" />',
             '        <camunda:executionListener event="end" expression="${execution.setVariable(\'routeReason\', routeDecision.reason)}" />')),
    user("Task_ReviewRequest", "郵送転出届の審査", 7, 1.5, "transfer-out-review.html", "${reviewDue}"),
    Node("exclusiveGateway", "Gateway_ReviewOutcome", "審査結果", 8, 1.5),
    # accept
    Node("exclusiveGateway", "Gateway_Route", "転出の方法", 9, 0.5),
    Node("serviceTask", "Task_RecordPlannedMoveOut", "転出予定の記録", 10, 0,
         {"camunda:expression": "${moveOutRecorder.planned(execution)}"}),
    Node("serviceTask", "Task_SendCertificateInfo", "転出証明書情報の送信（住基ネット）", 11, 0,
         dict(ASYNC, **{"camunda:delegateExpression": "${sendMoveOutCertificateInfo}"}), ext(retry())),
    mail("Task_MailAcceptedSpecial", "受理通知（特例転出）の送信", 12, 0, "transfer-out-accepted-special"),
    Node("exclusiveGateway", "Gateway_AwaitMoveIn", "", 13, 0),
    Node("receiveTask", "Task_AwaitMoveInNotice", "転入通知の待ち", 14, 0,
         {"messageRef": "Message_MoveInNotice"}, ext(status("WAITING_FOR_MOVE_IN"))),
    Node("boundaryEvent", "Event_SpecialRouteLapsed", "特例転入の期限経過", 0.5, 0, {},
         '      <bpmn:timerEventDefinition id="Event_SpecialRouteLapsed_def">\n'
         '        <bpmn:timeDate xsi:type="bpmn:tFormalExpression">${transferOutDates.endOfDay(transferInDeadline)}</bpmn:timeDate>\n'
         '      </bpmn:timerEventDefinition>', attached_to="Task_AwaitMoveInNotice"),
    # the destination asks for the 転出証明書情報 (it never arrived there): send it again, the wait goes on
    Node("boundaryEvent", "Event_CertificateRequested", "転出証明書情報の請求を受信", 0.85, 0, {"cancelActivity": "false"},
         message_def("Event_CertificateRequested").replace('Message_Event_CertificateRequested',
                                                            'Message_MoveOutCertificateRequested'),
         attached_to="Task_AwaitMoveInNotice"),
    Node("serviceTask", "Task_ResendCertificateInfo", "転出証明書情報の再送信（住基ネット）", 15, 1.1,
         dict(ASYNC, **{"camunda:delegateExpression": "${sendMoveOutCertificateInfo}"}), ext(retry())),
    Node("endEvent", "End_CertificateResent", "再送信済み", 16, 1.1),
    Node("serviceTask", "Task_FinalizeMoveOut", "転出の確定（除票）", 15, 0,
         {"camunda:expression": "${moveOutRecorder.confirmed(execution)}"}, ext(status("COMPLETED", "end"))),
    mail("Task_MailCompleted", "手続き完了の通知", 16, 0, "transfer-out-completed"),
    Node("endEvent", "End_Completed", "転出完了", 17, 0),
    user("Task_CheckMissingMoveIn", "転入未届の確認", 14, -1.2, "transfer-out-missing-move-in", None,
         status("MOVE_IN_OVERDUE")),
    Node("exclusiveGateway", "Gateway_MissingMoveInDecision", "対応", 15, -1.2),
    Node("serviceTask", "Task_CancelMoveOut", "転出取消（住民記録の回復）", 16, -1.2,
         {"camunda:expression": "${moveOutRecorder.cancelled(execution)}"}, ext(status("CANCELLED", "end"))),
    # the destination received the 転出証明書情報: tell it of the cancellation, it drops the expected move-in
    Node("serviceTask", "Task_SendCancellationNotice", "転出取消の通知（住基ネット）", 17, -1.2,
         dict(ASYNC, **{"camunda:delegateExpression": "${sendMoveOutCancellation}"}), ext(retry())),
    mail("Task_MailCancelled", "転出取消の通知", 18, -1.2, "transfer-out-cancelled"),
    Node("endEvent", "End_Cancelled", "転出取消", 19, -1.2),
    mail("Task_MailSubstituteCertificate", "転出証明書に準ずる証明書の送付通知", 16, -2.3,
         "transfer-out-substitute-certificate", status("SUBSTITUTE_CERTIFICATE_SENT")),
    Node("endEvent", "End_SubstituteCertificate", "証明書を郵送して終了", 17, -2.3),
    user("Task_IssuePaperCertificate", "転出証明書の郵送", 10, 1.1, "transfer-out-paper-certificate", None,
         '        <camunda:executionListener event="start" expression="${routeReasons.align(execution)}" />'),
    Node("serviceTask", "Task_RecordOrdinaryMoveOut", "転出予定の記録", 11, 1.1,
         {"camunda:expression": "${moveOutRecorder.planned(execution)}"}),
    mail("Task_MailAcceptedOrdinary", "受理通知（通常の転出）の送信", 12, 1.1, "transfer-out-accepted-ordinary",
         status("ORDINARY_CERTIFICATE_SENT")),
    Node("endEvent", "End_OrdinaryCertificateSent", "転出証明書を郵送して終了", 13, 1.1),
    # 国外転出: never special, no 転出証明書; 除票 when the move-out date begins; until the day before, the holder may
    # keep the My Number Card for use abroad (国外継続利用) at the counter, with the PIN
    Node("serviceTask", "Task_RecordAbroadMoveOut", "転出予定の記録（国外転出）", 11, 1.85,
         {"camunda:expression": "${abroadMoveOut.planned(execution)}"}, ext(status("MOVING_ABROAD", "end"))),
    mail("Task_MailAcceptedAbroad", "受理通知（国外転出）の送信", 12, 1.85, "transfer-out-accepted-abroad"),
    user("Task_AcceptAbroadCardUse", "国外継続利用の申出の受付", 13, 1.85, "transfer-out-abroad-card-use", None,
         '        <camunda:taskListener event="complete" expression="${abroadMoveOut.keepCard(task)}" />'),
    Node("boundaryEvent", "Event_MoveOutDateReached", "転出予定日の到来", 0.5, 0, {},
         '      <bpmn:timerEventDefinition id="Event_MoveOutDateReached_def">\n'
         '        <bpmn:timeDate xsi:type="bpmn:tFormalExpression">${transferOutDates.startOfDay(abroadMoveOutDate)}</bpmn:timeDate>\n'
         '      </bpmn:timerEventDefinition>', attached_to="Task_AcceptAbroadCardUse"),
    Node("intermediateCatchEvent", "Event_AwaitMoveOutDate", "転出予定日まで待つ", 14, 1.85, {},
         '      <bpmn:timerEventDefinition id="Event_AwaitMoveOutDate_def">\n'
         '        <bpmn:timeDate xsi:type="bpmn:tFormalExpression">${transferOutDates.startOfDay(abroadMoveOutDate)}</bpmn:timeDate>\n'
         '      </bpmn:timerEventDefinition>'),
    Node("serviceTask", "Task_FinalizeAbroadMoveOut", "国外転出の確定（除票・カードの失効）", 15, 1.85,
         {"camunda:expression": "${abroadMoveOut.movedOut(execution)}"}, ext(status("MOVED_ABROAD", "end"))),
    Node("endEvent", "End_MovedAbroad", "国外転出", 16, 1.85),
    # ask the resident for something missing
    mail("Task_MailMissingInfo", "不足事項の照会", 9, 2.6, "transfer-out-missing-info",
         '        <camunda:executionListener event="start" expression="${execution.setVariable(\'answerBy\', transferOutDates.answerBy())}" />',
         status("WAITING_FOR_RESIDENT")),
    user("Task_AwaitAdditionalInfo", "追加書類・回答の受付", 10, 2.6, "transfer-out-additional-info"),
    Node("boundaryEvent", "Event_AdditionalInfoMailed", "メールで回答が届いた", 0.2, 0, {},
         '      <bpmn:messageEventDefinition id="Event_AdditionalInfoMailed_def" messageRef="Message_TransferOutAdditionalInfo" />',
         attached_to="Task_AwaitAdditionalInfo"),
    Node("boundaryEvent", "Event_ReminderDue", "回答期限の前", 0.5, 0, {"cancelActivity": "false"},
         '      <bpmn:timerEventDefinition id="Event_ReminderDue_def">\n'
         '        <bpmn:timeDuration xsi:type="bpmn:tFormalExpression">${transferOutDates.reminderAfter()}</bpmn:timeDuration>\n'
         '      </bpmn:timerEventDefinition>', attached_to="Task_AwaitAdditionalInfo"),
    Node("boundaryEvent", "Event_AnswerOverdue", "回答期限の経過", 0.8, 0, {},
         '      <bpmn:timerEventDefinition id="Event_AnswerOverdue_def">\n'
         '        <bpmn:timeDuration xsi:type="bpmn:tFormalExpression">${transferOutDates.closeAfter()}</bpmn:timeDuration>\n'
         '      </bpmn:timerEventDefinition>', attached_to="Task_AwaitAdditionalInfo"),
    mail("Task_MailReminder", "回答の督促", 11, 3.4, "transfer-out-missing-info-reminder"),
    Node("endEvent", "End_ReminderSent", "督促済み", 12, 3.4),
    mail("Task_MailClosedIncomplete", "書類不足による終了の通知", 11, 4.3, "transfer-out-closed-incomplete",
         status("CLOSED_INCOMPLETE")),
    Node("endEvent", "End_ClosedIncomplete", "書類不足で終了", 12, 4.3),
    # reject
    mail("Task_MailRejection", "不受理の通知", 9, 5.2, "transfer-out-rejected", status("REJECTED")),
    Node("endEvent", "End_Rejected", "不受理", 10, 5.2),
]

flows = [
    Flow("Flow_PaperEntered", "Event_PaperRequestEntered", "Task_RegisterPaperRequest"),
    Flow("Flow_PaperInvalid", "Event_PaperRequestInvalid", "Task_CorrectPaperRequest"),
    Flow("Flow_PaperCorrected", "Task_CorrectPaperRequest", "Task_RegisterPaperRequest", waypoints=[(0.55, 3.3)]),
    Flow("Flow_PaperRegistered", "Task_RegisterPaperRequest", "Gateway_RequestReceived"),
    Flow("Flow_Submitted", "Event_RequestSubmitted", "Gateway_RequestReceived"),
    Flow("Flow_Received", "Gateway_RequestReceived", "Task_SendAcknowledgement"),
    Flow("Flow_Acknowledged", "Task_SendAcknowledgement", "Gateway_CheckAgain"),
    Flow("Flow_ToCheck", "Gateway_CheckAgain", "Task_CheckRequest"),
    Flow("Flow_Checked", "Task_CheckRequest", "Rule_DecideRoute"),
    Flow("Flow_Decided", "Rule_DecideRoute", "Task_ReviewRequest"),
    Flow("Flow_Reviewed", "Task_ReviewRequest", "Gateway_ReviewOutcome"),
    Flow("Flow_Accepted", "Gateway_ReviewOutcome", "Gateway_Route", "受理", "${reviewDecision == 'ACCEPT'}"),
    Flow("Flow_AskResident", "Gateway_ReviewOutcome", "Task_MailMissingInfo", "不足あり", "${reviewDecision == 'ASK'}"),
    Flow("Flow_Rejected", "Gateway_ReviewOutcome", "Task_MailRejection", "不受理", "${reviewDecision == 'REJECT'}"),
    Flow("Flow_Special", "Gateway_Route", "Task_RecordPlannedMoveOut", "特例転出", "${!abroad && route == 'SPECIAL'}"),
    Flow("Flow_Ordinary", "Gateway_Route", "Task_IssuePaperCertificate", "通常の転出", "${!abroad && route != 'SPECIAL'}"),
    Flow("Flow_Abroad", "Gateway_Route", "Task_RecordAbroadMoveOut", "国外転出", "${abroad}",
         waypoints=[(9, 1.85)]),
    Flow("Flow_AbroadRecorded", "Task_RecordAbroadMoveOut", "Task_MailAcceptedAbroad"),
    Flow("Flow_AbroadMailed", "Task_MailAcceptedAbroad", "Task_AcceptAbroadCardUse"),
    Flow("Flow_CardKeptAbroad", "Task_AcceptAbroadCardUse", "Event_AwaitMoveOutDate"),
    Flow("Flow_MoveOutDateAfterEndorsement", "Event_AwaitMoveOutDate", "Task_FinalizeAbroadMoveOut"),
    Flow("Flow_MoveOutDateReached", "Event_MoveOutDateReached", "Task_FinalizeAbroadMoveOut",
         waypoints=[(13.15, 2.35), (15, 2.35)]),
    Flow("Flow_MovedAbroad", "Task_FinalizeAbroadMoveOut", "End_MovedAbroad"),
    Flow("Flow_Recorded", "Task_RecordPlannedMoveOut", "Task_SendCertificateInfo"),
    Flow("Flow_CertificateInfoSent", "Task_SendCertificateInfo", "Task_MailAcceptedSpecial"),
    Flow("Flow_AcceptedMailed", "Task_MailAcceptedSpecial", "Gateway_AwaitMoveIn"),
    Flow("Flow_ToAwait", "Gateway_AwaitMoveIn", "Task_AwaitMoveInNotice"),
    Flow("Flow_MoveInNoticeReceived", "Task_AwaitMoveInNotice", "Task_FinalizeMoveOut"),
    Flow("Flow_CertificateRequested", "Event_CertificateRequested", "Task_ResendCertificateInfo"),
    Flow("Flow_CertificateResent", "Task_ResendCertificateInfo", "End_CertificateResent"),
    Flow("Flow_Finalized", "Task_FinalizeMoveOut", "Task_MailCompleted"),
    Flow("Flow_CompletedMailed", "Task_MailCompleted", "End_Completed"),
    Flow("Flow_Lapsed", "Event_SpecialRouteLapsed", "Task_CheckMissingMoveIn"),
    Flow("Flow_MissingMoveInChecked", "Task_CheckMissingMoveIn", "Gateway_MissingMoveInDecision"),
    Flow("Flow_KeepWaiting", "Gateway_MissingMoveInDecision", "Gateway_AwaitMoveIn", "待つ（新しい期限）",
         "${missingMoveInDecision == 'WAIT'}", waypoints=[(15, -0.5), (13, -0.5)]),
    Flow("Flow_Cancel", "Gateway_MissingMoveInDecision", "Task_CancelMoveOut", "転出取消", "${missingMoveInDecision == 'CANCEL'}"),
    Flow("Flow_Substitute", "Gateway_MissingMoveInDecision", "Task_MailSubstituteCertificate", "証明書を郵送",
         "${missingMoveInDecision == 'CERTIFICATE'}"),
    Flow("Flow_Cancelled", "Task_CancelMoveOut", "Task_SendCancellationNotice"),
    Flow("Flow_CancellationSent", "Task_SendCancellationNotice", "Task_MailCancelled"),
    Flow("Flow_CancelledMailed", "Task_MailCancelled", "End_Cancelled"),
    Flow("Flow_SubstituteMailed", "Task_MailSubstituteCertificate", "End_SubstituteCertificate"),
    Flow("Flow_PaperCertificateMailed", "Task_IssuePaperCertificate", "Task_RecordOrdinaryMoveOut"),
    Flow("Flow_OrdinaryRecorded", "Task_RecordOrdinaryMoveOut", "Task_MailAcceptedOrdinary"),
    Flow("Flow_OrdinaryMailed", "Task_MailAcceptedOrdinary", "End_OrdinaryCertificateSent"),
    Flow("Flow_MissingInfoMailed", "Task_MailMissingInfo", "Task_AwaitAdditionalInfo"),
    Flow("Flow_AnswerTyped", "Task_AwaitAdditionalInfo", "Gateway_CheckAgain", waypoints=[(10, 2.1), (4, 2.1)]),
    Flow("Flow_AnswerMailed", "Event_AdditionalInfoMailed", "Gateway_CheckAgain", waypoints=[(9.3, 3.3), (4, 3.3)]),
    Flow("Flow_Remind", "Event_ReminderDue", "Task_MailReminder"),
    Flow("Flow_Reminded", "Task_MailReminder", "End_ReminderSent"),
    Flow("Flow_Overdue", "Event_AnswerOverdue", "Task_MailClosedIncomplete"),
    Flow("Flow_ClosedMailed", "Task_MailClosedIncomplete", "End_ClosedIncomplete"),
    Flow("Flow_RejectionMailed", "Task_MailRejection", "End_Rejected"),
]

definitions_extra = "\n".join([
    '  <bpmn:message id="Message_TransferOutRequestSubmitted" name="TransferOutRequestSubmitted" />',
    '  <bpmn:message id="Message_TransferOutAdditionalInfo" name="TransferOutAdditionalInfo" />',
    '  <bpmn:message id="Message_MoveInNotice" name="MoveInNotice" />',
    '  <bpmn:message id="Message_MoveOutCertificateRequested" name="MoveOutCertificateRequested" />',
    '  <bpmn:error id="Error_InvalidRequest" name="入力内容に誤り" errorCode="INVALID_REQUEST" />',
])

# the clerk's instruction of each user task (Tasklist's 説明 tab)
DOCUMENTATION = {
    "Task_CorrectPaperRequest": "「前回の入力の誤り」に表示された点を、届いた郵送の届出と照らし合わせて直し、完了してください。届出そのものに不備があるときは、届出人に連絡します。",
    "Task_ReviewRequest": "届出の内容、添付書類、住民記録との照合結果と判定（特例転出・通常の転出・受付不可）を確認し、受け付ける・届出人に照会する・受け付けないのいずれかを選んで完了してください。期限は到着から3開庁日です。",
    "Task_CheckMissingMoveIn": "特例転入の期限を過ぎても転入通知が届いていません。届出人に連絡し、転入を待つ（新しい期限を入力）・転出を取り消す・転出証明書に準ずる証明書を郵送する、のいずれかを選んで完了してください。",
    "Task_AcceptAbroadCardUse": "国外転出の届出です（転出証明書は発行しません）。マイナンバーカードを国外で引き続き利用したいと本人が窓口に来たとき（転出予定日の前日まで、日本国籍の方のみ）に処理します。暗証番号の入力依頼（手続「国外継続利用」）を作成して本人に暗証番号を入力してもらい、確認できたら依頼番号を入力し、カードの追記欄に「国外転出」と転出予定日を記載して完了してください。申出がないまま転出予定日になると、この作業は自動で終了し、カードは失効します。",
    "Task_IssuePaperCertificate": "特例転出ができないため、紙の転出証明書を作成して届出人に郵送し、郵送した日を入力して完了してください。",
    "Task_AwaitAdditionalInfo": "届出人に照会した不足事項への回答が郵便・電話などで届いたら、内容を記録して完了してください。メールでの回答は自動で受け付けます。",
}


if __name__ == "__main__":
    write_process("transfer-out-by-mail", "郵送による特例転出", nodes, flows, definitions_extra, documentation=DOCUMENTATION)
