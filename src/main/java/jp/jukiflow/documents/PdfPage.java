package jp.jukiflow.documents;

import java.io.IOException;

import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

import static jp.jukiflow.documents.JapanesePdf.MARGIN;

/**
 * One A4 page. The cursor {@link #y()} starts at the top margin; {@link #line} and {@link #paragraph} move it down
 * by 1.6 × the font size per line; {@link #text} writes at a position without moving it.
 */
public final class PdfPage {

    private final PdfDocument document;
    private final PDPageContentStream s;
    private final PDRectangle box;
    private float y;
    private boolean closed;

    PdfPage(PdfDocument document, PDPageContentStream s, PDRectangle box) {
        this.document = document;
        this.s = s;
        this.box = box;
        this.y = box.getHeight() - MARGIN;
    }

    public PdfDocument document() {
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
        s.setFont(document.font(), size);
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

    void close() throws IOException {
        if (!closed) {
            closed = true;
            s.close();
        }
    }
}
