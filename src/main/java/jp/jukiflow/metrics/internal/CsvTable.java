package jp.jukiflow.metrics.internal;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

/** A table as CSV for Excel: UTF-8 with a byte order mark, CRLF line ends, fields quoted as RFC 4180 says. */
final class CsvTable {

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private CsvTable() {
    }

    static byte[] of(Table table) {
        StringBuilder csv = new StringBuilder();
        line(csv, table.header());
        table.rows().forEach(row -> line(csv, row));
        byte[] text = csv.toString().getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[BOM.length + text.length];
        System.arraycopy(BOM, 0, bytes, 0, BOM.length);
        System.arraycopy(text, 0, bytes, BOM.length, text.length);
        return bytes;
    }

    private static void line(StringBuilder csv, List<String> fields) {
        csv.append(fields.stream().map(CsvTable::field).collect(Collectors.joining(","))).append("\r\n");
    }

    static String field(String value) {
        if (value == null) {
            return "";
        }
        // a leading =, +, - or @ would make Excel evaluate the cell as a formula
        String safe = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 && !value.matches("-?\\d+") ? "'" + value : value;
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return "\"" + safe.replace("\"", "\"\"") + "\"";
        }
        return safe;
    }
}
