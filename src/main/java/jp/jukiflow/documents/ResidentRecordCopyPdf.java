package jp.jukiflow.documents;

import static jp.jukiflow.documents.JapaneseDates.wareki;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import jp.jukiflow.documents.JapanesePdf.Document;
import jp.jukiflow.documents.JapanesePdf.Page;
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
    private static final float ROW = 22;
    private static final float LABEL_COLUMN = 96;

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

    private static void writePage(Page p, ResidentRecordCopy c, List<ResidentRecordCopy.Person> persons, int pageNo,
                                  int pageCount) throws IOException {
        Document d = p.document();
        // top: receipt number and page, then the title
        p.text(p.left(), p.pageHeight() - 36, "受付番号　" + c.receiptNumber(), LABEL);
        p.textRight(p.right(), p.pageHeight() - 36, pageNo + " / " + pageCount, LABEL);
        p.gap(6);
        p.lineCentered(TITLE, 20);
        p.lineCentered("（広域交付）", LABEL);
        p.gap(10);

        // household frame: address (wrapped), head of household, home municipality
        float valueX = p.left() + LABEL_COLUMN;
        float valueWidth = p.width() - LABEL_COLUMN;
        List<String> addressLines = d.wrap(c.address(), VALUE, valueWidth - 12);
        float addressHeight = Math.max(ROW, addressLines.size() * VALUE * 1.5f + 8);
        float top = p.y();
        float y = top;
        y = frameRow(p, y, addressHeight, "住所", addressLines, VALUE);
        y = frameRow(p, y, ROW, "世帯主", List.of(nullToEmpty(c.householdHeadName())), VALUE);
        y = frameRow(p, y, ROW, "住所地の市区町村", List.of(nullToEmpty(c.homeMunicipalityName())), VALUE);
        p.box(p.left(), y, p.width(), top - y, 1.2f);
        p.moveTo(y - 14);

        // persons
        int number = (pageNo - 1) * PERSONS_PER_PAGE;
        for (ResidentRecordCopy.Person person : persons) {
            writePerson(p, c, person, ++number);
            p.gap(8);
        }
        p.line("以下余白", LABEL, p.right() - d.textWidth("以下余白", LABEL));

        // foot: certification, date, certifier — at a fixed height, so every page looks the same
        float footTop = 150;
        if (p.y() - 10 < footTop) {
            footTop = p.y() - 10;
        }
        p.moveTo(footTop);
        p.line(CERTIFICATION, VALUE, p.left() + 14);
        p.gap(6);
        p.line(wareki(c.issuedOn()), VALUE, p.left() + 14);
        p.gap(4);
        String certifier = c.certifierTitle();
        float certifierSize = 13;
        p.line(certifier, certifierSize, p.right() - d.textWidth(certifier, certifierSize) - 40);
        float seal = 34;
        p.box(p.right() - seal, p.y() - 10, seal, seal, 0.8f);
        p.textCentered(p.right() - seal / 2, p.y() + 3, "印", LABEL);
        p.text(p.left(), 40, "受付番号　" + c.receiptNumber() + "　　交付："
                + c.issuingMunicipalityName() + "（" + nullToEmpty(c.issuingMunicipalityCode()) + "）", SMALL);
        p.textRight(p.right(), 40, pageNo + " / " + pageCount, SMALL);
    }

    /** One framed person block; the cursor ends below it. */
    private static void writePerson(Page p, ResidentRecordCopy c, ResidentRecordCopy.Person person, int number)
            throws IOException {
        Document d = p.document();
        float top = p.y();
        float left = p.left();
        float half = p.width() / 2;
        float y = top;

        // name row: number, kana above the name, sex at the right
        float nameHeight = 38;
        float sexWidth = 70;
        p.rule(left, y - nameHeight, p.right(), y - nameHeight, 0.5f);
        p.rule(left + LABEL_COLUMN, y, left + LABEL_COLUMN, y - nameHeight, 0.5f);
        p.rule(p.right() - sexWidth, y, p.right() - sexWidth, y - nameHeight, 0.5f);
        p.text(left + 6, y - 23, number + "　氏名", LABEL);
        float nameWidth = p.width() - LABEL_COLUMN - sexWidth - 12;
        p.text(left + LABEL_COLUMN + 6, y - 11, d.fit(nullToEmpty(person.nameKana()), SMALL, nameWidth), SMALL);
        p.text(left + LABEL_COLUMN + 6, y - 30, d.fit(person.name(), NAME, nameWidth), NAME);
        p.text(p.right() - sexWidth + 6, y - 23, "性別　" + nullToEmpty(person.sex()), VALUE);
        y -= nameHeight;

        y = pairRow(p, y, "生年月日", wareki(person.birthDate()) + "生",
                c.showRelationship() ? "続柄" : null, nullToEmpty(person.relationship()));
        y = pairRow(p, y, "住民となった年月日", JapaneseDates.wareki(person.becameResidentOn(), "—"),
                "住所を定めた年月日", JapaneseDates.wareki(person.addressSince(), "—"));
        if (c.showResidentCode()) {
            y = pairRow(p, y, "住民票コード", nullToEmpty(person.residentCode()), null, null);
        }
        p.box(left, y, p.width(), top - y, 1.2f);
        p.rule(left + half, top - nameHeight, left + half, y, 0.5f);
        p.moveTo(y);
    }

    /** A row of two label/value pairs (the second may be absent); returns the new bottom. */
    private static float pairRow(Page p, float y, String label1, String value1, String label2, String value2)
            throws IOException {
        Document d = p.document();
        float half = p.width() / 2;
        float bottom = y - ROW;
        float baseline = bottom + (ROW - VALUE) / 2 + 2;
        float labelWidth = LABEL_COLUMN;
        p.rule(p.left(), bottom, p.right(), bottom, 0.5f);
        p.rule(p.left() + labelWidth, y, p.left() + labelWidth, bottom, 0.5f);
        p.text(p.left() + 6, baseline, d.fit(label1, LABEL, labelWidth - 8), LABEL);
        p.text(p.left() + labelWidth + 6, baseline, d.fit(value1, VALUE, half - labelWidth - 10), VALUE);
        if (label2 != null) {
            float x = p.left() + half;
            p.rule(x + labelWidth, y, x + labelWidth, bottom, 0.5f);
            p.text(x + 6, baseline, d.fit(label2, LABEL, labelWidth - 8), LABEL);
            p.text(x + labelWidth + 6, baseline, d.fit(value2, VALUE, half - labelWidth - 10), VALUE);
        }
        return bottom;
    }

    /** A row of the household frame: label at the left, value lines at the right; returns the new bottom. */
    private static float frameRow(Page p, float y, float height, String label, List<String> lines, float size)
            throws IOException {
        Document d = p.document();
        float bottom = y - height;
        p.rule(p.left() + LABEL_COLUMN, y, p.left() + LABEL_COLUMN, bottom, 0.5f);
        p.rule(p.left(), bottom, p.right(), bottom, 0.5f);
        p.text(p.left() + 6, bottom + (height - LABEL) / 2 + 1, d.fit(label, LABEL, LABEL_COLUMN - 8), LABEL);
        float lineHeight = size * 1.5f;
        float first = y - (height - lines.size() * lineHeight) / 2 - size;
        for (int i = 0; i < lines.size(); i++) {
            p.text(p.left() + LABEL_COLUMN + 6, first - i * lineHeight, lines.get(i), size);
        }
        return bottom;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
