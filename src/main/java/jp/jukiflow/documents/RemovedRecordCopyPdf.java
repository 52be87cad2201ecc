package jp.jukiflow.documents;

import static jp.jukiflow.documents.JapaneseDates.wareki;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

/**
 * Prints a {@link RemovedRecordCopy} as a one-page A4 PDF: the title 「除票の写し」, the record's items in a framed table
 * (label at the left, the value wrapped at the right; 本籍・筆頭者 only when the copy shows them), then the certification
 * line with the 和暦 date and the certifier, and the issue number at the foot.
 */
@Component
public class RemovedRecordCopyPdf {

    public static final String TITLE = "除票の写し";
    public static final String CERTIFICATION = "この写しは、除票の原本と相違ないことを証明する。";

    private static final float LABEL = 9;
    private static final float VALUE = 10.5f;
    private static final float LABEL_COLUMN = 110;
    private static final float PAD = 6;

    private final JapanesePdf pdf;

    public RemovedRecordCopyPdf(JapanesePdf pdf) {
        this.pdf = pdf;
    }

    public boolean available() {
        return pdf.fontAvailable();
    }

    public byte[] render(RemovedRecordCopy c) {
        return pdf.write(new JapanesePdf.Metadata(TITLE, TITLE + "（" + c.issueNumber() + "）", c.municipalityName(),
                c.issuedOn()), document -> {
                    PdfPage p = document.addPage();
                    p.lineCentered(TITLE, 20);
                    p.gap(14);
                    float top = p.y();
                    for (String[] row : rows(c)) {
                        row(p, row[0], row[1]);
                    }
                    p.box(p.left(), p.y(), p.width(), top - p.y(), 1.2f);
                    p.rule(p.left() + LABEL_COLUMN, top, p.left() + LABEL_COLUMN, p.y(), 0.5f);
                    p.line("以下余白", LABEL, p.right() - document.textWidth("以下余白", LABEL));
                    p.gap(24);
                    p.line(CERTIFICATION, VALUE, p.left() + 14);
                    p.gap(4);
                    p.line(wareki(c.issuedOn()), VALUE, p.left() + 14);
                    p.gap(2);
                    p.lineRight(c.certifierTitle(), 13);
                    p.text(p.left(), 36, "交付番号　" + c.issueNumber() + "　　交付：" + c.municipalityName() + "（"
                            + nullToEmpty(c.municipalityCode()) + "）", 8);
                });
    }

    static List<String[]> rows(RemovedRecordCopy c) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[]{"氏名", c.name()});
        rows.add(new String[]{"フリガナ", nullToEmpty(c.nameKana())});
        rows.add(new String[]{"生年月日", wareki(c.birthDate()) + "生"});
        rows.add(new String[]{"性別", nullToEmpty(c.sex())});
        rows.add(new String[]{"住所", nullToEmpty(c.address())});
        rows.add(new String[]{"世帯主", nullToEmpty(c.headOfHousehold())});
        rows.add(new String[]{"続柄", nullToEmpty(c.relationship())});
        rows.add(new String[]{"住民票コード", nullToEmpty(c.residentCode())});
        if (c.showHonseki()) {
            rows.add(new String[]{"本籍", nullToEmpty(c.honseki())});
            rows.add(new String[]{"筆頭者", nullToEmpty(c.hittosha())});
        }
        rows.add(new String[]{"消除の事由", c.reason()});
        rows.add(new String[]{"消除の年月日", wareki(c.removedOn())});
        if (c.destination() != null && !c.destination().isBlank()) {
            rows.add(new String[]{"転出先", c.destination()});
        }
        return rows;
    }

    /** One framed row: the label, the value wrapped into the right column; the cursor ends below it. */
    private static void row(PdfPage p, String label, String value) throws IOException {
        List<String> lines = p.document().wrap(value.isEmpty() ? "—" : value, VALUE,
                p.width() - LABEL_COLUMN - 2 * PAD);
        float height = Math.max(22, lines.size() * VALUE * 1.4f + 8);
        float top = p.y();
        p.text(p.left() + PAD, top - height / 2 - LABEL / 3, label, LABEL);
        float baseline = top - 4 - VALUE;
        for (String line : lines) {
            p.text(p.left() + LABEL_COLUMN + PAD, baseline, line, VALUE);
            baseline -= VALUE * 1.4f;
        }
        p.moveTo(top - height);
        p.rule(p.left(), p.y(), p.right(), p.y(), 0.5f);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
