package jp.jukiflow.pinreset.internal;

import static jp.jukiflow.pinreset.PinResetVariables.*;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

import jp.jukiflow.audit.CurrentActor;
import jp.jukiflow.cases.CaseRegistry;
import jp.jukiflow.municipality.BusinessCalendar;
import jp.jukiflow.municipality.LocalGovernmentCode;
import jp.jukiflow.municipality.MunicipalityDirectory;
import jp.jukiflow.register.Resident;
import jp.jukiflow.register.ResidentCode;
import jp.jukiflow.register.ResidentRegister;
import jp.jukiflow.shared.DomainRuleViolation;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * 「照会書の発行」: writes the 照会書 to the holder's registered address as a PDF, keeps it with the case and sets
 * the 照会番号, the answer deadline ({@code jukiflow.pin-reset.answer-days} days, 初日不算入, a closed last day rolled to
 * the next open day) and the timer: the start of the day after the deadline, Japan time.
 */
@Component("issuePinResetInquiry")
class IssuePinResetInquiry implements JavaDelegate {

    static final String PURPOSE = "暗証番号の再設定（代理人）の照会書";

    private final ResidentRegister register;
    private final MunicipalityDirectory municipalities;
    private final CaseRegistry cases;
    private final BusinessCalendar calendar;
    private final InquiryLetter letter;
    private final InquiryStore store;
    private final CurrentActor actor;
    private final Clock clock;
    private final int answerDays;

    IssuePinResetInquiry(ResidentRegister register, MunicipalityDirectory municipalities, CaseRegistry cases,
                         BusinessCalendar calendar, InquiryLetter letter, InquiryStore store, CurrentActor actor,
                         Clock clock, @Value("${jukiflow.pin-reset.answer-days:30}") int answerDays) {
        this.register = register;
        this.municipalities = municipalities;
        this.cases = cases;
        this.calendar = calendar;
        this.letter = letter;
        this.store = store;
        this.actor = actor;
        this.clock = clock;
        this.answerDays = answerDays;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String tenant = execution.getTenantId();
        String cardNumber = (String) execution.getVariable(CARD_NUMBER);
        Resident holder = register.find(ResidentCode.of((String) execution.getVariable(RESIDENT_CODE)), PURPOSE)
                .orElseThrow(() -> new DomainRuleViolation("HOLDER_NOT_FOUND",
                        "カードの所有者が住民基本台帳に見つからないため、照会書を送れません。"));
        String municipality = municipalities.require(LocalGovernmentCode.of(tenant)).name();
        LocalDate today = calendar.today();
        LocalDate deadline = calendar.deadline(today, answerDays);
        String inquiryNumber = cases.nextReceiptNumber(tenant);
        String tail = cardNumber.length() <= 4 ? cardNumber : cardNumber.substring(cardNumber.length() - 4);
        byte[] pdf = letter.render(new InquiryLetter.Content(inquiryNumber, today, deadline, municipality,
                holder.name().full(), holder.postalCode(), holder.address(), tail,
                PinResetStart.text(execution, AGENT_NAME)));
        store.insert(new InquiryStore.Inquiry(inquiryNumber, execution.getProcessInstanceId(), tenant, cardNumber,
                holder.code().value(), today, deadline, null), pdf, actor.id(), Instant.now(clock));
        execution.setVariable(INQUIRY_NUMBER, inquiryNumber);
        execution.setVariable(ANSWER_DEADLINE, deadline.toString());
        execution.setVariable(ANSWER_TIMER_AT,
                deadline.plusDays(1).atStartOfDay(BusinessCalendar.ZONE).toOffsetDateTime().toString());
        execution.setVariable(HOLDER_EMAIL,
                holder.email() == null || holder.email().isBlank() ? null : holder.email().strip());
        execution.setVariable(INQUIRY_PDF_URL,
                "/staff/pin-resets/" + execution.getProcessInstanceId() + "/inquiry.pdf");
    }
}
