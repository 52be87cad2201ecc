package jp.jukiflow.cases;

import java.util.Optional;

/** Implemented by each procedure module: the Japanese description of its status codes. */
public interface ProcedureStatuses {

    /** The procedure name as stored with the case, e.g. {@code TRANSFER_OUT_BY_MAIL}. */
    String procedure();

    Optional<StatusDescription> describe(String statusCode);

    /**
     * The counter visit the resident has to make next in this case, with its last day and what to bring, if the
     * case's status calls for one (shown after the status; none by default).
     */
    default Optional<CounterVisit> counterVisit(CaseStatus status) {
        return Optional.empty();
    }
}
