package jp.jukiflow.transferout.internal;

import java.util.ArrayList;
import java.util.List;

import jp.jukiflow.audit.NewProvision;
import jp.jukiflow.audit.ProvisionRecords;
import jp.jukiflow.jukinet.Envelope;
import jp.jukiflow.jukinet.JukinetProvisions;
import jp.jukiflow.jukinet.MoveOutCertificateInfo;
import org.springframework.stereotype.Component;

/**
 * The provision records (提供記録, docs/domain.md §8) of a 転出証明書情報 sent to the destination: one per mover, recorded
 * when the message was delivered, in the transaction of the sending step (a failed step rolls it back with the
 * sending), idempotent by the Juki-net message id; a re-send on the destination's request is a new message, hence a
 * new provision, with its own purpose.
 */
@Component
class CertificateProvisions {

    static final String PURPOSE_SENT = "転出証明書情報の通知（特例転出、住民基本台帳法第24条の2）";
    static final String PURPOSE_RESENT = "転出証明書情報の再通知（転出先市区町村の請求による）";

    private final ProvisionRecords provisions;
    private final JukinetProvisions jukinet;

    CertificateProvisions(ProvisionRecords provisions, JukinetProvisions jukinet) {
        this.provisions = provisions;
        this.jukinet = jukinet;
    }

    void recordSent(MoveOutCertificateInfo info, Envelope sent, boolean resent) {
        String recipient = jukinet.recipientName(info.destinationCode());
        for (MoveOutCertificateInfo.Mover m : info.movers()) {
            provisions.recordDelivered(new NewProvision(info.originCode(), m.residentCode(), recipient,
                    info.destinationCode(), resent ? PURPOSE_RESENT : PURPOSE_SENT, items(info, m),
                    info.receiptNumber()), sent.messageId());
        }
    }

    private static List<String> items(MoveOutCertificateInfo info, MoveOutCertificateInfo.Mover m) {
        List<String> items = new ArrayList<>(List.of("氏名", "フリガナ", "生年月日", "性別", "続柄", "住民票コード",
                "転出先の住所", "転出先の世帯主", "転出の予定年月日"));
        if (info.movedOn() != null) {
            items.add("転出の年月日");
        }
        if (info.card() != null && m.residentCode().equals(info.cardHolderResidentCode())) {
            items.add("カードの情報");
        }
        return items;
    }
}
