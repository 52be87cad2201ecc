package jp.jukiflow.documents;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/** A document being written: adds A4 pages and measures text in its font. */
public final class PdfDocument {

    private final PDDocument doc;
    private final PDType0Font font;
    private final List<PdfPage> pages = new ArrayList<>();

    PdfDocument(PDDocument doc, PDType0Font font) {
        this.doc = doc;
        this.font = font;
    }

    /** A new A4 portrait page, its cursor at the top margin. */
    public PdfPage addPage() throws IOException {
        PDPage page = new PDPage(PDRectangle.A4);
        doc.addPage(page);
        PdfPage p = new PdfPage(this, new PDPageContentStream(doc, page), page.getMediaBox());
        pages.add(p);
        return p;
    }

    PDType0Font font() {
        return font;
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

    void closePages() throws IOException {
        IOException first = null;
        for (PdfPage p : pages) {
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
