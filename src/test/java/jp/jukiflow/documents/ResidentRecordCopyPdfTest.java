package jp.jukiflow.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The PDF of a copy of the resident record: A4, 和暦, 世帯連記式 with up to four persons a page. */
class ResidentRecordCopyPdfTest {

    private final ResidentRecordCopyPdf pdf = new ResidentRecordCopyPdf(new JapanesePdf(PdfFont.FONT));

    @BeforeEach
    void font() {
        PdfFont.require();
    }

    @Test
    void onePersonOnOnePage() throws IOException {
        byte[] bytes = pdf.render(copy(1, false, false));
        try (PDDocument doc = Loader.loadPDF(bytes)) {
            assertThat(doc.getNumberOfPages()).isEqualTo(1);
            String text = text(doc);
            assertThat(text).contains("住民票の写し", "奥尻町長", "令和8年11月26日", "試験一郎", "北海道函館市",
                    "R-013676-2026-000001");
        }
    }

    static String text(PDDocument doc) throws IOException {
        return new PDFTextStripper().getText(doc).replaceAll("[ \\r\\n\\u3000]", "");
    }

    static ResidentRecordCopy copy(int persons, boolean relationship, boolean residentCode) {
        List<ResidentRecordCopy.Person> list = new ArrayList<>();
        String[] names = {"一郎", "花子", "次郎", "三郎", "四郎", "五郎", "六子", "七子", "八郎"};
        for (int i = 0; i < persons; i++) {
            list.add(new ResidentRecordCopy.Person("試験　" + names[i], "シケン　" + (i == 0 ? "イチロウ" : "カゾク" + i),
                    LocalDate.of(1960 + 5 * i, 4, 1 + i), i % 2 == 0 ? "男" : "女",
                    relationship ? (i == 0 ? "世帯主" : "子") : null,
                    residentCode ? "1234567890" + i : null, LocalDate.of(2019, 5, 1), LocalDate.of(2020, 4, 1)));
        }
        return new ResidentRecordCopy("R-013676-2026-000001", "013676", "奥尻町", "奥尻町長", LocalDate.of(2026, 11, 26),
                "函館市", "北海道函館市東雲町4番13号", "試験　一郎", relationship, residentCode, list);
    }
}
