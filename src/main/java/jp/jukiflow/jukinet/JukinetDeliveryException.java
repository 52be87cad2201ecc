package jp.jukiflow.jukinet;

import java.util.Objects;

/**
 * A message could not be sent or was refused by the receiving side. Thrown inside the calling BPMN job, so the job is
 * retried and, when the retries are used up, ends as an incident whose message (Japanese) a manager reads in Cockpit.
 */
public class JukinetDeliveryException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String code;

    public JukinetDeliveryException(String code, String messageJa) {
        super(messageJa);
        this.code = Objects.requireNonNull(code, "code");
    }

    /** A stable code, e.g. {@code JUKINET_DESTINATION_NOT_SERVED}. */
    public String code() {
        return code;
    }
}
