package jp.jukiflow.documents;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.Locale;
import java.util.Objects;
import java.util.TimeZone;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Writes A4 PDFs in Japanese. The TrueType font of the setting {@code jukiflow.pdf.font} (default IPA Gothic of
 * Debian's fonts-ipafont-gothic) is embedded as a subset, so the document prints the same everywhere. A caller adds
 * the pages of a {@link PdfDocument} and lays its text out on each {@link PdfPage}: lines from the top down (left,
 * right or centred), wrapped paragraphs, text at a position, rules and boxes. Characters the font lacks print as 〓 (the geta mark) rather than failing the
 * whole document.
 */
@Component
public class JapanesePdf {

    /** The margin around the text of a page, in points (about 2 cm). */
    public static final float MARGIN = 56;

    private final Path fontFile;

    public JapanesePdf(@Value("${jukiflow.pdf.font:/usr/share/fonts/opentype/ipafont-gothic/ipag.ttf}") String fontFile) {
        this.fontFile = Path.of(fontFile);
    }

    /** The font file embedded in each document. */
    public Path fontFile() {
        return fontFile;
    }

    /** Whether the font file is there (without it {@link #write} fails with a Japanese message). */
    public boolean fontAvailable() {
        return Files.isReadable(fontFile);
    }

    /** The title, author and date a document carries in its properties. */
    public record Metadata(String documentName /* 照会書, 住民票の写し, … used in error messages */, String title,
                           String author, LocalDate createdOn) {
        public Metadata {
            Objects.requireNonNull(documentName, "documentName");
        }
    }

    /** Lays out the pages of one document. */
    @FunctionalInterface
    public interface Content {
        void write(PdfDocument document) throws IOException;
    }

    /** Writes one document: {@code content} adds its pages; returns the PDF. */
    public byte[] write(Metadata metadata, Content content) {
        if (!fontAvailable()) {
            throw new IllegalStateException(metadata.documentName() + "のPDFに使う日本語フォント " + fontFile
                    + " が見つかりません（設定 jukiflow.pdf.font、Debian では apt-get install fonts-ipafont-gothic）。");
        }
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDType0Font font = PDType0Font.load(doc, fontFile.toFile());
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle(metadata.title());
            info.setAuthor(metadata.author());
            if (metadata.createdOn() != null) {
                Calendar created = new GregorianCalendar(TimeZone.getTimeZone("Asia/Tokyo"), Locale.JAPAN);
                created.clear();
                LocalDate d = metadata.createdOn();
                created.set(d.getYear(), d.getMonthValue() - 1, d.getDayOfMonth());
                info.setCreationDate(created);
                info.setModificationDate(created);
            }
            PdfDocument document = new PdfDocument(doc, font);
            try {
                content.write(document);
            } finally {
                document.closePages();
            }
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(metadata.documentName() + "のPDFを作成できませんでした。", e);
        }
    }
}
