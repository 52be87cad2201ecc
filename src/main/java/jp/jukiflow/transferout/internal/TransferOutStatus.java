package jp.jukiflow.transferout.internal;

import java.util.Arrays;
import java.util.Optional;

import jp.jukiflow.cases.CaseStatus;
import jp.jukiflow.cases.CounterVisit;
import jp.jukiflow.cases.ProcedureStatuses;
import jp.jukiflow.cases.StatusDescription;
import org.springframework.stereotype.Component;

/** The statuses of a mailed special transfer-out, as the resident reads them on the status page. */
public enum TransferOutStatus {
    RECEIVED("受付済み", "担当者が届出の内容を確認します。"),
    UNDER_REVIEW("審査中", "担当者が届出の内容と住民記録を確認しています。"),
    WAITING_FOR_RESIDENT("追加の書類・回答待ち", "お送りしたメール（または郵便）をご確認のうえ、不足している書類や回答をお送りください。"),
    WAITING_FOR_MOVE_IN("転入届の待ち", "転入先の市区町村の窓口で、カードと暗証番号をお持ちのうえ転入届をしてください。"),
    MOVE_IN_OVERDUE("転入届の確認中", "転入届の期限を過ぎています。担当者からご連絡します。"),
    ORDINARY_CERTIFICATE_SENT("転出証明書を郵送しました", "郵送した転出証明書を、転入先の市区町村の窓口へお持ちください。"),
    COMPLETED("手続き完了", "転入先で転入届が受理され、転出の手続きが完了しました。"),
    REJECTED("受理できませんでした", "お送りしたお知らせをご確認ください。ご不明な点は担当窓口へお問い合わせください。"),
    CLOSED_INCOMPLETE("書類不足のため終了", "期限までに回答がなかったため手続きを終了しました。改めて届出をしてください。"),
    MOVING_ABROAD("国外転出の予定", "転出予定日に国外転出として住民票を消除します。マイナンバーカードを国外で引き続き利用する場合は、転出予定日の前日までに窓口へお越しください。"),
    MOVED_ABROAD("国外転出済み", "国外転出として住民票を消除しました（除票）。"),
    CANCELLED("転出取消", "転出の届出は取り消されました。引き続き当市区町村の住民です。"),
    SUBSTITUTE_CERTIFICATE_SENT("転出証明書に準ずる証明書を郵送しました", "郵送した証明書を、転入先の市区町村の窓口へお持ちください。");

    public static final String PROCEDURE = "TRANSFER_OUT_BY_MAIL";
    static final String PROCEDURE_LABEL = "郵送による特例転出";

    private final String label;
    private final String nextStep;

    TransferOutStatus(String label, String nextStep) {
        this.label = label;
        this.nextStep = nextStep;
    }

    public String label() {
        return label;
    }

    public String nextStep() {
        return nextStep;
    }

    /**
     * Describes these statuses to the status page; while the case waits for the 転入通知 (an accepted special
     * transfer-out), also the special transfer-in the resident must make: its last day and what to bring.
     */
    @Component
    static class Descriptions implements ProcedureStatuses {

        private final SpecialTransferInGuide specialTransferIn;

        Descriptions(SpecialTransferInGuide specialTransferIn) {
            this.specialTransferIn = specialTransferIn;
        }

        @Override
        public String procedure() {
            return PROCEDURE;
        }

        @Override
        public Optional<StatusDescription> describe(String statusCode) {
            return Arrays.stream(values()).filter(s -> s.name().equals(statusCode)).findFirst()
                    .map(s -> new StatusDescription(PROCEDURE_LABEL, s.label, s.nextStep));
        }

        @Override
        public Optional<CounterVisit> counterVisit(CaseStatus status) {
            return WAITING_FOR_MOVE_IN.name().equals(status.statusCode()) ? specialTransferIn.forCase(status)
                    : Optional.empty();
        }
    }
}
