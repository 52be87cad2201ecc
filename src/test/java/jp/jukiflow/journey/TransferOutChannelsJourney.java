package jp.jukiflow.journey;

import static jp.jukiflow.support.Towns.HAKODATE;
import static jp.jukiflow.support.Towns.OKUSHIRI;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import jp.jukiflow.journey.DemoPeople.Person;
import jp.jukiflow.journey.JourneyDatabase.Kind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The mailed transfer-out through its other channels, each to its end in the running application: by the JSON API,
 * by e-mail into 奥尻町's intake mailbox (the poller reads it over IMAP), and by paper (the clerk types the letter into
 * the start form in Tasklist); each reviewed by 奥尻町's clerk and sent down the ordinary route (転出証明書 by post).
 * And the ordinary fallback at the destination: a resident who does not want the special route at 函館市's counter.
 */
class TransferOutChannelsJourney {

    static final String NEW_ADDRESS = "北海道函館市東雲町4番13号";

    @ParameterizedTest
    @EnumSource(Kind.class)
    void byTheApiToThePaperCertificate(Kind kind) throws Exception {
        Journeys.Running town = Journeys.shared(kind);
        Person p = town.people().aloneWithCard(OKUSHIRI);
        String email = "journey-api-" + p.residentCode() + "@example.jp";
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("plannedMoveOutDate", Journeys.MOVED_ON);
        form.put("movedOn", Journeys.MOVED_ON);
        form.put("filer", Map.of("name", p.name(), "nameKana", p.kana(), "birthDate", p.birthDate().toString(),
                "relation", "本人"));
        form.put("currentAddress", p.address());
        form.put("headOfHousehold", p.name());
        form.put("newAddress", Map.of("municipalityCode", HAKODATE, "address", NEW_ADDRESS));
        form.put("newHeadOfHousehold", p.name());
        form.put("movers", List.of(Map.of("name", p.name(), "nameKana", p.kana(), "birthDate",
                p.birthDate().toString(), "sex", p.sexJa(), "relationship", "世帯主")));
        form.put("cardHolderIndex", "0");
        form.put("cardType", "MY_NUMBER");
        form.put("continuedUse", "false");
        form.put("phone", "01397-2-3111");
        form.put("email", email);
        String body = EngineApi.JSON.writeValueAsString(form);
        HttpRequest request = HttpRequest.newBuilder(URI.create(town.baseUrl() + "/api/v1/municipalities/" + OKUSHIRI
                        + "/transfer-out-requests")).header("Content-Type", "application/json")
                .header("Idempotency-Key", "journey-" + p.residentCode())
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        HttpClient client = HttpClient.newHttpClient();
        HttpResponse<String> first = client.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        String receipt = EngineApi.JSON.readTree(first.body()).get("receiptNumber").asText();
        // a retry of the same request returns the first receipt number, no second case
        HttpResponse<String> retry = client.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(EngineApi.JSON.readTree(retry.body()).get("receiptNumber").asText()).isEqualTo(receipt);

        reviewOrdinaryAndPostTheCertificate(town, receipt, p);
        assertThat(SpecialMoveJourney.subjects(ResidentMailbox.await(town.app(), email, "転出証明書を郵送します")))
                .doesNotHaveDuplicates().anyMatch(s -> s.contains("転出届を受け付けました"));
        JourneyChecks.noOpenIncident(town);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void byEmailThroughTheIntakeMailbox(Kind kind) {
        Journeys.Running town = Journeys.shared(kind);
        Person p = town.people().aloneWithCard(OKUSHIRI);
        String email = "journey-mail-" + p.residentCode() + "@example.jp";
        String text = String.join("\n",
                "転出予定日: 2026年11月30日",
                "転出日: 2026年11月30日",
                "届出人氏名: " + p.name(),
                "届出人フリガナ: " + p.kana(),
                "届出人生年月日: " + p.birthDate(),
                "届出人と異動者の関係: 本人",
                "現住所: " + p.address(),
                "現世帯主: " + p.name(),
                "新住所の市区町村コード: " + HAKODATE,
                "新住所: " + NEW_ADDRESS,
                "新世帯主: " + p.name(),
                "異動者1氏名: " + p.name(),
                "異動者1フリガナ: " + p.kana(),
                "異動者1生年月日: " + p.birthDate(),
                "異動者1性別: " + p.sexJa(),
                "異動者1続柄: 世帯主",
                "カードを持つ異動者: 1",
                "カードの種類: マイナンバーカード",
                "継続利用: しない",
                "電話番号: 01397-2-3111",
                "メールアドレス: " + email);
        ResidentMailbox.send(town.app(), email, "tenshutsu@okushiri.example", "転出届", text);

        // the poller reads it and files it: the resident gets the receipt number by mail
        List<ResidentMailbox.Mail> mails = ResidentMailbox.await(town.app(), email, "転出届を受け付けました");
        String receipt = mails.stream().filter(m -> m.subject().contains("転出届を受け付けました")).findFirst()
                .map(m -> SpecialMoveJourney.RECEIPT.matcher(m.subject())).filter(java.util.regex.Matcher::find)
                .map(java.util.regex.Matcher::group).orElseThrow();
        reviewOrdinaryAndPostTheCertificate(town, receipt, p);
        JourneyChecks.noOpenIncident(town);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void byPaperTypedByTheClerk(Kind kind) {
        Journeys.Running town = Journeys.shared(kind);
        Person p = town.people().aloneWithCard(OKUSHIRI);
        EngineApi okushiri = town.engine("okushiri-clerk");
        Map<String, Object> letter = new LinkedHashMap<>();
        letter.put("letterArrivedOn", "2026-12-01");
        letter.put("plannedMoveOutDate", Journeys.MOVED_ON);
        letter.put("movedOn", Journeys.MOVED_ON);
        letter.put("filerName", p.name());
        letter.put("filerNameKana", p.kana());
        letter.put("filerBirthDate", p.birthDate().toString());
        letter.put("filerRelation", "本人");
        letter.put("currentAddress", p.address());
        letter.put("headOfHousehold", p.name());
        letter.put("newMunicipalityCode", HAKODATE);
        letter.put("newAddress", NEW_ADDRESS);
        letter.put("newHeadOfHousehold", p.name());
        letter.put("moversText", String.join(", ", p.name(), p.kana(), p.birthDate().toString(), p.sexJa(), "世帯主"));
        letter.put("cardHolderNumber", "1");
        letter.put("cardType", "MY_NUMBER");
        letter.put("continuedUse", "false");
        letter.put("phone", "01397-2-3111");
        JsonNode started = okushiri.start("transfer-out-by-mail", letter);
        assertThat(started.get("tenantId").asText()).isEqualTo(OKUSHIRI);
        String receipt = EngineApi.await("the receipt number of the paper request", () -> {
            JsonNode tasks = okushiri.get("/task?processInstanceId=" + started.get("id").asText()
                    + "&taskDefinitionKey=Task_ReviewRequest").requireOk().body();
            // the receipt number as Cockpit shows it with the case
            return tasks.size() == 1 ? town.engine("admin").get("/process-instance/" + started.get("id").asText())
                    .requireOk().body().path("businessKey").asText(null) : null;
        });
        reviewOrdinaryAndPostTheCertificate(town, receipt, p);
        JourneyChecks.noOpenIncident(town);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void theOrdinaryTransferInWhenTheResidentDoesNotWantTheSpecialRoute(Kind kind) {
        Journeys.Running town = Journeys.shared(kind);
        Person p = town.people().aloneWithCard(OKUSHIRI);
        String email = "journey-fallback-" + p.residentCode() + "@example.jp";
        String receipt = SpecialMoveJourney.fileTransferOutOnThePortal(town, p, email, NEW_ADDRESS);
        SpecialMoveJourney.reviewAsSpecial(town, receipt);
        ResidentMailbox.await(town.app(), email, "特例転出");

        EngineApi hakodate = town.engine("hakodate-clerk");
        JsonNode in = hakodate.start("transfer-in-with-card",
                SpecialMoveJourney.transferInForm(receipt, p, NEW_ADDRESS, email, false, false));
        String inId = in.get("id").asText();
        JsonNode confirmPin = hakodate.awaitTask(inId, "Task_ConfirmPin");
        SpecialMoveJourney.confirmPinOnThePad(town.signedIn("hakodate-clerk"), hakodate, confirmPin);
        JsonNode ordinary = hakodate.awaitTask(inId, "Task_SwitchToOrdinary");
        assertThat(hakodate.formVariables(ordinary)).containsKey("routeReason");
        hakodate.claimAndComplete(ordinary, Map.of()).requireOk();
        assertThat(town.engine("admin").awaitEnd(inId)).containsExactly("End_Ordinary");
        ResidentMailbox.await(town.app(), email, "通常の転入手続き");
        JourneyChecks.noOpenIncident(town);
    }

    /** 奥尻町's clerk accepts the request for the ordinary route and records the 転出証明書 as posted. */
    static void reviewOrdinaryAndPostTheCertificate(Journeys.Running town, String receipt, Person p) {
        EngineApi okushiri = town.engine("okushiri-clerk");
        JsonNode review = okushiri.awaitTaskWhere("processInstanceBusinessKey=" + receipt
                + "&taskDefinitionKey=Task_ReviewRequest");
        String id = review.get("processInstanceId").asText();
        okushiri.claimAndComplete(review, Map.of("reviewDecision", "ACCEPT", "route", "ORDINARY")).requireOk();
        okushiri.claimAndComplete(okushiri.awaitTask(id, "Task_IssuePaperCertificate"),
                Map.of("certificateMailedOn", "2026-12-01")).requireOk();
        assertThat(town.engine("admin").awaitEnd(id)).containsExactly("End_OrdinaryCertificateSent");
        assertThat(town.people().residentColumn(p.residentCode(), "status")).isEqualTo("MOVING_OUT");
        assertThat(town.people().residentColumn(p.residentCode(), "destination_municipality_code")).isEqualTo(HAKODATE);
    }
}
