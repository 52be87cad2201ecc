package jp.jukiflow.documents;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.TimeZone;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Writes A4 PDFs in Japanese. The TrueType font of the setting {@code jukiflow.pdf.font} (default IPA Gothic of
 * Debian's fonts-ipafont-gothic) is embedded as a subset, so the document prints the same everywhere. A caller lays
 * its text out page by page with a {@link Page}: lines from the top down (left, right or centred), wrapped paragraphs,
 * text at a position, rules and boxes. Characters the font lacks print as 〓 (the geta mark) rather than failing the
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
        void write(Document document) throws IOException;
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
            Document document = new Document(doc, font);
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

    /** A document being written: adds A4 pages and measures text in its font. */
    public static final class Document {

        private final PDDocument doc;
        private final PDType0Font font;
        private final List<Page> pages = new ArrayList<>();

        private Document(PDDocument doc, PDType0Font font) {
            this.doc = doc;
            this.font = font;
        }

        /** A new A4 portrait page, its cursor at the top margin. */
        public Page addPage() throws IOException {
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            Page p = new Page(this, new PDPageContentStream(doc, page), page.getMediaBox());
            pages.add(p);
            return p;
        }

        /** The width of the text in points at the given size. */
        public float textWidth(String text, float size) throws IOException {
            return font.getStringWidth(safe(text)) / 1000 * size;
        }

        /** The text as it will print: characters the font lacks become 〓. */
        public String safe(String text) {
            if (text == null) {
                return "";
            }
            StringBuilder out = new StringBuilder();
            text.codePoints().forEach(cp -> {
                String ch = new String(Character.toChars(cp));
                if (cp == '\n' || cp == '\r' || cp == '\t') {
                    out.append(' ');
                    return;
                }
                try {
                    font.encode(ch);
                    out.append(ch);
                } catch (IOException | IllegalArgumentException e) {
                    out.append('〓');
                }
            });
            return out.toString();
        }

        /** Splits the text into lines no wider than {@code width} at the given size (by character: Japanese has no spaces). */
        public List<String> wrap(String text, float size, float width) throws IOException {
            String t = safe(text);
            List<String> lines = new ArrayList<>();
            StringBuilder current = new StringBuilder();
            for (int i = 0; i < t.length(); ) {
                int cp = t.codePointAt(i);
                String ch = new String(Character.toChars(cp));
                if (current.length() > 0 && textWidth(current + ch, size) > width) {
                    lines.add(current.toString());
                    current.setLength(0);
                }
                current.append(ch);
                i += Character.charCount(cp);
            }
            if (current.length() > 0 || lines.isEmpty()) {
                lines.add(current.toString());
            }
            return lines;
        }

        /** The text shortened with … so that it fits {@code width}. */
        public String fit(String text, float size, float width) throws IOException {
            String t = safe(text);
            if (textWidth(t, size) <= width) {
                return t;
            }
            int end = t.length();
            while (end > 0 && textWidth(t.substring(0, end) + "…", size) > width) {
                end = t.offsetByCodePoints(end, -1);
            }
            return t.substring(0, end) + "…";
        }

        private void closePages() throws IOException {
            IOException first = null;
            for (Page p : pages) {
                try {
                    p.close();
                } catch (IOException e) {
                    first = first == null ? e : first;
                }
            }
            if (first != null) {
                throw first;
            }
        }
    }

    /**
     * One A4 page. The cursor {@link #y()} starts at the top margin; {@link #line} and {@link #paragraph} move it down
     * by 1.6 × the font size per line; {@link #text} writes at a position without moving it.
     */
    public static final class Page {

        private final Document document;
        private final PDPageContentStream s;
        private final PDRectangle box;
        private float y;
        private boolean closed;

        private Page(Document document, PDPageContentStream s, PDRectangle box) {
            this.document = document;
            this.s = s;
            this.box = box;
            this.y = box.getHeight() - MARGIN;
        }

        public Document document() {
            return document;
        }

        /** The cursor: the baseline of the last line written, or the top margin. */
        public float y() {
            return y;
        }

        public void moveTo(float y) {
            this.y = y;
        }

        public float left() {
            return MARGIN;
        }

        public float right() {
            return box.getWidth() - MARGIN;
        }

        /** The width between the margins. */
        public float width() {
            return box.getWidth() - 2 * MARGIN;
        }

        public float bottom() {
            return MARGIN;
        }

        public float pageWidth() {
            return box.getWidth();
        }

        public float pageHeight() {
            return box.getHeight();
        }

        /** Moves the cursor down. */
        public void gap(float points) {
            y -= points;
        }

        /** The next line at {@code x} (kept within the margins). */
        public void line(String text, float size, float x) throws IOException {
            y -= size * 1.6f;
            float left = Math.max(MARGIN, Math.min(x, right() - document.textWidth(text, size)));
            text(left, y, text, size);
        }

        /** The next line at the left margin. */
        public void line(String text, float size) throws IOException {
            line(text, size, MARGIN);
        }

        /** The next line against the right margin. */
        public void lineRight(String text, float size) throws IOException {
            line(text, size, right() - document.textWidth(text, size));
        }

        /** The next line centred between the margins. */
        public void lineCentered(String text, float size) throws IOException {
            line(text, size, MARGIN + (width() - document.textWidth(text, size)) / 2);
        }

        /** The text wrapped between the margins, one line after the other. */
        public void paragraph(String text, float size) throws IOException {
            paragraph(text, size, MARGIN, width());
        }

        /** The text wrapped into the column from {@code x}, {@code width} wide. */
        public void paragraph(String text, float size, float x, float width) throws IOException {
            for (String part : document.wrap(text, size, width)) {
                y -= size * 1.6f;
                text(x, y, part, size);
            }
        }

        /** Text with its baseline at (x, y); the cursor does not move. */
        public void text(float x, float baseline, String text, float size) throws IOException {
            s.beginText();
            s.setFont(document.font, size);
            s.newLineAtOffset(x, baseline);
            s.showText(document.safe(text));
            s.endText();
        }

        /** Text ending at {@code rightEdge}. */
        public void textRight(float rightEdge, float baseline, String text, float size) throws IOException {
            text(rightEdge - document.textWidth(text, size), baseline, text, size);
        }

        /** Text centred on {@code center}. */
        public void textCentered(float center, float baseline, String text, float size) throws IOException {
            text(center - document.textWidth(text, size) / 2, baseline, text, size);
        }

        /** A straight line. */
        public void rule(float x1, float y1, float x2, float y2, float lineWidth) throws IOException {
            s.setLineWidth(lineWidth);
            s.moveTo(x1, y1);
            s.lineTo(x2, y2);
            s.stroke();
        }

        /** A rectangle outline with its lower left corner at (x, y). */
        public void box(float x, float y, float width, float height, float lineWidth) throws IOException {
            s.setLineWidth(lineWidth);
            s.addRect(x, y, width, height);
            s.stroke();
        }

        /** A dashed line across the page at the cursor with a small label on it (きりとり線). */
        public void dashedCut(String label) throws IOException {
            s.setLineDashPattern(new float[] {4, 3}, 0);
            rule(MARGIN, y, right(), y, 1);
            s.setLineDashPattern(new float[] {}, 0);
            textCentered(MARGIN + width() / 2, y + 3, label, 8);
        }

        private void close() throws IOException {
            if (!closed) {
                closed = true;
                s.close();
            }
        }
    }
}
