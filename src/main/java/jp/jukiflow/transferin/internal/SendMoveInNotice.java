package jp.jukiflow.transferin.internal;

import static jp.jukiflow.transferin.internal.TransferInVariables.*;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import jp.jukiflow.jukinet.Envelope;
import jp.jukiflow.jukinet.JukinetGateway;
import jp.jukiflow.jukinet.JukinetProvisions;
import jp.jukiflow.jukinet.MessageType;
import jp.jukiflow.jukinet.MoveInNotice;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Sends the 転入通知 to the origin over Juki-net (法9条), correlated by the origin's receipt number, so the origin's
 * transfer-out closes. Runs after an async boundary with retries. The 住民票コード it carries are a provision of
 * 本人確認情報 to the origin, recorded per person ({@link JukinetProvisions}).
 */
@Component("sendMoveInNotice")
class SendMoveInNotice implements JavaDelegate {

    static final String PROVISION_PURPOSE = "転入通知（住民基本台帳法第9条第1項、転出元市区町村へ）";
    static final List<String> PROVISION_ITEMS = List.of("住民票コード", "転入の年月日", "転入先の市区町村");

    private final JukinetGateway jukinet;
    private final JukinetProvisions provisions;

    SendMoveInNotice(JukinetGateway jukinet, JukinetProvisions provisions) {
        this.jukinet = jukinet;
        this.provisions = provisions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String receipt = (String) execution.getVariable(ORIGIN_RECEIPT_NUMBER);
        String origin = (String) execution.getVariable(ORIGIN_CODE);
        MoveInNotice notice = new MoveInNotice(receipt, origin, execution.getTenantId(),
                LocalDate.parse((String) execution.getVariable(MOVED_IN_DATE)),
                Arrays.asList(((String) execution.getVariable(REGISTERED_RESIDENT_CODES)).split(",")));
        Envelope sent = jukinet.send(MessageType.MOVE_IN_NOTICE, execution.getTenantId(), origin, receipt, notice);
        provisions.recordSent(sent, notice.residentCodes(), PROVISION_PURPOSE, PROVISION_ITEMS, receipt);
    }
}
