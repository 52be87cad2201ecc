package jp.jukiflow.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;

/** What tests read from the PDFs the application prints: their text (PDFBox) and their page size and fonts. */
public final class PdfText {

    private PdfText() {
    }

    /** The whole text without spaces, ideographic spaces and line breaks (Japanese lines wrap anywhere). */
    public static String of(PDDocument doc) throws IOException {
        return compact(new PDFTextStripper().getText(doc));
    }

    /** The text of one page (1-based), as {@link #of}. */
    public static String ofPage(PDDocument doc, int page) throws IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        return compact(stripper.getText(doc));
    }

    /** Every page A4, every font of every page embedded; returns the fonts for further checks. */
    public static List<PDFont> assertA4WithEmbeddedFonts(PDDocument doc) throws IOException {
        List<PDFont> all = new ArrayList<>();
        for (PDPage page : doc.getPages()) {
            assertThat(page.getMediaBox().getWidth()).isEqualTo(PDRectangle.A4.getWidth());
            assertThat(page.getMediaBox().getHeight()).isEqualTo(PDRectangle.A4.getHeight());
            List<PDFont> fonts = new ArrayList<>();
            for (COSName name : page.getResources().getFontNames()) {
                fonts.add(page.getResources().getFont(name));
            }
            assertThat(fonts).isNotEmpty().allSatisfy(f -> assertThat(f.isEmbedded()).as(f.getName() + " embedded").isTrue());
            all.addAll(fonts);
        }
        return all;
    }

    private static String compact(String text) {
        return text.replaceAll("[ \\r\\n\\u3000]", "");
    }
}
