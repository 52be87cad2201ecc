package jp.jukiflow.transferin.internal;

import static jp.jukiflow.transferin.internal.TransferInVariables.*;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jp.jukiflow.card.CardContinuations;
import jp.jukiflow.jukinet.ExpectedMoveIns;
import jp.jukiflow.jukinet.MoveOutCertificateInfo;
import jp.jukiflow.municipality.BusinessCalendar;
import jp.jukiflow.register.Household;
import jp.jukiflow.register.ResidentRegister;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The register side of the special transfer-in: the movers of the 転出証明書情報, keeping their 住民票コード, become
 * residents in a new household at the new address (created from the certificate when this deployment's register does
 * not hold them: a move between deployments); the expected move-in is marked registered; the presented card
 * is recorded as awaiting its continuation (継続利用). Bound in BPMN as
 * {@code ${transferInRecorder.registered(execution)}}.
 */
@Component("transferInRecorder")
public class TransferInRecorder {

    static final String PURPOSE = "特例転入の記載";

    private final ResidentRegister register;
    private final ExpectedMoveIns expectedMoveIns;
    private final CardContinuations continuations;
    private final BusinessCalendar calendar;

    TransferInRecorder(ResidentRegister register, ExpectedMoveIns expectedMoveIns, CardContinuations continuations,
                       BusinessCalendar calendar) {
        this.register = register;
        this.expectedMoveIns = expectedMoveIns;
        this.continuations = continuations;
        this.calendar = calendar;
    }

    public void registered(DelegateExecution execution) {
        String receipt = (String) execution.getVariable(ORIGIN_RECEIPT_NUMBER);
        MoveOutCertificateInfo info = expectedMoveIns.find(receipt).orElseThrow().certificate();
        String municipality = execution.getTenantId();
        String address = (String) execution.getVariable(NEW_ADDRESS);
        Household household = register.createHousehold(municipality, (String) execution.getVariable(NEW_POSTAL_CODE),
                address == null || address.isBlank() ? info.newAddress() : address.strip());
        LocalDate movedIn = LocalDate.parse((String) execution.getVariable(MOVED_IN_DATE));
        List<String> codes = new ArrayList<>();
        for (MoveOutCertificateInfo.Mover m : info.movers()) {
            register.registerMovedInFromCertificate(PresentedCardImport.person(m), municipality, household,
                    m.relationship(), movedIn, receipt, PURPOSE);
            codes.add(m.residentCode());
        }
        expectedMoveIns.markRegistered(receipt);
        // the presented card now awaits its continuation here: 90 days from the day the 転入届 was received (docs/domain.md
        // §3), not from the day the clerk records it
        continuations.recordPending((String) execution.getVariable(CARD_NUMBER), municipality,
                TransferInStart.filing(execution, calendar).filedOn(),
                "transfer-in-with-card:" + execution.getProcessInstanceId());
        execution.setVariable(REGISTERED_RESIDENT_CODES, String.join(",", codes));
    }
}
