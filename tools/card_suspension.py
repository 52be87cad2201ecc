"""The process card-suspension (カードの一時停止). Run: python3 tools/card_suspension.py"""
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
from bpmn_layout import Node, Flow  # noqa: E402
from bpmn_parts import ext, set_on_start, user, write_process  # noqa: E402
from bpmn_parts import mail as send_mail  # noqa: E402


def outcome(value):
    return set_on_start('suspensionOutcome', value)


def service(id, name, col, row, bean):
    return Node("serviceTask", id, name, col, row, {"camunda:delegateExpression": "${" + bean + "}"})


def mail(id, name, col, row, template):
    return send_mail(id, name, col, row, template, "${residentEmail}")


def message(id, name, col, row, ref):
    return Node("intermediateCatchEvent", id, name, col, row, {},
                f'      <bpmn:messageEventDefinition id="{id}_def" messageRef="Message_{ref}" />')


def end(id, name, col, row, value=None):
    return Node("endEvent", id, name, col, row, {}, ext(outcome(value)) if value else "")


nodes = [
    # the report: counter or phone (a clerk in Tasklist), or the 24-hour line's API; the card is suspended at once
    Node("startEvent", "Event_SuspensionReported", "一時停止の届出", 0, 1,
         {"camunda:formRef": "card-suspension-start", "camunda:formRefBinding": "latest"}),
    service("Task_SuspendCard", "カードの一時停止（即時）", 1, 1, "suspendCard"),
    Node("parallelGateway", "Gateway_AfterSuspension", "", 2, 1),
    # branch 1: the reporter's mail with the suspension number
    Node("exclusiveGateway", "Gateway_MailSuspended", "メールアドレスあり？", 3, -0.6),
    mail("Task_MailSuspended", "一時停止のお知らせ", 4, -1.4, "card-suspension-started"),
    end("End_SuspensionMailed", "お知らせ済み", 5, -0.6),
    # branch 2: the clerk's check by the next business day
    user("Task_ConfirmSuspension", "一時停止の確認", 3, 0.4, "card-suspension-confirm",
         **{"camunda:dueDate": "${confirmationDue}"}),
    service("Task_RecordConfirmation", "確認内容の記録", 4, 0.4, "recordSuspensionConfirmation"),
    end("End_Confirmed", "確認済み", 5, 0.4),
    # branch 3: wait for the card to be found, the 廃止届, or the long-suspension check
    Node("exclusiveGateway", "Gateway_Waiting", "", 3, 2),
    Node("eventBasedGateway", "Gateway_AwaitOutcome", "発見・廃止届の待機", 4, 2),
    message("Event_CardFound", "発見・解除（窓口）", 5, 2, "CardSuspensionLifted"),
    service("Task_LiftSuspension", "一時停止の解除", 6, 2, "liftSuspension"),
    Node("exclusiveGateway", "Gateway_MailLifted", "メールアドレスあり？", 7, 2),
    mail("Task_MailLifted", "一時停止解除のお知らせ", 8, 1.2, "card-suspension-lifted"),
    end("End_Lifted", "解除", 9, 2, "LIFTED"),
    message("Event_AbolitionFiled", "廃止届（窓口）", 5, 3.2, "CardAbolitionFiled"),
    Node("intermediateCatchEvent", "Event_LongSuspension", "長期の一時停止", 5, 4.4, {},
         '      <bpmn:timerEventDefinition id="Event_LongSuspension_def">\n'
         '        <bpmn:timeDuration xsi:type="bpmn:tFormalExpression">${cardSuspensionSettings.longWait()}</bpmn:timeDuration>\n'
         '      </bpmn:timerEventDefinition>'),
    user("Task_CheckLongSuspension", "長期停止の確認", 6, 4.4, "card-suspension-long"),
    Node("exclusiveGateway", "Gateway_LongDecision", "廃止するか", 7, 4.4),
    Node("exclusiveGateway", "Gateway_Abolish", "", 7, 3.2),
    service("Task_AbolishCard", "カードの廃止", 8, 3.2, "abolishSuspendedCard"),
    Node("exclusiveGateway", "Gateway_MailAbolished", "メールアドレスあり？", 9, 3.2),
    mail("Task_MailAbolished", "カード廃止のお知らせ", 10, 4.2, "card-suspension-abolished"),
    end("End_Abolished", "廃止", 11, 3.2, "ABOLISHED"),
]

MAIL_KNOWN = "${suspensionMail.known(execution)}"
MAIL_UNKNOWN = "${!suspensionMail.known(execution)}"

flows = [
    Flow("Flow_Reported", "Event_SuspensionReported", "Task_SuspendCard"),
    Flow("Flow_Suspended", "Task_SuspendCard", "Gateway_AfterSuspension"),
    Flow("Flow_ToMail", "Gateway_AfterSuspension", "Gateway_MailSuspended"),
    Flow("Flow_MailSuspended", "Gateway_MailSuspended", "Task_MailSuspended", "あり", MAIL_KNOWN),
    Flow("Flow_NoMailSuspended", "Gateway_MailSuspended", "End_SuspensionMailed", "なし", MAIL_UNKNOWN),
    Flow("Flow_SuspensionMailed", "Task_MailSuspended", "End_SuspensionMailed"),
    Flow("Flow_ToConfirm", "Gateway_AfterSuspension", "Task_ConfirmSuspension"),
    Flow("Flow_Confirmed", "Task_ConfirmSuspension", "Task_RecordConfirmation"),
    Flow("Flow_ConfirmationRecorded", "Task_RecordConfirmation", "End_Confirmed"),
    Flow("Flow_ToWait", "Gateway_AfterSuspension", "Gateway_Waiting"),
    Flow("Flow_Wait", "Gateway_Waiting", "Gateway_AwaitOutcome"),
    Flow("Flow_AwaitFound", "Gateway_AwaitOutcome", "Event_CardFound"),
    Flow("Flow_Found", "Event_CardFound", "Task_LiftSuspension"),
    Flow("Flow_Lifted", "Task_LiftSuspension", "Gateway_MailLifted"),
    Flow("Flow_MailLifted", "Gateway_MailLifted", "Task_MailLifted", "あり", MAIL_KNOWN),
    Flow("Flow_NoMailLifted", "Gateway_MailLifted", "End_Lifted", "なし", MAIL_UNKNOWN),
    Flow("Flow_LiftedMailed", "Task_MailLifted", "End_Lifted"),
    Flow("Flow_AwaitAbolition", "Gateway_AwaitOutcome", "Event_AbolitionFiled"),
    Flow("Flow_AbolitionFiled", "Event_AbolitionFiled", "Gateway_Abolish"),
    Flow("Flow_AwaitLong", "Gateway_AwaitOutcome", "Event_LongSuspension"),
    Flow("Flow_LongWaited", "Event_LongSuspension", "Task_CheckLongSuspension"),
    Flow("Flow_LongChecked", "Task_CheckLongSuspension", "Gateway_LongDecision"),
    Flow("Flow_LongAbolish", "Gateway_LongDecision", "Gateway_Abolish", "廃止する",
         "${longSuspensionDecision == 'ABOLISH'}"),
    Flow("Flow_LongKeepWaiting", "Gateway_LongDecision", "Gateway_Waiting", "引き続き待つ",
         "${longSuspensionDecision != 'ABOLISH'}", waypoints=[(7, 5.4), (3, 5.4)]),
    Flow("Flow_ToAbolish", "Gateway_Abolish", "Task_AbolishCard"),
    Flow("Flow_Abolished", "Task_AbolishCard", "Gateway_MailAbolished"),
    Flow("Flow_MailAbolished", "Gateway_MailAbolished", "Task_MailAbolished", "あり", MAIL_KNOWN),
    Flow("Flow_NoMailAbolished", "Gateway_MailAbolished", "End_Abolished", "なし", MAIL_UNKNOWN),
    Flow("Flow_AbolishedMailed", "Task_MailAbolished", "End_Abolished"),
]

definitions_extra = "\n".join([
    '  <bpmn:message id="Message_CardSuspensionLifted" name="CardSuspensionLifted" />',
    '  <bpmn:message id="Message_CardAbolitionFiled" name="CardAbolitionFiled" />',
])

# the clerk's instruction of each user task (Tasklist's 説明 tab)
DOCUMENTATION = {
    "Task_ConfirmSuspension": "翌開庁日までに、届出人の本人確認と届出内容を確認し、確認欄にチェックを入れて完了してください。紛失・盗難の場合は警察の受理番号が必要です（後日届いたらここで入力します）。",
    "Task_CheckLongSuspension": "一時停止から一定の期間が過ぎても、発見・解除も廃止届もありません。カード所有者に連絡し、廃止するか引き続き待つかを選んで完了してください。",
}


if __name__ == "__main__":
    write_process("card-suspension", "カードの一時停止", nodes, flows, definitions_extra, documentation=DOCUMENTATION)
