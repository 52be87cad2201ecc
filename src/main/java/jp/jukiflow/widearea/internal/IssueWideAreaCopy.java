package jp.jukiflow.widearea.internal;

import static jp.jukiflow.widearea.WideAreaCopyVariables.*;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

import jp.jukiflow.audit.AuditAction;
import jp.jukiflow.audit.AuditLog;
import jp.jukiflow.audit.CurrentActor;
import jp.jukiflow.documents.ResidentRecordCopy;
import jp.jukiflow.documents.ResidentRecordCopyPdf;
import jp.jukiflow.jukinet.WideAreaCopyResponse;
import jp.jukiflow.municipality.BusinessCalendar;
import jp.jukiflow.municipality.LocalGovernmentCode;
import jp.jukiflow.municipality.MunicipalityDirectory;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 「住民票の写しの作成（PDF）」 after the clerk collected the fee: the next receipt number of the municipality's year
 * (<code>012025-K-2026-000001</code>), the copy as PDF ({@link ResidentRecordCopyPdf}: 世帯連記式, 和暦, certified by the
 * issuing municipality's head) from the home municipality's answer, kept with the case; its address for the clerk in
 * {@code copyPdfUrl}. Writes an audit line (CREATE) for the issue.
 */
@Component("issueWideAreaCopy")
class IssueWideAreaCopy implements JavaDelegate {

    private final WideAreaCopyStore store;
    private final ResidentRecordCopyPdf pdf;
    private final MunicipalityDirectory directory;
    private final BusinessCalendar calendar;
    private final CurrentActor actor;
    private final AuditLog audit;
    private final Clock clock;

    IssueWideAreaCopy(WideAreaCopyStore store, ResidentRecordCopyPdf pdf, MunicipalityDirectory directory,
                      BusinessCalendar calendar, CurrentActor actor, AuditLog audit, Clock clock) {
        this.store = store;
        this.pdf = pdf;
        this.directory = directory;
        this.calendar = calendar;
        this.actor = actor;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String tenant = execution.getTenantId();
        String issuingName = directory.require(LocalGovernmentCode.of(tenant)).name();
        WideAreaCopyResponse answer = CopyAnswer.of(execution);
        LocalDate today = calendar.today();
        String receipt = "%s-K-%d-%06d".formatted(tenant, today.getYear(), store.nextNumber(tenant, today.getYear()));
        ResidentRecordCopy copy = new ResidentRecordCopy(receipt, tenant, issuingName, issuingName + "長", today,
                answer.homeMunicipalityName(), answer.address(), answer.householdHeadName(),
                Boolean.TRUE.equals(execution.getVariable(SHOW_RELATIONSHIP)),
                Boolean.TRUE.equals(execution.getVariable(SHOW_RESIDENT_CODE)),
                answer.persons().stream().map(p -> new ResidentRecordCopy.Person(p.name(), p.nameKana(),
                        p.birthDate(), p.sex(), p.relationship(), p.residentCode(), p.becameResidentOn(),
                        p.addressSince())).toList());
        byte[] document = pdf.render(copy);
        Object fee = execution.getVariable(FEE);
        store.insert(new WideAreaCopyStore.IssuedCopy(receipt, (String) execution.getVariable(REQUEST_ID),
                execution.getProcessInstanceId(), tenant, answer.homeCode(), answer.persons().size(),
                fee == null ? 0 : ((Number) fee).intValue(), actor.id(), Instant.now(clock)), document);
        audit.record(AuditAction.CREATE, tenant, (String) execution.getVariable(REQUESTER_RESIDENT_CODE),
                HomeRegisterAnswers.PURPOSE, "住民票の写し（受付番号 " + receipt + "、" + answer.persons().size()
                        + "人、住所地 " + answer.homeMunicipalityName() + "）を交付");
        execution.setVariable(RECEIPT_NUMBER, receipt);
        execution.setVariable(COPY_PDF_URL, WideAreaCopyController.PATH + "/" + receipt + ".pdf");
    }
}
