package jp.jukiflow.pinchange;

import static jp.jukiflow.card.PinTestCards.PIN;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import jp.jukiflow.card.Card;
import jp.jukiflow.card.CardEvent;
import jp.jukiflow.card.CardRegistry;
import jp.jukiflow.card.PinTestCards;
import jp.jukiflow.pin.NewPinRequests;
import jp.jukiflow.pin.PinHasher;
import jp.jukiflow.pin.PinPolicy;
import jp.jukiflow.pin.PinRequests;
import jp.jukiflow.support.ProcessTestFixture;
import jp.jukiflow.support.ProcessUnderTest;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What the tests of "pin-change" share: the PIN services, test cards of 奥尻町 or 函館市 (their PIN put back to
 * {@link PinTestCards#PIN} after each test), PINs the policy accepts, the start form, and the check that no PIN
 * reaches the history.
 */
@ProcessUnderTest("pin-change")
abstract class PinChangeFixture extends ProcessTestFixture {

    @Autowired
    NewPinRequests newPins;
    @Autowired
    PinRequests pinRequests;
    @Autowired
    CardRegistry cards;
    @Autowired
    PinHasher hasher;

    /** The test cards of this test: their PIN is put back to {@link PinTestCards#PIN}, as other tests expect. */
    final List<String> created = new ArrayList<>();

    @AfterEach
    void retireTestCards() {
        if (!created.isEmpty()) {
            String hash = hasher.hash(PIN);
            created.forEach(c -> jdbc.sql("update card set pin_hash = ?, pin_locked = false, consecutive_pin_failures = 0"
                    + " where card_number = ?").params(hash, c).update());
        }
        PinTestCards.retireAll(jdbc);
    }

    String newCard(String municipality) {
        String card = PinTestCards.newCard(cards, jdbc, hasher, municipality);
        created.add(card);
        return card;
    }

    /** A PIN the policy accepts for this holder (not a guessable shape, not from the birth date, not the current one). */
    String goodPin(Card card) {
        LocalDate birth = jdbc.sql("select birth_date from resident where resident_code = ?")
                .param(card.holderResidentCode()).query(LocalDate.class).single();
        PinPolicy policy = new PinPolicy();
        return Stream.of("5831", "3972", "6049", "7315").filter(p -> !p.equals(PIN))
                .filter(p -> policy.check(p, birth).accepted()).findFirst().orElseThrow();
    }

    static Map<String, Object> startForm(String cardNumber) {
        Map<String, Object> v = new HashMap<>();
        v.put("cardNumber", cardNumber);
        v.put("idDocument", "CARD_ITSELF");
        return v;
    }

    String pinRequestId(ProcessInstance pi) {
        return (String) runtimeService.getVariable(pi.getId(), "pinRequestId");
    }

    String newPinRequestId(ProcessInstance pi) {
        return (String) runtimeService.getVariable(pi.getId(), "newPinRequestId");
    }

    CardEvent lastEvent(Card card) {
        List<CardEvent> events = cards.events(card.id());
        return events.get(events.size() - 1);
    }

    /** The process's variables are the known ones and none of them is a PIN (current or new). */
    void assertNoPinInHistory(ProcessInstance pi, String... pins) {
        List<HistoricVariableInstance> variables = historyService.createHistoricVariableInstanceQuery()
                .processInstanceId(pi.getId()).list();
        assertThat(variables).extracting(HistoricVariableInstance::getName).isSubsetOf("cardNumber", "idDocument",
                "officeId", "residentCode", "pinRequestId", "pinPadUrl", "pinResult", "refusalReason",
                "newPinRequestId", "newPinPadUrl", "pinRequestValidUntil", "newPinResult", "pinChangeOutcome",
                "caseNumber", "caseName", "caseReceivedOn", "pinPurpose", "pinPad");
        for (HistoricVariableInstance v : variables) {
            assertThat(String.valueOf(v.getValue())).as(v.getName()).isNotIn((Object[]) pins);
        }
        assertThat(historyService.createHistoricDetailQuery().processInstanceId(pi.getId()).variableUpdates().list())
                .allSatisfy(d -> assertThat(String.valueOf(((HistoricVariableUpdate) d).getValue()))
                        .isNotIn((Object[]) pins));
    }
}
