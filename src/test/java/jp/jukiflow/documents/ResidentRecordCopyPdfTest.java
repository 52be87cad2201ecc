package jp.jukiflow.documents;

import static jp.jukiflow.support.Towns.OKUSHIRI;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

import jp.jukiflow.support.JukiflowTest;
import jp.jukiflow.support.PdfText;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The PDF of a copy of the resident record (住民票の写し, 広域交付): A4, the IPA font embedded, 和暦 dates (the issue date
 * from the application's clock), 世帯連記式 with up to four persons a page, the certification and the receipt number on
 * every page, 続柄 and 住民票コード only when asked for, no text outside the page. Page 1 of some copies is rendered to
 * PNG in the build folder ({@code screenshots/}) for a person to look at.
 */
@JukiflowTest
class ResidentRecordCopyPdfTest {

    @Autowired
    ResidentRecordCopyPdf pdf;
    @Autowired
    Clock clock;

    @BeforeEach
    void font() {
        PdfFont.require();
    }

    @Test
    void onePersonOnOnePageWithEverythingACopyShows() throws IOException {
        byte[] bytes = pdf.render(copy(1, false, false));
        snapshot(bytes, "resident-record-copy-1");
        try (PDDocument doc = Loader.loadPDF(bytes)) {
            assertThat(doc.getNumberOfPages()).isEqualTo(1);
            assertA4WithEmbeddedFonts(doc);
            String text = PdfText.of(doc);
            assertThat(text).contains("住民票の写し", "奥尻町長", "令和8年11月26日", "試験一郎", "シケンイチロウ",
                    "北海道函館市東雲町4番13号", "函館市", "世帯主試験一郎", "昭和35年4月1日生", "性別男",
                    "令和元年5月1日", "令和2年4月1日", ResidentRecordCopyPdf.CERTIFICATION, "受付番号R-013676-2026-000001",
                    "1/1", "以下余白");
            assertThat(text).doesNotContain("本籍", "筆頭者");
            assertThat(doc.getDocumentInformation().getTitle()).contains("住民票の写し", "R-013676-2026-000001");
        }
    }

    @ParameterizedTest(name = "{0} person(s) → {1} page(s)")
    @CsvSource({"1, 1", "4, 1", "5, 2", "8, 2", "9, 3"})
    void onePagePerFourPersons(int persons, int pages) throws IOException {
        byte[] bytes = pdf.render(copy(persons, true, true));
        try (PDDocument doc = Loader.loadPDF(bytes)) {
            assertThat(doc.getNumberOfPages()).isEqualTo(pages);
            assertA4WithEmbeddedFonts(doc);
            for (int page = 1; page <= pages; page++) {
                String text = PdfText.ofPage(doc, page);
                assertThat(text).as("page " + page)
                        .contains("住民票の写し", "受付番号R-013676-2026-000001", page + "/" + pages,
                                ResidentRecordCopyPdf.CERTIFICATION, "令和8年11月26日", "奥尻町長",
                                "北海道函館市東雲町4番13号");
                for (int i = 0; i < persons; i++) {
                    // the person's block: number, 氏名, フリガナ and name (the head's name is on each page anyway)
                    String block = (i + 1) + "氏名" + kana(i).replace("\u3000", "") + "試験" + NAMES[i];
                    boolean here = i / ResidentRecordCopyPdf.PERSONS_PER_PAGE == page - 1;
                    if (here) {
                        assertThat(text).as("page " + page).contains(block, "1234567890" + i);
                    } else {
                        assertThat(text).as("page " + page).doesNotContain(block, "1234567890" + i);
                    }
                }
            }
        }
    }

    @Test
    void relationshipAndResidentCodeOnlyWhenAskedFor() throws IOException {
        byte[] without = pdf.render(copy(2, false, false));
        try (PDDocument doc = Loader.loadPDF(without)) {
            assertThat(PdfText.of(doc)).doesNotContain("続柄", "住民票コード", "世帯主試験一郎続柄", "12345678900");
        }
        byte[] with = pdf.render(copy(2, true, true));
        snapshot(with, "resident-record-copy-with-relationship");
        try (PDDocument doc = Loader.loadPDF(with)) {
            assertThat(PdfText.of(doc)).contains("続柄世帯主", "続柄子", "住民票コード12345678900", "住民票コード12345678901");
        }
        byte[] relationshipOnly = pdf.render(copy(2, true, false));
        try (PDDocument doc = Loader.loadPDF(relationshipOnly)) {
            assertThat(PdfText.of(doc)).contains("続柄世帯主").doesNotContain("住民票コード", "12345678900");
        }
    }

    @Test
    void longAddressesAndNamesStayOnThePage() throws IOException {
        String address = "北海道奥尻郡奥尻町字湯浜二丁目三百四十五番地の六七　グランドメゾン奥尻湯浜ヒルズサウスウイング一二三四号室"
                + "（奥尻島観光協会湯浜出張所気付）";
        List<ResidentRecordCopy.Person> persons = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            persons.add(new ResidentRecordCopy.Person("寿限無寿限無五劫の擦り切れ海砂利水魚の水行末雲来末風来末　" + NAMES[i],
                    "ジュゲムジュゲムゴコウノスリキレカイジャリスイギョノスイギョウマツウンライマツフウライマツ　カゾク",
                    LocalDate.of(1989, 1, 7), "女", "世帯主の配偶者の子の配偶者", "1234567890" + i, null, null));
        }
        ResidentRecordCopy copy = new ResidentRecordCopy("R-013676-2026-000002", OKUSHIRI, "奥尻町", "奥尻町長",
                LocalDate.now(clock), "奥尻町", address, "寿限無寿限無五劫の擦り切れ海砂利水魚の水行末雲来末風来末　一郎",
                true, true, persons);
        byte[] bytes = pdf.render(copy);
        snapshot(bytes, "resident-record-copy-long");
        try (PDDocument doc = Loader.loadPDF(bytes)) {
            assertThat(doc.getNumberOfPages()).isEqualTo(1);
            assertThat(PdfText.of(doc)).contains(address.replace("　", ""), "昭和64年1月7日生", "—",
                    "寿限無寿限無五劫の擦り切れ海砂利水魚の水行末雲来末風来末" + NAMES[3],
                    "ジュゲムジュゲムゴコウノスリキレカイジャリスイギョノスイギョウマツウンライマツフウライマツカゾク",
                    "世帯主の配偶者の子の配偶者", ResidentRecordCopyPdf.CERTIFICATION);
            assertAllTextInside(doc, 0);
            assertNoOverlappingText(doc, 0);
        }
    }

    @Test
    void theLongestAddressTheRegisterHoldsStillFitsWithFourPersons() throws IOException {
        String address = ("北海道奥尻郡奥尻町字湯浜二丁目三百四十五番地の六七八九" + "グランドメゾン奥尻湯浜ヒルズサウスウイング棟").repeat(5)
                .substring(0, 200);
        ResidentRecordCopy full = copy(4, true, true);
        ResidentRecordCopy copy = new ResidentRecordCopy(full.receiptNumber(), full.issuingMunicipalityCode(),
                full.issuingMunicipalityName(), full.certifierTitle(), full.issuedOn(), full.homeMunicipalityName(),
                address, full.householdHeadName(), true, true, full.persons());
        byte[] bytes = pdf.render(copy);
        snapshot(bytes, "resident-record-copy-200-character-address");
        try (PDDocument doc = Loader.loadPDF(bytes)) {
            assertThat(doc.getNumberOfPages()).isEqualTo(1);
            assertThat(PdfText.of(doc)).contains(address, ResidentRecordCopyPdf.CERTIFICATION, "奥尻町長", "試験三郎");
            assertAllTextInside(doc, 0);
            assertNoOverlappingText(doc, 0);
        }
    }

    @Test
    void nothingIsWrittenOutsideThePageOfAFullCopy() throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf.render(copy(9, true, true)))) {
            for (int i = 0; i < doc.getNumberOfPages(); i++) {
                assertAllTextInside(doc, i);
                assertNoOverlappingText(doc, i);
            }
        }
    }

    // ---- helpers ----

    static final String[] NAMES = {"一郎", "花子", "次郎", "三郎", "四郎", "五郎", "六子", "七子", "八郎"};

    ResidentRecordCopy copy(int persons, boolean relationship, boolean residentCode) {
        List<ResidentRecordCopy.Person> list = new ArrayList<>();
        for (int i = 0; i < persons; i++) {
            list.add(new ResidentRecordCopy.Person("試験　" + NAMES[i], kana(i),
                    LocalDate.of(1960 + 5 * i, 4, 1 + i), i % 2 == 0 ? "男" : "女",
                    relationship ? (i == 0 ? "世帯主" : "子") : null,
                    residentCode ? "1234567890" + i : null, LocalDate.of(2019, 5, 1), LocalDate.of(2020, 4, 1)));
        }
        return new ResidentRecordCopy("R-013676-2026-000001", OKUSHIRI, "奥尻町", "奥尻町長", LocalDate.now(clock),
                "函館市", "北海道函館市東雲町4番13号", "試験　一郎", relationship, residentCode, list);
    }

    static String kana(int i) {
        return "シケン　" + (i == 0 ? "イチロウ" : "カゾク" + i);
    }



    static void assertA4WithEmbeddedFonts(PDDocument doc) throws IOException {
        assertThat(PdfText.assertA4WithEmbeddedFonts(doc)).allSatisfy(f -> assertThat(f.getName()).contains("IPAGothic"));
    }

    /** No two glyphs of the page overlap (text written over text). */
    static void assertNoOverlappingText(PDDocument doc, int pageIndex) throws IOException {
        List<TextPosition> glyphs = positions(doc, pageIndex).stream()
                .filter(t -> !t.getUnicode().isBlank()).toList();
        for (int i = 0; i < glyphs.size(); i++) {
            TextPosition a = glyphs.get(i);
            for (int j = i + 1; j < glyphs.size(); j++) {
                TextPosition b = glyphs.get(j);
                boolean apart = a.getXDirAdj() + a.getWidthDirAdj() <= b.getXDirAdj() + 0.5f
                        || b.getXDirAdj() + b.getWidthDirAdj() <= a.getXDirAdj() + 0.5f
                        || a.getYDirAdj() <= b.getYDirAdj() - b.getHeightDir() + 0.5f
                        || b.getYDirAdj() <= a.getYDirAdj() - a.getHeightDir() + 0.5f;
                assertThat(apart).as("「%s」 at (%.1f, %.1f) overlaps 「%s」 at (%.1f, %.1f)", a.getUnicode(),
                        a.getXDirAdj(), a.getYDirAdj(), b.getUnicode(), b.getXDirAdj(), b.getYDirAdj()).isTrue();
            }
        }
    }

    static List<TextPosition> positions(PDDocument doc, int pageIndex) throws IOException {
        List<TextPosition> positions = new ArrayList<>();
        PDFTextStripper stripper = new PDFTextStripper() {
            @Override
            protected void writeString(String text, List<TextPosition> textPositions) {
                positions.addAll(textPositions);
            }
        };
        stripper.setStartPage(pageIndex + 1);
        stripper.setEndPage(pageIndex + 1);
        stripper.getText(doc);
        return positions;
    }

    /** Every glyph lies inside the page, 20 pt clear of its edges. */
    static void assertAllTextInside(PDDocument doc, int pageIndex) throws IOException {
        PDRectangle box = doc.getPage(pageIndex).getMediaBox();
        List<TextPosition> positions = positions(doc, pageIndex);
        assertThat(positions).isNotEmpty().allSatisfy(t -> {
            assertThat(t.getXDirAdj()).as(t.getUnicode()).isBetween(20f, box.getWidth() - 20);
            assertThat(t.getXDirAdj() + t.getWidthDirAdj()).as(t.getUnicode()).isLessThanOrEqualTo(box.getWidth() - 20);
            assertThat(t.getYDirAdj()).as(t.getUnicode()).isBetween(20f, box.getHeight() - 20);
        });
    }

    /** Page 1 as PNG (and the PDF) in the build folder's screenshots/, for a person to look at. */
    static void snapshot(byte[] pdfBytes, String name) throws IOException {
        Path dir = buildDir().resolve("screenshots");
        Files.createDirectories(dir);
        Files.write(dir.resolve(name + ".pdf"), pdfBytes);
        try (PDDocument doc = Loader.loadPDF(pdfBytes)) {
            BufferedImage image = new PDFRenderer(doc).renderImageWithDPI(0, 110);
            ImageIO.write(image, "png", dir.resolve(name + ".png").toFile());
        }
    }

    static Path buildDir() {
        try {
            // …/target/test-classes → …/target
            return Path.of(ResidentRecordCopyPdfTest.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                    .getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
