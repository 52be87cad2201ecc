package jp.jukiflow.suspension.internal;

import static jp.jukiflow.suspension.CardSuspensionVariables.*;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import jp.jukiflow.card.Card;
import jp.jukiflow.card.CardStatusChanges;
import jp.jukiflow.card.CardType;
import jp.jukiflow.pin.PinRequest;
import jp.jukiflow.pin.PinRequests;
import jp.jukiflow.municipality.BusinessCalendar;
import jp.jukiflow.municipality.CounterGuard;
import jp.jukiflow.municipality.Procedure;
import jp.jukiflow.security.TenantAccess;
import jp.jukiflow.shared.DomainRuleViolation;
import jp.jukiflow.shared.ResourceNotFound;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstanceWithVariables;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the 24-hour line and the clerks' page do with suspensions: report one (the process starts and suspends the
 * card in the same transaction), and end one at the counter — 発見・解除 or 廃止届 — by correlating the message the
 * waiting process expects. Every refusal carries a stable code and a Japanese reason, and changes nothing.
 */
@Service
public class CardSuspensionService {

    /** How long 解除 or 廃止届 waits for a colleague's action on the same suspension before it says so. */
    private static final Duration LOCK_PATIENCE = Duration.ofSeconds(30);

    private final RuntimeService runtime;
    private final CardStatusChanges cards;
    private final SuspensionStore store;
    private final BusinessCalendar calendar;
    private final TenantAccess tenants;
    private final SuspensionSettings settings;
    private final PinRequests pinRequests;
    private final CounterGuard counters;

    CardSuspensionService(RuntimeService runtime, CardStatusChanges cards, SuspensionStore store,
                          BusinessCalendar calendar, TenantAccess tenants, SuspensionSettings settings,
                          PinRequests pinRequests, CounterGuard counters) {
        this.runtime = runtime;
        this.cards = cards;
        this.store = store;
        this.calendar = calendar;
        this.tenants = tenants;
        this.settings = settings;
        this.pinRequests = pinRequests;
        this.counters = counters;
    }

    record Receipt(String suspensionNumber, String cardNumber, String status, String statusLabel, boolean repeated) {
    }

    /**
     * A report of the 24-hour line (My Number Cards only), at any hour of any day. A repeated Idempotency-Key returns
     * the first answer without a second suspension.
     */
    @Transactional
    Receipt reportByCallCenter(Map<String, Object> input, String idempotencyKey) {
        String key = idempotencyKey == null ? null : "api:" + idempotencyKey;
        if (key != null) {
            // a retry gets the first answer, whatever changed since (the clock, the card's status)
            Suspension first = store.findByIdempotencyKey(key).orElse(null);
            if (first != null) {
                Object card = input.get(CARD_NUMBER);
                if (card == null || !first.cardNumber().equals(card.toString().strip())) {
                    throw new SuspensionConflict("IDEMPOTENCY_KEY_REUSED",
                            "この Idempotency-Key は別のカードの届出に使われています。新しいキーで送信してください。");
                }
                return receipt(first, true);
            }
        }
        Map<String, Object> v = new HashMap<>(input);
        v.put(CHANNEL, ReportChannel.CALLCENTER.name());
        v.remove(OFFICE_ID);
        SuspensionReport report = SuspensionReport.read(v, calendar.today());
        Card card = cards.require(report.cardNumber());
        if (card.type() != CardType.MY_NUMBER) {
            throw new SuspensionConflict("CARD_TYPE_NOT_ACCEPTED", "24時間受付で一時停止できるのはマイナンバーカードだけです。"
                    + "住基カードの一時停止は、市区町村の窓口または開庁時間内の電話でお申し出ください。");
        }
        store.openFor(card.number()).ifPresent(open -> {
            throw new SuspensionConflict("CARD_ALREADY_SUSPENDED",
                    "このカードは既に一時停止されています（一時停止番号 " + open.number() + "）。");
        });
        cards.checkSuspendable(card);
        v.put(CARD_NUMBER, card.number());
        v.put(MUNICIPALITY_CODE, card.managingMunicipalityCode());
        v.put(IDEMPOTENCY_KEY, key);
        ProcessInstanceWithVariables instance = runtime.createProcessInstanceByKey(PROCESS_KEY)
                .processDefinitionWithoutTenantId().setVariables(v).executeWithVariablesInReturn();
        String number = (String) instance.getVariables().get(SUSPENSION_NUMBER);
        return receipt(store.find(number).orElseThrow(), false);
    }

    /** The suspension, for the operator's own municipality only. */
    @Transactional(readOnly = true)
    Suspension get(String number) {
        String n = number == null ? "" : number.strip();
        Suspension s = store.find(n).orElseThrow(() -> new ResourceNotFound("SUSPENSION_NOT_FOUND",
                "一時停止番号「" + n + "」の一時停止はありません。"));
        tenants.check(s.municipalityCode());
        return s;
    }

    /** The open suspension of a card, for the look-up by card number. */
    @Transactional(readOnly = true)
    Suspension openForCard(String cardNumber) {
        String n = cardNumber == null ? "" : cardNumber.strip();
        Suspension s = store.openFor(n).orElseThrow(() -> new ResourceNotFound("SUSPENSION_NOT_FOUND",
                "カード番号「" + n + "」の一時停止中の記録はありません。"));
        tenants.check(s.municipalityCode());
        return s;
    }

    /**
     * 発見・解除 at the counter only (never by phone): the card is presented and a photo ID checked; with the setting
     * {@code lift-pin-check} also a PIN request of this card answered OK. The counter ({@code officeId}, blank: the
     * main office) must accept the lifting and be open now ({@link CounterGuard}).
     */
    @Transactional
    public void lift(String number, boolean cardPresented, String identityDocument, String pinRequestId, String note,
                     String officeId) {
        Suspension s = requireOpen(number);
        counters.check(s.municipalityCode(), officeId, Procedure.SUSPENSION_LIFT);
        if (!cardPresented) {
            throw new DomainRuleViolation("CARD_NOT_PRESENTED",
                    "一時停止の解除には、見つかったカードを窓口で提示していただく必要があります（電話では解除できません）。");
        }
        if (identityDocument == null || identityDocument.isBlank()) {
            throw new DomainRuleViolation("IDENTITY_DOCUMENT_MISSING",
                    "写真付きの本人確認書類（運転免許証など）を確認し、その種類を入力してください。");
        }
        if (settings.liftPinCheck()) {
            checkPin(s, pinRequestId);
        }
        Map<String, Object> v = new HashMap<>();
        v.put(IDENTITY_DOCUMENT, identityDocument.strip());
        v.put(CLOSING_NOTE, note);
        correlate(s, MESSAGE_CARD_FOUND, v);
    }

    /**
     * 廃止届: irreversible; the holder's identity is checked at the counter, which must accept the 廃止届 and be open now
     * ({@code officeId}, blank: the main office; {@link CounterGuard}).
     */
    @Transactional
    public void abolish(String number, String identityDocument, String note, String officeId) {
        Suspension s = requireOpen(number);
        counters.check(s.municipalityCode(), officeId, Procedure.CARD_ABOLITION);
        if (identityDocument == null || identityDocument.isBlank()) {
            throw new DomainRuleViolation("IDENTITY_DOCUMENT_MISSING",
                    "廃止届の届出人の本人確認書類を確認し、その種類を入力してください。");
        }
        Map<String, Object> v = new HashMap<>();
        v.put(IDENTITY_DOCUMENT, identityDocument.strip());
        v.put(CLOSING_NOTE, note);
        correlate(s, MESSAGE_ABOLITION_FILED, v);
    }

    /**
     * The suspension, still open, with its row locked until this transaction ends — before the engine is touched. Of
     * two clerks ending the same suspension at once (解除 against 廃止届) the second waits here until the first has
     * committed, then finds it closed and gets the Japanese reason; it never correlates a message the first has just
     * consumed (that used to end inside the engine, e.g. a NullPointerException or a deadlock in the loser's
     * correlation). The lock order is always the suspension's row, then the card's ({@link CloseSuspension}).
     */
    private Suspension requireOpen(String number) {
        Suspension s = lock(get(number).number());
        if (s.status() != Suspension.Status.SUSPENDED) {
            throw closed(s);
        }
        return s;
    }

    /**
     * Locks the suspension's row, waiting as long as a colleague's action may take. H2 gives up waiting for a row lock
     * after its lock timeout (2 s) and leaves the transaction usable, so the lock is asked for again; PostgreSQL waits.
     */
    private Suspension lock(String number) {
        long deadline = System.nanoTime() + LOCK_PATIENCE.toNanos();
        while (true) {
            try {
                return store.findForUpdate(number).orElseThrow();
            } catch (PessimisticLockingFailureException e) {
                if (System.nanoTime() > deadline) {
                    throw new SuspensionConflict("SUSPENSION_BUSY", "一時停止番号 " + number
                            + " は、いま別の職員が手続きしています。少し待ってから画面を開き直し、状態を確かめてください。");
                }
            }
        }
    }

    private static SuspensionConflict closed(Suspension s) {
        return new SuspensionConflict("SUSPENSION_CLOSED", "一時停止番号 " + s.number() + " は既に「" + s.status().label()
                + "」です。" + (s.status() == Suspension.Status.ABOLISHED
                ? "廃止したカードは、見つかっても再び使うことはできません。" : "これ以上の手続きはできません。"));
    }

    private void checkPin(Suspension s, String pinRequestId) {
        if (pinRequestId == null || pinRequestId.isBlank()) {
            throw new DomainRuleViolation("PIN_CHECK_REQUIRED", "解除には暗証番号の確認が必要です。暗証番号の入力依頼を作り、入力後にその番号を指定してください。");
        }
        PinRequest request = pinRequests.get(pinRequestId.strip());
        boolean ok = request.cardNumber().equals(s.cardNumber()) && pinRequests.outcome(request.id())
                .map(o -> o.state() == PinRequest.State.OK).orElse(false);
        if (!ok) {
            throw new DomainRuleViolation("PIN_NOT_CONFIRMED", "このカードの暗証番号が確認できていません。解除できません。");
        }
    }

    private void correlate(Suspension s, String message, Map<String, Object> variables) {
        try {
            runtime.createMessageCorrelation(message).processInstanceBusinessKey(s.number())
                    .tenantId(s.municipalityCode()).setVariables(variables).correlateWithResult();
        } catch (ProcessEngineException e) {
            // another clerk may have ended the suspension a moment ago: the message was then no longer awaited
            // (no subscription left, or an optimistic lock on the same execution); say so instead of failing
            Suspension now = store.find(s.number()).orElse(s);
            if (now.status() != Suspension.Status.SUSPENDED) {
                throw closed(now);
            }
            if (e instanceof MismatchingMessageCorrelationException) {
                throw new SuspensionConflict("SUSPENSION_BUSY", "一時停止番号 " + s.number()
                        + " は、いまタスク「長期停止の確認」の処理中です。タスクリストでそのタスクを完了してから、もう一度操作してください。");
            }
            throw e;
        }
    }

    private static Receipt receipt(Suspension s, boolean repeated) {
        return new Receipt(s.number(), s.cardNumber(), s.status().name(), s.status().label(), repeated);
    }
}
