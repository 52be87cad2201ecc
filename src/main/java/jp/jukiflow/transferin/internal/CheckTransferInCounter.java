package jp.jukiflow.transferin.internal;

import static jp.jukiflow.transferin.internal.TransferInVariables.*;

import jp.jukiflow.municipality.BusinessCalendar;
import jp.jukiflow.municipality.LocalGovernmentCode;
import jp.jukiflow.municipality.Municipality;
import jp.jukiflow.municipality.MunicipalityDirectory;
import jp.jukiflow.municipality.Office;
import jp.jukiflow.municipality.Procedure;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The special transfer-in is filed in person: the counter must be open now and accept the procedure. */
@Component("checkTransferInCounter")
class CheckTransferInCounter implements JavaDelegate {

    private final MunicipalityDirectory directory;
    private final BusinessCalendar calendar;

    CheckTransferInCounter(MunicipalityDirectory directory, BusinessCalendar calendar) {
        this.directory = directory;
        this.calendar = calendar;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Municipality municipality = directory.require(LocalGovernmentCode.of(execution.getTenantId()));
        String officeId = (String) execution.getVariable(OFFICE_ID);
        Office office = officeId == null || officeId.isBlank() ? municipality.mainOffice()
                : municipality.office(officeId).orElse(null);
        String reason = null;
        if (office == null) {
            reason = "指定の窓口（" + officeId + "）は" + municipality.name() + "にありません。";
        } else if (!office.accepts(Procedure.TRANSFER_IN_WITH_CARD)) {
            reason = office.name() + "では特例転入を受け付けていません。本庁の窓口をご案内ください。";
        } else if (!calendar.isOpenNow(office.hours())) {
            reason = office.name() + "の受付時間外です。開庁日の受付時間内にお越しください。";
        }
        if (reason != null) {
            execution.setVariable(REFUSAL_REASON, reason);
            throw new BpmnError(ERROR_COUNTER_REFUSED, reason);
        }
    }
}
