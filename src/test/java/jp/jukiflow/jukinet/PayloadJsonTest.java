package jp.jukiflow.jukinet;

import static jp.jukiflow.jukinet.JukinetSamples.CHILD;
import static jp.jukiflow.support.Towns.HAKODATE;
import static jp.jukiflow.jukinet.JukinetSamples.HEAD;
import static jp.jukiflow.support.Towns.OKUSHIRI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jp.jukiflow.jukinet.internal.JukinetJson;
import org.junit.jupiter.api.Test;

/** The payloads as JSON: ISO dates, exactly the fields the procedure needs, nothing else accepted. */
class PayloadJsonTest {

    private final ObjectMapper plain = new ObjectMapper();

    @Test
    void certificateRoundTripsThroughJson() {
        MoveOutCertificateInfo certificate = JukinetSamples.certificate("013676-2026-000123");
        String json = JukinetJson.write(certificate);
        assertThat(JukinetJson.read(json, MoveOutCertificateInfo.class)).isEqualTo(certificate);
    }

    @Test
    void certificateJsonHasIsoDatesAndOnlyTheNeededFields() throws Exception {
        JsonNode json = plain.readTree(JukinetJson.write(JukinetSamples.certificate("013676-2026-000123")));

        assertThat(json.get("plannedMoveOutDate").asText()).isEqualTo("2026-12-01");
        assertThat(json.get("lastDayForTransferIn").asText()).isEqualTo("2026-12-31");
        assertThat(json.get("movedOn").isNull()).isTrue();
        assertThat(json.get("continuedUse").asBoolean()).isTrue();
        assertThat(json.get("movers").get(1).get("birthDate").asText()).isEqualTo("2012-02-29");
        assertThat(json.get("movers").get(1).get("nameKana").asText()).isEqualTo("オクシリ ハナコ");
        assertThat(JukinetSamples.fieldNames(((ObjectNode) json.deepCopy()).without("movers")))
                .containsExactly("receiptNumber", "originCode", "destinationCode", "plannedMoveOutDate", "movedOn",
                        "newAddress", "newHeadOfHousehold", "cardHolderResidentCode", "cardType", "continuedUse",
                        "lastDayForTransferIn", "card", "transferOutFiledOn");
        assertThat(json.get("card").isNull()).isTrue();
        assertThat(JukinetSamples.fieldNames(json.get("movers").get(0)))
                .containsExactly("residentCode", "name", "nameKana", "birthDate", "sex", "relationship");
    }

    @Test
    void certificateWithTheCardRoundTripsThroughJson() throws Exception {
        MoveOutCertificateInfo certificate = JukinetSamples.certificateWithCard("013676-2026-000124");
        String json = JukinetJson.write(certificate);
        MoveOutCertificateInfo read = JukinetJson.read(json, MoveOutCertificateInfo.class);
        assertThat(read).isEqualTo(certificate);
        assertThat(read.card().pinHash()).isEqualTo(JukinetSamples.PIN_HASH);
        assertThat(read.card().consecutivePinFailures()).isEqualTo(1);
        JsonNode card = plain.readTree(json).get("card");
        assertThat(JukinetSamples.fieldNames(card)).containsExactly("number", "type", "photo", "issuedOn", "validUntil",
                "status", "managingMunicipalityCode", "freeEndorsementLines", "pinHash", "consecutivePinFailures",
                "pinLocked");
        assertThat(card.get("issuedOn").asText()).isEqualTo("2024-04-01");
        assertThat(card.get("managingMunicipalityCode").asText()).isEqualTo(OKUSHIRI);
    }

    @Test
    void aCertificateFromASenderWithoutTheCardFieldIsReadWithoutACard() {
        String json = JukinetJson.write(JukinetSamples.certificate("013676-2026-000125")).replace(",\"card\":null", "");
        assertThat(json).doesNotContain("\"card\"");
        MoveOutCertificateInfo read = JukinetJson.read(json, MoveOutCertificateInfo.class);
        assertThat(read.card()).isNull();
        assertThat(read).isEqualTo(JukinetSamples.certificate("013676-2026-000125"));
    }

    /** The day the 転出届 arrived at the origin travels as an ISO date; a payload of an older sender lacks it. */
    @Test
    void theDayTheTransferOutArrivedAtTheOriginTravelsAndOlderPayloadsStayReadable() throws Exception {
        MoveOutCertificateInfo c = JukinetSamples.certificateWithCard("013676-2026-000127");
        MoveOutCertificateInfo dated = new MoveOutCertificateInfo(c.receiptNumber(), c.originCode(),
                c.destinationCode(), c.plannedMoveOutDate(), c.movedOn(), c.newAddress(), c.newHeadOfHousehold(),
                c.movers(), c.cardHolderResidentCode(), c.cardType(), c.continuedUse(), c.lastDayForTransferIn(),
                c.card(), LocalDate.of(2026, 11, 26));
        String json = JukinetJson.write(dated);
        assertThat(plain.readTree(json).get("transferOutFiledOn").asText()).isEqualTo("2026-11-26");
        assertThat(JukinetJson.read(json, MoveOutCertificateInfo.class)).isEqualTo(dated);

        String older = JukinetJson.write(c).replace(",\"transferOutFiledOn\":null", "");
        assertThat(older).doesNotContain("transferOutFiledOn");
        MoveOutCertificateInfo read = JukinetJson.read(older, MoveOutCertificateInfo.class);
        assertThat(read.transferOutFiledOn()).isNull();
        assertThat(read).isEqualTo(c);
    }

    @Test
    void aPresentedCardWithoutItsPinHashIsRefused() {
        String json = JukinetJson.write(JukinetSamples.certificateWithCard("013676-2026-000126"))
                .replace("\"pinHash\":\"" + JukinetSamples.PIN_HASH + "\"", "\"pinHash\":null");
        assertThatThrownBy(() -> JukinetJson.read(json, MoveOutCertificateInfo.class))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theCertificatesTextNeverShowsThePinHash() {
        MoveOutCertificateInfo certificate = JukinetSamples.certificateWithCard("013676-2026-000127");
        assertThat(certificate.toString()).doesNotContain(JukinetSamples.PIN_HASH).contains("pinHash=****")
                .contains("123456789012");
        assertThat(certificate.card().toString()).doesNotContain(JukinetSamples.PIN_HASH)
                .doesNotContain("consecutivePinFailures");
        ExpectedMoveIn expected = new ExpectedMoveIn(certificate.receiptNumber(), OKUSHIRI, HAKODATE,
                certificate.plannedMoveOutDate(), null, certificate, Instant.parse("2026-11-26T01:00:00Z"),
                ExpectedMoveInStatus.EXPECTED, null);
        assertThat(expected.toString()).doesNotContain(JukinetSamples.PIN_HASH);
        assertThat(new MoveOutCertificateInfoReceived(certificate, "m-1").toString())
                .doesNotContain(JukinetSamples.PIN_HASH);
    }

    @Test
    void noPayloadRecordHasAPlaceForHonsekiOrHittosha() {
        for (Class<?> type : List.of(MoveOutCertificateInfo.class, MoveOutCertificateInfo.Mover.class,
                MoveOutCertificateInfo.PresentedCard.class,
                MoveInNotice.class, MoveOutCertificateRequest.class, Envelope.class, WideAreaCopyRequest.class,
                WideAreaCopyResponse.class, WideAreaCopyResponse.Person.class)) {
            assertThat(Arrays.stream(type.getRecordComponents()).map(c -> c.getName()))
                    .as(type.getSimpleName())
                    .noneMatch(name -> name.matches(JukinetSamples.FORBIDDEN_FIELD));
        }
    }

    @Test
    void aPayloadCarryingHonsekiIsRefusedNotSilentlyDropped() {
        String json = JukinetJson.write(JukinetSamples.certificate("013676-2026-000123"))
                .replace("\"receiptNumber\"", "\"honseki\":\"北海道奥尻郡奥尻町字奥尻1番地\",\"receiptNumber\"");
        assertThatThrownBy(() -> JukinetJson.read(json, MoveOutCertificateInfo.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("honseki");
    }

    @Test
    void aCertificateWithoutTheYesNoOfContinuedUseIsRefused() {
        String json = JukinetJson.write(JukinetSamples.certificate("013676-2026-000123"))
                .replace("\"continuedUse\":true", "\"continuedUse\":null");
        assertThatThrownBy(() -> JukinetJson.read(json, MoveOutCertificateInfo.class))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theCardHolderMustBeOneOfTheMovers() {
        MoveOutCertificateInfo c = JukinetSamples.certificate("013676-2026-000123");
        assertThatThrownBy(() -> new MoveOutCertificateInfo(c.receiptNumber(), c.originCode(), c.destinationCode(),
                c.plannedMoveOutDate(), c.movedOn(), c.newAddress(), c.newHeadOfHousehold(), c.movers(), "99999999999",
                c.cardType(), c.continuedUse(), c.lastDayForTransferIn()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("card holder");
    }

    @Test
    void aCertificateWithoutMoversIsRefused() {
        String json = JukinetJson.write(JukinetSamples.certificate("013676-2026-000123"))
                .replaceAll("\"movers\":\\[[^\\]]*\\]", "\"movers\":[]");
        assertThat(json).contains("\"movers\":[]");
        assertThatThrownBy(() -> JukinetJson.read(json, MoveOutCertificateInfo.class))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void moveInNoticeIsExactlyThisJson() {
        MoveInNotice notice = JukinetSamples.notice("013676-2026-000123");
        String json = JukinetJson.write(notice);
        assertThat(json).isEqualTo("{\"receiptNumber\":\"013676-2026-000123\",\"originCode\":\"" + OKUSHIRI
                + "\",\"destinationCode\":\"" + HAKODATE + "\",\"movedInOn\":\"2026-12-03\",\"residentCodes\":[\""
                + HEAD + "\",\"" + CHILD + "\"]}");
        assertThat(JukinetJson.read(json, MoveInNotice.class)).isEqualTo(notice);
    }

    @Test
    void anEnvelopeReadsItsPayloadBack() {
        MoveInNotice notice = JukinetSamples.notice("013676-2026-000123");
        Envelope envelope = new Envelope("m-1", MessageType.MOVE_IN_NOTICE, HAKODATE, OKUSHIRI, "013676-2026-000123",
                JukinetJson.write(notice), Instant.parse("2026-11-26T01:00:00Z"));
        assertThat(envelope.payloadAs(MoveInNotice.class)).isEqualTo(notice);
        assertThat(notice.movedInOn()).isEqualTo(LocalDate.of(2026, 12, 3));
    }

    @Test
    void messageTypesHaveJapaneseLabelsAndTheirPayloads() {
        assertThat(MessageType.MOVE_OUT_CERTIFICATE_INFO.label()).isEqualTo("転出証明書情報");
        assertThat(MessageType.MOVE_IN_NOTICE.label()).isEqualTo("転入通知");
        assertThat(MessageType.WIDE_AREA_COPY_REQUEST.label()).isEqualTo("広域交付請求");
        assertThat(MessageType.WIDE_AREA_COPY_RESPONSE.label()).isEqualTo("広域交付回答");
        assertThat(MessageType.MOVE_OUT_CERTIFICATE_INFO.payloadType()).isEqualTo(MoveOutCertificateInfo.class);
        assertThat(MessageType.MOVE_IN_NOTICE.payloadType()).isEqualTo(MoveInNotice.class);
        assertThat(MessageType.MOVE_OUT_CERTIFICATE_REQUEST.label()).isEqualTo("転出証明書情報の請求");
        assertThat(MessageType.MOVE_OUT_CERTIFICATE_REQUEST.payloadType()).isEqualTo(MoveOutCertificateRequest.class);
        assertThat(MessageType.WIDE_AREA_COPY_REQUEST.payloadType()).isEqualTo(WideAreaCopyRequest.class);
        assertThat(MessageType.WIDE_AREA_COPY_RESPONSE.payloadType()).isEqualTo(WideAreaCopyResponse.class);
    }

    // ---- 住民票の写しの広域交付 ----

    private static WideAreaCopyRequest copyRequest() {
        return new WideAreaCopyRequest("012025-WA-0123456789abcdef", HAKODATE, "函館市", OKUSHIRI, HEAD, null, null,
                false, List.of(HEAD, " " + CHILD, CHILD), true, false, Instant.parse("2026-11-26T01:00:00Z"));
    }

    private static WideAreaCopyResponse copyAnswer() {
        return WideAreaCopyResponse.answered(copyRequest(), "奥尻町", "北海道奥尻郡奥尻町字奥尻806番地", "奥尻　太郎",
                List.of(new WideAreaCopyResponse.Person("奥尻　太郎", "オクシリ　タロウ", LocalDate.of(1964, 1, 7), "男",
                                "世帯主", null, LocalDate.of(2019, 5, 1), LocalDate.of(2019, 5, 1)),
                        new WideAreaCopyResponse.Person("奥尻　花子", "オクシリ　ハナコ", LocalDate.of(2012, 2, 29), "女",
                                "子", null, null, null)),
                Instant.parse("2026-11-26T01:05:00Z"));
    }

    @Test
    void wideAreaCopyRequestRoundTripsThroughJson() throws Exception {
        WideAreaCopyRequest request = copyRequest();
        assertThat(request.residentCodes()).containsExactly(HEAD, CHILD);
        String json = request.toJson();
        assertThat(WideAreaCopyRequest.fromJson(json)).isEqualTo(request);
        assertThat(JukinetJson.read(json, WideAreaCopyRequest.class)).isEqualTo(request);
        JsonNode tree = plain.readTree(json);
        assertThat(JukinetSamples.fieldNames(tree)).containsExactly("requestId", "issuingCode",
                "issuingMunicipalityName", "homeCode", "requesterResidentCode", "requesterName", "requesterBirthDate",
                "wholeHousehold", "residentCodes", "showRelationship", "showResidentCode", "requestedAt");
        assertThat(tree.get("requestedAt").asText()).isEqualTo("2026-11-26T01:00:00Z");
        WideAreaCopyRequest byName = new WideAreaCopyRequest("r-2", HAKODATE, "函館市", OKUSHIRI, " ", "奥尻 太郎",
                LocalDate.of(1964, 1, 7), true, null, false, false, Instant.parse("2026-11-26T01:00:00Z"));
        assertThat(byName.requesterResidentCode()).isNull();
        assertThat(byName.residentCodes()).isEmpty();
        assertThat(plain.readTree(byName.toJson()).get("requesterBirthDate").asText()).isEqualTo("1964-01-07");
        assertThat(WideAreaCopyRequest.fromJson(byName.toJson())).isEqualTo(byName);
    }

    @Test
    void aWideAreaCopyRequestNeedsAWayToFindTheRequester() {
        assertThatThrownBy(() -> new WideAreaCopyRequest("r-3", HAKODATE, "函館市", OKUSHIRI, null, "奥尻 太郎", null,
                false, List.of(), false, false, Instant.parse("2026-11-26T01:00:00Z")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("requesterResidentCode");
    }

    @Test
    void wideAreaCopyAnswerRoundTripsAndCarriesOnlyWhatTheCopyShows() throws Exception {
        WideAreaCopyResponse answer = copyAnswer();
        String json = answer.toJson();
        assertThat(WideAreaCopyResponse.fromJson(json)).isEqualTo(answer);
        JsonNode tree = plain.readTree(json);
        assertThat(JukinetSamples.fieldNames(((ObjectNode) tree.deepCopy()).without("persons"))).containsExactly(
                "requestId", "homeCode", "homeMunicipalityName", "issuingCode", "outcome", "refusalReason", "address",
                "householdHeadName", "answeredAt");
        assertThat(JukinetSamples.fieldNames(tree.get("persons").get(0))).containsExactly("name", "nameKana",
                "birthDate", "sex", "relationship", "residentCode", "becameResidentOn", "addressSince");
        assertThat(tree.get("persons").get(1).get("birthDate").asText()).isEqualTo("2012-02-29");
        assertThat(tree.get("outcome").asText()).isEqualTo("ANSWERED");
        assertThat(json).doesNotContain("本籍", "筆頭", "honseki", "hittosha");
    }

    @Test
    void aWideAreaCopyAnswerCarryingHonsekiOrHittoshaIsRefused() {
        String json = copyAnswer().toJson();
        assertThatThrownBy(() -> WideAreaCopyResponse.fromJson(json.replace("\"sex\":\"男\"",
                "\"sex\":\"男\",\"honseki\":\"北海道奥尻郡奥尻町字奥尻1番地\"")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("honseki");
        assertThatThrownBy(() -> WideAreaCopyResponse.fromJson(json.replace("\"address\"",
                "\"hittosha\":\"奥尻　太郎\",\"address\"")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("hittosha");
    }

    @Test
    void aRefusalCarriesTheReasonAndNoPersonalData() throws Exception {
        WideAreaCopyResponse refused = WideAreaCopyResponse.refused(copyRequest(), "奥尻町", "同一の世帯に属していません。",
                Instant.parse("2026-11-26T01:05:00Z"));
        String json = refused.toJson();
        assertThat(WideAreaCopyResponse.fromJson(json)).isEqualTo(refused);
        assertThat(plain.readTree(json).get("persons").size()).isZero();
        assertThatThrownBy(() -> WideAreaCopyResponse.fromJson(json.replace("\"address\":null",
                "\"address\":\"北海道奥尻郡奥尻町\""))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WideAreaCopyResponse.fromJson(json.replace("\"refusalReason\":\"同一の世帯に属していません。\"",
                "\"refusalReason\":null"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void certificateRequestIsExactlyThisJson() {
        MoveOutCertificateRequest byResident = new MoveOutCertificateRequest(OKUSHIRI, HAKODATE, null, HEAD,
                Instant.parse("2026-11-26T01:00:00Z"));
        String json = JukinetJson.write(byResident);
        assertThat(json).isEqualTo("{\"originCode\":\"" + OKUSHIRI + "\",\"destinationCode\":\"" + HAKODATE
                + "\",\"originReceiptNumber\":null,\"residentCode\":\"" + HEAD
                + "\",\"requestedAt\":\"2026-11-26T01:00:00Z\"}");
        assertThat(JukinetJson.read(json, MoveOutCertificateRequest.class)).isEqualTo(byResident);
        MoveOutCertificateRequest byReceipt = new MoveOutCertificateRequest(OKUSHIRI, HAKODATE, "013676-2026-000123",
                " ", Instant.parse("2026-11-26T01:00:00Z"));
        assertThat(byReceipt.residentCode()).isNull();
        assertThat(JukinetJson.read(JukinetJson.write(byReceipt), MoveOutCertificateRequest.class)).isEqualTo(byReceipt);
    }

    @Test
    void aCertificateRequestNeedsTheReceiptNumberOrTheResidentCode() {
        assertThatThrownBy(() -> new MoveOutCertificateRequest(OKUSHIRI, HAKODATE, " ", null,
                Instant.parse("2026-11-26T01:00:00Z")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("originReceiptNumber or residentCode");
        String json = "{\"originCode\":\"" + OKUSHIRI + "\",\"destinationCode\":\"" + HAKODATE
                + "\",\"requestedAt\":\"2026-11-26T01:00:00Z\"}";
        assertThatThrownBy(() -> JukinetJson.read(json, MoveOutCertificateRequest.class))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
