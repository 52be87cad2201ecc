package jp.jukiflow.disclosure.internal;

import java.nio.charset.StandardCharsets;
import java.util.List;

import jp.jukiflow.audit.DisclosedProvision;
import jp.jukiflow.documents.JapaneseDates;

/**
 * The disclosure as CSV for spreadsheet programs: UTF-8 with a byte order mark (so that Excel reads the Japanese),
 * a Japanese header row, CRLF line ends, fields quoted as RFC 4180 says (comma, quote, CR or LF inside; quotes
 * doubled).
 */
final class DisclosureCsv {

    static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    static final List<String> HEADER = List.of("提供年月日", "提供年月日（西暦）", "提供先", "提供の目的", "提供した項目",
            "受付番号", "記録の種類");

    private DisclosureCsv() {
    }

    static byte[] of(Disclosure d) {
        StringBuilder out = new StringBuilder();
        row(out, HEADER);
        for (DisclosedProvision p : d.lines()) {
            row(out, List.of(JapaneseDates.wareki(p.providedOn()), p.providedOn().toString(), p.recipient(),
                    p.purpose(), String.join("、", p.items()), p.reference() == null ? "" : p.reference(),
                    p.source().label()));
        }
        byte[] text = out.toString().getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[BOM.length + text.length];
        System.arraycopy(BOM, 0, bytes, 0, BOM.length);
        System.arraycopy(text, 0, bytes, BOM.length, text.length);
        return bytes;
    }

    private static void row(StringBuilder out, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(field(fields.get(i)));
        }
        out.append("\r\n");
    }

    static String field(String value) {
        String v = value == null ? "" : value;
        if (v.contains(",") || v.contains("\"") || v.contains("\r") || v.contains("\n")) {
            return "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }
}
