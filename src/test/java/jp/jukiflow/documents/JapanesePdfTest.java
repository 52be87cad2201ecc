package jp.jukiflow.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.junit.jupiter.api.Test;
import jp.jukiflow.support.PdfText;

/** A4 pages, the Japanese font embedded, wrapped text, and a clear message when the font is missing. */
class JapanesePdfTest {

    @Test
    void writesA4PagesWithTheFontEmbedded() throws IOException {
        PdfFont.require();
        JapanesePdf pdf = new JapanesePdf(PdfFont.FONT);
        byte[] bytes = pdf.write(new JapanesePdf.Metadata("試験文書", "試験の文書", "奥尻町", LocalDate.of(2026, 11, 26)),
                d -> {
                    PdfPage p = d.addPage();
                    p.lineCentered("見出し", 18);
                    p.paragraph("長い文章は余白の間で折り返します。".repeat(10), 10.5f);
                    d.addPage().line("二枚目", 10.5f);
                });
        try (PDDocument doc = Loader.loadPDF(bytes)) {
            assertThat(doc.getNumberOfPages()).isEqualTo(2);
            assertThat(doc.getDocumentInformation().getTitle()).isEqualTo("試験の文書");
            for (PDPage page : doc.getPages()) {
                assertThat(page.getMediaBox().getWidth()).isEqualTo(PDRectangle.A4.getWidth());
                assertThat(page.getMediaBox().getHeight()).isEqualTo(PDRectangle.A4.getHeight());
                List<PDFont> fonts = new ArrayList<>();
                for (COSName name : page.getResources().getFontNames()) {
                    fonts.add(page.getResources().getFont(name));
                }
                assertThat(fonts).isNotEmpty().allSatisfy(f -> assertThat(f.isEmbedded()).isTrue());
            }
            String text = PdfText.of(doc);
            assertThat(text).contains("見出し", "長い文章は余白の間で折り返します。", "二枚目");
        }
    }

    @Test
    void wrapsByWidthAndReplacesCharactersTheFontLacks() throws IOException {
        PdfFont.require();
        JapanesePdf pdf = new JapanesePdf(PdfFont.FONT);
        List<List<String>> lines = new ArrayList<>();
        List<String> safe = new ArrayList<>();
        pdf.write(new JapanesePdf.Metadata("試験文書", null, null, null), d -> {
            lines.add(d.wrap("あいうえおかきくけこ", 10, 35));
            safe.add(d.safe("髙橋\uD83D\uDE00"));
            safe.add(d.fit("北海道奥尻郡奥尻町字奥尻", 10, 60));
            d.addPage();
        });
        assertThat(lines.get(0)).containsExactly("あいう", "えおか", "きくけ", "こ");
        assertThat(safe.get(0)).isEqualTo("髙橋〓");
        assertThat(safe.get(1)).endsWith("…").hasSizeLessThan("北海道奥尻郡奥尻町字奥尻".length());
    }

    @Test
    void aMissingFontIsAClearJapaneseError() {
        JapanesePdf pdf = new JapanesePdf("/no/such/font.ttf");
        assertThat(pdf.fontAvailable()).isFalse();
        assertThatThrownBy(() -> pdf.write(new JapanesePdf.Metadata("住民票の写し", null, null, null), d -> d.addPage()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("住民票の写しのPDFに使う日本語フォント", "jukiflow.pdf.font");
    }
}
