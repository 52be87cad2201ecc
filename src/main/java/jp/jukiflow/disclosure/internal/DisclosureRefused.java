package jp.jukiflow.disclosure.internal;

import org.springframework.http.HttpStatus;

/** A disclosure that cannot be generated: a Japanese reason, a stable code and the HTTP status to answer with. */
class DisclosureRefused extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final HttpStatus status;
    private final String code;

    DisclosureRefused(HttpStatus status, String code, String messageJa) {
        super(messageJa);
        this.status = status;
        this.code = code;
    }

    HttpStatus status() {
        return status;
    }

    String code() {
        return code;
    }
}
