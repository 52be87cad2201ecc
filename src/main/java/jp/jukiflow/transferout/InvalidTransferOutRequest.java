package jp.jukiflow.transferout;

import java.util.List;

import jp.jukiflow.shared.InvalidInput;

/** The request cannot be accepted as it is; nothing was stored or started. */
public class InvalidTransferOutRequest extends InvalidInput {

    private final List<FieldError> errors;

    public InvalidTransferOutRequest(List<FieldError> errors) {
        super("申請内容に誤りがあります（" + errors.size() + "件）。");
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }

    @Override
    public List<Field> fields() {
        return errors.stream().map(e -> new Field(e.field(), e.code(), e.message())).toList();
    }
}
