package jp.jukiflow.move;

import static jp.jukiflow.support.ProcessTestSupport.executeDueJobs;
import static jp.jukiflow.support.Towns.HAKODATE;
import static jp.jukiflow.support.Towns.OKUSHIRI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jp.jukiflow.audit.AuditAction;
import jp.jukiflow.audit.AuditLog;
import jp.jukiflow.card.Card;
import jp.jukiflow.card.CardContinuations;
import jp.jukiflow.card.CardEvent;
import jp.jukiflow.card.CardRegistry;
import jp.jukiflow.card.CardStatus;
import jp.jukiflow.card.ContinuationStatus;
import jp.jukiflow.pin.PinCheckResult;
import jp.jukiflow.pin.PinRequests;
import jp.jukiflow.pin.PinVerification;
import jp.jukiflow.card.PresentedCards;
import jp.jukiflow.cases.CaseRegistry;
import jp.jukiflow.jukinet.ExpectedMoveIn;
import jp.jukiflow.jukinet.ExpectedMoveInStatus;
import jp.jukiflow.jukinet.ExpectedMoveIns;
import jp.jukiflow.jukinet.JukinetMessageLog;
import jp.jukiflow.jukinet.LoggedMessage;
import jp.jukiflow.jukinet.MessageDirection;
import jp.jukiflow.jukinet.MessageType;
import jp.jukiflow.jukinet.MoveOutCertificateInfo;
import jp.jukiflow.register.PersonName;
import jp.jukiflow.register.Resident;
import jp.jukiflow.register.ResidentCode;
import jp.jukiflow.register.ResidentRegister;
import jp.jukiflow.support.MovingResidents;
import jp.jukiflow.support.MovingResidents.Mover;
import jp.jukiflow.support.TownDeployment;
import jp.jukiflow.support.TwoDeploymentsFixture;
import jp.jukiflow.transferout.Attachment;
import jp.jukiflow.transferout.IntakeChannel;
import jp.jukiflow.transferout.Receipt;
import jp.jukiflow.transferout.TransferOutIntake;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The whole move (issue 4) across two deployments over real HTTP, in one JVM: 奥尻町 (013676) and 函館市 (012025)
 * each run as a complete application of their own ({@link TownDeployment}: own H2, own engine, transport http, the
 * other town as peer with a shared key). The shared test context is not used: it serves both towns in-process, so its
 * processes would never send over HTTP.
 *
 * <ol>
 *   <li>奥尻町: a transfer-out filed through {@link TransferOutIntake}, the review completed with the special route;
 *   the async job sends the 転出証明書情報 over HTTP into 函館市's expected move-ins.</li>
 *   <li>函館市: a Hakodate clerk starts 特例転入 (tenant 012025), the resident enters the PIN on the PIN request, the
 *   clerk completes 「暗証番号の確認」 and 「転入の記載」; the jobs register the mover and send the 転入通知 over HTTP.</li>
 *   <li>奥尻町: the jobs finalise the move-out: case COMPLETED, the resident's record closed (除票).</li>
 *   <li>Card continuation in 函館市: the transfer-in's call activity runs {@code card-continuation}, driven to the end
 *   by {@link #cardContinuationAtHakodate}.</li>
 * </ol>
 *
 * <p>The card and the person at the destination come only from the product: 函館市's database holds neither before the
 * counter visit. The 転出証明書情報 carries what the card presents ({@link MoveOutCertificateInfo.PresentedCard}, its
 * PIN hash standing in for the card's chip); when the clerk starts the 特例転入, 函館市 keeps the card from it (event
 * {@code IMPORTED}, still managed by 奥尻町) with its holder as {@code MOVING_IN}, checks the PIN against it (a wrong
 * entry first, then the right one), and registers the mover from the certificate: same 住民票コード, 氏名, フリガナ,
 * 生年月日, no 本籍/筆頭者. 奥尻町 notes on its card that the data went to 函館市 ({@code HANDED_OVER}).
 */
class WholeMoveOverHttpTest extends TwoDeploymentsFixture {

    static final String KEY = "test-key-whole-move-okushiri-hakodate-0123";
    static final String NEW_ADDRESS = "北海道函館市五稜郭町1番1号";
    static final Instant NOW = Instant.parse("2026-11-26T01:00:00Z");

    @BeforeAll
    static void startTheTowns() {
        // without demo data (see TownDeployment): the mover is made in 奥尻町's register by MovingResidents
        startBothTowns("Move", KEY);
    }

    @Test
    void theWholeMoveFromOkushiriToHakodateOverHttp() {
        assertThat(okushiri.bean(ProcessEngine.class).getName()).isEqualTo("okushiriMove");
        assertThat(hakodate.bean(ProcessEngine.class).getName()).isEqualTo("hakodateMove");
        Mover p = MovingResidents.in(okushiri.context()).create(OKUSHIRI, "043-1401", "北海道奥尻郡奥尻町奥尻806番地");

        ProcessInstance out = transferOutByMailInOkushiri(p);
        String receipt = out.getBusinessKey();
        certificateInfoArrivedInHakodate(receipt, p);

        ProcessInstance in = specialTransferInAtHakodate(p, receipt);
        moverRegisteredInHakodate(p, receipt, in);

        okushirisCaseClosed(p, receipt, out);

        cardContinuationAtHakodate(p, in);
    }

    // ---- the steps ----

    /** 奥尻町: filed, reviewed as special; the 転出証明書情報 job runs and the case waits for the 転入通知. */
    private ProcessInstance transferOutByMailInOkushiri(Mover p) {
        Receipt receipt = okushiri.bean(TransferOutIntake.class).submit(OKUSHIRI,
                p.transferOutForm("2026-12-03", HAKODATE, NEW_ADDRESS), IntakeChannel.WEB,
                List.of(new Attachment("card.png", "image/png", new byte[]{(byte) 0x89, 'P', 'N', 'G'})),
                NOW, "test:whole-move:" + System.nanoTime());
        RuntimeService runtime = okushiri.bean(RuntimeService.class);
        ProcessInstance out = runtime.createProcessInstanceQuery().processInstanceBusinessKey(receipt.receiptNumber())
                .singleResult();
        assertThat(out.getTenantId()).isEqualTo(OKUSHIRI);
        executeDueJobs(okushiri.bean(org.camunda.bpm.engine.ManagementService.class), out);
        Task review = singleTask(okushiri, out);
        assertThat(review.getTaskDefinitionKey()).isEqualTo("Task_ReviewRequest");
        okushiri.bean(TaskService.class).complete(review.getId(), Map.of("reviewDecision", "ACCEPT", "route", "SPECIAL"));
        executeDueJobs(okushiri.bean(org.camunda.bpm.engine.ManagementService.class), out);
        assertThat(activeActivities(okushiri, out)).containsExactly("Task_AwaitMoveInNotice");
        assertThat(passed(okushiri, out)).contains("Task_SendCertificateInfo");
        assertThat(okushiri.bean(CaseRegistry.class).find(receipt.receiptNumber()).orElseThrow().statusCode())
                .isNotEqualTo("COMPLETED");
        assertThat(resident(okushiri, p.residentCode())).containsEntry("STATUS", "MOVING_OUT")
                .containsEntry("MUNICIPALITY_CODE", OKUSHIRI);
        return out;
    }

    /** 函館市 got the 転出証明書情報 over HTTP (its own database), and 奥尻町 only logged it as sent. */
    private void certificateInfoArrivedInHakodate(String receipt, Mover p) {
        ExpectedMoveIn expected = hakodate.bean(ExpectedMoveIns.class).find(receipt).orElseThrow();
        assertThat(expected.status()).isEqualTo(ExpectedMoveInStatus.EXPECTED);
        MoveOutCertificateInfo info = expected.certificate();
        assertThat(info.originCode()).isEqualTo(OKUSHIRI);
        assertThat(info.destinationCode()).isEqualTo(HAKODATE);
        assertThat(info.movers()).extracting(MoveOutCertificateInfo.Mover::residentCode).containsExactly(p.residentCode());
        assertThat(info.cardHolderResidentCode()).isEqualTo(p.residentCode());
        // the card as it presents itself at the counter, PIN hash included (never shown, never the PIN)
        String okushiriHash = jdbc(okushiri).sql("select pin_hash from card where card_number = ?").param(p.cardNumber())
                .query(String.class).single();
        assertThat(info.card()).isNotNull().satisfies(c -> {
            assertThat(c.number()).isEqualTo(p.cardNumber());
            assertThat(c.type()).isEqualTo("MY_NUMBER");
            assertThat(c.status()).isEqualTo("ACTIVE");
            assertThat(c.managingMunicipalityCode()).isEqualTo(OKUSHIRI);
            assertThat(c.pinHash()).isEqualTo(okushiriHash).doesNotContain(MovingResidents.PIN);
            assertThat(c.consecutivePinFailures()).isZero();
            assertThat(c.pinLocked()).isFalse();
        });
        assertThat(info.toString()).doesNotContain(okushiriHash);
        assertThat(okushiri.bean(ExpectedMoveIns.class).find(receipt)).isEmpty();
        assertThat(okushiri.bean(JukinetMessageLog.class).messagesAbout(receipt))
                .extracting(LoggedMessage::direction, LoggedMessage::type, LoggedMessage::toCode)
                .containsExactly(tuple(MessageDirection.SENT, MessageType.MOVE_OUT_CERTIFICATE_INFO, HAKODATE));
        assertThat(hakodate.bean(JukinetMessageLog.class).messagesAbout(receipt))
                .extracting(LoggedMessage::direction, LoggedMessage::type, LoggedMessage::fromCode, LoggedMessage::handled)
                .containsExactly(tuple(MessageDirection.RECEIVED, MessageType.MOVE_OUT_CERTIFICATE_INFO, OKUSHIRI, true));
        // 函館市 holds neither the mover nor the card before the counter visit
        assertThat(jdbc(hakodate).sql("select count(*) from resident where resident_code = ?").param(p.residentCode())
                .query(Integer.class).single()).isZero();
        assertThat(hakodate.bean(CardRegistry.class).find(p.cardNumber())).isEmpty();
    }

    /** 函館市: a Hakodate clerk takes the 特例転入, the resident enters the PIN, the clerk records it. */
    private ProcessInstance specialTransferInAtHakodate(Mover p, String receipt) {
        Map<String, Object> form = new HashMap<>();
        form.put("originReceiptNumber", receipt);
        form.put("cardNumber", p.cardNumber());
        form.put("movedInDate", "2026-11-25");
        form.put("newPostalCode", "040-0001");
        form.put("newAddress", NEW_ADDRESS);
        form.put("headOfHousehold", "本人");
        form.put("continuationWanted", true);
        form.put("wantsSpecial", true);
        IdentityService identity = hakodate.bean(IdentityService.class);
        identity.setAuthentication("hakodate-clerk", List.of(HAKODATE + "-clerks"), List.of(HAKODATE));
        ProcessInstance in;
        try {
            in = hakodate.bean(RuntimeService.class).createProcessInstanceByKey("transfer-in-with-card")
                    .processDefinitionWithoutTenantId().setVariables(form).execute();
        } finally {
            identity.clearAuthentication();
        }
        assertThat(in.getTenantId()).isEqualTo(HAKODATE);
        Task confirmPin = singleTask(hakodate, in);
        assertThat(confirmPin.getTaskDefinitionKey()).isEqualTo("Task_ConfirmPin");
        cardKeptAtHakodate(p);

        // the PIN, checked at 函館市 against the card it keeps: a wrong entry first, then the right one
        RuntimeService runtime = hakodate.bean(RuntimeService.class);
        PinRequests pinRequests = hakodate.bean(PinRequests.class);
        String pinRequestId = (String) runtime.getVariable(in.getId(), "pinRequestId");
        assertThat(pinRequests.attemptsLeftNow(pinRequestId)).isEqualTo(3);
        PinCheckResult wrong = pinRequests.submit(pinRequestId, "1357");
        assertThat(wrong.outcome()).isEqualTo(PinVerification.Outcome.WRONG);
        assertThat(wrong.attemptsLeft()).isEqualTo(2);
        assertThat(wrong.messageJa()).contains("あと 2 回");
        assertThat(pinRequests.attemptsLeftNow(pinRequestId)).isEqualTo(2);
        assertThat(pinRequests.submit(pinRequestId, MovingResidents.PIN).outcome()).isEqualTo(PinVerification.Outcome.OK);
        assertThat(hakodate.bean(CardRegistry.class).find(p.cardNumber()).orElseThrow().pin().consecutiveFailures())
                .isZero();
        // 奥尻町's copy did not see these entries
        assertThat(jdbc(okushiri).sql("select consecutive_pin_failures from card where card_number = ?")
                .param(p.cardNumber()).query(Integer.class).single()).isZero();
        hakodate.bean(TaskService.class).complete(confirmPin.getId());

        Task record = singleTask(hakodate, in);
        assertThat(record.getTaskDefinitionKey()).isEqualTo("Task_RecordTransferIn");
        assertThat(runtime.getVariables(in.getId())).containsEntry("pinResult", "OK").containsEntry("cardState", "VALID")
                .containsEntry("certificateInfo", "RECEIVED").containsEntry("route", "SPECIAL")
                .doesNotContainValue(MovingResidents.PIN);
        hakodate.bean(TaskService.class).complete(record.getId());
        executeDueJobs(hakodate.bean(org.camunda.bpm.engine.ManagementService.class), in);
        assertThat(passed(hakodate, in)).contains("Task_RegisterMovers", "Task_SendMoveInNotice");
        // continuation wanted: the call activity waits for it (cardContinuationAtHakodate)
        assertThat(activeActivities(hakodate, in)).containsExactly("Task_CardContinuation");
        return in;
    }

    /**
     * The card 函館市 keeps from the 転出証明書情報 once the clerk started the 特例転入: same number, dates and PIN hash,
     * still managed by 奥尻町, one {@code IMPORTED} event; its holder as not yet resident here ({@code MOVING_IN}).
     */
    private void cardKeptAtHakodate(Mover p) {
        Card card = hakodate.bean(CardRegistry.class).find(p.cardNumber()).orElseThrow();
        Card origin = okushiri.bean(CardRegistry.class).find(p.cardNumber()).orElseThrow();
        assertThat(card.holderResidentCode()).isEqualTo(p.residentCode());
        assertThat(card.managingMunicipalityCode()).isEqualTo(OKUSHIRI);
        assertThat(card.status()).isEqualTo(CardStatus.ACTIVE);
        assertThat(card.issuedOn()).isEqualTo(origin.issuedOn());
        assertThat(card.validUntil()).isEqualTo(origin.validUntil());
        assertThat(card.freeEndorsementLines()).isEqualTo(origin.freeEndorsementLines());
        assertThat(card.pin()).isEqualTo(origin.pin());
        assertThat(hakodate.bean(CardRegistry.class).events(card.id()))
                .extracting(CardEvent::eventType, CardEvent::reason)
                .containsExactly(tuple(PresentedCards.EVENT_IMPORTED, "転入先でのカード情報の受入"));
        assertThat(resident(hakodate, p.residentCode())).containsEntry("STATUS", "MOVING_IN")
                .containsEntry("MUNICIPALITY_CODE", HAKODATE);
    }

    /** 函館市 registered the mover from the certificate, same 住民票コード, and sent the 転入通知 over HTTP to 奥尻町. */
    private void moverRegisteredInHakodate(Mover p, String receipt, ProcessInstance in) {
        assertThat(resident(hakodate, p.residentCode())).containsEntry("MUNICIPALITY_CODE", HAKODATE)
                .containsEntry("STATUS", "RESIDENT").containsEntry("ADDRESS", NEW_ADDRESS);
        Resident registered = hakodate.bean(ResidentRegister.class).find(ResidentCode.of(p.residentCode()), "テスト")
                .orElseThrow();
        assertThat(registered.name()).isEqualTo(new PersonName(p.familyName(), p.givenName(), p.familyNameKana(),
                p.givenNameKana()));
        assertThat(registered.birthDate()).isEqualTo(p.birthDate());
        assertThat(registered.sex()).isEqualTo(p.sex());
        assertThat(registered.relationship()).isEqualTo(Resident.HEAD_OF_HOUSEHOLD);
        assertThat(registered.postalCode()).isEqualTo("040-0001");
        assertThat(registered.honseki()).isNull();
        assertThat(registered.hittosha()).isNull();
        assertThat(hakodate.bean(ResidentRegister.class).household(registered.householdId()).orElseThrow()
                .headResidentCode()).isEqualTo(p.residentCode());
        // 奥尻町's row of the same person keeps its 本籍 (it never travelled)
        assertThat(okushiri.bean(ResidentRegister.class).find(ResidentCode.of(p.residentCode()), "テスト").orElseThrow()
                .honseki()).isNotBlank();
        assertThat(hakodate.bean(ResidentRegister.class).events(ResidentCode.of(p.residentCode())))
                .containsExactly(ResidentRegister.EVENT_TRANSFER_IN);
        assertThat(hakodate.bean(ExpectedMoveIns.class).find(receipt).orElseThrow().status())
                .isEqualTo(ExpectedMoveInStatus.REGISTERED);
        assertThat(hakodate.bean(JukinetMessageLog.class).messagesAbout(receipt))
                .extracting(LoggedMessage::direction, LoggedMessage::type)
                .containsExactly(tuple(MessageDirection.RECEIVED, MessageType.MOVE_OUT_CERTIFICATE_INFO),
                        tuple(MessageDirection.SENT, MessageType.MOVE_IN_NOTICE));
        assertThat(okushiri.bean(JukinetMessageLog.class).messagesAbout(receipt))
                .extracting(LoggedMessage::direction, LoggedMessage::type, LoggedMessage::handled)
                .containsExactly(tuple(MessageDirection.SENT, MessageType.MOVE_OUT_CERTIFICATE_INFO, true),
                        tuple(MessageDirection.RECEIVED, MessageType.MOVE_IN_NOTICE, true));
    }

    /**
     * 奥尻町: the 転入通知 received over HTTP continued the case in 奥尻町's endpoint (as the sender acting for 013676
     * only); its remaining jobs end it: case COMPLETED, 除票 (status DELETED, still 奥尻町's row).
     */
    private void okushirisCaseClosed(Mover p, String receipt, ProcessInstance out) {
        executeDueJobs(okushiri.bean(org.camunda.bpm.engine.ManagementService.class), out);
        assertThat(passed(okushiri, out)).contains("Task_FinalizeMoveOut");
        assertThat(activeActivities(okushiri, out)).isEmpty();
        assertThat(okushiri.bean(RuntimeService.class).createProcessInstanceQuery().processInstanceId(out.getId())
                .count()).isZero();
        assertThat(okushiri.bean(CaseRegistry.class).find(receipt).orElseThrow().statusCode()).isEqualTo("COMPLETED");
        assertThat(resident(okushiri, p.residentCode())).containsEntry("STATUS", "DELETED")
                .containsEntry("MUNICIPALITY_CODE", OKUSHIRI);
        assertThat(okushiri.bean(ResidentRegister.class).events(ResidentCode.of(p.residentCode())))
                .containsSubsequence(ResidentRegister.EVENT_MOVE_OUT_PLANNED, ResidentRegister.EVENT_MOVE_OUT_CONFIRMED);
        // closed while handling the 転入通知 in 奥尻町's endpoint: the audit names the sender, acting for 奥尻町
        assertThat(okushiri.bean(AuditLog.class).entriesAbout(p.residentCode()))
                .filteredOn(e -> e.action() == AuditAction.DELETE).singleElement().satisfies(e -> {
                    assertThat(e.actor()).isEqualTo("jukinet:" + HAKODATE);
                    assertThat(e.municipalityCode()).isEqualTo(OKUSHIRI);
                });
        // 函館市's record of the same person is untouched by the origin's closing
        assertThat(resident(hakodate, p.residentCode())).containsEntry("STATUS", "RESIDENT");
        // 奥尻町 keeps its 除票 (copied from its row in the closing transaction), 函館市 has none
        assertThat(okushiri.bean(jp.jukiflow.register.RemovedRecords.class)
                .visibleOf(ResidentCode.of(p.residentCode()), "テスト")).singleElement().satisfies(r -> {
                    assertThat(r.municipalityCode()).isEqualTo(OKUSHIRI);
                    assertThat(r.reason()).isEqualTo(jp.jukiflow.register.RemovalReason.TRANSFER_OUT);
                    assertThat(r.destinationCode()).isEqualTo(HAKODATE);
                    assertThat(r.honseki()).isNotBlank();
                });
        assertThat(hakodate.bean(jp.jukiflow.register.RemovedRecords.class)
                .visibleOf(ResidentCode.of(p.residentCode()), "テスト")).isEmpty();
        // 奥尻町 notes on its card that its data went to 函館市
        Card okushiriCard = okushiri.bean(CardRegistry.class).find(p.cardNumber()).orElseThrow();
        assertThat(okushiri.bean(CardRegistry.class).events(okushiriCard.id())).extracting(CardEvent::eventType)
                .containsExactly(CardRegistry.EVENT_ISSUED, PresentedCards.EVENT_HANDED_OVER);
    }

    /**
     * 継続利用 at 函館市's counter (docs/domain.md §3), the last step of the whole move: the resident wanted it, so after the
     * 転入通知 the transfer-in's call activity 「カードの継続利用」 started {@code card-continuation} in 函館市 (tenant
     * 012025), which waits at its own 「暗証番号の確認」. The resident enters {@link MovingResidents#PIN} on its PIN request,
     * a Hakodate clerk completes 「暗証番号の確認」 and 「追記欄への記載」, the jobs run; the card is then managed by 函館市
     * with one 追記欄 line used, a CONTINUED card event with the new address, and the continuation record CONTINUED.
     * Checked through 函館市's card registry (however the card's row got there), not its tables.
     */
    private void cardContinuationAtHakodate(Mover p, ProcessInstance in) {
        RuntimeService runtime = hakodate.bean(RuntimeService.class);
        TaskService tasks = hakodate.bean(TaskService.class);
        org.camunda.bpm.engine.ManagementService management = hakodate.bean(org.camunda.bpm.engine.ManagementService.class);
        CardRegistry cards = hakodate.bean(CardRegistry.class);
        assertThat(hakodate.bean(HistoryService.class).createHistoricVariableInstanceQuery().processInstanceId(in.getId())
                .variableName("continuationWanted").singleResult().getValue()).isEqualTo(true);
        Card before = cards.find(p.cardNumber()).orElseThrow();
        assertThat(before.status()).isEqualTo(CardStatus.ACTIVE);
        assertThat(before.freeEndorsementLines()).isPositive();
        assertThat(hakodate.bean(CardContinuations.class).pending(p.cardNumber())).hasValueSatisfying(c -> {
            assertThat(c.destinationCode()).isEqualTo(HAKODATE);
            assertThat(c.holderResidentCode()).isEqualTo(p.residentCode());
        });

        ProcessInstance continuation = runtime.createProcessInstanceQuery().superProcessInstanceId(in.getId())
                .singleResult();
        assertThat(continuation).isNotNull();
        assertThat(continuation.getTenantId()).isEqualTo(HAKODATE);
        Task confirmPin = singleTask(hakodate, continuation);
        assertThat(confirmPin.getTaskDefinitionKey()).isEqualTo("Task_ConfirmPin");
        assertThat(tasks.getIdentityLinksForTask(confirmPin.getId())).extracting(l -> l.getGroupId())
                .contains(HAKODATE + "-clerks");
        // the continuation asks for the PIN itself: the transfer-in's request and result were not passed in
        assertThat(runtime.getVariables(continuation.getId())).doesNotContainKey("pinResult")
                .doesNotContainValue(runtime.getVariable(in.getId(), "pinRequestId"));
        hakodate.bean(PinRequests.class).submit((String) runtime.getVariable(continuation.getId(), "pinRequestId"),
                MovingResidents.PIN);
        asHakodateClerk(() -> tasks.complete(confirmPin.getId()));

        Task endorse = singleTask(hakodate, continuation);
        assertThat(endorse.getTaskDefinitionKey()).isEqualTo("Task_WriteEndorsement");
        assertThat(runtime.getVariables(continuation.getId())).containsEntry("pinResult", "OK")
                .containsEntry("eligible", true).doesNotContainValue(MovingResidents.PIN);
        asHakodateClerk(() -> tasks.complete(endorse.getId(), Map.of("endorsementWritten", true)));
        executeDueJobs(management, continuation);
        executeDueJobs(management, in);

        assertThat(passed(hakodate, continuation)).contains("Task_ApplyContinuation", "End_Continued");
        assertThat(passed(hakodate, in)).contains("Task_CardContinuation", "End_Registered");
        assertThat(activeActivities(hakodate, in)).isEmpty();
        assertThat(hakodate.bean(HistoryService.class).createHistoricVariableInstanceQuery().processInstanceId(in.getId())
                .variableName("continuationOutcome").singleResult().getValue()).isEqualTo("CONTINUED");

        Card after = cards.find(p.cardNumber()).orElseThrow();
        assertThat(after.managingMunicipalityCode()).isEqualTo(HAKODATE);
        assertThat(after.status()).isEqualTo(CardStatus.ACTIVE);
        assertThat(after.freeEndorsementLines()).isEqualTo(before.freeEndorsementLines() - 1);
        List<CardEvent> events = cards.events(after.id());
        assertThat(events.get(events.size() - 1)).satisfies(e -> {
            assertThat(e.eventType()).isEqualTo(CardContinuations.EVENT_CONTINUED);
            assertThat(e.detail()).contains(NEW_ADDRESS);
        });
        assertThat(hakodate.bean(CardContinuations.class).history(p.cardNumber()))
                .filteredOn(c -> c.destinationCode().equals(HAKODATE)).singleElement()
                .satisfies(c -> assertThat(c.status()).isEqualTo(ContinuationStatus.CONTINUED));
    }

    private static void asHakodateClerk(Runnable work) {
        IdentityService identity = hakodate.bean(IdentityService.class);
        identity.setAuthentication("hakodate-clerk", List.of(HAKODATE + "-clerks"), List.of(HAKODATE));
        try {
            work.run();
        } finally {
            identity.clearAuthentication();
        }
    }

    // ---- helpers ----

    private static JdbcClient jdbc(TownDeployment town) {
        return town.bean(JdbcClient.class);
    }

    private static Task singleTask(TownDeployment town, ProcessInstance pi) {
        return town.bean(TaskService.class).createTaskQuery().processInstanceId(pi.getId()).singleResult();
    }

    private static List<String> activeActivities(TownDeployment town, ProcessInstance pi) {
        return town.bean(HistoryService.class).createHistoricActivityInstanceQuery().processInstanceId(pi.getId())
                .unfinished().list().stream().map(a -> a.getActivityId())
                .filter(id -> !id.equals(pi.getProcessDefinitionId())).toList();
    }

    private static List<String> passed(TownDeployment town, ProcessInstance pi) {
        return town.bean(HistoryService.class).createHistoricActivityInstanceQuery().processInstanceId(pi.getId())
                .finished().orderPartiallyByOccurrence().asc().list().stream().map(a -> a.getActivityId()).toList();
    }

    private static Map<String, Object> resident(TownDeployment town, String code) {
        return jdbc(town).sql("select municipality_code, status, address from resident where resident_code = ?")
                .param(code).query().singleRow().entrySet().stream()
                .collect(HashMap::new, (m, e) -> m.put(e.getKey().toUpperCase(Locale.ROOT), e.getValue()),
                        HashMap::putAll);
    }
}
