package jp.jukiflow.journey;

import static jp.jukiflow.support.Towns.HAKODATE;
import static jp.jukiflow.support.Towns.OKUSHIRI;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import jp.jukiflow.journey.DemoPeople.Person;
import jp.jukiflow.journey.JourneyDatabase.Kind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The new town serves its residents (issue 12, rule 5): after a special transfer-in from 奥尻町 to 函館市 without the
 * continuation, the card is still managed by 奥尻町, yet 函館市's clerk resets its locked PIN and then continues it, and
 * takes a suspension report for such a card. Only HTTP, the packaged application, the real job executor.
 */
class NewTownJourney {

    static final String NEW_ADDRESS = "北海道函館市本町5番5号";

    @ParameterizedTest
    @EnumSource(Kind.class)
    void theNewTownResetsALockedPinThenContinuesTheCard(Kind kind) {
        Journeys.Running town = Journeys.shared(kind);
        Person p = movedWithoutContinuation(town);
        WebUser hakodateClerk = town.signedIn("hakodate-clerk");
        EngineApi hakodate = town.engine("hakodate-clerk");

        // the PIN locks (three wrong entries at 奥尻町's counter, which still manages the card)
        PinResetJourney.checkPinAtTheCounter(town.signedIn("okushiri-clerk"), p.cardNumber(), "1357", "1357", "1357");
        assertThat(town.people().cardColumn(p.cardNumber(), "pin_locked", Boolean.class)).isTrue();

        JsonNode reset = hakodate.start("pin-reset", PinResetJourney.startForm(p, "HOLDER", null));
        String resetId = reset.get("id").asText();
        assertThat(reset.get("tenantId").asText()).isEqualTo(HAKODATE);
        hakodate.claimAndComplete(hakodate.awaitTask(resetId, "Task_CheckIdentity"), Map.of("identityConfirmed", true))
                .requireOk();
        PinResetJourney.setNewPin(town, "hakodate-clerk", hakodateClerk, resetId, "1234", "5820");
        assertThat(hakodate.awaitEnd(resetId)).containsExactly("End_Reset");
        assertThat(town.people().cardColumn(p.cardNumber(), "pin_locked", Boolean.class)).isFalse();
        assertThat(town.people().cardColumn(p.cardNumber(), "managing_municipality_code")).isEqualTo(OKUSHIRI);

        Map<String, Object> form = new LinkedHashMap<>();
        form.put("cardNumber", p.cardNumber());
        form.put("newAddress", NEW_ADDRESS);
        form.put("abroad", false);
        String contId = hakodate.start("card-continuation", form).get("id").asText();
        JsonNode pin = hakodate.awaitTask(contId, "Task_ConfirmPin");
        WideAreaCopyJourney.keyPinOnThePad(hakodateClerk, hakodate.formValue(pin, "pinPadUrl"), "5820");
        hakodate.claimAndComplete(pin, Map.of()).requireOk();
        hakodate.claimAndComplete(hakodate.awaitTask(contId, "Task_WriteEndorsement"),
                Map.of("endorsementWritten", true)).requireOk();
        assertThat(hakodate.awaitEnd(contId)).containsExactly("End_Continued");
        assertThat(town.people().cardColumn(p.cardNumber(), "managing_municipality_code")).isEqualTo(HAKODATE);
        assertThat(town.people().cardColumn(p.cardNumber(), "status")).isEqualTo("ACTIVE");
        JourneyChecks.noOpenIncident(town);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void theNewTownTakesASuspensionReportForACardTheOriginStillManages(Kind kind) {
        Journeys.Running town = Journeys.shared(kind);
        Person p = movedWithoutContinuation(town);
        EngineApi hakodate = town.engine("hakodate-clerk");
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("channel", "PHONE");
        report.put("cardNumber", p.cardNumber());
        report.put("suspensionReason", "LOSS");
        report.put("lostOn", Journeys.MOVED_ON);
        report.put("reporterName", p.name());
        report.put("reporterRelation", "本人");
        JsonNode started = hakodate.start("card-suspension", report);
        assertThat(started.get("tenantId").asText()).isEqualTo(HAKODATE);
        assertThat(town.people().cardColumn(p.cardNumber(), "status")).isEqualTo("SUSPENDED");
        assertThat(town.people().cardColumn(p.cardNumber(), "managing_municipality_code")).isEqualTo(OKUSHIRI);
        JsonNode confirm = hakodate.awaitTask(started.get("id").asText(), "Task_ConfirmSuspension");
        assertThat(confirm.get("tenantId").asText()).isEqualTo(HAKODATE);
        JourneyChecks.noOpenIncident(town);
    }

    /** A resident of 奥尻町 moves to 函館市 by the special route and does not continue the card at the transfer-in. */
    static Person movedWithoutContinuation(Journeys.Running town) {
        Person p = town.people().aloneWithCard(OKUSHIRI);
        String email = "journey-newtown-" + p.residentCode() + "@example.jp";
        String receipt = SpecialMoveJourney.fileTransferOutOnThePortal(town, p, email, NEW_ADDRESS);
        String outId = SpecialMoveJourney.reviewAsSpecial(town, receipt);
        EngineApi hakodate = town.engine("hakodate-clerk");
        String inId = hakodate.start("transfer-in-with-card",
                SpecialMoveJourney.transferInForm(receipt, p, NEW_ADDRESS, email, false, true)).get("id").asText();
        SpecialMoveJourney.confirmPinOnThePad(town.signedIn("hakodate-clerk"), hakodate,
                hakodate.awaitTask(inId, "Task_ConfirmPin"));
        hakodate.claimAndComplete(hakodate.awaitTask(inId, "Task_RecordTransferIn"), Map.of()).requireOk();
        EngineApi admin = town.engine("admin");
        assertThat(admin.awaitEnd(outId)).containsExactly("End_Completed");
        assertThat(admin.awaitEnd(inId)).containsExactly("End_Registered");
        assertThat(town.people().residentColumn(p.residentCode(), "municipality_code")).isEqualTo(HAKODATE);
        assertThat(town.people().cardColumn(p.cardNumber(), "managing_municipality_code")).isEqualTo(OKUSHIRI);
        return p;
    }
}
