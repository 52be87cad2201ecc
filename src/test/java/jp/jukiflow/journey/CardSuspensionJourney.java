package jp.jukiflow.journey;

import static jp.jukiflow.support.Towns.OKUSHIRI;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import jp.jukiflow.journey.DemoPeople.Person;
import jp.jukiflow.journey.JourneyDatabase.Kind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A lost My Number Card of a resident of 奥尻町, as its people deal with it in the running application: the call centre
 * suspends it on the 24-hour line ({@code POST /api/v1/card-suspensions}, a retry with the same Idempotency-Key
 * answers the same suspension); 奥尻町's clerk confirms the report in Tasklist (refused with the reason while the police
 * 受理番号 is missing, then with it); and then either the resident finds the card and the clerk lifts the suspension on
 * the staff page, or — on an application of its own, restarted a month later — nobody comes, the long-wait timer
 * fires by itself, and the clerk abolishes the card in 「長期停止の確認」. Only HTTP; the job executor runs every
 * asynchronous step and the timer.
 */
class CardSuspensionJourney {

    static final String SUSPENSION_NUMBER = "S-" + OKUSHIRI + "-2026-\\d{6}";
    /** Friday 2027-01-08 10:00 in Tokyo: more than the 30 days of the long wait after {@link Journeys#WEEKDAY_MORNING}, the counters open. */
    static final DateTimeFormatter ENGINE_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");
    static final Instant A_MONTH_LATER = Instant.parse("2027-01-08T01:00:00Z");

    @ParameterizedTest
    @EnumSource(Kind.class)
    void suspendedOnThe24HourLineAndLiftedWhenTheCardIsFound(Kind kind) {
        Journeys.Running town = Journeys.shared(kind);
        Person p = town.people().aloneWithCard(OKUSHIRI);
        String email = "journey-suspension-" + p.residentCode() + "@example.jp";

        String number = suspendOnThe24HourLine(town, p, email);
        String processId = confirmInTasklist(town, number, p);
        assertThat(subjects(ResidentMailbox.await(town.app(), email, "一時停止しました")))
                .singleElement().asString().contains(number);

        // the resident finds the card and brings it: the clerk looks the card up and lifts the suspension
        WebUser clerk = town.signedIn("okushiri-clerk");
        WebUser.Page page = clerk.get("/staff/card-suspensions?q=" + p.cardNumber());
        assertThat(page.status()).as(page.text()).isEqualTo(200);
        assertThat(page.url()).endsWith("/staff/card-suspensions/" + number);
        assertThat(page.document().selectFirst("#status").text()).isEqualTo("一時停止中");
        WebUser.Page lifted = page.submit("form[action$=/lift]", Map.of("cardPresented", "true",
                "identityDocument", "運転免許証", "note", "自宅で見つかった"));
        assertThat(lifted.status()).as(lifted.text()).isEqualTo(200);
        assertThat(lifted.url()).endsWith("/staff/card-suspensions/" + number + "?done=lifted");
        assertThat(lifted.text()).contains("一時停止を解除しました");
        assertThat(lifted.document().selectFirst("#status").text()).isEqualTo("解除済み");
        // the page offers nothing more: a second click (another tab) is refused with the reason, nothing changes
        WebUser.Page again = clerk.postForm("/staff/card-suspensions/" + number + "/abolish",
                csrf(page, Map.of("identityDocument", "運転免許証")));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.text()).contains("既に「解除済み」");

        EngineApi admin = town.engine("admin");
        assertThat(admin.awaitEnd(processId)).containsExactlyInAnyOrder("End_SuspensionMailed", "End_Confirmed",
                "End_Lifted");
        assertThat(admin.passed(processId)).contains("Task_LiftSuspension").doesNotContain("Task_AbolishCard",
                "Task_CheckLongSuspension");
        assertThat(outcome(admin, processId)).isEqualTo("LIFTED");
        assertThat(town.people().cardColumn(p.cardNumber(), "status")).isEqualTo("ACTIVE");
        assertThat(suspensionColumn(town, number, "status")).isEqualTo("LIFTED");
        assertThat(closingEvents(town, p)).containsExactly("SUSPENDED", "SUSPENSION_LIFTED");

        List<ResidentMailbox.Mail> mails = ResidentMailbox.await(town.app(), email, "一時停止を解除しました");
        assertThat(subjects(mails)).as("each mail exactly once").hasSize(2).doesNotHaveDuplicates()
                .anyMatch(s -> s.contains("カードを一時停止しました") && s.contains(number))
                .anyMatch(s -> s.contains("カードの一時停止を解除しました") && s.contains(number));
        JourneyChecks.noOpenIncident(town);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void nobodyComesForAMonthTheTimerFiresAndTheCardIsAbolished(Kind kind) {
        Journeys.assumeEnabled(kind);
        Journeys.Running town = Journeys.start("suspension-timer-" + kind.name().toLowerCase(), kind, Map.of());
        try {
            Person p = town.people().aloneWithCard(OKUSHIRI);
            String email = "journey-suspension-" + p.residentCode() + "@example.jp";
            String number = suspendOnThe24HourLine(town, p, email);
            String processId = confirmInTasklist(town, number, p);
            assertThat(subjects(ResidentMailbox.await(town.app(), email, "一時停止しました")))
                    .singleElement().asString().contains(number);
            EngineApi admin = town.engine("admin");
            JsonNode timer = admin.get("/job?processInstanceId=" + processId + "&timers=true").requireOk().body();
            assertThat(timer).as("the long-wait timer").hasSize(1);
            Instant due = OffsetDateTime.parse(timer.get(0).get("dueDate").asText(), ENGINE_DATE).toInstant();
            // P30D from the suspension, counted on the engine's clock (which started at the fixed instant)
            assertThat(due).isBetween(Journeys.WEEKDAY_MORNING.plus(Duration.ofDays(30)),
                    Journeys.WEEKDAY_MORNING.plus(Duration.ofDays(30)).plus(Duration.ofMinutes(30)));

            // a month later nobody has come: the application runs on with the clock of that day
            town.app().restart(Map.of("jukiflow.clock.fixed", A_MONTH_LATER.toString()));

            EngineApi clerk = town.engine("okushiri-clerk");
            JsonNode check = clerk.awaitTaskWhere("processInstanceBusinessKey=" + number
                    + "&taskDefinitionKey=Task_CheckLongSuspension");
            assertThat(check.get("name").asText()).isEqualTo("長期停止の確認");
            assertThat(clerk.formValue(check, "suspensionNumber")).isEqualTo(number);
            assertThat(clerk.formValue(check, "cardNumber")).isEqualTo(p.cardNumber());
            assertThat(admin.passed(processId)).contains("Event_LongSuspension");
            // the owner, called, gives the card up
            clerk.claimAndComplete(check, Map.of("longSuspensionDecision", "ABOLISH",
                    "closingNote", "所有者に電話で確認。廃止を希望")).requireOk();

            assertThat(admin.awaitEnd(processId)).containsExactlyInAnyOrder("End_SuspensionMailed", "End_Confirmed",
                    "End_Abolished");
            assertThat(admin.passed(processId)).contains("Task_AbolishCard").doesNotContain("Task_LiftSuspension");
            assertThat(outcome(admin, processId)).isEqualTo("ABOLISHED");
            assertThat(town.people().cardColumn(p.cardNumber(), "status")).isEqualTo("ABOLISHED");
            assertThat(suspensionColumn(town, number, "status")).isEqualTo("ABOLISHED");
            assertThat(closingEvents(town, p)).containsExactly("SUSPENDED", "ABOLISHED");

            // the embedded mail server restarted with the application: its mailbox holds what came after
            List<ResidentMailbox.Mail> mails = ResidentMailbox.await(town.app(), email, "カードを廃止しました");
            assertThat(subjects(mails)).as("the abolition mailed once, nothing mailed again after the restart")
                    .singleElement().asString().contains(number);
            // the staff page offers nothing more; a found card stays unusable
            WebUser.Page page = town.signedIn("okushiri-clerk").get("/staff/card-suspensions/" + number);
            assertThat(page.document().selectFirst("#status").text()).isEqualTo("廃止");
            assertThat(page.document().select("form[action$=/lift]")).isEmpty();
            JourneyChecks.noOpenIncident(town);
        } finally {
            town.app().stop();
        }
    }

    /**
     * The call centre suspends the card on the 24-hour line; its client's retry with the same Idempotency-Key gets the
     * same suspension. Returns the suspension number.
     */
    static String suspendOnThe24HourLine(Journeys.Running town, Person p, String email) {
        return suspendOnThe24HourLine(town, p, email, "LOSS");
    }

    /** As {@link #suspendOnThe24HourLine(Journeys.Running, Person, String)}, for a loss ({@code LOSS}) or a theft. */
    static String suspendOnThe24HourLine(Journeys.Running town, Person p, String email, String reason) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("cardNumber", p.cardNumber());
        report.put("reason", reason);
        report.put("lostOn", Journeys.MOVED_ON);
        report.put("reporterName", p.name());
        report.put("reporterRelation", "本人");
        report.put("reporterPhone", "090-1234-5678");
        report.put("reporterEmail", email);
        String key = "journey-" + p.cardNumber();
        HttpResponse<String> first = callCentre(town, report, key);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        JsonNode body = json(first);
        String number = body.get("suspensionNumber").asText();
        assertThat(number).matches(SUSPENSION_NUMBER);
        assertThat(body.get("cardNumber").asText()).isEqualTo(p.cardNumber());
        assertThat(body.get("status").asText()).isEqualTo("SUSPENDED");
        assertThat(town.people().cardColumn(p.cardNumber(), "status")).as("suspended at once").isEqualTo("SUSPENDED");

        HttpResponse<String> retry = callCentre(town, report, key);
        assertThat(retry.statusCode()).as(retry.body()).isEqualTo(200);
        assertThat(json(retry).get("suspensionNumber").asText()).isEqualTo(number);
        int suspensions = town.database().read(jdbc -> jdbc.sql("select count(*) from card_suspension "
                + "where card_number = ?").param(p.cardNumber()).query(Integer.class).single());
        assertThat(suspensions).as("one suspension for the retried report").isOne();
        return number;
    }

    /**
     * 奥尻町's clerk confirms the report in Tasklist: without the police 受理番号 the engine refuses with the Japanese
     * reason (400, the task stays open); with it the task completes. Returns the process instance id.
     */
    static String confirmInTasklist(Journeys.Running town, String number, Person p) {
        EngineApi clerk = town.engine("okushiri-clerk");
        JsonNode confirm = clerk.awaitTaskWhere("processInstanceBusinessKey=" + number
                + "&taskDefinitionKey=Task_ConfirmSuspension");
        String processId = confirm.get("processInstanceId").asText();
        assertThat(confirm.get("name").asText()).isEqualTo("一時停止の確認");
        assertThat(confirm.get("tenantId").asText()).isEqualTo(OKUSHIRI);
        assertThat(clerk.formValue(confirm, "suspensionNumber")).isEqualTo(number);
        assertThat(clerk.formValue(confirm, "cardNumber")).isEqualTo(p.cardNumber());
        assertThat(clerk.formValue(confirm, "reasonLabel")).isEqualTo("紛失");
        assertThat(clerk.formValue(confirm, "reporterName")).isEqualTo(p.name());

        EngineApi.Answer refused = clerk.claimAndComplete(confirm, Map.of("reporterIdentityConfirmed", true));
        assertThat(refused.status()).as(refused.body().toString()).isEqualTo(400);
        assertThat(refused.body().get("message").asText()).contains("受理番号");
        assertThat(refused.body().get("jukiflowCode").asText()).isEqualTo("POLICE_RECEIPT_NUMBER_MISSING");
        assertThat(clerk.awaitTask(processId, "Task_ConfirmSuspension").get("id").asText())
                .as("the task is still open").isEqualTo(confirm.get("id").asText());
        assertThat(suspensionColumn(town, number, "confirmed_at")).isNull();

        clerk.claimAndComplete(confirm, Map.of("reporterIdentityConfirmed", true,
                "policeReceiptNumber", "2026-000123")).requireOk();
        assertThat(clerk.get("/task?processInstanceId=" + processId).requireOk().body()).isEmpty();
        assertThat(suspensionColumn(town, number, "police_receipt_number")).isEqualTo("2026-000123");
        assertThat(suspensionColumn(town, number, "confirmed_at")).isNotNull();
        return processId;
    }

    static HttpResponse<String> callCentre(Journeys.Running town, Map<String, Object> report, String idempotencyKey) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(town.baseUrl() + "/api/v1/card-suspensions"))
                    .header("Authorization", "Basic " + Base64.getEncoder()
                            .encodeToString("callcenter:callcenter".getBytes(StandardCharsets.UTF_8)))
                    .header("Content-Type", "application/json").header("Accept", "application/json")
                    .header("Idempotency-Key", idempotencyKey).timeout(Duration.ofSeconds(60))
                    .POST(HttpRequest.BodyPublishers.ofString(EngineApi.JSON.writeValueAsString(report))).build();
            return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The hidden fields of the page's form (the CSRF token) with these values, as a second browser tab posts them. */
    static Map<String, String> csrf(WebUser.Page page, Map<String, String> values) {
        return hiddenFields(page, "form[action$=/abolish] input[type=hidden]", values);
    }

    /** The page's CSRF token (its meta tag or any hidden field named _csrf) with these values. */
    static Map<String, String> csrfOf(WebUser.Page page, Map<String, String> values) {
        return hiddenFields(page, "input[type=hidden][name=_csrf]", values);
    }

    private static Map<String, String> hiddenFields(WebUser.Page page, String selector, Map<String, String> values) {
        Map<String, String> fields = new LinkedHashMap<>();
        page.document().select(selector).forEach(i -> fields.put(i.attr("name"), i.val()));
        fields.putAll(values);
        return fields;
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return EngineApi.JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String outcome(EngineApi admin, String processId) {
        JsonNode v = admin.get("/history/variable-instance?processInstanceId=" + processId
                + "&variableName=suspensionOutcome").requireOk().body();
        return v.size() == 1 ? v.get(0).get("value").asText() : null;
    }

    static String suspensionColumn(Journeys.Running town, String number, String column) {
        return town.database().read(jdbc -> jdbc.sql("select " + column + " from card_suspension where suspension_number = ?")
                .param(number).query((rs, i) -> rs.getString(1)).optional().orElse(null));
    }

    /** The card's own status events (the certificates' JPKI_* events left out), oldest first. */
    static List<String> closingEvents(Journeys.Running town, Person p) {
        return town.database().read(jdbc -> jdbc.sql("""
                select e.event_type from card_event e join card c on c.id = e.card_id
                where c.card_number = ? and e.event_type in ('SUSPENDED', 'SUSPENSION_LIFTED', 'ABOLISHED')
                order by e.id""").param(p.cardNumber()).query(String.class).list());
    }

    static List<String> subjects(List<ResidentMailbox.Mail> mails) {
        return mails.stream().map(ResidentMailbox.Mail::subject).toList();
    }
}
