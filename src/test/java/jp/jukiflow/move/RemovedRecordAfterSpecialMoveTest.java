package jp.jukiflow.move;

import static jp.jukiflow.support.Towns.HAKODATE;
import static jp.jukiflow.support.Towns.OKUSHIRI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jp.jukiflow.audit.AuditAction;
import jp.jukiflow.audit.AuditLog;
import jp.jukiflow.documents.RemovedRecordCopyPdf;
import jp.jukiflow.support.JukiflowTest;
import jp.jukiflow.support.MovingResidents;
import jp.jukiflow.support.PdfText;
import jp.jukiflow.support.SpecialMoves;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.jayway.jsonpath.JsonPath;

/**
 * Rule 11 of issue 12 in ONE deployment serving both towns: after a special move the origin keeps its 除票 (the record
 * as it stood there, the reason 転出 and the date) that its clerks read and certify, while the destination's clerk
 * cannot see it (404, like an unknown one) but sees its own resident — 奥尻町 → 函館市 and the reverse.
 */
@JukiflowTest
class RemovedRecordAfterSpecialMoveTest {

    static final RequestPostProcessor OKUSHIRI_CLERK = httpBasic("okushiri-clerk", "okushiri-clerk");
    static final RequestPostProcessor HAKODATE_CLERK = httpBasic("hakodate-clerk", "hakodate-clerk");
    static final String PURPOSE = "除票の写しの請求（本人）";

    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext context;
    @Autowired
    IdentityService identityService;
    @Autowired
    AuditLog audit;

    @BeforeEach
    void asTheSystem() {
        identityService.clearAuthentication();
    }

    @Test
    void okushiriKeepsItsRemovedRecordAfterTheMoveToHakodate() throws Exception {
        MovingResidents.Mover m = MovingResidents.in(context).create(OKUSHIRI, "043-1401", "北海道奥尻郡奥尻町奥尻806番地");
        move(m, OKUSHIRI, HAKODATE, "040-0001", "北海道函館市五稜郭町1番1号");

        long id = originReadsAndCertifies(m, OKUSHIRI_CLERK, "北海道奥尻郡奥尻町奥尻806番地", "函館市");
        destinationCannotSeeIt(m, id, HAKODATE_CLERK);
        // the destination's record is its own: 函館市 sees its resident, 奥尻町 no longer does
        mvc.perform(get("/staff/api/v1/residents/" + m.residentCode()).param("purpose", PURPOSE).with(HAKODATE_CLERK))
                .andExpect(status().isOk()).andExpect(jsonPath("$.municipalityCode").value(HAKODATE))
                .andExpect(jsonPath("$.address").value("北海道函館市五稜郭町1番1号"))
                .andExpect(jsonPath("$.status").value("住民"));
        mvc.perform(get("/staff/api/v1/residents/" + m.residentCode()).param("purpose", PURPOSE).with(OKUSHIRI_CLERK))
                .andExpect(status().isNotFound());
        // the former resident's 提供状況の開示 is still 奥尻町's to give (found by its 除票), 函館市's lists none of it
        mvc.perform(get("/staff/disclosures/csv").param("residentCode", m.residentCode()).with(OKUSHIRI_CLERK))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("転出証明書情報の通知")));
        mvc.perform(get("/staff/disclosures/csv").param("residentCode", m.residentCode()).with(HAKODATE_CLERK))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.not(
                        org.hamcrest.Matchers.containsString("転出証明書情報の通知"))));
    }

    @Test
    void hakodateKeepsItsRemovedRecordAfterTheMoveToOkushiri() throws Exception {
        MovingResidents.Mover m = MovingResidents.in(context).create(HAKODATE, "040-0011", "北海道函館市本町1番1号");
        move(m, HAKODATE, OKUSHIRI, "043-1401", "北海道奥尻郡奥尻町奥尻1番2号");

        long id = originReadsAndCertifies(m, HAKODATE_CLERK, "北海道函館市本町1番1号", "奥尻町");
        destinationCannotSeeIt(m, id, OKUSHIRI_CLERK);
        mvc.perform(get("/staff/api/v1/residents/" + m.residentCode()).param("purpose", PURPOSE).with(OKUSHIRI_CLERK))
                .andExpect(status().isOk()).andExpect(jsonPath("$.municipalityCode").value(OKUSHIRI));
    }

    private void move(MovingResidents.Mover m, String origin, String destination, String postalCode, String address) {
        SpecialMoves moves = SpecialMoves.in(context);
        ProcessInstance out = moves.acceptedTransferOut(m, origin, destination, address);
        moves.transferIn(m, out, destination, postalCode, address);
    }

    /** The origin's clerk lists, reads and certifies the 除票: the record as it stood at the origin. */
    private long originReadsAndCertifies(MovingResidents.Mover m, RequestPostProcessor clerk, String originAddress,
                                         String destinationName) throws Exception {
        String list = mvc.perform(get("/staff/api/v1/removed-records").param("residentCode", m.residentCode())
                        .param("purpose", PURPOSE).with(clerk))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].residentCode").value(m.residentCode()))
                .andExpect(jsonPath("$[0].name").value(m.familyName() + "　" + m.givenName()))
                .andExpect(jsonPath("$[0].nameKana").value(m.familyNameKana() + "　" + m.givenNameKana()))
                .andExpect(jsonPath("$[0].birthDate").value(m.birthDate().toString()))
                .andExpect(jsonPath("$[0].address").value(originAddress))
                .andExpect(jsonPath("$[0].headOfHousehold").value(m.familyName() + "　" + m.givenName()))
                .andExpect(jsonPath("$[0].relationship").value("世帯主"))
                .andExpect(jsonPath("$[0].reasonLabel").value("転出"))
                .andExpect(jsonPath("$[0].removedOn").value(SpecialMoves.MOVED_IN_DATE))
                .andExpect(jsonPath("$[0].destination").value(org.hamcrest.Matchers.startsWith(destinationName)))
                .andExpect(jsonPath("$[0].retainUntil").value("2176-11-25"))
                // 本籍・筆頭者 only when asked
                .andExpect(jsonPath("$[0].honseki").doesNotExist())
                .andReturn().getResponse().getContentAsString();
        long id = ((Number) JsonPath.read(list, "$[0].id")).longValue();
        mvc.perform(get("/staff/api/v1/removed-records/" + id).param("purpose", PURPOSE).param("honseki", "true")
                        .with(clerk))
                .andExpect(status().isOk()).andExpect(jsonPath("$.honseki").value("北海道奥尻郡奥尻町奥尻1番地"));
        mvc.perform(get("/staff/removed-records").param("residentCode", m.residentCode()).param("purpose", PURPOSE)
                        .with(clerk))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString(originAddress)));

        byte[] withHonseki = mvc.perform(get("/staff/removed-records/" + id + "/copy.pdf").param("purpose", PURPOSE)
                        .param("honseki", "true").with(clerk))
                .andExpect(status().isOk()).andExpect(content().contentTypeCompatibleWith("application/pdf"))
                .andReturn().getResponse().getContentAsByteArray();
        try (PDDocument doc = Loader.loadPDF(withHonseki)) {
            PdfText.assertA4WithEmbeddedFonts(doc);
            assertThat(PdfText.of(doc)).contains(RemovedRecordCopyPdf.TITLE, m.residentCode(), "転出", "本籍",
                    RemovedRecordCopyPdf.CERTIFICATION);
        }
        byte[] without = mvc.perform(get("/staff/removed-records/" + id + "/copy.pdf").param("purpose", PURPOSE)
                        .with(clerk))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (PDDocument doc = Loader.loadPDF(without)) {
            assertThat(PdfText.of(doc)).contains(RemovedRecordCopyPdf.TITLE).doesNotContain("本籍", "筆頭者");
        }
        assertThat(audit.entriesAbout(m.residentCode()))
                .filteredOn(e -> e.action() == AuditAction.READ && e.detail() != null
                        && e.detail().startsWith("除票の写しを交付"))
                .hasSize(2).allSatisfy(e -> assertThat(e.purpose()).isEqualTo(PURPOSE));
        return id;
    }

    /** The destination's clerk gets what an unknown 除票 gives: 404 with the same text. */
    private void destinationCannotSeeIt(MovingResidents.Mover m, long id, RequestPostProcessor clerk) throws Exception {
        String unknown = mvc.perform(get("/staff/api/v1/removed-records/999999999").param("purpose", PURPOSE)
                        .with(clerk))
                .andExpect(status().isNotFound()).andReturn().getResponse().getContentAsString();
        String other = mvc.perform(get("/staff/api/v1/removed-records/" + id).param("purpose", PURPOSE).with(clerk))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("REMOVED_RECORD_NOT_FOUND"))
                .andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<String>read(other, "$.detail")).isEqualTo(JsonPath.read(unknown, "$.detail"));
        mvc.perform(get("/staff/api/v1/removed-records").param("residentCode", m.residentCode())
                        .param("purpose", PURPOSE).with(clerk))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("REMOVED_RECORD_NOT_FOUND"));
        mvc.perform(get("/staff/removed-records/" + id + "/copy.pdf").param("purpose", PURPOSE).with(clerk))
                .andExpect(status().isNotFound());
        mvc.perform(get("/staff/removed-records/" + id).param("purpose", PURPOSE).with(clerk))
                .andExpect(status().isNotFound());
    }
}
