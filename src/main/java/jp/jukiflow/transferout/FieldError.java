package jp.jukiflow.transferout;

/** One wrong field of a request: its JSON path ({@code movers[1].birthDate}), a stable code and a Japanese message. */
public record FieldError(String field, String code, String message) {
}
