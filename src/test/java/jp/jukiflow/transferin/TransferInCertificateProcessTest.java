package jp.jukiflow.transferin;

import static jp.jukiflow.support.TestMailServer.body;
import static jp.jukiflow.support.Towns.HAKODATE;
import static jp.jukiflow.support.Towns.OKUSHIRI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;
import jp.jukiflow.card.Card;
import jp.jukiflow.card.CardEvent;
import jp.jukiflow.card.PresentedCards;
import jp.jukiflow.jukinet.LoggedMessage;
import jp.jukiflow.jukinet.MessageDirection;
import jp.jukiflow.jukinet.MessageType;
import jp.jukiflow.jukinet.MoveOutCertificateInfo;
import jp.jukiflow.register.ResidentCode;
import jp.jukiflow.register.ResidentRegister;
import jp.jukiflow.support.DemoMovers.Person;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * "transfer-in-with-card" when the 転出証明書情報 has not arrived: a card known only from the certificate (kept here,
 * its holder registered from it), a start refused, the certificate requested from the origin over Juki-net
 * (in-process transport) and arriving by message, re-sent by the origin after the clerk asks again, never arriving
 * (switch to the ordinary transfer-in), or impossible to request.
 */
@DisplayName("カード持参の転入: 転出証明書情報の取り寄せ / Transfer-in with the card: the certificate")
class TransferInCertificateProcessTest extends TransferInFixture {

    /**
     * A card this database does not hold, known only from the 転出証明書情報 (its holder moves in from a municipality
     * another deployment serves): kept here when the clerk starts, the PIN checked against it, the holder registered
     * from the certificate.
     */
    @Test
    void aCardKnownOnlyFromTheCertificateIsKeptHereAndItsHolderRegisteredFromIt() {
        String code;
        do {
            code = ResidentCode.withCheckDigit("4" + String.format("%09d",
                    java.util.concurrent.ThreadLocalRandom.current().nextInt(1_000_000_000))).value();
        } while (jdbc.sql("select count(*) from resident where resident_code = ?").param(code).query(Long.class)
                .single() > 0);
        String cardNumber = "XD" + System.nanoTime() % 1_000_000_000_000L;
        String receipt = OKUSHIRI + "-2026-X" + System.nanoTime() % 10_000_000L;
        String hash = pinHasher.hash(DEMO_PIN);
        MoveOutCertificateInfo certificate = new MoveOutCertificateInfo(receipt, OKUSHIRI, HAKODATE,
                LocalDate.of(2026, 12, 3), null, "北海道函館市五稜郭町1番1号", "札幌 花子",
                List.of(new MoveOutCertificateInfo.Mover(code, "札幌 花子", "サッポロ ハナコ", LocalDate.of(1990, 3, 3),
                        "FEMALE", "世帯主")), code, "MY_NUMBER", true, LocalDate.of(2026, 12, 9),
                new MoveOutCertificateInfo.PresentedCard(cardNumber, "MY_NUMBER", true, LocalDate.of(2024, 4, 1),
                        LocalDate.of(2034, 3, 3), "ACTIVE", OKUSHIRI, 4, hash, 0, false));
        gateway.send(MessageType.MOVE_OUT_CERTIFICATE_INFO, OKUSHIRI, HAKODATE, receipt, certificate);
        assertThat(cards.find(cardNumber)).isEmpty();

        Map<String, Object> form = startForm(cardNumber);
        form.put("originReceiptNumber", receipt);
        ProcessInstance pi = startAsClerk(HAKODATE, form);
        assertThat(pi).isWaitingAt("Task_ConfirmPin");
        Card kept = cards.find(cardNumber).orElseThrow();
        assertThat(kept.holderResidentCode()).isEqualTo(code);
        assertThat(kept.managingMunicipalityCode()).isEqualTo(OKUSHIRI);
        assertThat(cards.events(kept.id())).extracting(CardEvent::eventType).containsExactly(PresentedCards.EVENT_IMPORTED);
        assertThat(resident(code)).containsEntry("STATUS", "MOVING_IN").containsEntry("MUNICIPALITY_CODE", HAKODATE);

        String pinRequestId = (String) variable(pi, "pinRequestId");
        assertThat(pinRequests.submit(pinRequestId, "1357").attemptsLeft()).isEqualTo(2);
        pinRequests.submit(pinRequestId, DEMO_PIN);
        complete(task(pi));
        assertThat(pi).isWaitingAt("Task_RecordTransferIn");
        assertThat(pi).variables().containsEntry("pinResult", "OK").containsEntry("cardState", "VALID")
                .containsEntry("certificateInfo", "RECEIVED").doesNotContainValue(hash);
        complete(task(pi));
        assertThat(pi).hasPassed("Task_RegisterMovers");
        Map<String, Object> registered = jdbc.sql("""
                select municipality_code, status, family_name, given_name, family_name_kana, given_name_kana, birth_date,
                  sex, honseki, hittosha, relationship from resident where resident_code = ?""").param(code).query()
                .singleRow();
        assertThat(registered.values()).containsExactlyInAnyOrder(HAKODATE, "RESIDENT", "札幌", "花子", "サッポロ",
                "ハナコ", java.sql.Date.valueOf("1990-03-03"), "FEMALE", null, null, "世帯主");
        assertThat(register.events(ResidentCode.of(code))).containsExactly(ResidentRegister.EVENT_TRANSFER_IN);
        assertThat(cards.events(kept.id())).extracting(CardEvent::eventType).containsExactly(PresentedCards.EVENT_IMPORTED);
        // no origin case waits for this 転入通知 (the certificate was sent by hand): the instance ends here
        runtimeService.deleteProcessInstance(pi.getId(), "test");
    }

    /**
     * The card is not held here and the 転出証明書情報 that would carry it has not arrived: the PIN cannot be checked
     * yet, so the start is refused saying so, instead of the card being taken as not presented (ordinary route).
     */
    @Test
    void aCardNotHeldHereWhoseCertificateHasNotArrivedRefusesTheStart() {
        long before = runtimeService.createProcessInstanceQuery().processDefinitionKey(process()).count();
        Map<String, Object> form = startForm("XD-not-here");
        form.put("originReceiptNumber", OKUSHIRI + "-2026-not-here");
        assertThatThrownBy(() -> startAsClerk(HAKODATE, form))
                .hasMessageContaining("転出証明書情報がまだ届いていないため、暗証番号を確認できません");
        // without another municipality named, an unknown number is refused as before
        assertThatThrownBy(() -> startAsClerk(HAKODATE, startForm("XD-not-here")))
                .hasMessageContaining("カード番号 XD-not-here のカードは登録されていません");
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(process()).count()).isEqualTo(before);
        assertThat(cards.find("XD-not-here")).isEmpty();
    }

    @Test
    void certificateRequestedFromTheOriginArrivesByMessage() throws Exception {
        Person p = personWithValidMyNumberCard(4);
        Map<String, Object> form = startForm(p.card());
        form.put("originCode", OKUSHIRI);
        form.put("residentCode", p.code());
        form.put("email", " " + p.email() + " ");
        form.put("continuationWanted", false);
        ProcessInstance pi = startAsClerk(HAKODATE, form);
        assertThat(pi).variables().containsEntry("email", p.email());
        pinRequests.submit((String) variable(pi, "pinRequestId"), DEMO_PIN);
        complete(task(pi));
        assertThat(pi).variables().containsEntry("certificateInfo", "MISSING").containsEntry("route", "WAIT_FOR_CERTIFICATE")
                .containsEntry("originName", "奥尻町");
        assertThat(pi).isWaitingAt("Task_RequestCertificate");

        // the request travels to 奥尻町, where no case waits yet: it is logged there, unanswered
        executeDueJobs(pi);
        assertThat(pi).hasPassed("Task_RequestCertificate", "Gateway_Wait").isWaitingAt("Gateway_AwaitCertificate");
        assertThat(pi).variables().containsEntry("certificateRequested", true).containsEntry("certificateRequests", 1);
        List<LoggedMessage> requests = messageLog.messagesAbout("transfer-in:" + pi.getId());
        assertThat(requests).extracting(LoggedMessage::type).containsOnly(MessageType.MOVE_OUT_CERTIFICATE_REQUEST);
        assertThat(requests).extracting(LoggedMessage::direction)
                .containsExactlyInAnyOrder(MessageDirection.SENT, MessageDirection.RECEIVED);
        assertThat(requests).allSatisfy(m -> assertThat(m.payload()).contains(p.code()).contains("\"originReceiptNumber\":null"));

        // one wait passes: checked again, still missing, not asked twice
        fireTimer(pi, "Event_CertificateWait");
        assertThat(pi).hasPassed("Gateway_WaitedEnough").isWaitingAt("Gateway_AwaitCertificate");
        assertThat(pi).variables().containsEntry("certificateInfo", "REQUESTED").containsEntry("certificateWaits", 1)
                .containsEntry("certificateRequests", 1);

        // 奥尻町 accepts the transfer-out and sends the 転出証明書情報: its arrival wakes the waiting transfer-in
        ProcessInstance out = transferOutWaitingForMoveIn(p, "late");
        assertThat(pi).hasPassed("Event_CertificateArrived");
        executeDueJobs(pi);
        assertThat(pi).isWaitingAt("Task_RecordTransferIn");
        assertThat(pi).variables().containsEntry("certificateInfo", "RECEIVED").containsEntry("route", "SPECIAL")
                .containsEntry("originReceiptNumber", out.getBusinessKey()).containsEntry("filerName", p.name());
        complete(task(pi));
        executeDueJobs(pi);
        assertThat(pi).hasPassed("Task_SendMoveInNotice", "Task_MailRegistered", "End_Registered").isEnded();
        executeDueJobs(out);
        assertThat(cases.find(out.getBusinessKey()).orElseThrow().statusCode()).isEqualTo("COMPLETED");

        MimeMessage mail = singleMailTo(p.email());
        assertThat(mail.getSubject()).isEqualTo("【函館市】転入の手続きが完了しました");
        assertThat(body(mail)).startsWith(p.name() + " 様\n\n函館市 住民係です。")
                .contains("新しい住所: 北海道函館市五稜郭町1番1号", "転入日: 2026年11月25日（水）", "転出元: 奥尻町",
                        "奥尻町には、住民基本台帳ネットワークを通じて転入通知", "90日以内", "期限: 2027年2月24日（水）まで",
                        "期限までにカードと暗証番号（数字4桁）をお持ちのうえ")
                .doesNotContain("手続きができませんでした", "がカードを管理します");
    }

    @Test
    void threeWaitsThenTheClerkAsksAgainAndTheOriginResendsTheCertificate() throws Exception {
        Person p = personWithValidMyNumberCard(5);
        ProcessInstance out = transferOutWaitingForMoveIn(p, "lost");
        String receipt = out.getBusinessKey();
        // the 転出証明書情報 was lost on the way: 函館市 has no expected move-in
        jdbc.sql("delete from expected_move_in where receipt_number = ?").param(receipt).update();

        Map<String, Object> form = startForm(p.card());
        form.put("originReceiptNumber", receipt);
        form.put("email", p.email());
        form.put("continuationWanted", false);
        ProcessInstance pi = startAsClerk(HAKODATE, form);
        pinRequests.submit((String) variable(pi, "pinRequestId"), DEMO_PIN);
        complete(task(pi));
        // the origin is read from the receipt number
        assertThat(pi).variables().containsEntry("certificateInfo", "MISSING").containsEntry("originCode", OKUSHIRI);
        executeDueJobs(pi);
        assertThat(pi).isWaitingAt("Gateway_AwaitCertificate");
        // 奥尻町's waiting case took the request and will send again in a job of its own; it still waits for the notice
        assertThat(out).hasPassed("Event_CertificateRequested").isWaitingAt("Task_AwaitMoveInNotice", "Task_ResendCertificateInfo");

        for (int wait = 1; wait <= 3; wait++) {
            fireTimer(pi, "Event_CertificateWait");
        }
        assertThat(pi).isWaitingAt("Task_CheckMissingCertificate");
        assertThat(task(pi)).hasCandidateGroup(HAKODATE + "-clerks");
        assertThat(pi).variables().containsEntry("certificateWaits", 3).containsEntry("certificateInfo", "REQUESTED");
        assertThat((String) runtimeService.getVariable(pi.getId(), "certificateWaitSummary"))
                .contains("転出元: 奥尻町（団体コード 013676）", "受付番号: " + receipt, "最初の請求: 2026年11月26日 10:00",
                        "請求 1 回", "待った時間: 3時間（1時間 × 3 回）");

        complete(task(pi), Map.of("missingCertificateDecision", "REQUEST_AGAIN"));
        assertThat(pi).isWaitingAt("Task_RequestCertificate");
        executeDueJobs(pi);
        assertThat(pi).isWaitingAt("Gateway_AwaitCertificate");
        assertThat(pi).variables().containsEntry("certificateRequests", 2).containsEntry("certificateWaits", 0);

        // 奥尻町 sends the stored certificate again (twice, once per request): the first arrival wakes the transfer-in
        executeDueJobs(out);
        assertThat(out).hasPassed("Task_ResendCertificateInfo", "End_CertificateResent").isWaitingAt("Task_AwaitMoveInNotice");
        List<LoggedMessage> sent = messageLog.messagesAbout(receipt).stream()
                .filter(m -> m.direction() == MessageDirection.SENT).toList();
        assertThat(sent).filteredOn(m -> m.type() == MessageType.MOVE_OUT_CERTIFICATE_REQUEST).hasSize(2)
                .allSatisfy(m -> assertThat(m.fromCode()).isEqualTo(HAKODATE));
        List<LoggedMessage> certificates = sent.stream()
                .filter(m -> m.type() == MessageType.MOVE_OUT_CERTIFICATE_INFO).toList();
        assertThat(certificates).hasSize(3);
        assertThat(certificates).extracting(LoggedMessage::messageId).doesNotHaveDuplicates();
        assertThat(certificates).extracting(LoggedMessage::payload).containsOnly(certificates.get(0).payload());
        assertThat(expectedMoveIns.find(receipt)).isPresent();

        executeDueJobs(pi);
        assertThat(pi).hasPassed("Event_CertificateArrived").isWaitingAt("Task_RecordTransferIn");
        complete(task(pi));
        executeDueJobs(pi);
        assertThat(pi).hasPassed("Task_MailRegistered", "End_Registered").isEnded();
        executeDueJobs(out);
        assertThat(out).hasPassed("Task_FinalizeMoveOut").isEnded();
        assertThat(singleMailTo(p.email()).getSubject()).contains("転入の手続きが完了しました");
    }

    @Test
    void aCertificateThatNeverArrivesEndsInTheOrdinaryTransferInWithAMail() throws Exception {
        Person p = personWithValidMyNumberCard(7);
        Map<String, Object> form = startForm(p.card());
        form.put("originCode", OKUSHIRI);
        form.put("residentCode", p.code());
        form.put("email", p.email());
        ProcessInstance pi = startAsClerk(HAKODATE, form);
        pinRequests.submit((String) variable(pi, "pinRequestId"), DEMO_PIN);
        complete(task(pi));
        executeDueJobs(pi);
        for (int wait = 1; wait <= 3; wait++) {
            fireTimer(pi, "Event_CertificateWait");
        }
        assertThat(pi).isWaitingAt("Task_CheckMissingCertificate");
        assertThat((String) runtimeService.getVariable(pi.getId(), "certificateWaitSummary"))
                .contains("受付番号: なし（住民票コード " + p.code() + " で請求）");

        complete(task(pi), Map.of("missingCertificateDecision", "SWITCH"));
        assertThat(pi).isWaitingAt("Task_SwitchToOrdinary");
        assertThat((String) runtimeService.getVariable(pi.getId(), "routeReason"))
                .contains("奥尻町", "転出証明書情報が届かない", "紙の転出証明書");
        complete(task(pi));
        executeDueJobs(pi);
        assertThat(pi).hasPassed("Task_MailOrdinary", "End_Ordinary").isEnded();

        MimeMessage mail = singleMailTo(p.email());
        assertThat(mail.getSubject()).isEqualTo("【函館市】通常の転入手続きのご案内");
        assertThat(body(mail)).contains("転出元（奥尻町）から転出証明書情報が届かないため",
                "紙の「転出証明書」が必要です", "転出元の奥尻町の窓口で、転出証明書の交付を受けてください",
                "函館市の窓口で転入届をしてください");
    }

    @Test
    void withoutTheOriginNothingCanBeRequested() {
        Person p = personWithValidMyNumberCard(8);
        ProcessInstance pi = startAsClerk(HAKODATE, startForm(p.card()));
        pinRequests.submit((String) variable(pi, "pinRequestId"), DEMO_PIN);
        complete(task(pi));
        assertThat(pi).isWaitingAt("Task_SwitchToOrdinary");
        assertThat(pi).variables().containsEntry("certificateInfo", "UNIDENTIFIED").containsEntry("route", "ORDINARY");
        assertThat((String) runtimeService.getVariable(pi.getId(), "routeReason")).contains("請求できません", "転出証明書");
        assertThat(messageLog.messagesAbout("transfer-in:" + pi.getId())).isEmpty();
        complete(task(pi));
        assertThat(pi).hasNotPassed("Task_MailOrdinary").isEnded();
    }
}
