package jp.jukiflow.transferin.internal;

import jp.jukiflow.jukinet.ExpectedMoveIn;
import jp.jukiflow.municipality.MunicipalityDirectory;
import jp.jukiflow.shared.DomainRuleViolation;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * A transfer-out the origin cancelled (転出取消: the resident did not move, docs/domain.md §10) allows no special transfer-in:
 * bound as {@code ${cancelledMoveOutRefusal.refuse(execution)}} when the start event ends, it refuses the start with
 * {@value #CODE} and a Japanese reason for the clerk, in the start's transaction (no case, no receipt number kept).
 */
@Component("cancelledMoveOutRefusal")
public class CancelledMoveOutRefusal {

    static final String CODE = "MOVE_OUT_CANCELLED";

    private final CertificateLookup certificates;
    private final MunicipalityDirectory directory;

    CancelledMoveOutRefusal(CertificateLookup certificates, MunicipalityDirectory directory) {
        this.certificates = certificates;
        this.directory = directory;
    }

    public void refuse(DelegateExecution execution) {
        certificates.cancelled(execution).ifPresent(cancelled -> {
            throw new DomainRuleViolation(CODE, reason(cancelled));
        });
    }

    String reason(ExpectedMoveIn cancelled) {
        String origin = directory.nameOf(cancelled.originCode());
        return "この転出（" + origin + "の受付番号 " + cancelled.receiptNumber() + "）は、転出元の" + origin
                + "で取り消されています（転出取消）。そのため特例転入の届出はお受けできません。"
                + "転入される場合は、改めて" + origin + "で転出の届出をしてください。";
    }
}
