package jp.jukiflow.journey;

import static jp.jukiflow.support.Towns.OKUSHIRI;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import jp.jukiflow.journey.DemoPeople.Person;
import jp.jukiflow.journey.JourneyDatabase.Kind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Counter procedures keep office hours; the 24-hour line does not (docs/domain.md "Counting days", §4). On an application of
 * its own whose clock says Tuesday 2026-12-01 18:00 JST (after 17:15): 奥尻町's clerk tries a PIN reset the way
 * Tasklist starts it and a 返納 on the card page, both refused with the Japanese reason and nothing started or changed;
 * at the same moment the call centre suspends another resident's card on the 24-hour line, and lifting that suspension
 * at the counter is refused again until the counter opens. Only HTTP.
 */
class CounterHoursJourney {

    /** Tuesday 2026-12-01 18:00 in Tokyo: the evening of {@link Journeys#WEEKDAY_MORNING}. */
    static final Instant EVENING = Instant.parse("2026-12-01T09:00:00Z");
    static final String CLOSED = "奥尻町役場 本庁の受付時間外です（開庁日の8時30分〜17時15分）。開庁日の受付時間内にお越しください。";

    @ParameterizedTest
    @EnumSource(Kind.class)
    void afterHoursTheCounterRefusesWhileThe24HourLineSuspends(Kind kind) {
        Journeys.assumeEnabled(kind);
        Journeys.Running town = Journeys.start("counter-evening-" + kind.name().toLowerCase(), kind,
                Map.of("jukiflow.clock.fixed", EVENING.toString()));
        try {
            Person holder = town.people().aloneWithCard(OKUSHIRI);
            EngineApi clerk = town.engine("okushiri-clerk");
            EngineApi admin = town.engine("admin");

            // PIN reset, started as Tasklist's 「プロセスを開始」 does: 400 with the reason, no case
            EngineApi.Answer reset = clerk.submitStartForm("pin-reset", Map.of("cardNumber", holder.cardNumber(),
                    "visitor", "HOLDER", "idDocument", "DRIVERS_LICENCE", "officeId", "okushiri-honcho"));
            assertThat(reset.status()).as(reset.body().toString()).isEqualTo(400);
            assertThat(reset.body().get("jukiflowCode").asText()).isEqualTo("COUNTER_CLOSED");
            assertThat(reset.body().get("message").asText()).isEqualTo(CLOSED);
            assertThat(count(admin, "pin-reset")).as("no PIN reset case started").isZero();

            // 返納 on the clerks' card page: the same reason, the card unchanged
            WebUser web = town.signedIn("okushiri-clerk");
            WebUser.Page card = web.get("/staff/cards/" + holder.cardNumber());
            assertThat(card.status()).as(card.text()).isEqualTo(200);
            assertThat(card.document().select("select#officeId option").eachText()).containsExactly("奥尻町役場 本庁");
            WebUser.Page returned = card.submit("form[action$=/return]", Map.of("reason", "NOT_NEEDED"));
            assertThat(returned.status()).as(returned.text()).isEqualTo(400);
            assertThat(returned.document().selectFirst("p.error").text()).isEqualTo(CLOSED);
            assertThat(returned.document().selectFirst("p.error").attr("data-code")).isEqualTo("COUNTER_CLOSED");
            assertThat(town.people().cardColumn(holder.cardNumber(), "status")).isEqualTo("ACTIVE");

            // the same evening the 24-hour line takes a lost card and suspends it at once
            Person lost = town.people().aloneWithCard(OKUSHIRI);
            String number = CardSuspensionJourney.suspendOnThe24HourLine(town, lost,
                    "journey-counter-" + lost.residentCode() + "@example.jp");
            assertThat(town.people().cardColumn(lost.cardNumber(), "status")).isEqualTo("SUSPENDED");
            // … but lifting it is a counter procedure: refused until the counter opens
            WebUser.Page suspension = web.get("/staff/card-suspensions/" + number);
            assertThat(suspension.status()).as(suspension.text()).isEqualTo(200);
            WebUser.Page lift = suspension.submit("form[action$=/lift]", Map.of("cardPresented", "true",
                    "identityDocument", "運転免許証"));
            assertThat(lift.status()).as(lift.text()).isEqualTo(400);
            assertThat(lift.document().selectFirst("p.error").text()).isEqualTo(CLOSED);
            assertThat(lift.document().selectFirst("#status").text()).isEqualTo("一時停止中");
            assertThat(town.people().cardColumn(lost.cardNumber(), "status")).isEqualTo("SUSPENDED");
            JourneyChecks.noOpenIncident(town);
        } finally {
            town.app().stop();
        }
    }

    private static long count(EngineApi admin, String processKey) {
        JsonNode count = admin.get("/history/process-instance/count?processDefinitionKey=" + processKey).requireOk().body();
        return count.get("count").asLong();
    }
}
