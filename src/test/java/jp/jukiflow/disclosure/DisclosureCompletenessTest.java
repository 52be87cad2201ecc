package jp.jukiflow.disclosure;

import static jp.jukiflow.support.Towns.HAKODATE;
import static jp.jukiflow.support.Towns.OKUSHIRI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jp.jukiflow.audit.NewProvision;
import jp.jukiflow.audit.ProvisionRecord;
import jp.jukiflow.audit.ProvisionRecords;
import jp.jukiflow.jukinet.JukinetGateway;
import jp.jukiflow.jukinet.JukinetMessageLog;
import jp.jukiflow.jukinet.LoggedMessage;
import jp.jukiflow.jukinet.MessageDirection;
import jp.jukiflow.jukinet.MessageType;
import jp.jukiflow.jukinet.MoveOutCertificateRequest;
import jp.jukiflow.jukinet.WideAreaCopyRequest;
import jp.jukiflow.support.MovingResidents;
import jp.jukiflow.support.PdfText;
import jp.jukiflow.support.ProcessTestFixture;
import jp.jukiflow.support.SpecialMoves;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Rule 10 of issue 12: 提供状況の開示 lists every provision of 本人確認情報 to another body, recorded when it is sent — the
 * wide-area answer, the 転出証明書情報 and its re-send on the destination's request — each once, with recipient, date,
 * items and purpose in Japanese; and the general API ({@link ProvisionRecords#recordDelivered}) records one delivery
 * once however often it is called, while a new delivery is a new provision.
 */
class DisclosureCompletenessTest extends ProcessTestFixture {

    static final RequestPostProcessor OKUSHIRI_CLERK = httpBasic("okushiri-clerk", "okushiri-clerk");

    @Autowired
    ApplicationContext context;
    @Autowired
    JukinetGateway gateway;
    @Autowired
    JukinetMessageLog messageLog;
    @Autowired
    ProvisionRecords provisions;

    @BeforeEach
    void asTheSystem() {
        identityService.clearAuthentication();
    }

    @Test
    void theDisclosureListsTheCertificateItsResendAndAWideAreaAnswer() throws Exception {
        MovingResidents.Mover m = MovingResidents.in(context).create(OKUSHIRI, "043-1401", "北海道奥尻郡奥尻町奥尻806番地");
        // a wide-area copy asked at 函館市's counter, answered by 奥尻町
        String requestId = HAKODATE + "-WA-disclosure-" + UUID.randomUUID().toString().substring(0, 8);
        gateway.send(MessageType.WIDE_AREA_COPY_REQUEST, HAKODATE, OKUSHIRI, requestId, new WideAreaCopyRequest(
                requestId, HAKODATE, "函館市", OKUSHIRI, m.residentCode(), null, null, false, List.of(), true, true,
                Instant.parse("2026-11-26T01:00:00Z")));
        executeDueJobs(runtimeService.createProcessInstanceQuery().processDefinitionKey("wide-area-copy-answer")
                .processInstanceBusinessKey(requestId).singleResult());
        // the special transfer-out to 函館市: the 転出証明書情報 is sent, then sent again on 函館市's request
        ProcessInstance out = SpecialMoves.in(context).acceptedTransferOut(m, OKUSHIRI, HAKODATE,
                "北海道函館市五稜郭町1番1号");
        String receipt = out.getBusinessKey();
        gateway.send(MessageType.MOVE_OUT_CERTIFICATE_REQUEST, HAKODATE, OKUSHIRI, "transfer-in:disclosure:" + receipt,
                new MoveOutCertificateRequest(OKUSHIRI, HAKODATE, receipt, m.residentCode(),
                        Instant.parse("2026-11-26T01:30:00Z")));
        executeDueJobs(out);
        List<LoggedMessage> certificates = messageLog.messagesAbout(receipt).stream()
                .filter(x -> x.direction() == MessageDirection.SENT && x.type() == MessageType.MOVE_OUT_CERTIFICATE_INFO)
                .toList();
        assertThat(certificates).hasSize(2);

        // exactly one provision per message sent, each with its purpose
        assertThat(provisions.forResident(m.residentCode())).extracting(ProvisionRecord::purpose)
                .containsExactlyInAnyOrder("住民票の写しの広域交付",
                        "転出証明書情報の通知（特例転出、住民基本台帳法第24条の2）",
                        "転出証明書情報の再通知（転出先市区町村の請求による）");

        String csv = new String(mvc.perform(get("/staff/disclosures/csv").param("residentCode", m.residentCode())
                        .with(OKUSHIRI_CLERK)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsByteArray(), StandardCharsets.UTF_8);
        List<String> lines = Arrays.asList(csv.split("\r\n"));
        assertThat(lines).hasSize(4);
        assertThat(lines).filteredOn(l -> l.contains("転出証明書情報の通知")).singleElement().satisfies(l -> assertThat(l)
                .contains("令和8年11月26日", "2026-11-26", "函館市長（012025）", "氏名、フリガナ、生年月日、性別、続柄、住民票コード",
                        "転出先の住所", receipt, "提供記録"));
        assertThat(lines).filteredOn(l -> l.contains("転出証明書情報の再通知")).singleElement().satisfies(l -> assertThat(l)
                .contains("令和8年11月26日", "函館市長（012025）", "住民票コード", receipt));
        assertThat(lines).filteredOn(l -> l.contains("住民票の写しの広域交付")).singleElement().satisfies(l -> assertThat(l)
                .contains("令和8年11月26日", "函館市長（012025）", "氏名", "続柄", "住民票コード", requestId));

        byte[] pdf = mvc.perform(get("/staff/disclosures/pdf").param("residentCode", m.residentCode())
                .with(OKUSHIRI_CLERK)).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(PdfText.of(doc)).contains("転出証明書情報の通知", "転出証明書情報の再通知", "住民票の写しの広域交付",
                    "函館市長");
        }
    }

    @Test
    void theDestinationsMoveInNoticeIsItsOwnProvisionToTheOrigin() {
        MovingResidents.Mover m = MovingResidents.in(context).create(OKUSHIRI, "043-1401", "北海道奥尻郡奥尻町奥尻808番地");
        ProcessInstance out = SpecialMoves.in(context).acceptedTransferOut(m, OKUSHIRI, HAKODATE,
                "北海道函館市五稜郭町1番2号");
        SpecialMoves.in(context).transferIn(m, out, HAKODATE, "040-0001", "北海道函館市五稜郭町1番2号");

        assertThat(provisions.forResident(m.residentCode()))
                .extracting(ProvisionRecord::providingMunicipalityCode, ProvisionRecord::recipientName,
                        ProvisionRecord::purpose)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(OKUSHIRI, "函館市長",
                                "転出証明書情報の通知（特例転出、住民基本台帳法第24条の2）"),
                        org.assertj.core.groups.Tuple.tuple(HAKODATE, "奥尻町長",
                                "転入通知（住民基本台帳法第9条第1項、転出元市区町村へ）"));
    }

    @Test
    void oneDeliveryIsOneProvisionHoweverOftenItIsRecordedAndANewDeliveryIsANewOne() {
        MovingResidents.Mover m = MovingResidents.in(context).create(OKUSHIRI, "043-1401", "北海道奥尻郡奥尻町奥尻807番地");
        NewProvision feed = new NewProvision(OKUSHIRI, m.residentCode(), "奥尻町国民健康保険担当", null,
                "国民健康保険の資格管理（庁内連携）", List.of("氏名", "住所"), "FEED-2026-11-26");

        ProvisionRecord first = provisions.recordDelivered(feed, "feed-delivery-1");
        ProvisionRecord retried = provisions.recordDelivered(feed, "feed-delivery-1");
        ProvisionRecord next = provisions.recordDelivered(feed, "feed-delivery-2");

        assertThat(retried.id()).isEqualTo(first.id());
        assertThat(next.id()).isNotEqualTo(first.id());
        assertThat(provisions.forResident(m.residentCode())).hasSize(2);
    }
}
