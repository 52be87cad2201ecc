package jp.jukiflow.intake.portal;

/** A portal page that does not exist (a malformed or unknown municipality code): a Japanese 404 page. */
class PortalNotFound extends RuntimeException {

    PortalNotFound(String messageJa) {
        super(messageJa);
    }
}
