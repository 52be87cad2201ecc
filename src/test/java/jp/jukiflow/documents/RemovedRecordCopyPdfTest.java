package jp.jukiflow.documents;

import static jp.jukiflow.support.Towns.OKUSHIRI;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import jp.jukiflow.support.PdfText;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The 除票の写し: one A4 page with the font embedded, the record's items, the reason and date in 和暦, the
 * certification by the keeping municipality; 本籍・筆頭者 only when asked, never otherwise (the record drops them).
 */
class RemovedRecordCopyPdfTest {

    RemovedRecordCopyPdf pdf;

    @BeforeEach
    void setUp() {
        PdfFont.require();
        pdf = new RemovedRecordCopyPdf(new JapanesePdf(PdfFont.FONT));
    }

    @Test
    void aCopyWithHonsekiShowsItAndTheRestOfTheRecord() throws Exception {
        String text = text(copy(true));
        assertThat(text).contains("除票の写し", "奥尻太郎", "オクシリタロウ", "昭和45年5月5日生", "北海道奥尻郡奥尻町奥尻806番地",
                "世帯主", "12345678903", "本籍", "北海道奥尻郡奥尻町奥尻1番地", "筆頭者", "転出", "令和8年11月25日",
                "函館市", "この写しは、除票の原本と相違ないことを証明する。", "令和8年11月26日", "奥尻町長");
    }

    @Test
    void aCopyWithoutHonsekiHasNeitherLabelNorValue() throws Exception {
        RemovedRecordCopy c = copy(false);
        assertThat(c.honseki()).isNull();
        assertThat(c.hittosha()).isNull();
        assertThat(text(c)).contains("除票の写し", "奥尻太郎").doesNotContain("本籍", "筆頭者", "奥尻町奥尻1番地");
    }

    private String text(RemovedRecordCopy c) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf.render(c))) {
            PdfText.assertA4WithEmbeddedFonts(doc);
            assertThat(doc.getNumberOfPages()).isEqualTo(1);
            return PdfText.of(doc);
        }
    }

    private static RemovedRecordCopy copy(boolean honseki) {
        return new RemovedRecordCopy("除票-1-20261126", "奥尻町", OKUSHIRI, "奥尻町長", LocalDate.of(2026, 11, 26),
                "奥尻　太郎", "オクシリ　タロウ", LocalDate.of(1970, 5, 5), "男", "北海道奥尻郡奥尻町奥尻806番地", "奥尻　太郎",
                "世帯主", "12345678903", honseki, "北海道奥尻郡奥尻町奥尻1番地", "奥尻　太郎", "転出", LocalDate.of(2026, 11, 25),
                "函館市　北海道函館市五稜郭町1番1号");
    }
}
