"""The process card-continuation (カードの継続利用). Run: python3 tools/card_continuation.py"""
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
from bpmn_layout import Node, Flow  # noqa: E402
from bpmn_parts import check_counter, ext, listener, set_on_start, user, write_process  # noqa: E402
from bpmn_parts import mail as send_mail  # noqa: E402


def outcome(value):
    return set_on_start('continuationOutcome', value)


def mail(id, name, col, row, template):
    return send_mail(id, name, col, row, template, "${residentEmail}")


def end(id, name, col, row, value):
    return Node("endEvent", id, name, col, row, {}, ext(outcome(value)))


nodes = [
    # an ordinary 転入届's dates (filing day not after today, move-in not after filing) are checked as the start ends:
    # a refusal is the clerk's Japanese message, no case kept
    Node("startEvent", "Event_ContinuationFiled", "継続利用の届出", 0, 1,
         {"camunda:formRef": "card-continuation-start", "camunda:formRefBinding": "latest"},
         ext(listener("${ordinaryTransferIn.accepted(execution)}"))),
    # filed at the counter, the counter must be open now and accept the procedure (bpmn_parts.check_counter). Called
    # by the transfer-in (a super execution), the check is skipped: the resident is at the counter the transfer-in
    # already checked
    check_counter(1, 1, "CARD_CONTINUATION"),
    Node("serviceTask", "Task_OpenPinRequest", "暗証番号の入力依頼", 2, 1,
         {"camunda:delegateExpression": "${openContinuationPinRequest}"}),
    user("Task_ConfirmPin", "暗証番号の確認", 3, 1, "card-continuation-pin",
         listener("${continuationPin.read(execution)}")),
    Node("serviceTask", "Task_CheckContinuation", "カード・期限・追記欄の確認", 4, 1,
         {"camunda:delegateExpression": "${checkContinuation}"}),
    Node("businessRuleTask", "Rule_DecideEligibility", "継続利用の可否の判定", 5, 1,
         {"camunda:decisionRef": "card-continuation-eligibility", "camunda:mapDecisionResult": "singleResult",
          "camunda:resultVariable": "eligibility"},
         ext(listener("${execution.setVariable('eligible', eligibility.eligible)}"),
             listener("${execution.setVariable('continuationReason', eligibility.reason)}"))),
    Node("exclusiveGateway", "Gateway_Eligible", "継続利用できるか", 6, 1),
    user("Task_WriteEndorsement", "追記欄への記載", 7, 0, "card-continuation-endorse"),
    Node("serviceTask", "Task_ApplyContinuation", "継続利用の記録（管理市区町村の変更）", 8, 0,
         {"camunda:delegateExpression": "${applyContinuation}"}),
    Node("exclusiveGateway", "Gateway_MailContinued", "メールアドレスあり？", 9, 0),
    mail("Task_MailContinued", "継続利用完了のお知らせ", 10, -0.9, "card-continuation-completed"),
    end("End_Continued", "継続利用完了", 11, 0, "CONTINUED"),
    user("Task_ExplainRefusal", "継続利用できない旨の説明", 7, 2.3, "card-continuation-refused"),
    Node("exclusiveGateway", "Gateway_MailRefused", "メールアドレスあり？", 9, 2.3),
    mail("Task_MailRefused", "継続利用できない旨のお知らせ", 10, 3.2, "card-continuation-refused"),
    end("End_Refused", "継続利用できません", 11, 2.3, "REFUSED"),
]

MAIL_KNOWN = "${continuationMail.known(execution)}"
MAIL_UNKNOWN = "${!continuationMail.known(execution)}"

flows = [
    Flow("Flow_Filed", "Event_ContinuationFiled", "Task_CheckCounter"),
    Flow("Flow_CounterOpen", "Task_CheckCounter", "Task_OpenPinRequest"),
    Flow("Flow_PinRequested", "Task_OpenPinRequest", "Task_ConfirmPin"),
    Flow("Flow_PinConfirmed", "Task_ConfirmPin", "Task_CheckContinuation"),
    Flow("Flow_Checked", "Task_CheckContinuation", "Rule_DecideEligibility"),
    Flow("Flow_Decided", "Rule_DecideEligibility", "Gateway_Eligible"),
    Flow("Flow_Eligible", "Gateway_Eligible", "Task_WriteEndorsement", "継続利用できる", "${eligible}"),
    Flow("Flow_NotEligible", "Gateway_Eligible", "Task_ExplainRefusal", "継続利用できない", "${!eligible}"),
    Flow("Flow_Endorsed", "Task_WriteEndorsement", "Task_ApplyContinuation"),
    Flow("Flow_Applied", "Task_ApplyContinuation", "Gateway_MailContinued"),
    Flow("Flow_MailContinued", "Gateway_MailContinued", "Task_MailContinued", "あり", MAIL_KNOWN),
    Flow("Flow_NoMailContinued", "Gateway_MailContinued", "End_Continued", "なし", MAIL_UNKNOWN),
    Flow("Flow_ContinuedMailed", "Task_MailContinued", "End_Continued"),
    Flow("Flow_Explained", "Task_ExplainRefusal", "Gateway_MailRefused"),
    Flow("Flow_MailRefused", "Gateway_MailRefused", "Task_MailRefused", "あり", MAIL_KNOWN),
    Flow("Flow_NoMailRefused", "Gateway_MailRefused", "End_Refused", "なし", MAIL_UNKNOWN),
    Flow("Flow_RefusedMailed", "Task_MailRefused", "End_Refused"),
]

# the clerk's instruction of each user task (Tasklist's 説明 tab)
DOCUMENTATION = {
    "Task_ConfirmPin": "「暗証番号入力画面を開く」で入力画面を新しいタブに開き、画面を届出人に向けて、カードの暗証番号（数字4桁）を入力していただいてから完了してください。入力の有効期限はフォームに表示されます。暗証番号はどこにも残りません。",
    "Task_WriteEndorsement": "カード裏面の追記欄の空いている行に新しい住所を記載し、確認欄にチェックを入れて完了してください。完了すると、このカードは当市区町村の管理になります。",
    "Task_ExplainRefusal": "継続利用できない理由を届出人に説明してから完了してください。暗証番号がロックされているときは、先に暗証番号の再設定をご案内します。",
}


if __name__ == "__main__":
    write_process("card-continuation", "カードの継続利用", nodes, flows, documentation=DOCUMENTATION)
