package jp.jukiflow.intake;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Properties;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import jp.jukiflow.support.TestMailServer;

/** Intake mails for tests and the benchmark: label-format requests in the encodings Japanese mailers use. */
public final class IntakeMails {

    public static final String OKUSHIRI_INTAKE = "tenshutsu@okushiri.example";
    public static final String HAKODATE_INTAKE = "tenshutsu@hakodate.example";
    public static final String PASSWORD = "jukiflow";
    static final Charset MS932 = Charset.forName("windows-31j");
    static final Charset JIS = Charset.forName("x-windows-iso2022jp");
    public static final byte[] PDF = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    public static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    private IntakeMails() {
    }

    /** A valid request in the label format (clock of the tests: 2026-11-26), by a filer named 奥尻 {given}. */
    public static String request(String given, String givenKana) {
        return """
                奥尻町役場 住民係 御中
                郵送による転出届を送ります。

                転出予定日：2026年12月10日
                届出人氏名：奥尻 %1$s
                届出人フリガナ：オクシリ %2$s
                届出人生年月日：1980/04/01
                届出人と異動者の関係：本人
                現住所：北海道奥尻郡奥尻町字奥尻１番地
                現世帯主：奥尻 %1$s
                新住所の市区町村コード：012025
                新住所：北海道函館市東雲町4番13号
                新世帯主：奥尻 %1$s
                異動者１氏名：奥尻 %1$s
                異動者１フリガナ：オクシリ %2$s
                異動者１生年月日：1980-04-01
                異動者１性別：男
                異動者１続柄：世帯主
                カードを持つ異動者：1
                カードの種類：マイナンバーカード
                継続利用：希望する
                電話番号：01397-2-0000
                備考：①〜③の書類を添付します。
                """.formatted(given, givenKana);
    }

    /** A single-part mail: headers as given, the body in {@code charset} (Java name) labelled {@code label}. */
    public static byte[] textMail(String messageId, String from, String subject, String body, Charset charset,
                                  String label, String transferEncoding) {
        StringBuilder h = new StringBuilder();
        h.append("From: ").append(from).append("\r\n");
        h.append("To: ").append(OKUSHIRI_INTAKE).append("\r\n");
        h.append("Subject: ").append(encodedWord(subject, charset, label)).append("\r\n");
        if (messageId != null) {
            h.append("Message-ID: ").append(messageId).append("\r\n");
        }
        h.append("Date: Thu, 26 Nov 2026 09:30:00 +0900\r\nMIME-Version: 1.0\r\n");
        h.append("Content-Type: text/plain").append(label == null ? "" : "; charset=" + label).append("\r\n");
        h.append("Content-Transfer-Encoding: ").append(transferEncoding).append("\r\n\r\n");
        byte[] content = body.replace("\n", "\r\n").getBytes(charset);
        if (transferEncoding.equals("base64")) {
            content = Base64.getMimeEncoder().encode(content);
        } else if (transferEncoding.equals("quoted-printable")) {
            content = quotedPrintable(content);
        }
        return concat(h.toString().getBytes(StandardCharsets.US_ASCII), content);
    }

    /** multipart/mixed: a UTF-8 body plus a PDF and a PNG with Japanese names (RFC 2047 and RFC 2231). */
    public static byte[] mailWithAttachments(String messageId, String from, String body) {
        String boundary = "b-" + Math.abs(messageId.hashCode());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(out, "From: " + from + "\r\nTo: " + OKUSHIRI_INTAKE + "\r\nSubject: =?UTF-8?B?"
                + Base64.getEncoder().encodeToString("転出届（書類添付）".getBytes(StandardCharsets.UTF_8)) + "?=\r\n"
                + "Message-ID: " + messageId + "\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=\"" + boundary + "\"\r\n\r\n");
        write(out, "--" + boundary + "\r\nContent-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n\r\n");
        out.writeBytes(Base64.getMimeEncoder().encode(body.getBytes(StandardCharsets.UTF_8)));
        write(out, "\r\n--" + boundary + "\r\nContent-Type: application/pdf; name=\"=?ISO-2022-JP?B?"
                + Base64.getEncoder().encodeToString("マイナンバーカード".getBytes(JIS)) + "?=.pdf\"\r\n"
                + "Content-Disposition: attachment; filename=\"=?ISO-2022-JP?B?"
                + Base64.getEncoder().encodeToString("マイナンバーカード".getBytes(JIS)) + "?=.pdf\"\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\n");
        out.writeBytes(Base64.getMimeEncoder().encode(PDF));
        write(out, "\r\n--" + boundary + "\r\nContent-Type: image/png\r\n"
                + "Content-Disposition: attachment; filename*=UTF-8''%E5%85%8D%E8%A8%B1%E8%A8%BC.png\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\n");
        out.writeBytes(Base64.getMimeEncoder().encode(PNG));
        write(out, "\r\n--" + boundary + "--\r\n");
        return out.toByteArray();
    }

    /** An HTML-only mail (no text/plain part). */
    public static byte[] htmlMail(String messageId, String from, String body) {
        String html = "<html><body><p>" + body.replace("&", "&amp;").replace("<", "&lt;").replace("\n", "<br>\n")
                + "</p></body></html>";
        return concat(("From: " + from + "\r\nTo: " + OKUSHIRI_INTAKE + "\r\nSubject: HTML\r\nMessage-ID: " + messageId
                + "\r\nMIME-Version: 1.0\r\nContent-Type: text/html; charset=\"utf-8\"\r\n"
                + "Content-Transfer-Encoding: quoted-printable\r\n\r\n").getBytes(StandardCharsets.US_ASCII),
                quotedPrintable(html.getBytes(StandardCharsets.UTF_8)));
    }

    /** A clerk forwards a resident's Shift_JIS mail as message/rfc822. */
    public static byte[] forwardedMail(String messageId, String from, String innerBody) {
        byte[] inner = textMail("<inner-" + messageId.substring(1), "taro@example.jp", "転出届", innerBody, MS932,
                "Shift_JIS", "8bit");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(out, "From: " + from + "\r\nTo: " + OKUSHIRI_INTAKE + "\r\nSubject: Fwd: test\r\nMessage-ID: " + messageId
                + "\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"fwd\"\r\n\r\n"
                + "--fwd\r\nContent-Type: text/plain; charset=us-ascii\r\n\r\nForwarded.\r\n"
                + "--fwd\r\nContent-Type: message/rfc822\r\nContent-Disposition: attachment\r\n\r\n");
        out.writeBytes(inner);
        write(out, "\r\n--fwd--\r\n");
        return out.toByteArray();
    }

    /** Puts a raw mail into a mailbox of the test mail server, as SMTP delivery would. */
    public static void deliver(GreenMail mail, String mailbox, byte[] raw) {
        try {
            GreenMailUser user = mail.getUserManager().getUserByEmail(mailbox);
            if (user == null) {
                user = mail.setUser(mailbox, mailbox, PASSWORD);
            }
            user.deliver(new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static void createMailboxes(GreenMail mail) {
        for (String address : List.of(OKUSHIRI_INTAKE, HAKODATE_INTAKE)) {
            if (mail.getUserManager().getUserByEmail(address) == null) {
                mail.setUser(address, address, PASSWORD);
            }
        }
    }

    /** The IMAP flags of every message in the mailbox: {@code [seen, flagged]} per message, in order. */
    public static List<boolean[]> flags(String mailbox) {
        Properties props = new Properties();
        try (Store store = Session.getInstance(props).getStore("imap")) {
            store.connect("127.0.0.1", TestMailServer.imapPort(), mailbox, PASSWORD);
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            List<boolean[]> result = new ArrayList<>();
            for (Message m : inbox.getMessages()) {
                Flags f = m.getFlags();
                result.add(new boolean[]{f.contains(Flags.Flag.SEEN), f.contains(Flags.Flag.FLAGGED)});
            }
            inbox.close(false);
            return result;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String encodedWord(String text, Charset charset, String label) {
        if (label == null || text.chars().allMatch(c -> c < 128)) {
            return text;
        }
        return "=?" + label + "?B?" + Base64.getEncoder().encodeToString(text.getBytes(charset)) + "?=";
    }

    static byte[] quotedPrintable(byte[] content) {
        StringBuilder sb = new StringBuilder();
        int col = 0;
        for (byte b : content) {
            int v = b & 0xff;
            if (v == '\n') {
                sb.append("\r\n");
                col = 0;
                continue;
            }
            if (v == '\r') {
                continue;
            }
            String piece = (v >= 33 && v <= 126 && v != '=') || v == ' ' ? String.valueOf((char) v) : String.format("=%02X", v);
            if (col + piece.length() > 72) {
                sb.append("=\r\n");
                col = 0;
            }
            sb.append(piece);
            col += piece.length();
        }
        return sb.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static void write(ByteArrayOutputStream out, String s) {
        out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
