package jp.jukiflow.transferin.internal;

import static jp.jukiflow.transferin.internal.TransferInVariables.*;

import java.util.Optional;

import jp.jukiflow.jukinet.ExpectedMoveIn;
import jp.jukiflow.jukinet.ExpectedMoveInStatus;
import jp.jukiflow.jukinet.ExpectedMoveIns;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The 転出証明書情報 of the case: by the origin's receipt number the resident was shown, or else by origin code and a
 * mover's 住民票コード among the move-ins this municipality expects.
 */
@Component
class CertificateLookup {

    private final ExpectedMoveIns expectedMoveIns;

    CertificateLookup(ExpectedMoveIns expectedMoveIns) {
        this.expectedMoveIns = expectedMoveIns;
    }

    Optional<ExpectedMoveIn> find(DelegateExecution execution) {
        String receipt = text(execution, ORIGIN_RECEIPT_NUMBER);
        if (receipt != null) {
            return expectedMoveIns.find(receipt).filter(m -> m.destinationCode().equals(execution.getTenantId()));
        }
        String origin = text(execution, ORIGIN_CODE);
        String resident = text(execution, RESIDENT_CODE);
        if (origin == null || resident == null) {
            return Optional.empty();
        }
        return expectedMoveIns.expectedIn(execution.getTenantId()).stream()
                .filter(m -> m.originCode().equals(origin))
                .filter(m -> m.certificate().movers().stream().anyMatch(p -> p.residentCode().equals(resident)))
                .findFirst();
    }

    /**
     * The cancelled transfer-out (転出取消) the case names: by the receipt number, or else by origin code and a mover's
     * 住民票コード when no move-in of that person is still expected. Empty when the case names none.
     */
    Optional<ExpectedMoveIn> cancelled(DelegateExecution execution) {
        String receipt = text(execution, ORIGIN_RECEIPT_NUMBER);
        if (receipt != null) {
            return expectedMoveIns.find(receipt).filter(m -> m.destinationCode().equals(execution.getTenantId()))
                    .filter(m -> m.status() == ExpectedMoveInStatus.CANCELLED);
        }
        String origin = text(execution, ORIGIN_CODE);
        String resident = text(execution, RESIDENT_CODE);
        if (origin == null || resident == null || find(execution).isPresent()) {
            return Optional.empty();
        }
        return expectedMoveIns.cancelledIn(execution.getTenantId()).stream()
                .filter(m -> m.originCode().equals(origin))
                .filter(m -> m.certificate().movers().stream().anyMatch(p -> p.residentCode().equals(resident)))
                .reduce((first, later) -> later);
    }

    private static String text(DelegateExecution execution, String name) {
        Object value = execution.getVariable(name);
        return value == null || value.toString().isBlank() ? null : value.toString().strip();
    }
}
