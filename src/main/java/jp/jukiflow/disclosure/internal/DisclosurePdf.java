package jp.jukiflow.disclosure.internal;

import static jp.jukiflow.documents.JapaneseDates.wareki;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import jp.jukiflow.audit.DisclosedProvision;
import jp.jukiflow.documents.JapanesePdf;
import jp.jukiflow.documents.PdfDocument;
import jp.jukiflow.documents.PdfPage;
import org.springframework.stereotype.Component;

/**
 * The disclosure as an A4 PDF 「本人確認情報の提供状況開示」: the municipality and the 和暦 date, the resident (氏名,
 * フリガナ, 生年月日, 住民票コード), a sentence on what is listed and the retention, then a table of the provisions
 * (提供年月日, 提供先, 提供の目的, 提供した項目, 受付番号 and the kind of record), cells wrapped, continued on as many
 * pages as it takes with the header row repeated, 「x / y」 at the foot of each page.
 */
@Component
class DisclosurePdf {

    static final String TITLE = "本人確認情報の提供状況開示";
    private static final float TEXT = 9;
    private static final float LEADING = 1.35f;
    private static final float PAD = 4;
    private static final String[] HEADERS = {"提供年月日", "提供先", "提供の目的", "提供した項目", "受付番号・記録"};
    private static final float[] WIDTHS = {84, 96, 100, 105, 98};
    private static final float FOOT = 60;

    private final JapanesePdf pdf;

    DisclosurePdf(JapanesePdf pdf) {
        this.pdf = pdf;
    }

    /** Whether the font is there; without it no PDF can be written. */
    boolean available() {
        return pdf.fontAvailable();
    }

    byte[] render(Disclosure d) {
        return pdf.write(new JapanesePdf.Metadata(TITLE, TITLE + "（" + d.name() + "）", d.municipalityName(),
                d.generatedOn()), document -> write(document, d));
    }

    private static void write(PdfDocument document, Disclosure d) throws IOException {
        List<PdfPage> pages = new ArrayList<>();
        PdfPage p = document.addPage();
        pages.add(p);
        p.lineRight(wareki(d.generatedOn()), 10.5f);
        p.lineRight(d.municipalityName() + "長", 10.5f);
        p.gap(8);
        p.lineCentered(TITLE, 16);
        p.gap(10);
        residentBox(p, d);
        p.gap(6);
        p.paragraph(d.municipalityName() + "が、" + d.name() + " 様の本人確認情報を提供した状況は、次のとおりです（"
                + wareki(d.generatedOn()) + "現在。提供の記録は" + d.retentionText() + "保存しています）。", 10);
        p.gap(8);

        if (d.lines().isEmpty()) {
            header(p);
            p.gap(4);
            p.line("提供の記録はありません。", 10.5f, p.left() + PAD);
        } else {
            header(p);
            for (DisclosedProvision line : d.lines()) {
                List<List<String>> cells = cells(document, line);
                float height = rowHeight(cells);
                if (p.y() - height < FOOT + 20) {
                    p = document.addPage();
                    pages.add(p);
                    p.line(TITLE + "（続き）　" + d.name() + " 様", 10);
                    p.gap(6);
                    header(p);
                }
                row(p, cells, height, false);
            }
            p.gap(4);
            p.line("以上", 10, p.right() - document.textWidth("以上", 10));
        }
        p.gap(6);
        p.paragraph("※ 記録の種類：「提供記録」は提供の都度作成した記録、「アクセス記録」は本人確認情報の利用を記録した"
                + "記録（アクセスログ）から読み取ったものです。", 8);

        for (int i = 0; i < pages.size(); i++) {
            PdfPage page = pages.get(i);
            page.text(page.left(), 36, TITLE + "　" + d.municipalityName() + "　" + wareki(d.generatedOn()), 8);
            page.textRight(page.right(), 36, (i + 1) + " / " + pages.size(), 8);
        }
    }

    private static void residentBox(PdfPage p, Disclosure d) throws IOException {
        float left = p.left();
        float labelWidth = 80;
        float half = p.width() / 2;
        float rowHeight = 20;
        float top = p.y();
        String[][] rows = {
                {"氏名", d.name(), "フリガナ", d.nameKana()},
                {"生年月日", wareki(d.birthDate()), "住民票コード", d.residentCode()}};
        float y = top;
        for (String[] r : rows) {
            float bottom = y - rowHeight;
            float baseline = bottom + 6.5f;
            p.text(left + PAD + 2, baseline, r[0], TEXT);
            p.text(left + labelWidth + PAD + 2, baseline, p.document().fit(r[1], 10.5f, half - labelWidth - 10), 10.5f);
            p.text(left + half + PAD + 2, baseline, r[2], TEXT);
            p.text(left + half + labelWidth + PAD + 2, baseline,
                    p.document().fit(r[3], 10.5f, half - labelWidth - 10), 10.5f);
            p.rule(left, bottom, p.right(), bottom, 0.5f);
            y = bottom;
        }
        p.rule(left + labelWidth, top, left + labelWidth, y, 0.5f);
        p.rule(left + half, top, left + half, y, 0.5f);
        p.rule(left + half + labelWidth, top, left + half + labelWidth, y, 0.5f);
        p.box(left, y, p.width(), top - y, 1f);
        p.moveTo(y);
    }

    private static List<List<String>> cells(PdfDocument document, DisclosedProvision line) throws IOException {
        String reference = (line.reference() == null ? "" : line.reference() + "\n") + "（" + line.source().label() + "）";
        String[] values = {wareki(line.providedOn()), line.recipient(), line.purpose(), String.join("、", line.items()),
                reference};
        List<List<String>> cells = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            List<String> lines = new ArrayList<>();
            if (i == 3) {
                lines.addAll(wrapItems(document, line.items(), WIDTHS[i] - 2 * PAD));
            } else {
                for (String part : values[i].split("\n")) {
                    lines.addAll(document.wrap(part, TEXT, WIDTHS[i] - 2 * PAD));
                }
            }
            cells.add(lines);
        }
        return cells;
    }

    /** The items joined with 、, broken between items where it can (an item wider than the cell is broken inside). */
    private static List<String> wrapItems(PdfDocument document, List<String> items, float width) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < items.size(); i++) {
            String token = items.get(i) + (i < items.size() - 1 ? "、" : "");
            if (current.length() > 0 && document.textWidth(current + token, TEXT) > width) {
                lines.add(current.toString());
                current.setLength(0);
            }
            if (document.textWidth(token, TEXT) > width) {
                List<String> parts = document.wrap(token, TEXT, width);
                lines.addAll(parts.subList(0, parts.size() - 1));
                current.append(parts.get(parts.size() - 1));
            } else {
                current.append(token);
            }
        }
        if (current.length() > 0 || lines.isEmpty()) {
            lines.add(current.toString());
        }
        return lines;
    }

    private static float rowHeight(List<List<String>> cells) {
        int lines = cells.stream().mapToInt(List::size).max().orElse(1);
        return lines * TEXT * LEADING + 2 * PAD;
    }

    private static void header(PdfPage p) throws IOException {
        List<List<String>> cells = new ArrayList<>();
        for (String h : HEADERS) {
            cells.add(List.of(h));
        }
        row(p, cells, rowHeight(cells), true);
    }

    private static void row(PdfPage p, List<List<String>> cells, float height, boolean header) throws IOException {
        float top = p.y();
        float bottom = top - height;
        float x = p.left();
        for (int i = 0; i < cells.size(); i++) {
            float baseline = top - PAD - TEXT * 0.9f;
            for (String line : cells.get(i)) {
                p.text(x + PAD, baseline, line, TEXT);
                baseline -= TEXT * LEADING;
            }
            p.box(x, bottom, WIDTHS[i], height, header ? 1f : 0.5f);
            x += WIDTHS[i];
        }
        p.moveTo(bottom);
    }
}
