package jp.jukiflow.suspension.internal;

import static jp.jukiflow.suspension.CardSuspensionVariables.*;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Date;

import jp.jukiflow.audit.CurrentActor;
import jp.jukiflow.card.Card;
import jp.jukiflow.card.CardJurisdiction;
import jp.jukiflow.card.CardStatusChanges;
import jp.jukiflow.municipality.BusinessCalendar;
import jp.jukiflow.municipality.CounterGuard;
import jp.jukiflow.municipality.LocalGovernmentCode;
import jp.jukiflow.municipality.MunicipalityDirectory;
import jp.jukiflow.municipality.Procedure;
import jp.jukiflow.shared.DomainRuleViolation;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The report takes effect at once, in the transaction of the start: the report is checked, the card becomes
 * SUSPENDED (card event, {@code CardStatusChanged} for the certificates), the suspension is numbered and recorded,
 * and the number becomes the business key. A card already 廃止, returned, suspended or expired, or out of this
 * municipality's reach ({@link CardJurisdiction}: the managing municipality or the holder's new one), is refused with
 * the reason and nothing is recorded.
 */
@Component("suspendCard")
class SuspendCard implements JavaDelegate {

    private static final java.time.format.DateTimeFormatter MINUTES =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final CardStatusChanges cards;
    private final SuspensionStore store;
    private final CounterGuard counters;
    private final BusinessCalendar calendar;
    private final MunicipalityDirectory municipalities;
    private final CurrentActor actor;
    private final Clock clock;
    private final CardJurisdiction jurisdiction;

    SuspendCard(CardStatusChanges cards, SuspensionStore store, CounterGuard counters, BusinessCalendar calendar,
                MunicipalityDirectory municipalities, CurrentActor actor, Clock clock, CardJurisdiction jurisdiction) {
        this.jurisdiction = jurisdiction;
        this.cards = cards;
        this.store = store;
        this.counters = counters;
        this.calendar = calendar;
        this.municipalities = municipalities;
        this.actor = actor;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        LocalDate today = calendar.today();
        SuspensionReport report = SuspensionReport.read(execution.getVariables(), today);
        String tenant = execution.getTenantId();
        Card card = cards.require(report.cardNumber());
        if (!jurisdiction.mayAct(card, CardJurisdiction.Act.SUSPENSION, tenant)) {
            throw new DomainRuleViolation("CARD_MANAGED_ELSEWHERE", "このカードは"
                    + municipalities.require(LocalGovernmentCode.of(card.managingMunicipalityCode())).name()
                    + "が管理しています。一時停止は、カードを管理する市区町村か、所持者の住所地の市区町村で受け付けます。");
        }
        if (report.channel() == ReportChannel.COUNTER) { // the phone and the 24-hour line are no counter (docs/domain.md §4)
            counters.check(tenant, report.officeId(), Procedure.CARD_SUSPENSION);
        }
        store.openFor(card.number()).ifPresent(open -> {
            throw new DomainRuleViolation("CARD_ALREADY_SUSPENDED",
                    "このカードは既に一時停止されています（一時停止番号 " + open.number() + "）。");
        });
        cards.checkSuspendable(card);
        String number = store.nextNumber(tenant, today.getYear());
        Instant now = Instant.now(clock);
        cards.suspend(card.number(), report.reason().label() + "（一時停止番号 " + number + "）",
                report.channel().label() + "で受付。届出人: " + report.reporterName());
        Object key = execution.getVariable(IDEMPOTENCY_KEY);
        store.insert(new Suspension(number, tenant, card.number(), card.id(), report.reason(), report.reasonDetail(),
                report.lostOn(), report.policeReceiptNumber(), report.channel(), report.officeId(),
                report.reporterName(), report.reporterRelation(), report.reporterPhone(), report.reporterEmail(),
                Suspension.Status.SUSPENDED, now, actor.id(), null, null, null, execution.getProcessInstanceId(),
                key == null ? null : key.toString()));
        execution.setProcessBusinessKey(number);
        execution.setVariable(SUSPENSION_NUMBER, number);
        execution.setVariable(CARD_NUMBER, card.number());
        execution.setVariable(SUSPENSION_REASON, report.reason().name());
        execution.setVariable(REASON_LABEL, report.reason().label());
        execution.setVariable(CHANNEL, report.channel().name());
        execution.setVariable(CARD_TYPE, card.type().name());
        execution.setVariable(POLICE_RECEIPT_NUMBER, report.policeReceiptNumber());
        execution.setVariable(LOST_ON, report.lostOn() == null ? null : report.lostOn().toString());
        execution.setVariable(SUSPENDED_AT, MINUTES.format(now.atZone(BusinessCalendar.ZONE)));
        execution.setVariable(CONFIRMATION_DUE, confirmationDue(tenant, today));
    }

    /** 「一時停止の確認」 is due at the close of the next open day. */
    private Date confirmationDue(String tenant, LocalDate today) {
        LocalDate day = calendar.nextOpenDay(today);
        var closing = municipalities.require(LocalGovernmentCode.of(tenant)).mainOffice().hours().closing();
        return Date.from(ZonedDateTime.of(day, closing, BusinessCalendar.ZONE).toInstant());
    }
}
