package jp.jukiflow.transferin.internal;

import static jp.jukiflow.transferin.internal.TransferInVariables.*;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jp.jukiflow.jukinet.ExpectedMoveIns;
import jp.jukiflow.jukinet.MoveOutCertificateInfo;
import jp.jukiflow.register.Household;
import jp.jukiflow.register.ResidentCode;
import jp.jukiflow.register.ResidentRegister;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The register side of the special transfer-in: the movers of the 転出証明書情報, keeping their 住民票コード, become
 * residents in a new household at the new address; the expected move-in is marked registered. Bound in BPMN as
 * {@code ${transferInRecorder.registered(execution)}}.
 */
@Component("transferInRecorder")
public class TransferInRecorder {

    static final String PURPOSE = "特例転入の記載";

    private final ResidentRegister register;
    private final ExpectedMoveIns expectedMoveIns;

    TransferInRecorder(ResidentRegister register, ExpectedMoveIns expectedMoveIns) {
        this.register = register;
        this.expectedMoveIns = expectedMoveIns;
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
            register.registerMovedIn(ResidentCode.of(m.residentCode()), municipality, household, m.relationship(),
                    movedIn, receipt, PURPOSE);
            codes.add(m.residentCode());
        }
        expectedMoveIns.markRegistered(receipt);
        execution.setVariable(REGISTERED_RESIDENT_CODES, String.join(",", codes));
    }
}
