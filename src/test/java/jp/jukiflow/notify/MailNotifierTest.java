package jp.jukiflow.notify;

import static jp.jukiflow.support.Towns.HAKODATE;
import static jp.jukiflow.support.Towns.OKUSHIRI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;

/** Every template rendered and sent over SMTP in Japanese; the outbox's idempotency, skipped and failed mails. */
class MailNotifierTest extends MailTestSupport {

    static final String RECEIPT = "013676-2026-000123";
    static final String RESIDENT = "yamada@example.jp";
    static final Instant NOW = Instant.parse("2026-11-26T01:00:00Z");

    /** What each template must say (besides the common header and footer), subject first. */
    static final Map<MailTemplate, List<String>> EXPECTED = Map.ofEntries(
            Map.entry(MailTemplate.TRANSFER_OUT_RECEIVED, List.of("転出届を受け付けました",
                    "受付方法: ウェブ", "転出予定日: 2026年12月10日（木）", "今後の流れ", "受理の結果をメールでお知らせします")),
            Map.entry(MailTemplate.TRANSFER_OUT_MISSING_INFO, List.of("転出届について確認のお願い",
                    "本人確認書類の写しが添付されていませんでした。", "2026年12月10日（木）までにお願いいたします。",
                    "このメールに返信する", "件名の受付番号「" + RECEIPT + "」は消さずに", "郵送する",
                    "奥尻町役場 本庁 住民係あて")),
            Map.entry(MailTemplate.TRANSFER_OUT_MISSING_INFO_REMINDER, List.of("【再度のご案内】転出届について確認のお願い",
                    "まだご回答を確認できておりません", "本人確認書類の写しが添付されていませんでした。",
                    "2026年12月10日（木）までにお願いいたします。", "このメールに返信する", "行き違い")),
            Map.entry(MailTemplate.TRANSFER_OUT_CLOSED_INCOMPLETE, List.of("転出届の手続きを終了しました",
                    "期限までにいただけなかったため", "住民票は、引き続き現在の住所のままです。")),
            Map.entry(MailTemplate.TRANSFER_OUT_REJECTED, List.of("転出届を受理できませんでした",
                    "転出した日から14日を過ぎて届いたため", "受理できなかった理由")),
            Map.entry(MailTemplate.TRANSFER_OUT_ACCEPTED_SPECIAL, List.of("転出届を受理しました（特例転出",
                    "転出予定日: 2026年12月10日（木）", "転入先: 函館市", "紙の転出証明書は発行しません",
                    "函館市の窓口で、転入届をしてください", "期限: 2027年1月8日（金）まで", "暗証番号（数字4桁）",
                    "全員分のマイナンバーカード", "90日以内")),
            Map.entry(MailTemplate.TRANSFER_OUT_ACCEPTED_ORDINARY, List.of("転出届を受理しました（転出証明書を郵送します",
                    "通常の転出として手続きしました", "お持ちのカードの有効期限が過ぎているため。",
                    "紙の「転出証明書」を郵送でお送りします", "14日以内")),
            Map.entry(MailTemplate.TRANSFER_OUT_ACCEPTED_ABROAD, List.of("国外への転出届を受理しました",
                    "転出予定日: 2026年12月10日（木）", "住民票を消除します（除票）", "国外継続利用", "前日まで",
                    "住基カードは国外では利用できず")),
            Map.entry(MailTemplate.TRANSFER_OUT_COMPLETED, List.of("転出の手続きが完了しました",
                    "函館市から転入通知が届きました", "2026年12月12日（土）付けの転出が確定し", "除票")),
            Map.entry(MailTemplate.TRANSFER_OUT_CANCELLED, List.of("転出の取消しが完了しました",
                    "転出取消", "引き続き奥尻町の住民として住民票に記録しています")),
            Map.entry(MailTemplate.TRANSFER_OUT_SUBSTITUTE_CERTIFICATE, List.of("転出証明書に準ずる証明書をお送りします",
                    "函館市から転入通知が届きませんでした", "「転出証明書に準ずる証明書」を郵送でお送りします",
                    "新しい住所地の市区町村の窓口にお持ちになり")),
            Map.entry(MailTemplate.TRANSFER_IN_COMPLETED, List.of("転入の手続きが完了しました",
                    "新しい住所: 北海道函館市五稜郭町1番1号", "転入日: 2026年11月25日（水）", "転出元: 函館市",
                    "函館市には、住民基本台帳ネットワークを通じて転入通知", "90日以内", "期限: 2027年2月24日（水）まで",
                    "期限までにカードと暗証番号（数字4桁）をお持ちのうえ")),
            Map.entry(MailTemplate.TRANSFER_IN_ORDINARY, List.of("通常の転入手続きのご案内",
                    "手続きを進めることができませんでした", "お持ちのカードの有効期限が過ぎているため。",
                    "紙の「転出証明書」が必要です", "転出元の函館市の窓口で、転出証明書の交付を受けてください",
                    "郵送で請求できることがあります", "14日以内")),
            Map.entry(MailTemplate.PIN_RESET_EXPIRED, List.of("暗証番号の再設定の手続きを終了しました（照会番号 013676-2026-000042）",
                    "2026年12月28日（月）までに回答書", "代理人（代理 花子 様）", "心当たりのない申請")),
            Map.entry(MailTemplate.MAIL_UNREADABLE_REPLY, List.of("お送りいただいたメールを読み取れませんでした",
                    "件名「転出について」のメール", "担当職員が確認し", "半角「:」と全角「：」",
                    "2026-12-10 の形", "2026/12/10、2026年12月10日", "転出予定日: 2026-12-10",
                    "現住所: 北海道奥尻町本町1丁目2番3号", "異動者2続柄: 妻")),
            Map.entry(MailTemplate.MAIL_CLERK_ANSWER, List.of("お問い合わせへの回答",
                    "担当職員から回答いたします", "窓口でも同じ手続きができます。")),
            Map.entry(MailTemplate.CARD_CONTINUATION_COMPLETED, List.of("カードの継続利用の手続きが完了しました",
                    "カードの追記欄に記載した新しい住所", "北海道函館市五稜郭町1番1号", "これからは、奥尻町がカードを管理します")),
            Map.entry(MailTemplate.CARD_CONTINUATION_REFUSED, List.of("カードの継続利用ができませんでした",
                    "継続利用できなかった理由", "カードの有効期限が切れているため、継続利用はできません。")),
            Map.entry(MailTemplate.CARD_SUSPENSION_STARTED, List.of("カードを一時停止しました（一時停止番号 S-013676-2026-000001）",
                    "一時停止番号\nS-013676-2026-000001", "■ 理由\n紛失", "2026-11-26 10:00", "警察に遺失届・盗難届を出し",
                    "電話では解除できません")),
            Map.entry(MailTemplate.CARD_SUSPENSION_LIFTED, List.of("カードの一時停止を解除しました",
                    "S-013676-2026-000001", "再びご利用いただけます")),
            Map.entry(MailTemplate.CARD_SUSPENSION_ABOLISHED, List.of("カードを廃止しました",
                    "S-013676-2026-000001", "■ 一時停止の理由\n紛失", "電子証明書も失効します")));

    /** Every label of the e-mail format, as the auto-reply must document it. */
    static final List<String> LABELS = List.of("転出予定日", "転出日", "届出人氏名", "届出人フリガナ", "届出人生年月日",
            "届出人と異動者の関係", "本人", "世帯員", "代理人", "現住所", "現世帯主", "新住所の市区町村コード", "新住所",
            "新世帯主", "電話番号", "メールアドレス", "カードの種類", "住基カード", "マイナンバーカード", "継続利用",
            "希望する", "希望しない", "カードを持つ異動者", "異動者1氏名", "異動者1フリガナ", "異動者1生年月日",
            "異動者1性別", "異動者1続柄", "異動者n氏名", "異動者n性別", "異動者n続柄", "1〜10");

    @Autowired
    MailNotifier notifier;

    static Map<String, Object> model() {
        Map<String, Object> model = new HashMap<>();
        model.put("receiptNumber", RECEIPT);
        model.put("filerName", "山田 太郎");
        model.put("statusUrl", "https://jukiflow.example/status/" + RECEIPT);
        model.put("plannedMoveOutDate", "2026-12-10");
        model.put("abroadMoveOutDate", "2026-12-10");
        model.put("destinationCode", HAKODATE);
        model.put("channelLabel", "ウェブ");
        model.put("missingInfo", "本人確認書類の写しが添付されていませんでした。");
        model.put("answerBy", "2026-12-10");
        model.put("rejectionReason", "転出した日から14日を過ぎて届いたため、郵送による転出届として受け付けられません。");
        model.put("destinationName", "函館市");
        model.put("lastDayForTransferIn", "2027-01-08");
        model.put("routeReason", "お持ちのカードの有効期限が過ぎているため。");
        model.put("movedOn", "2026-12-12");
        model.put("inquiryNumber", "013676-2026-000042");
        model.put("answerDeadline", "2026-12-28");
        model.put("agentName", "代理 花子");
        model.put("answerText", "ご質問の件は、窓口でも同じ手続きができます。");
        model.put("originalSubject", "転出について");
        model.put("newAddress", "北海道函館市五稜郭町1番1号");
        model.put("continuationReason", "カードの有効期限が切れているため、継続利用はできません。");
        model.put("movedInDate", "2026-11-25");
        model.put("originName", "函館市");
        model.put("continuationDeadline", "2027-02-24");
        model.put("suspensionNumber", "S-013676-2026-000001");
        model.put("reasonLabel", "紛失");
        model.put("suspendedAt", "2026-11-26 10:00");
        model.put("suspensionReason", "LOSS");
        return model;
    }

    static String key() {
        return "test:" + UUID.randomUUID();
    }

    static MailRequest request(String key, MailTemplate template, String recipient) {
        return new MailRequest(key, RECEIPT, OKUSHIRI, template.id(), recipient, model());
    }

    @ParameterizedTest
    @EnumSource(MailTemplate.class)
    void everyTemplateArrivesInJapaneseWithItsValues(MailTemplate template) throws Exception {
        OutboxEntry entry = notifier.send(request(key(), template, RESIDENT));

        assertThat(entry.status()).isEqualTo(MailStatus.SENT);
        assertThat(entry.sentAt()).isEqualTo(NOW);
        assertThat(entry.attempts()).isEqualTo(1);
        MimeMessage[] received = received();
        assertThat(received).hasSize(1);
        MimeMessage mail = received[0];
        String subject = mail.getSubject();
        String body = ((String) mail.getContent()).replace("\r\n", "\n");

        assertThat(mail.getContentType()).containsIgnoringCase("text/plain").containsIgnoringCase("charset=UTF-8");
        InternetAddress from = (InternetAddress) mail.getFrom()[0];
        assertThat(from.getAddress()).isEqualTo("tenshutsu@okushiri.example");
        assertThat(from.getPersonal()).isEqualTo("奥尻町 住民係");
        assertThat(((InternetAddress) mail.getReplyTo()[0]).getAddress()).isEqualTo("tenshutsu@okushiri.example");
        assertThat(((InternetAddress) mail.getAllRecipients()[0]).getAddress()).isEqualTo(RESIDENT);
        assertThat(mail.getHeader("X-Jukiflow-Idempotency-Key")[0]).isEqualTo(entry.idempotencyKey());

        List<String> expected = EXPECTED.get(template);
        assertThat(subject).isEqualTo(entry.subject()).startsWith("【奥尻町】").contains(expected.get(0));
        if (template != MailTemplate.MAIL_UNREADABLE_REPLY) {
            assertThat(subject).contains(RECEIPT);
        }
        assertThat(body).isEqualTo(entry.body())
                .startsWith("山田 太郎 様\n\n奥尻町 住民係です。\n")
                .contains(expected.subList(1, expected.size()))
                .contains("受付番号: " + RECEIPT, "https://jukiflow.example/status/" + RECEIPT,
                        "奥尻町 住民係（奥尻町役場 本庁）", "メール: tenshutsu@okushiri.example",
                        "受付時間: 平日 8:30〜17:15（祝日・年末年始を除く）")
                .doesNotContain("${", "[(", "[[", "[#", "[/]", "null", "\n\n\n");
        assertThat(subject).doesNotContain("${", "[(", "[#", "null");
        if (template == MailTemplate.MAIL_UNREADABLE_REPLY) {
            assertThat(body).contains(LABELS);
        }
        // for a person to read: target/mail-samples/<template>.txt
        Path samples = Files.createDirectories(Path.of("target", "mail-samples"));
        Files.writeString(samples.resolve(template.id() + ".txt"), "件名: " + subject + "\n\n" + body);
    }

    /** The completion of the special transfer-in says what became of the card's continuation at the counter. */
    @Test
    void theTransferInCompletionMailSaysWhetherTheCardWasContinued() throws Exception {
        Map<String, Object> continued = model();
        continued.put("continuationOutcome", "CONTINUED");
        notifier.send(new MailRequest(key(), RECEIPT, HAKODATE, MailTemplate.TRANSFER_IN_COMPLETED.id(), RESIDENT,
                continued));
        Map<String, Object> refused = model();
        refused.put("continuationOutcome", "REFUSED");
        refused.put("continuationReason", "カードの追記欄に空きがないため、継続利用はできません。");
        notifier.send(new MailRequest(key(), RECEIPT, HAKODATE, MailTemplate.TRANSFER_IN_COMPLETED.id(), RESIDENT,
                refused));

        MimeMessage[] received = received();
        assertThat(received).hasSize(2);
        String continuedBody = ((String) received[0].getContent()).replace("\r\n", "\n");
        String refusedBody = ((String) received[1].getContent()).replace("\r\n", "\n");
        assertThat(continuedBody).contains("本日、窓口でカードの継続利用の手続きが完了しました",
                        "これからは函館市がカードを管理します", "改めての手続きは不要です")
                .doesNotContain("90日", "カードは失効", "継続利用の手続きが必要です", "手続きができませんでした", "null");
        assertThat(refusedBody).contains("次の理由により、手続きができませんでした",
                        "理由: カードの追記欄に空きがないため、継続利用はできません。",
                        "転入届の日から90日を過ぎると、カードは失効し", "期限: 2027年2月24日（水）まで")
                .doesNotContain("手続きが完了しました。カードの追記欄", "がカードを管理します", "null", "\n\n\n");
    }

    @Test
    void theSameKeyMailsOnlyOnce() {
        String key = key();
        OutboxEntry first = notifier.send(request(key, MailTemplate.TRANSFER_OUT_RECEIVED, RESIDENT));
        OutboxEntry second = notifier.send(request(key, MailTemplate.TRANSFER_OUT_RECEIVED, RESIDENT));

        assertThat(received()).hasSize(1);
        assertThat(second).isEqualTo(first);
        assertThat(second.status()).isEqualTo(MailStatus.SENT);
        assertThat(second.attempts()).isEqualTo(1);
    }

    @Test
    void aRetryAfterAnSmtpFailureMailsExactlyOnce() {
        String key = key();
        MailRequest request = request(key, MailTemplate.TRANSFER_OUT_ACCEPTED_SPECIAL, RESIDENT);

        assertThatThrownBy(() -> withMailServerDown(() -> notifier.send(request)))
                .isInstanceOf(MailDeliveryException.class)
                .hasMessageContaining("メールを送信できませんでした")
                .hasMessageContaining(RECEIPT);
        OutboxEntry failed = notifier.find(key).orElseThrow();
        assertThat(failed.status()).isEqualTo(MailStatus.PENDING);
        assertThat(failed.attempts()).isEqualTo(1);
        assertThat(failed.lastError()).isNotBlank();
        assertThat(failed.sentAt()).isNull();
        assertThat(received()).isEmpty();

        OutboxEntry sent = notifier.send(request);
        OutboxEntry again = notifier.send(request);

        assertThat(received()).hasSize(1);
        assertThat(sent.status()).isEqualTo(MailStatus.SENT);
        assertThat(sent.attempts()).isEqualTo(2);
        assertThat(sent.body()).isEqualTo(failed.body());
        assertThat(again).isEqualTo(sent);
    }

    @Test
    void aBlankRecipientIsSkippedWithoutMailButKeptForTheCaseHistory() {
        String key = key();
        OutboxEntry skipped = notifier.send(request(key, MailTemplate.TRANSFER_OUT_REJECTED, "  "));
        OutboxEntry none = notifier.send(new MailRequest(key(), RECEIPT, OKUSHIRI,
                MailTemplate.TRANSFER_OUT_CANCELLED.id(), null, model()));

        assertThat(received()).isEmpty();
        assertThat(skipped.status()).isEqualTo(MailStatus.SKIPPED_NO_ADDRESS);
        assertThat(skipped.recipient()).isNull();
        assertThat(skipped.sentAt()).isNull();
        assertThat(skipped.attempts()).isZero();
        assertThat(skipped.subject()).contains("転出届を受理できませんでした");
        assertThat(skipped.body()).contains("転出した日から14日を過ぎて届いたため");
        assertThat(none.status()).isEqualTo(MailStatus.SKIPPED_NO_ADDRESS);
        // a later retry with an address under the same key does not mail either: the key is spent
        assertThat(notifier.send(request(key, MailTemplate.TRANSFER_OUT_REJECTED, RESIDENT))).isEqualTo(skipped);
        assertThat(received()).isEmpty();
    }

    @Test
    void theCaseHistoryShowsEveryMailOfTheCaseInOrder() {
        String caseKey = "013676-2026-" + UUID.randomUUID().toString().substring(0, 6);
        Map<String, Object> model = model();
        model.put("receiptNumber", caseKey);
        notifier.send(new MailRequest(key(), caseKey, OKUSHIRI, MailTemplate.TRANSFER_OUT_RECEIVED.id(), RESIDENT, model));
        notifier.send(new MailRequest(key(), caseKey, OKUSHIRI, MailTemplate.TRANSFER_OUT_MISSING_INFO.id(), "", model));
        notifier.send(new MailRequest(key(), "another-case", OKUSHIRI, MailTemplate.TRANSFER_OUT_RECEIVED.id(),
                RESIDENT, model()));

        List<OutboxEntry> mails = notifier.mailsOf(caseKey);

        assertThat(mails).extracting(OutboxEntry::template)
                .containsExactly("transfer-out-received", "transfer-out-missing-info");
        assertThat(mails).extracting(OutboxEntry::templateLabel).containsExactly("受付のお知らせ", "確認のお願い");
        assertThat(mails).extracting(OutboxEntry::status)
                .containsExactly(MailStatus.SENT, MailStatus.SKIPPED_NO_ADDRESS);
        assertThat(mails).allSatisfy(m -> {
            assertThat(m.caseKey()).isEqualTo(caseKey);
            assertThat(m.municipalityCode()).isEqualTo(OKUSHIRI);
            assertThat(m.createdAt()).isEqualTo(NOW);
            assertThat(m.subject()).contains(caseKey);
        });
        assertThat(notifier.mailsOf("no-such-case")).isEmpty();
    }

    @Test
    void theSenderIsTheMunicipalityOfTheRequest() throws Exception {
        notifier.send(new MailRequest(key(), null, HAKODATE, MailTemplate.MAIL_UNREADABLE_REPLY.id(), RESIDENT,
                Map.of()));

        MimeMessage mail = received()[0];
        InternetAddress from = (InternetAddress) mail.getFrom()[0];
        assertThat(from.getAddress()).isEqualTo("tenshutsu@hakodate.example");
        assertThat(from.getPersonal()).isEqualTo("函館市 住民係");
        String body = ((String) mail.getContent()).replace("\r\n", "\n");
        assertThat(mail.getSubject()).isEqualTo("【函館市】お送りいただいたメールを読み取れませんでした（自動返信）");
        // no filer, no receipt number, no status page: those lines are left out
        assertThat(body).startsWith("函館市 住民係です。\n")
                .contains("現住所: 北海道函館市本町1丁目2番3号", "函館市 住民係（函館市役所 本庁舎）")
                .doesNotContain("受付番号:", "様\n", "手続きの状況", "件名「");
    }

    @Test
    void aMissingRequiredValueFailsBeforeAnythingIsStored() {
        String key = key();
        Map<String, Object> model = model();
        model.put("rejectionReason", " ");

        assertThatThrownBy(() -> notifier.send(new MailRequest(key, RECEIPT, OKUSHIRI,
                MailTemplate.TRANSFER_OUT_REJECTED.id(), RESIDENT, model)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("rejectionReason");
        assertThatThrownBy(() -> notifier.send(new MailRequest(key, RECEIPT, OKUSHIRI, "no-such-template", RESIDENT,
                model)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no-such-template");
        assertThat(notifier.find(key)).isEmpty();
        assertThat(received()).isEmpty();
    }

    @Test
    void aPreviewRendersWithoutStoringOrSending() {
        MailPreview preview = notifier.preview(MailTemplate.TRANSFER_OUT_COMPLETED.id(), OKUSHIRI, model());

        assertThat(preview.subject()).isEqualTo("【奥尻町】転出の手続きが完了しました（受付番号 " + RECEIPT + "）");
        assertThat(preview.body()).contains("2026年12月12日（土）付けの転出が確定し");
        assertThat(received()).isEmpty();
    }
}
