package jp.jukiflow.pinreset;

import static jp.jukiflow.card.PinTestCards.PIN;
import static jp.jukiflow.support.Towns.OKUSHIRI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import jp.jukiflow.card.Card;
import jp.jukiflow.card.CardEvent;
import jp.jukiflow.card.CardRegistry;
import jp.jukiflow.pin.NewPinRequests;
import jp.jukiflow.pin.PinHasher;
import jp.jukiflow.pin.PinPolicy;
import jp.jukiflow.card.PinPurpose;
import jp.jukiflow.pin.PinRequests;
import jp.jukiflow.card.PinTestCards;
import jp.jukiflow.support.ProcessTestFixture;
import jp.jukiflow.support.ProcessUnderTest;
import jp.jukiflow.support.TestMailServer;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What the tests of "pin-reset" share: the PIN services, test cards of 奥尻町 or 函館市 (their PIN put back to
 * {@link PinTestCards#PIN} and the register's mail addresses restored after each test), a locked PIN, PINs the policy
 * accepts, the start form, and the check that no PIN reaches the history.
 */
@ProcessUnderTest("pin-reset")
abstract class PinResetFixture extends ProcessTestFixture {

    @Autowired
    NewPinRequests newPins;
    @Autowired
    PinRequests pinRequests;
    @Autowired
    CardRegistry cards;
    @Autowired
    PinHasher hasher;

    @BeforeEach
    void setUp() {
        TestMailServer.reset();
    }

    /** The test cards of this test: their new PIN is put back to {@link PinTestCards#PIN}, as other tests expect. */
    final List<String> created = new ArrayList<>();

    /** Mail addresses of the register changed by a test, put back after it. */
    final Map<String, String> emails = new HashMap<>();

    @AfterEach
    void retireTestCards() {
        emails.forEach((resident, email) -> jdbc.sql("update resident set email = ? where resident_code = ?")
                .params(email, resident).update());
        if (!created.isEmpty()) {
            String hash = hasher.hash(PIN);
            created.forEach(c -> jdbc.sql("update card set pin_hash = ? where card_number = ?").params(hash, c).update());
        }
        PinTestCards.retireAll(jdbc);
    }

    String newCard(String municipality) {
        String card = PinTestCards.newCard(cards, jdbc, hasher, municipality);
        created.add(card);
        return card;
    }

    void holderEmail(String card, String email) {
        String resident = cards.find(card).orElseThrow().holderResidentCode();
        emails.putIfAbsent(resident, jdbc.sql("select email from resident where resident_code = ?").param(resident)
                .query((rs, n) -> rs.getString(1)).list().get(0));
        jdbc.sql("update resident set email = ? where resident_code = ?").params(email, resident).update();
    }

    void lock(String card) {
        String request = pinRequests.open(card, PinPurpose.IDENTITY_CHECK, OKUSHIRI, "test").id();
        for (int i = 0; i < 3; i++) {
            pinRequests.submit(request, "1357");
        }
    }

    /** A PIN the policy accepts for this holder (not a guessable shape, not from the birth date). */
    String goodPin(Card card) {
        return otherGoodPin(card, null);
    }

    String otherGoodPin(Card card, String not) {
        LocalDate birth = jdbc.sql("select birth_date from resident where resident_code = ?")
                .param(card.holderResidentCode()).query(LocalDate.class).single();
        PinPolicy policy = new PinPolicy();
        return Stream.of("5831", "3972", "6049", "7315").filter(p -> !p.equals(not))
                .filter(p -> policy.check(p, birth).accepted()).findFirst().orElseThrow();
    }

    static Map<String, Object> startForm(String cardNumber, String visitor) {
        Map<String, Object> v = new HashMap<>();
        v.put("cardNumber", cardNumber);
        v.put("visitor", visitor);
        v.put("idDocument", "DRIVERS_LICENCE");
        return v;
    }

    String newPinRequestId(ProcessInstance pi) {
        return (String) runtimeService.getVariable(pi.getId(), "newPinRequestId");
    }

    CardEvent lastEvent(Card card) {
        List<CardEvent> events = cards.events(card.id());
        return events.get(events.size() - 1);
    }

    /**
     * The process's variables are exactly the known ones (ids, dates, the card and the clerk's answers) and none of them
     * is the PIN: a check by value, since a card number or an id may contain the same four digits by chance.
     */
    void assertNoPinInHistory(ProcessInstance pi, String pin) {
        List<HistoricVariableInstance> variables = historyService.createHistoricVariableInstanceQuery()
                .processInstanceId(pi.getId()).list();
        assertThat(variables).extracting(HistoricVariableInstance::getName).isSubsetOf("cardNumber", "visitor",
                "idDocument", "agentName", "residentCode", "identityConfirmed", "inquiryNumber", "answerDeadline",
                "answerTimerAt", "inquiryPdfUrl", "holderEmail", "newPinRequestId", "newPinPadUrl", "pinRequestValidUntil", "newPinResult", "pinResetOutcome",
                "caseNumber", "caseName", "caseReceivedOn", "pinPurpose", "pinPad");
        for (HistoricVariableInstance v : variables) {
            assertThat(String.valueOf(v.getValue())).as(v.getName()).isNotEqualTo(pin);
        }
        assertThat(historyService.createHistoricDetailQuery().processInstanceId(pi.getId()).variableUpdates().list())
                .allSatisfy(d -> assertThat(String.valueOf(
                        ((org.camunda.bpm.engine.history.HistoricVariableUpdate) d).getValue())).isNotEqualTo(pin));
    }
}
