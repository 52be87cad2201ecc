package jp.jukiflow.cases;

import java.util.Optional;

/** Implemented by each procedure module: the Japanese description of its status codes. */
public interface ProcedureStatuses {

    /** The procedure name as stored with the case, e.g. {@code TRANSFER_OUT_BY_MAIL}. */
    String procedure();

    Optional<StatusDescription> describe(String statusCode);
}
