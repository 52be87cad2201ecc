"""Writes forms/mail-review.form (Camunda Form) for the user task 「メール内容の確認」. Run: python3 tools/mail_review_form.py"""
import json
import os

ACCEPT_HIDDEN = '=reviewDecision != "ACCEPT"'


def text(id, markdown, hide=None):
    c = {"type": "text", "text": markdown, "id": id}
    if hide:
        c["conditional"] = {"hide": hide}
    return c


def field(type, key, label, hide=None, **extra):
    c = {"type": type, "key": key, "label": label, "id": "Field_" + key}
    c.update(extra)
    if hide:
        c["conditional"] = {"hide": hide}
    return c


DATE = {"validate": {"pattern": r"^\d{4}-\d{2}-\d{2}$"}, "description": "YYYY-MM-DD の形で入力します（例 2026-12-10）"}


def readonly(type, key, label, **extra):
    return field(type, key, label, readonly=True, **extra)


components = [
    text("Text_Intro", "## メール内容の確認\n転出届の受付用メールボックスに届いたメールのうち、自動では申請として受け付けられなかった"
                       "ものです。内容を確認して、対応方法を選んでください。"),
    readonly("textfield", "mailFrom", "差出人"),
    readonly("textfield", "mailSubject", "件名"),
    readonly("textfield", "mailReceivedAt", "受信日時"),
    readonly("textarea", "mailBody", "本文", description="長い本文は途中までを表示しています。"),
    readonly("textarea", "attachmentNames", "添付ファイル"),
    readonly("textarea", "reviewReason", "自動で受け付けられなかった理由"),
    field("textarea", "fieldErrors", "申請内容の誤り", hide='=fieldErrors = null or fieldErrors = ""', readonly=True),
    field("radio", "reviewDecision", "対応方法", values=[
        {"label": "申請として受け付ける", "value": "ACCEPT"},
        {"label": "返信する", "value": "ANSWER"},
        {"label": "対応不要（迷惑メールなど）", "value": "DISMISS"}], validate={"required": True}),
    # ACCEPT: the transfer-out fields, prefilled from what the label parser read
    text("Text_AcceptIntro", "### 転出届の内容\nメールから読み取れた内容を入れてあります。足りない項目を補い、誤りを直してください。"
                             "日付は 2026-12-10 の形で入力します。", hide=ACCEPT_HIDDEN),
    field("textfield", "plannedMoveOutDate", "転出予定日", ACCEPT_HIDDEN, **DATE),
    field("textfield", "movedOn", "転出日（転出済みの場合）", ACCEPT_HIDDEN, **DATE),
    field("textfield", "filerName", "届出人の氏名", ACCEPT_HIDDEN),
    field("textfield", "filerNameKana", "届出人のフリガナ", ACCEPT_HIDDEN),
    field("textfield", "filerBirthDate", "届出人の生年月日", ACCEPT_HIDDEN, **DATE),
    field("select", "filerRelation", "届出人と異動者の関係", ACCEPT_HIDDEN, values=[
        {"label": "本人", "value": "本人"}, {"label": "世帯員", "value": "世帯員"},
        {"label": "代理人（委任状あり）", "value": "代理人"}]),
    field("textfield", "currentAddress", "現住所", ACCEPT_HIDDEN),
    field("textfield", "headOfHousehold", "現在の世帯主", ACCEPT_HIDDEN),
    field("textfield", "newMunicipalityCode", "新住所の市区町村コード（6桁）", ACCEPT_HIDDEN,
          description="国外に転出する場合は空欄"),
    field("textfield", "newAddress", "新住所", ACCEPT_HIDDEN),
    field("textfield", "newHeadOfHousehold", "新しい世帯主", ACCEPT_HIDDEN),
    field("textarea", "moversText", "異動者（1行に1人）", ACCEPT_HIDDEN,
          description="氏名, フリガナ, 生年月日, 性別, 続柄 の順に「,」か「、」で区切って入力"
                      "（例: 奥尻 太郎, オクシリ タロウ, 1980-04-01, 男, 世帯主）。最大10人。"),
    field("textfield", "cardHolderNumber", "カードを持つ異動者（行番号）", ACCEPT_HIDDEN),
    field("select", "cardType", "カードの種類", ACCEPT_HIDDEN, values=[
        {"label": "マイナンバーカード", "value": "MY_NUMBER"}, {"label": "住基カード", "value": "JUKI"}]),
    field("radio", "continuedUse", "カードの継続利用", ACCEPT_HIDDEN, values=[
        {"label": "希望する", "value": "true"}, {"label": "希望しない", "value": "false"}]),
    field("textfield", "phone", "日中の連絡先電話番号", ACCEPT_HIDDEN),
    field("textfield", "email", "メールアドレス（返信先）", '=reviewDecision = "DISMISS"'),
    # ANSWER
    field("textarea", "answerText", "返信の本文", '=reviewDecision != "ANSWER"', validate={"required": True},
          description="差出人に送るメールの本文です。"),
    # DISMISS
    field("textfield", "dismissReason", "対応不要の理由", '=reviewDecision != "DISMISS"', validate={"required": True},
          description="例: 迷惑メール、誤送信、同じ内容の重複"),
]

form = {
    "components": components,
    "type": "default",
    "id": "mail-review",
    "executionPlatform": "Camunda Platform",
    "executionPlatformVersion": "7.24.0",
    "exporter": {"name": "jukiflow", "version": "1"},
    "schemaVersion": 16,
}

if __name__ == "__main__":
    root = os.path.join(os.path.dirname(__file__), "..")
    with open(os.path.join(root, "forms", "mail-review.form"), "w", encoding="utf-8") as out:
        json.dump(form, out, ensure_ascii=False, indent=2)
        out.write("\n")
    print("wrote forms/mail-review.form")
