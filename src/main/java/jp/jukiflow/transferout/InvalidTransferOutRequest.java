package jp.jukiflow.transferout;

import java.util.List;

/** The request cannot be accepted as it is; nothing was stored or started. */
public class InvalidTransferOutRequest extends RuntimeException {

    private final List<FieldError> errors;

    public InvalidTransferOutRequest(List<FieldError> errors) {
        super("申請内容に誤りがあります（" + errors.size() + "件）。");
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
