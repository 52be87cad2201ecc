package jp.jukiflow.pinreset.internal;

import java.io.IOException;
import java.time.LocalDate;

import jp.jukiflow.documents.JapanesePdf;
import jp.jukiflow.documents.PdfPage;
import org.springframework.stereotype.Component;

import static jp.jukiflow.documents.JapaneseDates.wareki;

/**
 * Writes the 照会書 of a PIN reset by an agent as an A4 PDF: the holder's name and registered address (for a window
 * envelope), the municipality, the 照会番号, the date in the Japanese calendar (令和8年11月26日), the answer deadline,
 * what the agent brings at the second visit, and the 回答書 to fill in below the cut line. Fonts and layout helpers come
 * from {@link JapanesePdf} (the Japanese font embedded as a subset).
 */
@Component
class InquiryLetter {

    private static final float BODY = 10.5f;

    /** What goes into one letter. */
    record Content(String inquiryNumber, LocalDate issuedOn, LocalDate answerDeadline, String municipalityName,
                   String holderName, String postalCode, String address, String cardNumberTail, String agentName) {
    }

    private final JapanesePdf pdf;

    InquiryLetter(JapanesePdf pdf) {
        this.pdf = pdf;
    }

    byte[] render(Content c) {
        return pdf.write(new JapanesePdf.Metadata("照会書",
                        "暗証番号の再設定に関する照会書（照会番号 " + c.inquiryNumber() + "）", c.municipalityName(),
                        c.issuedOn()),
                document -> write(document.addPage(), c));
    }

    private static void write(PdfPage p, Content c) throws IOException {
        p.lineRight("照会番号 " + c.inquiryNumber(), BODY);
        p.lineRight(wareki(c.issuedOn()), BODY);
        p.gap(6);
        p.line("〒" + format(c.postalCode()), 12);
        p.paragraph(c.address(), 12);
        p.line(c.holderName() + "　様", 14);
        p.gap(10);
        p.lineRight(c.municipalityName() + "長", 12);
        p.gap(14);
        p.lineCentered("暗証番号の再設定に関する照会書", 18);
        p.gap(10);
        p.paragraph("あなたのカード（カード番号の末尾 " + c.cardNumberTail() + "）の暗証番号の再設定について、"
                + (c.agentName() == null ? "代理人" : "代理人（" + c.agentName() + " 様）")
                + "から申請がありました。ご本人の意思を確認するため、この照会書をお送りします。", BODY);
        p.paragraph("代理人に再設定を依頼されたときは、下の回答書にご本人が記入し、" + wareki(c.answerDeadline())
                + "までに、代理人に次のものを持たせて窓口へお越しいただいてください。", BODY);
        p.paragraph("　1. この照会書と回答書（切り離さずにお持ちください）", BODY);
        p.paragraph("　2. ご本人のカード", BODY);
        p.paragraph("　3. 代理人の本人確認書類（運転免許証、パスポートなど顔写真付きのもの）", BODY);
        p.paragraph("期限までに回答書の提出がないときは、この申請は取り下げられたものとして扱います。"
                + "心当たりのない申請であるときは、至急、" + c.municipalityName() + "の窓口へご連絡ください。", BODY);
        p.gap(26);
        p.dashedCut("きりとり線");
        p.gap(18);
        p.lineCentered("回　答　書", 18);
        p.gap(6);
        p.line(c.municipalityName() + "長　様", BODY);
        p.line("照会番号 " + c.inquiryNumber(), BODY);
        p.gap(4);
        p.paragraph("私は、カード（末尾 " + c.cardNumberTail() + "）の暗証番号の再設定を、下記の代理人に依頼しました。"
                + "この回答書は私が記入したものに相違ありません。", BODY);
        p.gap(6);
        p.line("記入日　　令和　　　年　　　月　　　日", BODY);
        p.gap(8);
        p.paragraph("ご本人　住所　" + c.address(), BODY);
        p.gap(8);
        p.line("　　　　氏名（自署）＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿", BODY);
        p.gap(8);
        p.line("代理人　住所　＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿", BODY);
        p.gap(8);
        p.line("　　　　氏名　＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿　（本人との関係　　　　　）", BODY);
        p.gap(12);
        p.paragraph("※ 暗証番号は、代理人が窓口で、暗証番号入力画面に入力します。この回答書に暗証番号を書かないでください。", 9);
    }

    private static String format(String postalCode) {
        if (postalCode == null) {
            return "";
        }
        String digits = postalCode.replace("-", "");
        return digits.length() == 7 ? digits.substring(0, 3) + "-" + digits.substring(3) : postalCode;
    }
}
