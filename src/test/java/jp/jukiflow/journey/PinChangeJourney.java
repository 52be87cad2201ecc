package jp.jukiflow.journey;

import static jp.jukiflow.support.Towns.OKUSHIRI;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import jp.jukiflow.journey.DemoPeople.Person;
import jp.jukiflow.journey.JourneyDatabase.Kind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * 暗証番号の変更 as its people do it in the running application, at 奥尻町, which manages the card: the holder keys a
 * wrong PIN, is asked again, keys the current PIN, then tries a guessable new PIN (refused with the rule) and keys a
 * good one twice; the old PIN no longer opens the card and the new one does. A holder who keys three wrong PINs during
 * the change locks the card: the clerk is shown why and points them to 「暗証番号の再設定」, and a second start with the
 * locked card is refused with {@code PIN_LOCKED}, nothing started. Only HTTP; nothing runs a job by hand.
 */
class PinChangeJourney {

    @ParameterizedTest
    @EnumSource(Kind.class)
    void theHolderChangesThePin(Kind kind) {
        Journeys.Running town = Journeys.shared(kind);
        Person p = town.people().aloneWithCard(OKUSHIRI);
        WebUser clerk = town.signedIn("okushiri-clerk");
        EngineApi okushiri = town.engine("okushiri-clerk");

        JsonNode started = okushiri.start("pin-change", startForm(p));
        String id = started.get("id").asText();
        assertThat(started.get("tenantId").asText()).isEqualTo(OKUSHIRI);
        assertThat(started.get("businessKey").asText()).matches(OKUSHIRI + "-2026-\\d{6}");

        // a wrong PIN: the clerk completes, a new request is made
        JsonNode confirm = okushiri.awaitTask(id, "Task_ConfirmPin");
        assertThat(keyOnThePad(clerk, okushiri.formValue(confirm, "pinPadUrl"), "1357"))
                .contains("暗証番号が違います");
        okushiri.claimAndComplete(confirm, Map.of()).requireOk();
        JsonNode again = okushiri.awaitTask(id, "Task_ConfirmPin");
        assertThat(again.get("id").asText()).isNotEqualTo(confirm.get("id").asText());
        WideAreaCopyJourney.keyPinOnThePad(clerk, okushiri.formValue(again, "pinPadUrl"));
        okushiri.claimAndComplete(again, Map.of()).requireOk();

        // the new PIN twice, a guessable one refused first
        PinResetJourney.setNewPin(town, clerk, id, "1234", "5820");
        assertThat(okushiri.awaitEnd(id)).containsExactly("End_Changed");
        assertThat(okushiri.historicVariable(id, "pinChangeOutcome").asText()).isEqualTo("CHANGED");

        List<String> events = town.database().read(jdbc -> jdbc.sql("select e.event_type from card_event e "
                + "join card c on c.id = e.card_id where c.card_number = ? and e.event_type like 'PIN_%'")
                .param(p.cardNumber()).query(String.class).list());
        assertThat(events).containsExactly("PIN_CHANGED");
        assertThat(PinResetJourney.checkPinAtTheCounter(clerk, p.cardNumber(), DemoPeople.PIN, "5820")).containsExactly(
                "暗証番号が違います。あと 2 回まちがえるとロックされます", "確認できました");
        JourneyChecks.noOpenIncident(town);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aLockedCardIsPointedToTheReset(Kind kind) {
        Journeys.Running town = Journeys.shared(kind);
        Person p = town.people().aloneWithCard(OKUSHIRI);
        WebUser clerk = town.signedIn("okushiri-clerk");
        EngineApi okushiri = town.engine("okushiri-clerk");

        JsonNode started = okushiri.start("pin-change", startForm(p));
        String id = started.get("id").asText();
        String[] said = new String[3];
        for (int i = 0; i < 3; i++) {
            JsonNode confirm = okushiri.awaitTask(id, "Task_ConfirmPin");
            said[i] = keyOnThePad(clerk, okushiri.formValue(confirm, "pinPadUrl"), "1357");
            okushiri.claimAndComplete(confirm, Map.of()).requireOk();
        }
        assertThat(said[2]).contains("ロックされました");
        assertThat(town.people().cardColumn(p.cardNumber(), "pin_locked", Boolean.class)).isTrue();

        JsonNode point = okushiri.awaitTask(id, "Task_PointToReset");
        assertThat(point.get("name").asText()).isEqualTo("暗証番号の再設定の案内");
        assertThat(okushiri.formValue(point, "refusalReason")).contains("ロック", "「暗証番号の再設定」");
        okushiri.claimAndComplete(point, Map.of()).requireOk();
        assertThat(okushiri.awaitEnd(id)).containsExactly("End_Locked");
        assertThat(okushiri.historicVariable(id, "pinChangeOutcome").asText()).isEqualTo("LOCKED");

        // the holder comes back to change the PIN: refused at the start, pointed to the reset, nothing started
        EngineApi.Answer refused = okushiri.submitStartForm("pin-change", startForm(p));
        assertThat(refused.status()).as(refused.body().toString()).isEqualTo(400);
        assertThat(refused.body().get("jukiflowCode").asText()).isEqualTo("PIN_LOCKED");
        assertThat(refused.body().get("message").asText()).contains("ロックされているため", "「暗証番号の再設定」");
        JsonNode cases = okushiri.get("/history/process-instance?processDefinitionKey=pin-change&variables=cardNumber_eq_"
                + EngineApi.q(p.cardNumber())).requireOk().body();
        assertThat(cases.size()).as("only the first case of this card").isEqualTo(1);
        JourneyChecks.noOpenIncident(town);
    }

    /** The start form 「暗証番号の変更」: the card, the ID document the clerk saw, the counter. */
    static Map<String, Object> startForm(Person p) {
        return Map.of("cardNumber", p.cardNumber(), "idDocument", "CARD_ITSELF", "officeId", "okushiri-honcho");
    }

    /** The resident keys {@code pin} on the PIN pad of the task; returns what the pad said. */
    static String keyOnThePad(WebUser clerk, String pinPadUrl, String pin) {
        assertThat(pinPadUrl).startsWith("/staff/pin-pad/");
        WebUser.Page pad = clerk.get(pinPadUrl);
        assertThat(pad.status()).as(pad.text()).isEqualTo(200);
        WebUser.Page result = pad.submit("form[method=post]", Map.of("pin", pin));
        assertThat(result.status()).as(result.text()).isEqualTo(200);
        assertThat(result.html()).doesNotContain(pin);
        return result.document().select("#pin-result").text();
    }
}
