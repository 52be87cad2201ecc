package jp.jukiflow.disclosure;

import static jp.jukiflow.support.Towns.HAKODATE;
import static jp.jukiflow.support.Towns.OKUSHIRI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.oneOf;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.awt.image.BufferedImage;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import jp.jukiflow.audit.AuditAction;
import jp.jukiflow.audit.AuditEntry;
import jp.jukiflow.audit.AuditLog;
import jp.jukiflow.audit.NewProvision;
import jp.jukiflow.audit.ProvisionDetail;
import jp.jukiflow.audit.ProvisionRecords;
import jp.jukiflow.documents.PdfFont;
import jp.jukiflow.support.JukiflowTest;
import jp.jukiflow.support.PdfText;
import jp.jukiflow.support.MovingResidents;
import jp.jukiflow.support.TestClock;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The clerks' disclosure (提供状況の開示) {@code /staff/disclosures}: for a resident of the clerk's municipality, every
 * provision of their data from the provision records and the audit log's PROVIDE lines, each once; as a page, an A4 PDF
 * with the font embedded and 和暦 dates, and a CSV (UTF-8 with BOM, Japanese header, RFC 4180 quoting). Each
 * generation is logged (READ, 提供状況の開示). Wrong codes, unknown persons and other municipalities' residents get a
 * Japanese message with 400 / 404 and no data, never a 500.
 */
@JukiflowTest
class DisclosurePageTest {

    static final RequestPostProcessor CLERK = httpBasic("hakodate-clerk", "hakodate-clerk");
    static final RequestPostProcessor OTHER_CLERK = httpBasic("okushiri-clerk", "okushiri-clerk");

    @Autowired
    MockMvc mvc;
    @Autowired
    ProvisionRecords provisions;
    @Autowired
    AuditLog auditLog;
    @Autowired
    Clock clock;
    @Autowired
    ApplicationContext context;

    MovingResidents.Mover resident;

    @BeforeEach
    void aResidentWithProvisions() {
        RequestContextHolder.resetRequestAttributes();
        resident = MovingResidents.in(context).create(HAKODATE, "0400001", "北海道函館市東雲町4番13号");
        String code = resident.residentCode();
        provisions.record(new NewProvision(HAKODATE, code, "奥尻町長", OKUSHIRI, "住民票の写しの広域交付",
                List.of("氏名", "生年月日", "性別", "住所"), "R-013676-2026-000123"));
        TestClock.of(clock).at(Instant.parse("2025-04-01T02:00:00Z"), () -> provisions.record(new NewProvision(HAKODATE,
                code, "北海道知事", null, "都道府県への本人確認情報の通知", List.of("氏名", "住所", "住民票コード"), null)));
        TestClock.of(clock).at(Instant.parse("2024-07-08T02:00:00Z"), () -> {
            auditLog.record(AuditAction.PROVIDE, HAKODATE, code, "国の機関への提供",
                    ProvisionDetail.of("地方公共団体情報システム機構", List.of("氏名", "生年月日"), "J-77").text());
            return null;
        });
        // another municipality's provision about the same 住民票コード is not Hakodate's to disclose
        provisions.record(new NewProvision(OKUSHIRI, code, "秘密の提供先", null, "奥尻町の提供", List.of("氏名"), "X-1"));
    }

    @Test
    void theFormAndTheListOfEveryProvisionOnce() throws Exception {
        mvc.perform(get("/staff/disclosures").with(CLERK))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("本人確認情報の提供状況開示")))
                .andExpect(content().string(containsString("住民票コード（11桁）")))
                .andExpect(content().string(not(containsString("id=\"provisions\""))));

        String html = mvc.perform(get("/staff/disclosures").param("residentCode", resident.residentCode()).with(CLERK))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("lang=\"ja\"", resident.familyName() + "　" + resident.givenName(),
                resident.familyNameKana() + "　" + resident.givenNameKana(), "函館市（012025）", "令和8年11月26日",
                "奥尻町長（013676）", "住民票の写しの広域交付", "氏名、生年月日、性別、住所", "R-013676-2026-000123",
                "令和7年4月1日", "北海道知事", "都道府県への本人確認情報の通知",
                "令和6年7月8日", "地方公共団体情報システム機構", "国の機関への提供", "J-77", "アクセス記録", "提供記録",
                "/staff/disclosures/pdf?residentCode=" + resident.residentCode(),
                "/staff/disclosures/csv?residentCode=" + resident.residentCode());
        assertThat(html).doesNotContain("秘密の提供先", "奥尻町の提供", "X-1");
        // three provisions, each once (the PROVIDE lines written with the records are not listed again), newest first
        String body = html.substring(html.indexOf("<tbody>"), html.indexOf("</tbody>"));
        assertThat(count(body, "<tr>")).isEqualTo(3);
        assertThat(count(html, "R-013676-2026-000123")).isEqualTo(1);
        assertThat(body.indexOf("令和8年11月26日")).isLessThan(body.indexOf("令和7年4月1日"));
        assertThat(body.indexOf("令和7年4月1日")).isLessThan(body.indexOf("令和6年7月8日"));

        AuditEntry read = auditLog.entriesAbout(resident.residentCode()).get(0);
        assertThat(read.action()).isEqualTo(AuditAction.READ);
        assertThat(read.purpose()).isEqualTo("提供状況の開示");
        assertThat(read.actor()).isEqualTo("hakodate-clerk");
    }

    @Test
    void aResidentWithoutProvisionsGetsAnEmptyDisclosure() throws Exception {
        MovingResidents.Mover quiet = MovingResidents.in(context).create(HAKODATE, "0400001", "北海道函館市若松町1番1号");
        mvc.perform(get("/staff/disclosures").param("residentCode", quiet.residentCode()).with(CLERK))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("提供の記録はありません。")));
        PdfFont.require();
        byte[] pdf = mvc.perform(get("/staff/disclosures/pdf").param("residentCode", quiet.residentCode()).with(CLERK))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(PdfText.of(doc)).contains("提供の記録はありません。");
        }
    }

    @Test
    void thePdfIsA4WithTheFontEmbeddedAndTheProvisionsIn和暦() throws Exception {
        PdfFont.require();
        byte[] pdf = mvc.perform(get("/staff/disclosures/pdf").param("residentCode", resident.residentCode()).with(CLERK))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", startsWith("application/pdf")))
                .andExpect(header().string("Content-Disposition", startsWith("attachment")))
                .andExpect(header().string("Cache-Control", "no-store"))
                .andReturn().getResponse().getContentAsByteArray();
        snapshot(pdf, "provision-disclosure");
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isEqualTo(1);
            PdfText.assertA4WithEmbeddedFonts(doc);
            String text = PdfText.of(doc);
            assertThat(text).contains("本人確認情報の提供状況開示", resident.familyName() + resident.givenName(),
                    resident.residentCode(), "函館市長", "令和8年11月26日", "奥尻町長（013676）", "住民票の写しの広域交付",
                    "氏名、生年月日、性別、住所", "R-013676-2026-000123", "令和7年4月1日", "北海道知事",
                    "令和6年7月8日", "地方公共団体情報システム機構", "アクセス記録", "7年", "1/1");
            assertThat(text).doesNotContain("秘密の提供先");
            assertThat(count(text, "R-013676-2026-000123")).isEqualTo(1);
        }
        assertThat(auditLog.entriesAbout(resident.residentCode()).get(0).purpose()).isEqualTo("提供状況の開示");
    }

    @Test
    void aLongDisclosureContinuesOnMorePagesWithTheHeaderRepeated() throws Exception {
        PdfFont.require();
        String code = resident.residentCode();
        for (int i = 0; i < 45; i++) {
            provisions.record(new NewProvision(HAKODATE, code, "試験市長" + i, null,
                    "長い目的の説明が入る提供（第" + i + "回）の記録を複数行に折り返して表示するための試験", List.of("氏名", "生年月日",
                    "性別", "住所", "続柄", "住民票コード"), "R-012025-2026-" + String.format("%06d", i)));
        }
        byte[] pdf = mvc.perform(get("/staff/disclosures/pdf").param("residentCode", code).with(CLERK))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        snapshot(pdf, "provision-disclosure-long");
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            int pages = doc.getNumberOfPages();
            assertThat(pages).isGreaterThanOrEqualTo(2);
            PdfText.assertA4WithEmbeddedFonts(doc);
            for (int page = 1; page <= pages; page++) {
                String text = PdfText.ofPage(doc, page);
                assertThat(text).as("page " + page).contains("提供年月日", "提供先", "提供した項目", page + "/" + pages);
            }
            String all = PdfText.of(doc);
            for (int i = 0; i < 45; i++) {
                assertThat(count(all, "R-012025-2026-" + String.format("%06d", i))).as("row " + i).isEqualTo(1);
            }
        }
    }

    @Test
    void theCsvIsUtf8WithBomAJapaneseHeaderAndRfc4180Quoting() throws Exception {
        String code = resident.residentCode();
        provisions.record(new NewProvision(HAKODATE, code, "函館市長, \"本庁\"", null, "改行を含む\n目的",
                List.of("氏名"), "Q-1"));
        byte[] csv = mvc.perform(get("/staff/disclosures/csv").param("residentCode", code).with(CLERK))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", startsWith("text/csv")))
                .andExpect(header().string("Content-Type", containsString("UTF-8")))
                .andExpect(header().string("Content-Disposition", containsString(".csv")))
                .andReturn().getResponse().getContentAsByteArray();

        assertThat(Arrays.copyOf(csv, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        String text = new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8);
        assertThat(text).startsWith("提供年月日,提供年月日（西暦）,提供先,提供の目的,提供した項目,受付番号,記録の種類\r\n");
        assertThat(text).endsWith("\r\n");
        assertThat(text).contains(
                "令和8年11月26日,2026-11-26,奥尻町長（013676）,住民票の写しの広域交付,氏名、生年月日、性別、住所,R-013676-2026-000123,提供記録\r\n",
                "令和7年4月1日,2025-04-01,北海道知事,都道府県への本人確認情報の通知,氏名、住所、住民票コード,,提供記録\r\n",
                "令和6年7月8日,2024-07-08,地方公共団体情報システム機構,国の機関への提供,氏名、生年月日,J-77,アクセス記録\r\n",
                "令和8年11月26日,2026-11-26,\"函館市長, \"\"本庁\"\"\",\"改行を含む\n目的\",氏名,Q-1,提供記録\r\n");
        assertThat(text).doesNotContain("秘密の提供先");
        // header + 4 records (the quoted line break does not end a record)
        assertThat(count(text, "\r\n")).isEqualTo(5);
    }

    @Test
    void badInputIsAJapaneseMessageNeverA500() throws Exception {
        mvc.perform(get("/staff/disclosures").param("residentCode", "123").with(CLERK))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("住民票コード")))
                .andExpect(content().string(containsString("data-code=\"RESIDENT_CODE_LENGTH\"")))
                .andExpect(content().string(containsString("value=\"123\"")));
        String code = resident.residentCode();
        String wrongCheckDigit = code.substring(0, 10) + ((code.charAt(10) - '0' + 1) % 10);
        mvc.perform(get("/staff/disclosures").param("residentCode", wrongCheckDigit).with(CLERK))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("検査数字")));
        mvc.perform(get("/staff/disclosures").param("residentCode", "").with(CLERK))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("class=\"error\"")));
        mvc.perform(get("/staff/disclosures").param("residentCode", "abcdefghijk<script>").with(CLERK))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(not(containsString("<script>"))));
        mvc.perform(get("/staff/disclosures/pdf").param("residentCode", "999").with(CLERK))
                .andExpect(status().isBadRequest())
                .andExpect(header().string("Content-Type", startsWith("text/html")));
        mvc.perform(get("/staff/disclosures/csv").with(CLERK))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("住民票コード")));

        String unknown = unknownResidentCode();
        mvc.perform(get("/staff/disclosures").param("residentCode", unknown).with(CLERK))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("住民基本台帳に見つかりません")))
                .andExpect(content().string(containsString("data-code=\"RESIDENT_NOT_FOUND\"")));
    }

    @Test
    void anotherMunicipalitysResidentIsNotFoundAndNothingLeaks() throws Exception {
        String code = resident.residentCode();
        int before = auditLog.entriesAbout(code).size();
        String html = mvc.perform(get("/staff/disclosures").param("residentCode", code).with(OTHER_CLERK))
                .andExpect(status().isNotFound())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        String unknownHtml = mvc.perform(get("/staff/disclosures").param("residentCode", unknownResidentCode())
                        .with(OTHER_CLERK))
                .andExpect(status().isNotFound())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        // the same message as for a person who does not exist: nothing tells that the person lives elsewhere
        assertThat(errorOf(html)).isEqualTo(errorOf(unknownHtml)).contains("見つかりません");
        assertThat(html).doesNotContain(resident.familyName(), "奥尻町長（013676）", "R-013676-2026-000123",
                "秘密の提供先", "函館市");
        for (String format : List.of("pdf", "csv")) {
            mvc.perform(get("/staff/disclosures/" + format).param("residentCode", code).with(OTHER_CLERK))
                    .andExpect(status().isNotFound())
                    .andExpect(header().string("Content-Type", startsWith("text/html")))
                    .andExpect(content().string(not(containsString(resident.familyName()))));
        }
        assertThat(auditLog.entriesAbout(code)).hasSize(before);
    }

    @Test
    void onlyLoggedInStaffAndTheStartPageLinksToIt() throws Exception {
        mvc.perform(get("/staff/disclosures").param("residentCode", resident.residentCode()))
                .andExpect(status().is(oneOf(302, 401)));
        mvc.perform(get("/staff/disclosures/csv").param("residentCode", resident.residentCode()))
                .andExpect(status().is(oneOf(302, 401)));
        mvc.perform(get("/"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"/staff/disclosures\"")))
                .andExpect(content().string(containsString("本人確認情報の提供状況開示")));
    }

    // ---- helpers ----

    /** A well-formed 住民票コード nobody in the register has. */
    String unknownResidentCode() {
        String code;
        do {
            code = jp.jukiflow.register.ResidentCode.withCheckDigit(
                    String.format("6%09d", java.util.concurrent.ThreadLocalRandom.current().nextLong(1_000_000_000L)))
                    .value();
        } while (context.getBean(org.springframework.jdbc.core.simple.JdbcClient.class)
                .sql("select count(*) from resident where resident_code = ?").param(code).query(Long.class).single() > 0);
        return code;
    }

    static String errorOf(String html) {
        Matcher m = Pattern.compile("class=\"error\"[^>]*>([^<]*)<").matcher(html);
        assertThat(m.find()).as("an error message in " + html).isTrue();
        return m.group(1);
    }

    static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + part.length())) {
            n++;
        }
        return n;
    }




    static void snapshot(byte[] pdf, String name) throws Exception {
        Path dir = buildDir().resolve("screenshots");
        Files.createDirectories(dir);
        Files.write(dir.resolve(name + ".pdf"), pdf);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            BufferedImage image = new PDFRenderer(doc).renderImageWithDPI(0, 110);
            ImageIO.write(image, "png", dir.resolve(name + ".png").toFile());
        }
    }

    static Path buildDir() throws URISyntaxException {
        return Path.of(DisclosurePageTest.class.getProtectionDomain().getCodeSource().getLocation().toURI()).getParent();
    }
}
