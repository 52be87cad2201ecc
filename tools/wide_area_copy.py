"""The processes wide-area-copy (住民票の写しの広域交付, at the issuing municipality) and wide-area-copy-answer (the
home municipality's automatic answer). Run: python3 tools/wide_area_copy.py"""
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
from bpmn_layout import Node, Flow  # noqa: E402
from bpmn_parts import ASYNC, ext, listener, retry, set_on_start, user, write_process  # noqa: E402


def outcome(value):
    return set_on_start('copyOutcome', value)


def end(id, name, col, row, value):
    return Node("endEvent", id, name, col, row, {}, ext(outcome(value)))


nodes = [
    # the start form is checked when the start event ends (counter open and accepting, home elsewhere, requester,
    # ID route, people): a refusal is the clerk's Japanese message, and no case is started
    Node("startEvent", "Event_CopyRequested", "住民票の写しの広域交付申請", 0, 1,
         {"camunda:formRef": "wide-area-copy-start", "camunda:formRefBinding": "latest"},
         ext('        <camunda:executionListener event="end" delegateExpression="${wideAreaCopyStart}" />')),
    Node("exclusiveGateway", "Gateway_IdRoute", "本人確認の方法", 1, 1),
    # the card and its PIN on the PIN pad: a wrong or missing entry asks again (a new request), a lock refuses
    Node("exclusiveGateway", "Gateway_PinAgain", "", 2, 0),
    Node("serviceTask", "Task_OpenPinRequest", "暗証番号の入力依頼", 3, 0,
         {"camunda:delegateExpression": "${openWideAreaCopyPinRequest}"}),
    user("Task_ConfirmPin", "暗証番号の確認", 4, 0, "wide-area-copy-pin",
         listener("${wideAreaCopyPin.read(execution)}")),
    Node("exclusiveGateway", "Gateway_PinResult", "暗証番号の確認結果", 5, 0),
    # identified: ask the home municipality over Juki-net and wait for its answer, or for the timer. The catch events'
    # ids are unique among all processes: process-test-coverage maps an activity after an event-based gateway to its
    # incoming flow by activity id alone (an Event_AnswerOverdue here would count Flow_AwaitTimer for pin-reset)
    Node("exclusiveGateway", "Gateway_Identified", "", 6, 1),
    Node("serviceTask", "Task_SendRequest", "広域交付請求の送信（住基ネット）", 7, 1,
         dict(ASYNC, **{"camunda:delegateExpression": "${sendWideAreaCopyRequest}"}), ext(retry())),
    Node("eventBasedGateway", "Gateway_AwaitAnswer", "広域交付回答の待機", 8, 1),
    Node("intermediateCatchEvent", "Event_CopyAnswerReceived", "広域交付回答の受信", 9, 1,
         {"camunda:asyncAfter": "true"}, ext(retry()) + "\n"
         '      <bpmn:messageEventDefinition id="Event_CopyAnswerReceived_def" messageRef="Message_WideAreaCopyAnswered" />'),
    Node("intermediateCatchEvent", "Event_CopyAnswerOverdue", "回答待ち時間の経過", 9, 2, {},
         '      <bpmn:timerEventDefinition id="Event_CopyAnswerOverdue_def">\n'
         '        <bpmn:timeDuration xsi:type="bpmn:tFormalExpression">${wideAreaCopyTiming.answerWait()}</bpmn:timeDuration>\n'
         '      </bpmn:timerEventDefinition>'),
    Node("exclusiveGateway", "Gateway_Answer", "住所地の回答", 10, 1),
    # answered: the clerk checks the data and collects the fee; the copy is made as PDF
    user("Task_Review", "交付内容の確認", 11, 1, "wide-area-copy-review",
         listener("${wideAreaCopyReview.prepare(execution)}", "start")),
    Node("exclusiveGateway", "Gateway_FeeCollected", "手数料の受領", 12, 1),
    Node("serviceTask", "Task_IssueCopy", "住民票の写しの作成（PDF）", 13, 1,
         {"camunda:delegateExpression": "${issueWideAreaCopy}"}),
    end("End_Issued", "交付済み", 14, 1, "ISSUED"),
    end("End_Withdrawn", "交付せず（申請の取下げ）", 13, 0, "WITHDRAWN"),
    # refused by the home municipality, or the card's PIN is locked: the clerk explains
    Node("exclusiveGateway", "Gateway_Refused", "", 11, -1),
    user("Task_ExplainRefusal", "交付できない旨の説明", 12, -1, "wide-area-copy-refused"),
    end("End_NotIssued", "交付せず", 13, -1, "REFUSED"),
    # no answer in time: the clerk asks again or gives up
    user("Task_CheckMissingAnswer", "回答未着の確認", 10, 2, "wide-area-copy-missing-answer"),
    Node("exclusiveGateway", "Gateway_MissingAnswerDecision", "対応", 11, 2),
    end("End_NoAnswer", "交付せず（回答なし）", 12, 2, "NO_ANSWER"),
]

flows = [
    Flow("Flow_Requested", "Event_CopyRequested", "Gateway_IdRoute"),
    Flow("Flow_ByCard", "Gateway_IdRoute", "Gateway_PinAgain", "カードと暗証番号", "${idRoute == 'CARD'}"),
    Flow("Flow_ByPhotoId", "Gateway_IdRoute", "Gateway_Identified", "写真付き本人確認書類", "${idRoute == 'PHOTO_ID'}"),
    Flow("Flow_ToPinRequest", "Gateway_PinAgain", "Task_OpenPinRequest"),
    Flow("Flow_PinRequested", "Task_OpenPinRequest", "Task_ConfirmPin"),
    Flow("Flow_PinConfirmed", "Task_ConfirmPin", "Gateway_PinResult"),
    Flow("Flow_PinOk", "Gateway_PinResult", "Gateway_Identified", "一致", "${pinResult == 'OK'}", waypoints=[(6, 0)]),
    Flow("Flow_PinAgain", "Gateway_PinResult", "Gateway_PinAgain", "不一致・未入力（再入力）",
         "${pinResult == 'WRONG' || pinResult == 'NOT_ENTERED'}", waypoints=[(5, 0.5), (2, 0.5)]),
    Flow("Flow_PinLocked", "Gateway_PinResult", "Gateway_Refused", "ロック・カード使用不可",
         "${pinResult == 'LOCKED' || pinResult == 'CARD_UNUSABLE'}", waypoints=[(5, -1)]),
    Flow("Flow_ToSend", "Gateway_Identified", "Task_SendRequest"),
    Flow("Flow_Sent", "Task_SendRequest", "Gateway_AwaitAnswer"),
    Flow("Flow_AwaitAnswer", "Gateway_AwaitAnswer", "Event_CopyAnswerReceived"),
    Flow("Flow_AwaitTimer", "Gateway_AwaitAnswer", "Event_CopyAnswerOverdue"),
    Flow("Flow_AnswerReceived", "Event_CopyAnswerReceived", "Gateway_Answer"),
    Flow("Flow_Answered", "Gateway_Answer", "Task_Review", "回答あり", "${answerOutcome == 'ANSWERED'}"),
    Flow("Flow_HomeRefused", "Gateway_Answer", "Gateway_Refused", "交付不可", "${answerOutcome == 'REFUSED'}"),
    Flow("Flow_Reviewed", "Task_Review", "Gateway_FeeCollected"),
    Flow("Flow_FeeCollected", "Gateway_FeeCollected", "Task_IssueCopy", "受領した",
         "${execution.getVariable('feeCollected') == true}"),
    Flow("Flow_Withdrawn", "Gateway_FeeCollected", "End_Withdrawn", "受領していない（取下げ）",
         "${execution.getVariable('feeCollected') != true}"),
    Flow("Flow_Issued", "Task_IssueCopy", "End_Issued"),
    Flow("Flow_ToExplain", "Gateway_Refused", "Task_ExplainRefusal"),
    Flow("Flow_Explained", "Task_ExplainRefusal", "End_NotIssued"),
    Flow("Flow_AnswerOverdue", "Event_CopyAnswerOverdue", "Task_CheckMissingAnswer"),
    Flow("Flow_MissingAnswerChecked", "Task_CheckMissingAnswer", "Gateway_MissingAnswerDecision"),
    Flow("Flow_RequestAgain", "Gateway_MissingAnswerDecision", "Gateway_Identified", "再度請求する",
         "${missingAnswerDecision == 'REQUEST_AGAIN'}", waypoints=[(11, 2.6), (6, 2.6)]),
    Flow("Flow_GiveUp", "Gateway_MissingAnswerDecision", "End_NoAnswer", "交付しない",
         "${missingAnswerDecision == 'GIVE_UP'}"),
]

definitions_extra = '  <bpmn:message id="Message_WideAreaCopyAnswered" name="WideAreaCopyAnswered" />'

# the home municipality: the request arrived over Juki-net (WideAreaCopyRequestHandler starts this instance in the
# receiving transaction); its own retried job reads the register, records the provision and sends the answer back
answer_nodes = [
    Node("startEvent", "Event_RequestReceived", "広域交付請求の受信", 0, 0),
    Node("serviceTask", "Task_AnswerRequest", "住民基本台帳の照会と回答の送信（住基ネット）", 1, 0,
         dict(ASYNC, **{"camunda:delegateExpression": "${answerWideAreaCopyRequest}"}), ext(retry())),
    Node("endEvent", "End_Answered", "回答済み", 2, 0),
]

answer_flows = [
    Flow("Flow_Received", "Event_RequestReceived", "Task_AnswerRequest"),
    Flow("Flow_Answered", "Task_AnswerRequest", "End_Answered"),
]

# the clerk's instruction of each user task (Tasklist's 説明 tab)
DOCUMENTATION = {
    "Task_ConfirmPin": "「暗証番号入力画面を開く」で入力画面を新しいタブに開き、画面を請求者に向けて、カードの暗証番号（数字4桁）を入力していただいてから完了してください。間違えた場合や入力されなかった場合は、完了するともう一度入力の依頼が作られます。",
    "Task_Review": "住所地から回答された内容を請求者に確認し、手数料を受領してから、受領欄にチェックを入れて完了してください。完了すると住民票の写し（PDF）が作られます。",
    "Task_ExplainRefusal": "住民票の写しを交付できない理由を請求者に説明してから完了してください。",
    "Task_CheckMissingAnswer": "住所地からの回答が決められた時間内に届いていません。必要に応じて住所地に電話等で確認し、再度請求して待つか、交付しないかを選んで完了してください。",
}


if __name__ == "__main__":
    write_process("wide-area-copy", "住民票の写しの広域交付", nodes, flows, definitions_extra, documentation=DOCUMENTATION)
    # started only by WideAreaCopyRequestHandler, never by a clerk: not offered under Tasklist's 「プロセスを開始」
    write_process("wide-area-copy-answer", "住民票の写しの広域交付（住所地の回答）", answer_nodes, answer_flows,
                  startable_in_tasklist=False)
