package jp.jukiflow.intake.internal;

import static jp.jukiflow.intake.internal.MailReviewVariables.*;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jp.jukiflow.transferout.ClerkTypedForm;
import jp.jukiflow.transferout.FieldError;
import jp.jukiflow.transferout.TransferOutForm;

/**
 * The transfer-out fields of the clerk's form 「メール内容の確認」: prefilled from what the label parser read, and read
 * back into a {@link TransferOutForm} when the clerk accepts the mail as a request. Movers are one per line
 * (氏名, フリガナ, 生年月日, 性別, 続柄), the card holder by line number, as in the paper intake form.
 */
final class ReviewForm {

    private ReviewForm() {
    }

    /** Form variables for a parsed (but invalid) request; empty fields are left out, long ones cut. */
    static Map<String, Object> prefill(TransferOutForm form) {
        Map<String, Object> v = new HashMap<>();
        ClerkTypedForm.variables(form).forEach((name, value) -> v.put(name, truncate(value)));
        return v;
    }

    /** What the clerk filled in. */
    static TransferOutForm read(Map<String, Object> v) {
        return ClerkTypedForm.read(v);
    }

    /** The field errors as the clerk reads them: one line each, 「・項目: 理由」. */
    static String describe(List<FieldError> errors) {
        String text = errors.stream().map(e -> "・" + e.message() + "（" + e.field() + "）")
                .collect(Collectors.joining("\n"));
        return truncate(text);
    }

    static String truncate(String text) {
        if (text == null || text.length() <= MAX_TEXT) {
            return text;
        }
        return text.substring(0, MAX_TEXT) + "\n…（以下省略）";
    }
}
