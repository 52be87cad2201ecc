"""The process mail-review (メール内容の確認): an intake mail that could not become a case by itself.
Run: python3 tools/mail_review.py"""
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
from bpmn_layout import Node, Flow, write  # noqa: E402
from bpmn_parts import ASYNC, retry  # noqa: E402

CLERKS = "${municipalityCode}-clerks"


def ext(*parts):
    return "      <bpmn:extensionElements>\n" + "\n".join(parts) + "\n      </bpmn:extensionElements>"


def template(name):
    return ('        <camunda:inputOutput>\n'
            f'          <camunda:inputParameter name="template">{name}</camunda:inputParameter>\n'
            '        </camunda:inputOutput>')


def mail(id, name, col, row, tmpl):
    attrs = dict(ASYNC)
    attrs["camunda:delegateExpression"] = "${sendMail}"
    return Node("serviceTask", id, name, col, row, attrs, ext(retry(), template(tmpl)))


nodes = [
    Node("startEvent", "Event_MailReceived", "読み取れないメールを受信", 0, 1),
    Node("exclusiveGateway", "Gateway_AutoReply", "自動返信する？", 1, 1, {"default": "Flow_NoAutoReply"}),
    mail("Task_SendAutoReply", "受付確認の自動返信", 2, 0.2, "mail-unreadable-reply"),
    Node("exclusiveGateway", "Gateway_AutoReplyDone", "", 3, 1),
    Node("userTask", "Task_ReviewMail", "メール内容の確認", 4, 1,
         {"camunda:candidateGroups": CLERKS, "camunda:formRef": "mail-review", "camunda:formRefBinding": "latest"}),
    Node("exclusiveGateway", "Gateway_ReviewOutcome", "対応方法", 5, 1),
    # (a) the clerk turns the mail into a request
    Node("serviceTask", "Task_SubmitRequest", "申請として受付", 6, 0,
         {"camunda:delegateExpression": "${submitReviewedMail}"}),
    Node("boundaryEvent", "Event_RequestInvalid", "申請内容に誤り", 0.5, 0, {},
         '      <bpmn:errorEventDefinition id="Event_RequestInvalid_def" errorRef="Error_MailRequestInvalid" />',
         attached_to="Task_SubmitRequest"),
    Node("endEvent", "End_RequestAccepted", "申請として受付済み", 7, 0),
    # (b) the clerk answers the sender
    mail("Task_SendAnswer", "職員の回答を送信", 6, 1, "mail-clerk-answer"),
    Node("serviceTask", "Task_RecordAnswered", "回答済みとして記録", 7, 1,
         {"camunda:expression": "${mailReviewOutcome.answered(execution)}"}),
    Node("endEvent", "End_Answered", "回答済み", 8, 1),
    # (c) nothing to do (spam, a mistake, a duplicate)
    Node("serviceTask", "Task_RecordDismissal", "対応不要として記録", 6, 2,
         {"camunda:expression": "${mailReviewOutcome.dismissed(execution)}"}),
    Node("endEvent", "End_Dismissed", "対応不要", 7, 2),
]

flows = [
    Flow("Flow_Received", "Event_MailReceived", "Gateway_AutoReply"),
    Flow("Flow_AutoReply", "Gateway_AutoReply", "Task_SendAutoReply", "返信先あり", "${autoReply}"),
    Flow("Flow_NoAutoReply", "Gateway_AutoReply", "Gateway_AutoReplyDone", "返信しない（自動送信・不明な差出人）"),
    Flow("Flow_AutoReplied", "Task_SendAutoReply", "Gateway_AutoReplyDone"),
    Flow("Flow_ToReview", "Gateway_AutoReplyDone", "Task_ReviewMail"),
    Flow("Flow_Reviewed", "Task_ReviewMail", "Gateway_ReviewOutcome"),
    Flow("Flow_Accept", "Gateway_ReviewOutcome", "Task_SubmitRequest", "申請として受け付ける",
         "${reviewDecision == 'ACCEPT'}"),
    Flow("Flow_Answer", "Gateway_ReviewOutcome", "Task_SendAnswer", "返信する", "${reviewDecision == 'ANSWER'}"),
    Flow("Flow_Dismiss", "Gateway_ReviewOutcome", "Task_RecordDismissal", "対応不要", "${reviewDecision == 'DISMISS'}"),
    Flow("Flow_RequestInvalid", "Event_RequestInvalid", "Task_ReviewMail", waypoints=[(6.5, -0.6), (4, -0.6)]),
    Flow("Flow_Accepted", "Task_SubmitRequest", "End_RequestAccepted"),
    Flow("Flow_AnswerSent", "Task_SendAnswer", "Task_RecordAnswered"),
    Flow("Flow_AnswerRecorded", "Task_RecordAnswered", "End_Answered"),
    Flow("Flow_DismissalRecorded", "Task_RecordDismissal", "End_Dismissed"),
]

definitions_extra = "\n".join([
    '  <bpmn:error id="Error_MailRequestInvalid" name="申請内容に誤り" errorCode="MAIL_REQUEST_INVALID" />',
])

def event_definitions_last(path):
    """BPMN wants an event's definition after its incoming/outgoing flows: move it there."""
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    out, pending = [], None
    for line in lines:
        stripped = line.strip()
        if stripped.startswith("<bpmn:") and "EventDefinition " in stripped and stripped.endswith("/>"):
            pending = line
            continue
        if pending and not stripped.startswith(("<bpmn:incoming", "<bpmn:outgoing")):
            out.append(pending)
            pending = None
        out.append(line)
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(out))


# the clerk's instruction of the user task (Tasklist's 説明 tab)
DOCUMENTATION = {
    "Task_ReviewMail": "自動では申請として受け付けられなかったメールです。本文と添付ファイルを確認し、申請として受け付ける（足りない項目を補う）・返信する・対応不要のいずれかを選んで完了してください。",
}


if __name__ == "__main__":
    root = os.path.join(os.path.dirname(__file__), "..")
    path = os.path.join(root, "processes", "mail-review.bpmn")
    write(path, "mail-review", "メール内容の確認", nodes, flows,
          definitions_extra, {"camunda:historyTimeToLive": "P2555D", "camunda:isStartableInTasklist": "false"},
          DOCUMENTATION)
    event_definitions_last(path)
    print("wrote processes/mail-review.bpmn")
