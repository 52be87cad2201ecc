package jp.jukiflow.shared;

import java.util.List;

/** Input with one or more wrong fields; the API answers 400 listing each field with a stable code. */
public abstract class InvalidInput extends RuntimeException {

    protected InvalidInput(String messageJa) {
        super(messageJa);
    }

    /** Each wrong field: its path ({@code movers[1].birthDate}), a stable code and a Japanese message. */
    public abstract List<Field> fields();

    public record Field(String field, String code, String message) {
    }
}
