package jp.jukiflow.intake.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import jp.jukiflow.transferout.Attachment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Raw mails as Japanese mailers write them, byte for byte. */
class MailContentExtractorTest {

    static final String TEXT = "転出予定日: 2026-12-10\n異動者1氏名: 奥尻 太郎\n備考: ①〜③の書類を添付します。髙橋";
    static final byte[] PDF = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    private final MailContentExtractor extractor = new MailContentExtractor();

    @Test
    void iso2022jpWithMicrosoftCharactersAndAnEncodedSubject() {
        byte[] mail = mail("From: " + ew("奥尻 太郎", JapaneseCharsets.ISO_2022_JP, "ISO-2022-JP") + " <taro@example.jp>\n"
                + "To: tenshutsu@okushiri.example\n"
                + "Subject: " + ew("転出届", JapaneseCharsets.ISO_2022_JP, "ISO-2022-JP") + "\n"
                + """
                Message-ID: <jis-1@example.jp>
                MIME-Version: 1.0
                Content-Type: text/plain; charset=ISO-2022-JP
                Content-Transfer-Encoding: 7bit
                """, TEXT.replace('〜', '～').getBytes(JapaneseCharsets.WINDOWS_ISO_2022_JP));
        MailContent content = extractor.extract(mail);
        assertThat(content.messageId()).isEqualTo("<jis-1@example.jp>");
        assertThat(content.fromAddress()).isEqualTo("taro@example.jp");
        assertThat(content.subject()).isEqualTo("転出届");
        assertThat(content.bodyText()).contains("転出予定日: 2026-12-10", "奥尻 太郎", "①", "③", "髙橋");
        assertThat(content.problems()).isEmpty();
    }

    @Test
    void plainIso2022jpReadsTheWaveDash() {
        byte[] mail = mail("""
                Subject: test
                Content-Type: text/plain; charset="iso-2022-jp"
                """, "9時〜17時\n".getBytes(JapaneseCharsets.ISO_2022_JP));
        assertThat(extractor.extract(mail).bodyText()).isEqualTo("9時〜17時");
    }

    @ParameterizedTest(name = "[{index}] declared {0}")
    @CsvSource({"Shift_JIS", "shift-jis", "x-sjis", "windows-31j", "MS932", "CP932"})
    void shiftJisAndItsWindowsAliases(String declared) {
        String windowsText = TEXT.replace('〜', '～'); // what Windows puts into MS932 for 〜
        byte[] mail = mail("Subject: " + ew("転出届：①", JapaneseCharsets.WINDOWS_31J, "Shift_JIS") + "\nContent-Type: text/plain; charset=" + declared
                + "\nContent-Transfer-Encoding: 8bit\n", windowsText.getBytes(JapaneseCharsets.WINDOWS_31J));
        MailContent content = extractor.extract(mail);
        assertThat(content.bodyText()).contains("奥尻 太郎", "①", "～", "③", "髙橋");
        assertThat(content.subject()).isEqualTo("転出届：①");
    }

    @Test
    void utf8QuotedPrintableAndBase64() {
        byte[] qp = mail("Subject: =?UTF-8?Q?=E8=BB=A2=E5=87=BA?=\nContent-Type: text/plain; charset=UTF-8\n"
                + "Content-Transfer-Encoding: quoted-printable\n", qp(TEXT.getBytes(StandardCharsets.UTF_8)));
        assertThat(extractor.extract(qp).bodyText()).isEqualTo(TEXT);
        assertThat(extractor.extract(qp).subject()).isEqualTo("転出");
        byte[] b64 = mail("Subject: =?utf-8?b?6Lui5Ye6?=\nContent-Type: text/plain; charset=utf-8\n"
                + "Content-Transfer-Encoding: base64\n", base64(TEXT.getBytes(StandardCharsets.UTF_8)));
        assertThat(extractor.extract(b64).bodyText()).isEqualTo(TEXT);
    }

    @Test
    void htmlOnlyBecomesTextWithLinesAndQuotedBlockquotes() {
        String html = """
                <html><head><style>p{color:red}</style><meta charset="utf-8"></head><body>
                <p>転出予定日：<b>2026-12-10</b></p><div>異動者1氏名:&nbsp;奥尻 太郎<br>異動者1性別: 男</div>
                <blockquote><p>転出日: 2026-12-01</p></blockquote><script>alert(1)</script></body></html>""";
        byte[] mail = mail("Content-Type: text/html\nContent-Transfer-Encoding: 8bit\n",
                html.getBytes(StandardCharsets.UTF_8));
        String body = extractor.extract(mail).bodyText();
        assertThat(body).contains("転出予定日：2026-12-10\n異動者1氏名: 奥尻 太郎\n異動者1性別: 男\n> 転出日: 2026-12-01");
        assertThat(body).doesNotContain("color", "alert");
    }

    @Test
    void alternativePrefersPlainTextButFallsBackToHtmlWhenThePlainPartIsEmpty() {
        byte[] both = multipart("alternative", part("text/plain; charset=UTF-8", "8bit", "プレーン".getBytes(StandardCharsets.UTF_8)),
                part("text/html; charset=UTF-8", "8bit", "<p>HTML</p>".getBytes(StandardCharsets.UTF_8)));
        assertThat(extractor.extract(both).bodyText()).isEqualTo("プレーン");
        byte[] emptyPlain = multipart("alternative", part("text/plain; charset=UTF-8", "8bit", new byte[0]),
                part("text/html; charset=UTF-8", "8bit", "<p>HTML だけ</p>".getBytes(StandardCharsets.UTF_8)));
        assertThat(extractor.extract(emptyPlain).bodyText()).isEqualTo("HTML だけ");
    }

    @Test
    void mixedWithPdfAndPngKeepsAttachmentsWithEncodedFileNames() {
        byte[] mail = multipart("mixed",
                part("text/plain; charset=ISO-2022-JP", "7bit", TEXT.getBytes(JapaneseCharsets.WINDOWS_ISO_2022_JP)),
                attachmentPart("application/pdf; name=\"" + ew("マイナンバー", JapaneseCharsets.ISO_2022_JP, "ISO-2022-JP") + ".pdf\"",
                        "attachment; filename=\"" + ew("マイナンバー", JapaneseCharsets.ISO_2022_JP, "ISO-2022-JP") + ".pdf\"", PDF),
                attachmentPart("image/png", "attachment; filename*=UTF-8''%E5%85%8D%E8%A8%B1%E8%A8%BC.png", PNG),
                attachmentPart("application/octet-stream", "attachment", PDF));
        MailContent content = extractor.extract(mail);
        assertThat(content.bodyText()).contains("奥尻 太郎");
        assertThat(content.attachments()).extracting(Attachment::fileName)
                .containsExactly("マイナンバー.pdf", "免許証.png", "添付ファイル3.pdf");
        assertThat(content.attachments()).extracting(Attachment::contentType)
                .containsExactly("application/pdf", "image/png", "application/pdf");
        assertThat(content.attachments().get(0).content()).isEqualTo(PDF);
        assertThat(content.attachments().get(1).content()).isEqualTo(PNG);
    }

    @Test
    void nestedMultipartsAreWalked() {
        byte[] related = multipartBody("related", "inner-rel",
                part("text/html; charset=Shift_JIS", "base64", "<p>転出予定日: 2026-12-10</p>".getBytes(JapaneseCharsets.WINDOWS_31J)),
                attachmentPart("image/png", "inline; filename=logo.png", PNG));
        byte[] alternative = multipartBody("alternative", "inner-alt", related);
        byte[] mail = multipart("mixed", alternative, attachmentPart("application/pdf", "attachment; filename=a.pdf", PDF));
        MailContent content = extractor.extract(mail);
        assertThat(content.bodyText()).isEqualTo("転出予定日: 2026-12-10");
        assertThat(content.attachments()).extracting(Attachment::fileName).containsExactly("logo.png", "a.pdf");
    }

    @Test
    void aForwardedMailIsAppendedWithItsHeadersAndAttachments() {
        byte[] inner = mail("From: " + ew("奥尻 太郎", StandardCharsets.UTF_8, "UTF-8") + " <taro@example.jp>\n"
                + "Subject: " + ew("転出届", StandardCharsets.UTF_8, "UTF-8") + "\n" + """
                Date: Wed, 25 Nov 2026 09:00:00 +0900
                Content-Type: multipart/mixed; boundary="fw"
                """, ("--fw\r\nContent-Type: text/plain; charset=Shift_JIS\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
                + new String(TEXT.replace('〜', '～').getBytes(JapaneseCharsets.WINDOWS_31J), StandardCharsets.ISO_8859_1)
                + "\r\n--fw\r\nContent-Type: application/pdf\r\nContent-Disposition: attachment; filename=card.pdf\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\n"
                + new String(base64(PDF), StandardCharsets.US_ASCII) + "\r\n--fw--\r\n").getBytes(StandardCharsets.ISO_8859_1));
        byte[] mail = multipart("mixed",
                part("text/plain; charset=UTF-8", "8bit", "住民からのメールを転送します。".getBytes(StandardCharsets.UTF_8)),
                concat("Content-Type: message/rfc822\r\nContent-Disposition: attachment\r\n\r\n".getBytes(StandardCharsets.US_ASCII), inner));
        MailContent content = extractor.extract(mail);
        assertThat(content.bodyText()).contains("住民からのメールを転送します。", MailBodyWalker.FORWARD_SEPARATOR,
                "差出人: 奥尻 太郎 <taro@example.jp>", "件名: 転出届", "転出予定日: 2026-12-10", "①");
        assertThat(content.attachments()).extracting(Attachment::fileName).containsExactly("card.pdf");
    }

    @ParameterizedTest(name = "[{index}] {0} bytes declared as {1}")
    @CsvSource(nullValues = "NONE", value = {
            "windows-31j, NONE", "windows-31j, ISO-8859-1", "windows-31j, UTF-8", "windows-31j, x-unknown-charset",
            "UTF-8, NONE", "UTF-8, ISO-8859-1", "UTF-8, Shift_JIS", "EUC-JP, NONE", "EUC-JP, us-ascii",
            "ISO-2022-JP, NONE", "ISO-2022-JP, UTF-8"})
    void missingOrWrongCharsetLabelsAreSeenThrough(String actual, String declared) {
        String text = "転出予定日: 2026-12-10\n異動者1氏名: 奥尻 太郎\n現住所: 北海道奥尻郡奥尻町字奥尻１番地";
        String header = "Content-Type: text/plain" + (declared == null ? "" : "; charset=" + declared)
                + "\nContent-Transfer-Encoding: 8bit\n";
        MailContent content = extractor.extract(mail(header, text.getBytes(Charset.forName(actual))));
        assertThat(content.bodyText()).isEqualTo(text);
    }

    @Test
    void noContentTypeAtAllAndRawEightBitHeaders() {
        byte[] mail = concat(("From: 奥尻 太郎 <taro@example.jp>\r\nSubject: 転出届です\r\n\r\n").getBytes(StandardCharsets.UTF_8),
                "転出予定日: 2026-12-10\r\n".getBytes(JapaneseCharsets.WINDOWS_31J));
        MailContent content = extractor.extract(mail);
        assertThat(content.messageId()).isNull();
        assertThat(content.subject()).isEqualTo("転出届です");
        assertThat(content.fromAddress()).isEqualTo("taro@example.jp");
        assertThat(content.bodyText()).isEqualTo("転出予定日: 2026-12-10");
    }

    @Test
    void onlyAttachmentsIsReportedAsAProblem() {
        byte[] mail = multipart("mixed", attachmentPart("image/jpeg", "attachment; filename=scan.jpg",
                new byte[]{(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0, 0, 0x10}));
        MailContent content = extractor.extract(mail);
        assertThat(content.hasBody()).isFalse();
        assertThat(content.attachments()).hasSize(1);
        assertThat(content.problems()).containsExactly("本文がなく、添付ファイルだけのメールです。");
    }

    @Test
    void garbageNeverThrows() {
        byte[] garbage = new byte[4096];
        new java.util.Random(7).nextBytes(garbage);
        MailContent content = extractor.extract(garbage);
        assertThat(content.problems()).isNotEmpty();
        MailContent brokenMultipart = extractor.extract(mail("Content-Type: multipart/mixed; boundary=zzz\n",
                "no boundary here\n--zzz\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: base64\n\n@@@###\n"
                        .getBytes(StandardCharsets.US_ASCII)));
        assertThat(brokenMultipart).isNotNull();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            Auto-Submitted: auto-replied                 | taro@example.jp             | false
            Auto-Submitted: no                           | taro@example.jp             | true
            Precedence: bulk                             | taro@example.jp             | false
            X-Dummy: 1                                   | MAILER-DAEMON@example.jp    | false
            X-Dummy: 1                                   | no-reply@example.jp         | false
            X-Dummy: 1                                   | taro@example.jp             | true
            """)
    void noAutoReplyToAutomaticMail(String header, String from, boolean allowed) {
        byte[] mail = mail("From: " + from + "\n" + header + "\nContent-Type: text/plain\n", "hello".getBytes(StandardCharsets.US_ASCII));
        assertThat(extractor.extract(mail).autoReplyAllowed()).isEqualTo(allowed);
    }

    // --- raw mail building ------------------------------------------------------------------------------------

    static byte[] mail(String headers, byte[] body) {
        return concat((headers.strip().replace("\n", "\r\n") + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1), body);
    }

    static byte[] part(String contentType, String encoding, byte[] content) {
        byte[] encoded = encoding.equals("base64") ? base64(content) : encoding.equals("quoted-printable") ? qp(content) : content;
        return concat(("Content-Type: " + contentType + "\r\nContent-Transfer-Encoding: " + encoding + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII), encoded);
    }

    static byte[] attachmentPart(String contentType, String disposition, byte[] content) {
        return concat(("Content-Type: " + contentType + "\r\nContent-Disposition: " + disposition
                + "\r\nContent-Transfer-Encoding: base64\r\n\r\n").getBytes(StandardCharsets.US_ASCII), base64(content));
    }

    static byte[] multipart(String subtype, byte[]... parts) {
        return concat("MIME-Version: 1.0\r\nMessage-ID: <m@example.jp>\r\nFrom: taro@example.jp\r\n"
                .getBytes(StandardCharsets.US_ASCII), multipartBody(subtype, "outer-" + subtype, parts));
    }

    static byte[] multipartBody(String subtype, String boundary, byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("Content-Type: multipart/" + subtype + "; boundary=\"" + boundary + "\"\r\n\r\npreamble\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        for (byte[] p : parts) {
            out.writeBytes(("--" + boundary + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.writeBytes(p);
            out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    /** An RFC 2047 encoded word: the text in {@code charset}, labelled {@code label}. */
    static String ew(String text, Charset charset, String label) {
        return "=?" + label + "?B?" + Base64.getEncoder().encodeToString(text.getBytes(charset)) + "?=";
    }

    static byte[] base64(byte[] content) {
        return Base64.getMimeEncoder(76, "\r\n".getBytes(StandardCharsets.US_ASCII)).encode(content);
    }

    static byte[] qp(byte[] content) {
        StringBuilder sb = new StringBuilder();
        int col = 0;
        for (byte b : content) {
            int v = b & 0xff;
            String piece = v == '\n' ? "\r\n" : (v >= 33 && v <= 126 && v != '=') || v == ' ' ? String.valueOf((char) v)
                    : String.format("=%02X", v);
            if (v != '\n' && col + piece.length() > 72) {
                sb.append("=\r\n");
                col = 0;
            }
            sb.append(piece);
            col = v == '\n' ? 0 : col + piece.length();
        }
        return sb.toString().getBytes(StandardCharsets.US_ASCII);
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
