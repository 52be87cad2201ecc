package jp.jukiflow.journey;

import static jp.jukiflow.support.Towns.OKUSHIRI;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import jp.jukiflow.journey.DemoPeople.Person;
import jp.jukiflow.journey.JourneyDatabase.Kind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * 暗証番号の再設定 as its people do it in the running application, at 奥尻町, which manages the card: the holder who
 * locked the card comes in person, the clerk checks who they are and they key a new PIN twice on the PIN pad; or an
 * agent comes, the clerk posts the 照会書 to the holder, the agent comes back with the 回答書 and keys the new PIN. The
 * card is unlocked, the failures counted from 0, the old PIN no longer opens it and the new one does. Only HTTP; the
 * job executor runs every asynchronous step.
 */
class PinResetJourney {

    @ParameterizedTest
    @EnumSource(Kind.class)
    void theHolderInPerson(Kind kind) {
        Journeys.Running town = Journeys.shared(kind);
        Person p = town.people().aloneWithCard(OKUSHIRI);
        WebUser clerk = town.signedIn("okushiri-clerk");
        EngineApi okushiri = town.engine("okushiri-clerk");

        // the holder forgot the PIN: three wrong entries at the counter lock the card
        assertThat(checkPinAtTheCounter(clerk, p.cardNumber(), "1357", "1357", "1357")).containsExactly(
                "暗証番号が違います。あと 2 回まちがえるとロックされます",
                "暗証番号が違います。あと 1 回まちがえるとロックされます",
                "カードがロックされました（または、ロックされています）。窓口で暗証番号の再設定が必要です");
        assertThat(town.people().cardColumn(p.cardNumber(), "pin_locked", Boolean.class)).isTrue();

        JsonNode started = okushiri.start("pin-reset", startForm(p, "HOLDER", null));
        String id = started.get("id").asText();
        assertThat(started.get("tenantId").asText()).isEqualTo(OKUSHIRI);
        assertThat(started.get("businessKey").asText()).matches(OKUSHIRI + "-2026-\\d{6}");

        JsonNode identity = okushiri.awaitTask(id, "Task_CheckIdentity");
        assertThat(okushiri.formValue(identity, "cardNumber")).isEqualTo(p.cardNumber());
        okushiri.claimAndComplete(identity, Map.of("identityConfirmed", true)).requireOk();

        // a guessable PIN is refused with the rule; then the new PIN twice
        setNewPin(town, clerk, id, "1234", "5820");
        assertThat(okushiri.awaitEnd(id)).containsExactly("End_Reset");
        assertThat(okushiri.historicVariable(id, "pinResetOutcome").asText()).isEqualTo("RESET");
        assertThat(okushiri.passed(id)).doesNotContain("Task_IssueInquiry", "Task_CheckAgent");

        assertTheCardOpensWithOnly(town, clerk, p, "5820", true);
        assertThat(WideAreaCopyJourney.outbox(town, started.get("businessKey").asText()))
                .as("a reset at the counter mails nothing (only an expired 照会書 does)").isEmpty();
        JourneyChecks.noOpenIncident(town);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void anAgentWithTheInquiryLetter(Kind kind) {
        Journeys.Running town = Journeys.shared(kind);
        Person p = town.people().aloneWithCard(OKUSHIRI);
        WebUser clerk = town.signedIn("okushiri-clerk");
        EngineApi okushiri = town.engine("okushiri-clerk");
        String agent = "奥尻 花子";

        // first visit: the agent asks; the clerk prints the 照会書 and posts it to the holder's registered address
        JsonNode started = okushiri.start("pin-reset", startForm(p, "AGENT", agent));
        String id = started.get("id").asText();
        JsonNode send = okushiri.awaitTask(id, "Task_SendInquiry");
        String inquiryNumber = okushiri.formValue(send, "inquiryNumber");
        assertThat(inquiryNumber).matches(OKUSHIRI + "-2026-\\d{6}");
        // 30 days from Tuesday 12/1, the first day not counted: Thursday 12/31 falls in the year-end closure
        // (12/29–1/3), so the last day rolls to Monday 2027-01-04
        assertThat(okushiri.formValue(send, "answerDeadline")).isEqualTo("2027-01-04");
        String pdfUrl = okushiri.formValue(send, "inquiryPdfUrl");
        assertThat(pdfUrl).isEqualTo("/staff/pin-resets/" + id + "/inquiry.pdf");
        String letter = inquiryLetter(clerk, pdfUrl);
        assertThat(letter).contains("暗証番号の再設定に関する照会書").contains("照会番号" + inquiryNumber)
                .contains(p.familyName() + p.givenName() + "様").contains(agent.replace(" ", "") + "様")
                .contains("末尾" + p.cardNumber().substring(p.cardNumber().length() - 4)).contains("回答書");
        okushiri.claimAndComplete(send, Map.of()).requireOk();
        assertThat(town.signedIn("hakodate-clerk").getBytes(pdfUrl).statusCode())
                .as("another town's clerk cannot read the letter").isEqualTo(403);

        // second visit: the agent brings the 回答書 and the card
        JsonNode answer = okushiri.awaitTask(id, "Task_ReceiveAnswer");
        assertThat(answer.get("due").asText()).startsWith("2027-01-04");
        okushiri.claimAndComplete(answer, Map.of()).requireOk();
        JsonNode agentIdentity = okushiri.awaitTask(id, "Task_CheckAgent");
        assertThat(okushiri.formValue(agentIdentity, "inquiryNumber")).isEqualTo(inquiryNumber);
        assertThat(okushiri.formValue(agentIdentity, "agentName")).isEqualTo(agent);
        okushiri.claimAndComplete(agentIdentity, Map.of("identityConfirmed", true)).requireOk();
        Integer answered = town.database().read(jdbc -> jdbc.sql("select count(*) from pin_reset_inquiry where "
                + "process_instance_id = ? and inquiry_number = ? and answer_received_at is not null")
                .params(id, inquiryNumber).query(Integer.class).single());
        assertThat(answered).as("the 回答書 kept with the 照会書").isEqualTo(1);

        // the holder's birth date (MMDD) is refused as guessable; then the new PIN twice
        setNewPin(town, clerk, id, String.format("%02d%02d", p.birthDate().getMonthValue(),
                p.birthDate().getDayOfMonth()), "3917");
        assertThat(okushiri.awaitEnd(id)).containsExactly("End_Reset");
        assertThat(okushiri.historicVariable(id, "pinResetOutcome").asText()).isEqualTo("RESET");

        assertTheCardOpensWithOnly(town, clerk, p, "3917", false);
        assertThat(WideAreaCopyJourney.outbox(town, started.get("businessKey").asText()))
                .as("the 照会書 goes by post; only an expired one is mailed").isEmpty();
        JourneyChecks.noOpenIncident(town);
    }

    /** The start form 「暗証番号の再設定」: the card, who came, the photo ID the clerk saw. */
    static Map<String, Object> startForm(Person p, String visitor, String agentName) {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("cardNumber", p.cardNumber());
        form.put("visitor", visitor);
        form.put("idDocument", "DRIVERS_LICENCE");
        if (agentName != null) {
            form.put("agentName", agentName);
        }
        return form;
    }

    /**
     * 「新しい暗証番号の設定」: the clerk opens the PIN pad in its new-PIN mode and turns it to the resident, who first
     * tries {@code refused} (the pad says why it cannot be set), then keys {@code newPin} twice; the clerk completes.
     */
    static void setNewPin(Journeys.Running town, WebUser clerk, String id, String refused, String newPin) {
        setNewPin(town, "okushiri-clerk", clerk, id, refused, newPin);
    }

    /** As above, by the clerk {@code clerkUser} (e.g. of the municipality the holder now lives in). */
    static void setNewPin(Journeys.Running town, String clerkUser, WebUser clerk, String id, String refused,
                          String newPin) {
        EngineApi okushiri = town.engine(clerkUser);
        JsonNode task = okushiri.awaitTask(id, "Task_SetNewPin");
        String padUrl = okushiri.formValue(task, "newPinPadUrl");
        assertThat(padUrl).startsWith("/staff/new-pin-pad/");
        WebUser.Page pad = clerk.get(padUrl);
        assertThat(pad.status()).as(pad.text()).isEqualTo(200);
        assertThat(pad.text()).contains("新しい暗証番号（数字4桁）を入力してください").contains("推測されやすい");

        WebUser.Page refusal = pad.submit("#pin-form", Map.of("pin", refused, "pinConfirmation", refused));
        assertThat(refusal.status()).isEqualTo(400);
        assertThat(refusal.document().select("#pin-error").text()).contains("暗証番号に設定できません");

        WebUser.Page done = refusal.submit("#pin-form", Map.of("pin", newPin, "pinConfirmation", newPin));
        assertThat(done.status()).as(done.text()).isEqualTo(200);
        assertThat(done.url()).endsWith("/result");
        assertThat(done.text()).contains("新しい暗証番号を設定しました");
        assertThat(done.text()).doesNotContain(newPin);
        okushiri.claimAndComplete(task, Map.of()).requireOk();
    }

    /**
     * The card afterwards: unlocked, no failures counted, a PIN_RESET card event; at the counter the old PIN 2468 is
     * wrong and the new one opens it (the wrong entry counted, then reset by the right one).
     */
    static void assertTheCardOpensWithOnly(Journeys.Running town, WebUser clerk, Person p, String newPin,
                                           boolean wasLocked) {
        DemoPeople people = town.people();
        assertThat(people.cardColumn(p.cardNumber(), "pin_locked", Boolean.class)).isFalse();
        assertThat(people.cardColumn(p.cardNumber(), "consecutive_pin_failures", Integer.class)).isZero();
        assertThat(people.cardColumn(p.cardNumber(), "status")).isEqualTo("ACTIVE");
        List<String> events = town.database().read(jdbc -> jdbc.sql("select e.event_type, e.detail from card_event e "
                + "join card c on c.id = e.card_id where c.card_number = ? and e.event_type = 'PIN_RESET'")
                .param(p.cardNumber()).query((rs, i) -> rs.getString(1) + " " + rs.getString(2)).list());
        assertThat(events).hasSize(1).allSatisfy(e -> assertThat(e).contains("ロック解除")
                .contains(wasLocked ? "（ロック中だった）" : "誤入力回数を0に"));

        assertThat(checkPinAtTheCounter(clerk, p.cardNumber(), DemoPeople.PIN, newPin)).containsExactly(
                "暗証番号が違います。あと 2 回まちがえるとロックされます", "確認できました");
        assertThat(people.cardColumn(p.cardNumber(), "consecutive_pin_failures", Integer.class)).isZero();
    }

    /**
     * The clerk opens a PIN request for an identity check (/staff/pin-requests/new) and the resident keys each PIN in
     * turn on the PIN pad (again after a wrong one); returns what the pad said each time.
     */
    static List<String> checkPinAtTheCounter(WebUser clerk, String cardNumber, String... pins) {
        WebUser.Page request = clerk.get("/staff/pin-requests/new");
        assertThat(request.status()).as(request.text()).isEqualTo(200);
        WebUser.Page pad = request.submit("form.request", Map.of("cardNumber", cardNumber, "purpose", "IDENTITY_CHECK",
                "reference", "PinResetJourney"));
        assertThat(pad.status()).as(pad.text()).isEqualTo(200);
        assertThat(pad.url()).contains("/staff/pin-pad/");
        String padUrl = pad.url();
        List<String> said = new ArrayList<>();
        for (String pin : pins) {
            WebUser.Page result = clerk.get(padUrl).submit("form[method=post]", Map.of("pin", pin));
            assertThat(result.status()).as(result.text()).isEqualTo(200);
            said.add(result.document().select("#pin-result").text());
            assertThat(result.text()).doesNotContain(pin);
        }
        return said;
    }

    static String inquiryLetter(WebUser clerk, String pdfUrl) {
        HttpResponse<byte[]> pdf = clerk.getBytes(pdfUrl);
        assertThat(pdf.statusCode()).as(new String(pdf.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        assertThat(new String(pdf.body(), 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        return WideAreaCopyJourney.text(pdf.body());
    }
}
