package jp.jukiflow.shared;

/** Something asked for by its identifier does not exist; carries a stable code and a Japanese message. */
public class ResourceNotFound extends RuntimeException {

    private final String code;

    public ResourceNotFound(String code, String messageJa) {
        super(messageJa);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
