"""The process pin-reset (暗証番号の再設定). Run: python3 tools/pin_reset.py"""
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
from bpmn_layout import Node, Flow  # noqa: E402
from bpmn_parts import ASYNC, ext, listener, retry, set_on_start, task_listener, user, write_process  # noqa: E402


def outcome(value):
    return set_on_start('pinResetOutcome', value)


def end(id, name, col, row, value):
    return Node("endEvent", id, name, col, row, {}, ext(outcome(value)))


nodes = [
    Node("startEvent", "Event_ResetRequested", "暗証番号の再設定", 0, 1,
         {"camunda:formRef": "pin-reset-start", "camunda:formRefBinding": "latest"},
         ext('        <camunda:executionListener event="end" delegateExpression="${pinResetStart}" />')),
    Node("exclusiveGateway", "Gateway_Visitor", "来庁したのは", 1, 1),
    # in person
    user("Task_CheckIdentity", "本人確認", 2, 0, "pin-reset-identity"),
    # by an agent: the 照会書, its 回答書 within 30 days, the second visit
    Node("serviceTask", "Task_IssueInquiry", "照会書の発行", 2, 2,
         {"camunda:delegateExpression": "${issuePinResetInquiry}"}),
    user("Task_SendInquiry", "照会書の印刷・郵送", 3, 2, "pin-reset-send-inquiry"),
    user("Task_ReceiveAnswer", "回答書の受付", 4, 2, "pin-reset-answer",
         # a task listener: the execution's end also comes when the timer cancels the task
         task_listener("${pinResetAnswer.received(task.execution)}"), **{"camunda:dueDate": "${answerDeadline}"}),
    Node("boundaryEvent", "Event_AnswerOverdue", "回答期限切れ", 0.5, 0, {"cancelActivity": "true"},
         '      <bpmn:timerEventDefinition id="Event_AnswerOverdue_def">\n'
         '        <bpmn:timeDate xsi:type="bpmn:tFormalExpression">${answerTimerAt}</bpmn:timeDate>\n'
         '      </bpmn:timerEventDefinition>',
         attached_to="Task_ReceiveAnswer"),
    Node("exclusiveGateway", "Gateway_MailExpired", "メールアドレスあり？", 4.5, 3.3),
    Node("serviceTask", "Task_MailExpired", "手続終了のお知らせ", 5.5, 4.2, dict(ASYNC, **{
        "camunda:delegateExpression": "${sendMail}"}), ext(
        retry(),
        '        <camunda:inputOutput>\n'
        '          <camunda:inputParameter name="template">pin-reset-expired</camunda:inputParameter>\n'
        '          <camunda:inputParameter name="email">${holderEmail}</camunda:inputParameter>\n'
        '        </camunda:inputOutput>')),
    end("End_Expired", "期限切れ", 6.5, 3.3, "EXPIRED"),
    user("Task_CheckAgent", "代理人の本人確認", 5, 2, "pin-reset-agent-identity"),
    # both: the new PIN on the PIN pad
    Node("exclusiveGateway", "Gateway_IdentityConfirmed", "本人確認できたか", 6, 1),
    end("End_IdentityNotConfirmed", "本人確認ができず終了", 6, -0.3, "IDENTITY_NOT_CONFIRMED"),
    Node("serviceTask", "Task_OpenNewPinRequest", "暗証番号の設定依頼", 7, 1,
         {"camunda:delegateExpression": "${openPinResetRequest}"}),
    user("Task_SetNewPin", "新しい暗証番号の設定", 8, 1, "pin-reset-new-pin",
         listener("${pinResetNewPin.read(execution)}")),
    Node("exclusiveGateway", "Gateway_PinSet", "設定できたか", 9, 1),
    end("End_Reset", "再設定完了", 10, 1, "RESET"),
    end("End_NotSet", "再設定せず終了", 10, 2.2, "NOT_SET"),
]

CONFIRMED = "${execution.getVariable('identityConfirmed') == true}"

flows = [
    Flow("Flow_Requested", "Event_ResetRequested", "Gateway_Visitor"),
    Flow("Flow_Holder", "Gateway_Visitor", "Task_CheckIdentity", "本人", "${visitor == 'HOLDER'}"),
    Flow("Flow_Agent", "Gateway_Visitor", "Task_IssueInquiry", "代理人", "${visitor == 'AGENT'}"),
    Flow("Flow_IdentityChecked", "Task_CheckIdentity", "Gateway_IdentityConfirmed", waypoints=[(5.6, 0), (5.6, 1)]),
    Flow("Flow_InquiryIssued", "Task_IssueInquiry", "Task_SendInquiry"),
    Flow("Flow_InquirySent", "Task_SendInquiry", "Task_ReceiveAnswer"),
    Flow("Flow_AnswerReceived", "Task_ReceiveAnswer", "Task_CheckAgent"),
    Flow("Flow_AnswerOverdue", "Event_AnswerOverdue", "Gateway_MailExpired"),
    Flow("Flow_MailExpired", "Gateway_MailExpired", "Task_MailExpired", "あり",
         "${execution.getVariable('holderEmail') != null}"),
    Flow("Flow_NoMailExpired", "Gateway_MailExpired", "End_Expired", "なし",
         "${execution.getVariable('holderEmail') == null}"),
    Flow("Flow_ExpiredMailed", "Task_MailExpired", "End_Expired"),
    Flow("Flow_AgentChecked", "Task_CheckAgent", "Gateway_IdentityConfirmed", waypoints=[(5.6, 2), (5.6, 1)]),
    Flow("Flow_Confirmed", "Gateway_IdentityConfirmed", "Task_OpenNewPinRequest", "確認できた", CONFIRMED),
    Flow("Flow_NotConfirmed", "Gateway_IdentityConfirmed", "End_IdentityNotConfirmed", "確認できない",
         "${execution.getVariable('identityConfirmed') != true}"),
    Flow("Flow_PinRequested", "Task_OpenNewPinRequest", "Task_SetNewPin"),
    Flow("Flow_PinKeyed", "Task_SetNewPin", "Gateway_PinSet"),
    Flow("Flow_Set", "Gateway_PinSet", "End_Reset", "設定できた", "${newPinResult == 'SET'}"),
    Flow("Flow_NotSet", "Gateway_PinSet", "End_NotSet", "設定しなかった", "${newPinResult != 'SET'}"),
]

# the clerk's instruction of each user task (Tasklist's 説明 tab)
DOCUMENTATION = {
    "Task_CheckIdentity": "来庁した本人のカードと顔写真付きの本人確認書類で本人であることを確認し、確認できたらチェックを入れて完了してください。確認できないときはチェックせずに完了すると、手続は終わります。",
    "Task_SendInquiry": "照会書（PDF）を開いて印刷し、カード所有者の住民票の住所へ郵送してから完了してください。",
    "Task_ReceiveAnswer": "代理人が回答書とカードを持って再来庁したら完了してください。回答期限までに来庁がなければ、手続は期限切れで終了します。",
    "Task_CheckAgent": "回答書（本人の自署があり、照会番号が一致すること）、本人のカード、代理人の顔写真付きの本人確認書類を確認し、確認できたらチェックを入れて完了してください。",
    "Task_SetNewPin": "「暗証番号入力画面を開く」で入力画面を新しいタブに開き、画面を住民の方（代理人）に向けて、新しい暗証番号を2回入力していただいてから完了してください。設定をやめたときもそのまま完了します。",
}


if __name__ == "__main__":
    write_process("pin-reset", "暗証番号の再設定", nodes, flows, documentation=DOCUMENTATION)
