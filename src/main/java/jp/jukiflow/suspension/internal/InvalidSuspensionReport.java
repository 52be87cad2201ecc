package jp.jukiflow.suspension.internal;

import java.util.List;
import java.util.stream.Collectors;

import jp.jukiflow.shared.InvalidInput;

/** A report with wrong fields: nothing is suspended. */
class InvalidSuspensionReport extends InvalidInput {

    private final List<Field> fields;

    InvalidSuspensionReport(List<Field> fields) {
        super("一時停止の届出の内容に誤りがあります: "
                + fields.stream().map(Field::message).collect(Collectors.joining(" ")));
        this.fields = List.copyOf(fields);
    }

    @Override
    public List<Field> fields() {
        return fields;
    }
}
