package jp.jukiflow.pinreset.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.chrono.JapaneseDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Locale;
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
 * Writes the 照会書 of a PIN reset by an agent as an A4 PDF: the holder's name and registered address (for a window
 * envelope), the municipality, the 照会番号, the date in the Japanese calendar (令和8年11月26日), the answer deadline,
 * what the agent brings at the second visit, and the 回答書 to fill in below the cut line. The Japanese TrueType font
 * ({@code jukiflow.pdf.font}, default IPA Gothic of Debian's fonts-ipafont-gothic) is embedded as a subset.
 */
@Component
class InquiryLetter {

    static final DateTimeFormatter WAREKI = DateTimeFormatter.ofPattern("GGGGy年M月d日", Locale.JAPAN);
    private static final float MARGIN = 56;
    private static final float BODY = 10.5f;

    /** What goes into one letter. */
    record Content(String inquiryNumber, LocalDate issuedOn, LocalDate answerDeadline, String municipalityName,
                   String holderName, String postalCode, String address, String cardNumberTail, String agentName) {
    }

    private final Path fontFile;

    InquiryLetter(@Value("${jukiflow.pdf.font:/usr/share/fonts/opentype/ipafont-gothic/ipag.ttf}") String fontFile) {
        this.fontFile = Path.of(fontFile);
    }

    /** 令和8年11月26日. */
    static String wareki(LocalDate date) {
        return JapaneseDate.from(date).format(WAREKI);
    }

    byte[] render(Content c) {
        if (!Files.isReadable(fontFile)) {
            throw new IllegalStateException("照会書のPDFに使う日本語フォント " + fontFile + " が見つかりません"
                    + "（設定 jukiflow.pdf.font、Debian では apt-get install fonts-ipafont-gothic）。");
        }
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDType0Font font = PDType0Font.load(doc, fontFile.toFile());
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle("暗証番号の再設定に関する照会書（照会番号 " + c.inquiryNumber() + "）");
            info.setAuthor(c.municipalityName());
            Calendar created = new GregorianCalendar(TimeZone.getTimeZone("Asia/Tokyo"), Locale.JAPAN);
            created.clear();
            created.set(c.issuedOn().getYear(), c.issuedOn().getMonthValue() - 1, c.issuedOn().getDayOfMonth());
            info.setCreationDate(created);
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            try (PDPageContentStream s = new PDPageContentStream(doc, page)) {
                new Writer(s, font, page.getMediaBox()).write(c);
            }
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("照会書のPDFを作成できませんでした。", e);
        }
    }

    /** Lays the text out from the top of the page down. */
    private static final class Writer {

        private final PDPageContentStream s;
        private final PDType0Font font;
        private final float width;
        private final float right;
        private float y;

        Writer(PDPageContentStream s, PDType0Font font, PDRectangle box) {
            this.s = s;
            this.font = font;
            this.width = box.getWidth() - 2 * MARGIN;
            this.right = box.getWidth() - MARGIN;
            this.y = box.getHeight() - MARGIN;
        }

        void write(Content c) throws IOException {
            lineRight("照会番号 " + c.inquiryNumber(), BODY);
            lineRight(wareki(c.issuedOn()), BODY);
            gap(6);
            line("〒" + format(c.postalCode()), 12, MARGIN);
            paragraph(c.address(), 12);
            line(c.holderName() + "　様", 14, MARGIN);
            gap(10);
            lineRight(c.municipalityName() + "長", 12);
            gap(14);
            line("暗証番号の再設定に関する照会書", 18, MARGIN + (width - textWidth("暗証番号の再設定に関する照会書", 18)) / 2);
            gap(10);
            paragraph("あなたのカード（カード番号の末尾 " + c.cardNumberTail() + "）の暗証番号の再設定について、"
                    + (c.agentName() == null ? "代理人" : "代理人（" + c.agentName() + " 様）")
                    + "から申請がありました。ご本人の意思を確認するため、この照会書をお送りします。", BODY);
            paragraph("代理人に再設定を依頼されたときは、下の回答書にご本人が記入し、" + wareki(c.answerDeadline())
                    + "までに、代理人に次のものを持たせて窓口へお越しいただいてください。", BODY);
            paragraph("　1. この照会書と回答書（切り離さずにお持ちください）", BODY);
            paragraph("　2. ご本人のカード", BODY);
            paragraph("　3. 代理人の本人確認書類（運転免許証、パスポートなど顔写真付きのもの）", BODY);
            paragraph("期限までに回答書の提出がないときは、この申請は取り下げられたものとして扱います。"
                    + "心当たりのない申請であるときは、至急、" + c.municipalityName() + "の窓口へご連絡ください。", BODY);
            gap(26);
            dashedCut();
            gap(18);
            line("回　答　書", 18, MARGIN + (width - textWidth("回　答　書", 18)) / 2);
            gap(6);
            line(c.municipalityName() + "長　様", BODY, MARGIN);
            line("照会番号 " + c.inquiryNumber(), BODY, MARGIN);
            gap(4);
            paragraph("私は、カード（末尾 " + c.cardNumberTail() + "）の暗証番号の再設定を、下記の代理人に依頼しました。"
                    + "この回答書は私が記入したものに相違ありません。", BODY);
            gap(6);
            line("記入日　　令和　　　年　　　月　　　日", BODY, MARGIN);
            gap(8);
            paragraph("ご本人　住所　" + c.address(), BODY);
            gap(8);
            line("　　　　氏名（自署）＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿", BODY, MARGIN);
            gap(8);
            line("代理人　住所　＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿", BODY, MARGIN);
            gap(8);
            line("　　　　氏名　＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿　（本人との関係　　　　　）", BODY, MARGIN);
            gap(12);
            paragraph("※ 暗証番号は、代理人が窓口で、暗証番号入力画面に入力します。この回答書に暗証番号を書かないでください。",
                    9);
        }

        private static String format(String postalCode) {
            if (postalCode == null) {
                return "";
            }
            String digits = postalCode.replace("-", "");
            return digits.length() == 7 ? digits.substring(0, 3) + "-" + digits.substring(3) : postalCode;
        }

        private void lineRight(String text, float size) throws IOException {
            line(text, size, right - textWidth(text, size));
        }

        private float textWidth(String text, float size) throws IOException {
            return font.getStringWidth(safe(text)) / 1000 * size;
        }

        private void gap(float points) {
            y -= points;
        }

        private void line(String text, float size, float x) throws IOException {
            y -= size * 1.6f;
            float left = Math.max(MARGIN, Math.min(x, right - textWidth(text, size)));
            s.beginText();
            s.setFont(font, size);
            s.newLineAtOffset(left, y);
            s.showText(safe(text));
            s.endText();
        }

        private void paragraph(String text, float size) throws IOException {
            for (String part : wrap(safe(text == null ? "" : text), size)) {
                line(part, size, MARGIN);
            }
        }

        private List<String> wrap(String text, float size) throws IOException {
            List<String> lines = new ArrayList<>();
            StringBuilder current = new StringBuilder();
            for (int i = 0; i < text.length(); ) {
                int cp = text.codePointAt(i);
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

        private void dashedCut() throws IOException {
            s.setLineDashPattern(new float[] {4, 3}, 0);
            s.moveTo(MARGIN, y);
            s.lineTo(right, y);
            s.stroke();
            s.setLineDashPattern(new float[] {}, 0);
            String label = "きりとり線";
            float x = MARGIN + (width - textWidth(label, 8)) / 2;
            s.beginText();
            s.setFont(font, 8);
            s.newLineAtOffset(x, y + 3);
            s.showText(label);
            s.endText();
        }

        /** Characters the font lacks become 〓 (the geta mark), rather than failing the whole letter. */
        private String safe(String text) {
            StringBuilder out = new StringBuilder();
            text.codePoints().forEach(cp -> {
                String ch = new String(Character.toChars(cp));
                try {
                    font.encode(ch);
                    out.append(ch);
                } catch (IOException | IllegalArgumentException e) {
                    out.append('〓');
                }
            });
            return out.toString();
        }
    }
}
