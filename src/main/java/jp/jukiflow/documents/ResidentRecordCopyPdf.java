package jp.jukiflow.documents;

import static jp.jukiflow.documents.JapaneseDates.wareki;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

/**
 * Prints a {@link ResidentRecordCopy} as an A4 PDF in the 世帯連記式 form: per page the household's address, head of
 * household and home municipality, then up to {@value #PERSONS_PER_PAGE} persons in framed blocks (氏名 with フリガナ,
 * 生年月日, 性別, 住民となった年月日, 住所を定めた年月日, and 続柄 / 住民票コード only when the copy shows them), 「以下余白」
 * after the last person, and at the foot the certification line with the 和暦 date and the certifier. The receipt
 * number and 「x / y」 are on every page.
 */
@Component
public class ResidentRecordCopyPdf {

    public static final int PERSONS_PER_PAGE = 4;
    public static final String TITLE = "住民票の写し";
    public static final String CERTIFICATION = "この写しは、住民票の原本と相違ないことを証明する。";

    private static final float SMALL = 8;
    private static final float LABEL = 9;
    private static final float VALUE = 10.5f;
    private static final float NAME = 14;
    private static final float MIN = 7;
    private static final float ROW = 20;
    private static final float LABEL_COLUMN = 96;
    private static final float PAD = 6;
    private static final float LEADING = 1.3f;
    private static final float FOOT_TOP = 140;

    private final JapanesePdf pdf;

    public ResidentRecordCopyPdf(JapanesePdf pdf) {
        this.pdf = pdf;
    }

    /** The PDF of the copy: one page per up to four persons. */
    public byte[] render(ResidentRecordCopy copy) {
        List<List<ResidentRecordCopy.Person>> pages = new ArrayList<>();
        List<ResidentRecordCopy.Person> persons = copy.persons();
        for (int i = 0; i < persons.size(); i += PERSONS_PER_PAGE) {
            pages.add(persons.subList(i, Math.min(persons.size(), i + PERSONS_PER_PAGE)));
        }
        return pdf.write(new JapanesePdf.Metadata(TITLE, TITLE + "（受付番号 " + copy.receiptNumber() + "）",
                copy.issuingMunicipalityName(), copy.issuedOn()), document -> {
                    for (int i = 0; i < pages.size(); i++) {
                        writePage(document.addPage(), copy, pages.get(i), i + 1, pages.size());
                    }
                });
    }

    private static void writePage(PdfPage p, ResidentRecordCopy c, List<ResidentRecordCopy.Person> persons, int pageNo,
                                  int pageCount) throws IOException {
        PdfDocument d = p.document();
        // top: receipt number and page, then the title
        p.text(p.left(), p.pageHeight() - 36, "受付番号　" + c.receiptNumber(), LABEL);
        p.textRight(p.right(), p.pageHeight() - 36, pageNo + " / " + pageCount, LABEL);
        p.gap(4);
        p.lineCentered(TITLE, 20);
        p.lineCentered("（広域交付）", LABEL);
        p.gap(8);

        // household frame: address (wrapped, smaller when long), head of household, home municipality
        float valueWidth = p.width() - LABEL_COLUMN - 2 * PAD;
        float addressSize = VALUE;
        List<String> addressLines = d.wrap(c.address(), addressSize, valueWidth);
        if (addressLines.size() > 2) {
            addressSize = LABEL;
            addressLines = d.wrap(c.address(), addressSize, valueWidth);
        }
        float addressHeight = Math.max(ROW, addressLines.size() * addressSize * LEADING + 8);
        float top = p.y();
        float y = top;
        y = labelledRow(p, y, addressHeight, "住所", c.address(), addressSize, addressSize, 6);
        y = labelledRow(p, y, ROW, "世帯主", nullToEmpty(c.householdHeadName()), VALUE, MIN, 1);
        y = labelledRow(p, y, ROW, "住所地の市区町村", nullToEmpty(c.homeMunicipalityName()), VALUE, MIN, 1);
        p.box(p.left(), y, p.width(), top - y, 1.2f);
        p.moveTo(y - 12);

        // persons
        int number = (pageNo - 1) * PERSONS_PER_PAGE;
        for (ResidentRecordCopy.Person person : persons) {
            writePerson(p, c, person, ++number);
            p.gap(6);
        }
        p.line("以下余白", LABEL, p.right() - d.textWidth("以下余白", LABEL));

        // foot: certification, date, certifier — at a fixed height, so every page looks the same
        p.moveTo(Math.min(FOOT_TOP, p.y() - 6));
        p.line(CERTIFICATION, VALUE, p.left() + 14);
        p.gap(4);
        p.line(wareki(c.issuedOn()), VALUE, p.left() + 14);
        p.gap(2);
        String certifier = c.certifierTitle();
        float certifierSize = 13;
        float seal = 34;
        p.line(certifier, certifierSize, p.right() - seal - 8 - d.textWidth(certifier, certifierSize));
        p.box(p.right() - seal, p.y() - 10, seal, seal, 0.8f);
        p.textCentered(p.right() - seal / 2, p.y() + 3, "印", LABEL);
        p.text(p.left(), 36, "受付番号　" + c.receiptNumber() + "　　交付："
                + c.issuingMunicipalityName() + "（" + nullToEmpty(c.issuingMunicipalityCode()) + "）", SMALL);
        p.textRight(p.right(), 36, pageNo + " / " + pageCount, SMALL);
    }

    /** One framed person block; the cursor ends below it. */
    private static void writePerson(PdfPage p, ResidentRecordCopy c, ResidentRecordCopy.Person person, int number)
            throws IOException {
        float top = p.y();
        float left = p.left();
        float y = top;

        // name row: number, kana above the name, sex at the right
        float nameHeight = 38;
        float sexWidth = 70;
        float nameX = left + LABEL_COLUMN;
        float nameWidth = p.width() - LABEL_COLUMN - sexWidth;
        p.rule(left, y - nameHeight, p.right(), y - nameHeight, 0.5f);
        p.rule(nameX, y, nameX, y - nameHeight, 0.5f);
        p.rule(p.right() - sexWidth, y, p.right() - sexWidth, y - nameHeight, 0.5f);
        cellText(p, left, y, LABEL_COLUMN, nameHeight, number + "　氏名", LABEL, MIN, 1);
        cellText(p, nameX, y - 1, nameWidth, 11, nullToEmpty(person.nameKana()), SMALL, 5, 1);
        cellText(p, nameX, y - 12, nameWidth, nameHeight - 13, person.name(), NAME, MIN, 2);
        cellText(p, p.right() - sexWidth, y, sexWidth, nameHeight, "性別　" + nullToEmpty(person.sex()), VALUE, MIN, 1);
        y -= nameHeight;

        y = pairRow(p, y, "生年月日", wareki(person.birthDate()) + "生",
                c.showRelationship() ? "続柄" : null, nullToEmpty(person.relationship()));
        y = pairRow(p, y, "住民となった年月日", JapaneseDates.wareki(person.becameResidentOn(), "—"),
                "住所を定めた年月日", JapaneseDates.wareki(person.addressSince(), "—"));
        if (c.showResidentCode()) {
            y = pairRow(p, y, "住民票コード", nullToEmpty(person.residentCode()), null, null);
        }
        p.box(left, y, p.width(), top - y, 1.2f);
        p.moveTo(y);
    }

    /** A row of two label/value pairs (the second may be absent); returns the new bottom. */
    private static float pairRow(PdfPage p, float y, String label1, String value1, String label2, String value2)
            throws IOException {
        float half = p.width() / 2;
        float bottom = y - ROW;
        float left = p.left();
        p.rule(left, bottom, p.right(), bottom, 0.5f);
        p.rule(left + LABEL_COLUMN, y, left + LABEL_COLUMN, bottom, 0.5f);
        cellText(p, left, y, LABEL_COLUMN, ROW, label1, LABEL, MIN, 1);
        cellText(p, left + LABEL_COLUMN, y, half - LABEL_COLUMN, ROW, value1, VALUE, MIN, 2);
        if (label2 != null) {
            float x = left + half;
            p.rule(x, y, x, bottom, 0.5f);
            p.rule(x + LABEL_COLUMN, y, x + LABEL_COLUMN, bottom, 0.5f);
            cellText(p, x, y, LABEL_COLUMN, ROW, label2, LABEL, MIN, 1);
            cellText(p, x + LABEL_COLUMN, y, half - LABEL_COLUMN, ROW, value2, VALUE, MIN, 2);
        }
        return bottom;
    }

    /** A row of the household frame: label at the left, value at the right; returns the new bottom. */
    private static float labelledRow(PdfPage p, float y, float height, String label, String value, float size,
                                     float minSize, int maxLines) throws IOException {
        float bottom = y - height;
        p.rule(p.left() + LABEL_COLUMN, y, p.left() + LABEL_COLUMN, bottom, 0.5f);
        p.rule(p.left(), bottom, p.right(), bottom, 0.5f);
        cellText(p, p.left(), y, LABEL_COLUMN, height, label, LABEL, MIN, 1);
        cellText(p, p.left() + LABEL_COLUMN, y, p.width() - LABEL_COLUMN, height, value, size, minSize, maxLines);
        return bottom;
    }

    /**
     * Writes text into the cell whose top left corner is (x, top), vertically centred: one line at the largest size
     * from {@code size} down to {@code minSize} at which it fits; still too long, wrapped at {@code minSize} into at
     * most {@code maxLines} lines (a register's name or address is never cut short unless nothing else fits).
     */
    private static void cellText(PdfPage p, float x, float top, float width, float height, String text, float size,
                                 float minSize, int maxLines) throws IOException {
        PdfDocument d = p.document();
        float inner = width - 2 * PAD;
        float s = size;
        while (s > minSize && d.textWidth(text, s) > inner) {
            s = Math.max(minSize, s - 0.5f);
        }
        List<String> lines = d.textWidth(text, s) <= inner ? List.of(d.safe(text)) : d.wrap(text, s, inner);
        while (lines.size() > maxLines || lines.size() * s * LEADING > height + 2) {
            if (lines.size() <= 1) {
                break;
            }
            if (s > 5) {
                s -= 0.5f;
                lines = d.wrap(text, s, inner);
            } else {
                List<String> kept = new ArrayList<>(lines.subList(0, Math.max(1, maxLines - 1)));
                kept.add(d.fit(String.join("", lines.subList(kept.size(), lines.size())), s, inner));
                lines = kept;
                break;
            }
        }
        float lineHeight = s * LEADING;
        // the first baseline: centre the block of lines (cap height ≈ 0.8 × size)
        float baseline = top - (height - lines.size() * lineHeight) / 2 - lineHeight + (lineHeight - 0.8f * s) / 2;
        for (String line : lines) {
            p.text(x + PAD, baseline, line, s);
            baseline -= lineHeight;
        }
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
