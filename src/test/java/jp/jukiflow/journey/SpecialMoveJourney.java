package jp.jukiflow.journey;

import static jp.jukiflow.support.Towns.HAKODATE;
import static jp.jukiflow.support.Towns.OKUSHIRI;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import jp.jukiflow.journey.DemoPeople.Person;
import jp.jukiflow.journey.JourneyDatabase.Kind;
import jp.jukiflow.journey.WebUser.Upload;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The whole special move in one deployment serving both towns, as its people do it in the running application: a
 * resident of 奥尻町 files the mailed transfer-out on the portal; 奥尻町's clerk reviews it in Tasklist (special route);
 * the resident comes to 函館市's counter, where the clerk starts the 特例転入, the resident keys the PIN on the PIN pad,
 * the clerk records the move-in; the 転入通知 closes 奥尻町's case (除票); the card is continued at 函館市 with a
 * second PIN. Only HTTP; the job executor runs every asynchronous step.
 */
class SpecialMoveJourney {

    static final Pattern RECEIPT = Pattern.compile("\\d{6}-\\d{4}-\\d{6}");
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R',
            0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1f, 0x15, (byte) 0xc4, (byte) 0x89};

    @ParameterizedTest
    @EnumSource(Kind.class)
    void fromThePortalToTheContinuedCard(Kind kind) {
        Journeys.Running town = Journeys.shared(kind);
        Person p = town.people().aloneWithCard(OKUSHIRI);
        String email = "journey-move-" + p.residentCode() + "@example.jp";
        String newAddress = "北海道函館市五稜郭町1番1号";

        String receipt = fileTransferOutOnThePortal(town, p, email, newAddress);
        String outId = reviewAsSpecial(town, receipt);
        ResidentMailbox.await(town.app(), email, "特例転出");

        EngineApi hakodate = town.engine("hakodate-clerk");
        WebUser hakodateClerk = town.signedIn("hakodate-clerk");
        JsonNode in = hakodate.start("transfer-in-with-card", transferInForm(receipt, p, newAddress, email, true, true));
        String inId = in.get("id").asText();
        assertThat(in.get("tenantId").asText()).isEqualTo(HAKODATE);

        JsonNode confirmPin = hakodate.awaitTask(inId, "Task_ConfirmPin");
        confirmPinOnThePad(hakodateClerk, hakodate, confirmPin);
        hakodate.claimAndComplete(hakodate.awaitTask(inId, "Task_RecordTransferIn"), Map.of()).requireOk();

        // the 転入通知 goes to 奥尻町 from 函館市's job: 奥尻町's case ends with the record closed (除票)
        EngineApi admin = town.engine("admin");
        assertThat(admin.awaitEnd(outId)).containsExactly("End_Completed");
        assertThat(town.people().residentColumn(p.residentCode(), "municipality_code")).isEqualTo(HAKODATE);
        assertThat(town.people().residentColumn(p.residentCode(), "status")).isEqualTo("RESIDENT");
        assertThat(registerEvents(town, p)).containsSubsequence(OKUSHIRI + ":TRANSFER_OUT_PLANNED",
                OKUSHIRI + ":TRANSFER_OUT_CONFIRMED").contains(HAKODATE + ":TRANSFER_IN");

        // the continuation, called by the transfer-in under its receipt number, asks for the PIN again
        String inReceipt = in.get("businessKey").asText();
        assertThat(inReceipt).matches(HAKODATE + "-2026-\\d{6}");
        JsonNode contPin = hakodate.awaitTaskWhere("processInstanceBusinessKey=" + inReceipt
                + "&processDefinitionKey=card-continuation&taskDefinitionKey=Task_ConfirmPin");
        String contId = contPin.get("processInstanceId").asText();
        confirmPinOnThePad(hakodateClerk, hakodate, contPin);
        hakodate.claimAndComplete(hakodate.awaitTask(contId, "Task_WriteEndorsement"),
                Map.of("endorsementWritten", true)).requireOk();
        assertThat(admin.awaitEnd(inId)).containsExactly("End_Registered");
        assertThat(admin.endEvents(contId)).containsExactly("End_Continued");
        assertThat(town.people().cardColumn(p.cardNumber(), "managing_municipality_code")).isEqualTo(HAKODATE);
        assertThat(town.people().cardColumn(p.cardNumber(), "status")).isEqualTo("ACTIVE");

        // four mails, each once: received, accepted (special), the origin's completion, the destination's completion
        // (which also reports the continuation: one mail, not two)
        ResidentMailbox.await(town.app(), email, "転入の手続きが完了");
        List<ResidentMailbox.Mail> mails = ResidentMailbox.await(town.app(), email, "転出の手続きが完了");
        assertThat(subjects(mails)).as("each mail exactly once").doesNotHaveDuplicates().hasSize(4)
                .anyMatch(s -> s.contains("転出届を受け付けました"))
                .anyMatch(s -> s.contains("特例転出"))
                .anyMatch(s -> s.contains("転出の手続きが完了しました"))
                .anyMatch(s -> s.contains("転入の手続きが完了しました"));
        assertThat(mails).filteredOn(m -> m.subject().contains("転入の手続きが完了")).singleElement()
                .satisfies(m -> assertThat(m.text()).contains("継続利用"));
        assertThat(mails).noneMatch(m -> m.text().contains(DemoPeople.PIN));
        JourneyChecks.noOpenIncident(town);
    }

    static String fileTransferOutOnThePortal(Journeys.Running town, Person p, String email, String newAddress) {
        WebUser resident = town.resident();
        WebUser.Page form = resident.get("/portal/" + OKUSHIRI + "/transfer-out");
        assertThat(form.status()).isEqualTo(200);
        Map<String, String> fields = new LinkedHashMap<>();
        // the hidden fields as the browser sends them (the one-time submission token, the CSRF token)
        form.document().select("#transfer-out-form input[type=hidden]").forEach(i -> fields.put(i.attr("name"), i.val()));
        fields.put("rows", "4");
        fields.put("plannedMoveOutDate", Journeys.MOVED_ON);
        fields.put("movedOn", Journeys.MOVED_ON);
        fields.put("filer.name", p.name());
        fields.put("filer.nameKana", p.kana());
        fields.put("filer.birthDate", p.birthDate().toString());
        fields.put("filer.relation", "本人");
        fields.put("currentAddress", p.address());
        fields.put("headOfHousehold", p.name());
        fields.put("newAddress.municipalityCode", HAKODATE);
        fields.put("newAddress.address", newAddress);
        fields.put("newHeadOfHousehold", p.name());
        fields.put("movers[0].name", p.name());
        fields.put("movers[0].nameKana", p.kana());
        fields.put("movers[0].birthDate", p.birthDate().toString());
        fields.put("movers[0].sex", p.sexJa());
        fields.put("movers[0].relationship", "世帯主");
        fields.put("cardHolder", "1");
        fields.put("cardType", "MY_NUMBER");
        fields.put("continuedUse", "true");
        fields.put("phone", "01397-2-3111");
        fields.put("email", email);
        WebUser.Page received = resident.postMultipart("/portal/" + OKUSHIRI + "/transfer-out", fields,
                List.of(new Upload("cardCopy", "card.png", "image/png", PNG)));
        assertThat(received.status()).as(received.text()).isEqualTo(200);
        Matcher m = RECEIPT.matcher(received.text());
        assertThat(m.find()).as(received.text()).isTrue();
        return m.group();
    }

    /** The start form of the 特例転入 as 函館市's clerk fills it at the counter for a mover of the journey. */
    static Map<String, Object> transferInForm(String originReceipt, Person p, String newAddress, String email,
                                              boolean continuationWanted, boolean wantsSpecial) {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("originReceiptNumber", originReceipt);
        form.put("cardNumber", p.cardNumber());
        form.put("movedInDate", Journeys.MOVED_ON);
        form.put("newPostalCode", "040-0011");
        form.put("newAddress", newAddress);
        form.put("headOfHousehold", "本人");
        if (email != null) {
            form.put("email", email);
        }
        form.put("continuationWanted", continuationWanted);
        form.put("wantsSpecial", wantsSpecial);
        return form;
    }

    /** 奥尻町's clerk finds the request in Tasklist by its receipt number and accepts it as a special transfer-out. */
    static String reviewAsSpecial(Journeys.Running town, String receipt) {
        EngineApi okushiri = town.engine("okushiri-clerk");
        JsonNode review = okushiri.awaitTaskWhere("processInstanceBusinessKey=" + receipt
                + "&taskDefinitionKey=Task_ReviewRequest");
        okushiri.claimAndComplete(review, Map.of("reviewDecision", "ACCEPT", "route", "SPECIAL")).requireOk();
        return review.get("processInstanceId").asText();
    }

    /** The resident keys the PIN on the PIN pad the clerk opened (by the request's id). */
    static void keyPinOnThePad(WebUser clerk, String pinRequestId) {
        WideAreaCopyJourney.keyPinOnThePad(clerk, "/staff/pin-pad/" + pinRequestId);
    }

    /** 「暗証番号の確認」: the resident keys the PIN on the pad the clerk opened, the clerk completes the task. */
    static void confirmPinOnThePad(WebUser clerkSession, EngineApi clerk, JsonNode pinTask) {
        keyPinOnThePad(clerkSession, clerk.formValue(pinTask, "pinRequestId"));
        clerk.claimAndComplete(pinTask, Map.of()).requireOk();
    }

    static List<String> registerEvents(Journeys.Running town, Person p) {
        return town.database().read(jdbc -> jdbc.sql("select municipality_code, event_type from register_event "
                + "where resident_code = ? order by id").param(p.residentCode())
                .query((rs, i) -> rs.getString(1) + ":" + rs.getString(2)).list());
    }

    static List<String> subjects(List<ResidentMailbox.Mail> mails) {
        return mails.stream().map(ResidentMailbox.Mail::subject).toList();
    }
}
