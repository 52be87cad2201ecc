package jp.jukiflow.card;

import static jp.jukiflow.support.Towns.HAKODATE;
import static jp.jukiflow.support.Towns.OKUSHIRI;
import static jp.jukiflow.support.Towns.SAPPORO;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jp.jukiflow.shared.DomainRuleViolation;
import jp.jukiflow.support.JukiflowTest;
import jp.jukiflow.pin.PinCheckService;
import jp.jukiflow.pin.PinHasher;
import jp.jukiflow.card.internal.CardReturns;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who may act on a card (docs/domain.md §3–§5): a card still managed by 奥尻町 whose holder now lives in 函館市 (after a special
 * transfer-in, before the continuation). 函館市 serves its resident for the PIN reset, a suspension and a 返納, any
 * counter does the wide-area copy, the special transfer-in and the continuation, only 奥尻町 the rest; 札幌市 (neither
 * managing nor the residence) only what any counter does.
 */
@JukiflowTest
class CardJurisdictionTest {


    @Autowired
    CardJurisdiction jurisdiction;
    @Autowired
    PinCheckService pinCheck;
    @Autowired
    CardReturns returns;
    @Autowired
    CardRegistry cards;
    @Autowired
    PinHasher hasher;
    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void retire() {
        SecurityContextHolder.clearContext();
        PinTestCards.retireAll(jdbc);
    }

    /** A card of a resident of 函館市, still managed by 奥尻町. */
    Card movedHoldersCard() {
        String number = PinTestCards.newCard(cards, jdbc, hasher, HAKODATE);
        jdbc.sql("update card set managing_municipality_code = ? where card_number = ?").params(OKUSHIRI, number).update();
        return cards.find(number).orElseThrow();
    }

    @ParameterizedTest(name = "[{index}] {0}: managing {1}, residence {2}, elsewhere {3}")
    @CsvSource({
            "WIDE_AREA_COPY,      true, true,  true",
            "SPECIAL_TRANSFER_IN, true, true,  true",
            "CONTINUATION,        true, true,  true",
            "PIN_RESET,           true, true,  false",
            "SUSPENSION,          true, true,  false",
            "SUSPENSION_LIFT,     true, true,  false",
            "RETURN,              true, true,  false",
            "ENTRY_CHANGE,        true, false, false",
            "PIN_CHANGE,          true, false, false",
            "IDENTITY_CHECK,      true, false, false",
    })
    void whoMayAct(CardJurisdiction.Act act, boolean managing, boolean residence, boolean elsewhere) {
        Card card = movedHoldersCard();
        assertThat(jurisdiction.mayAct(card, act, OKUSHIRI)).isEqualTo(managing);
        assertThat(jurisdiction.mayAct(card, act, HAKODATE)).isEqualTo(residence);
        assertThat(jurisdiction.mayAct(card, act, SAPPORO)).isEqualTo(elsewhere);
        assertThat(jurisdiction.mayAct(card, act, null)).isFalse();
    }

    @Test
    void everyPinPurposeIsAnAct() {
        for (PinPurpose purpose : PinPurpose.values()) {
            assertThat(CardJurisdiction.act(purpose)).as(purpose.name()).isNotNull();
        }
    }

    @Test
    void theNewTownsClerkMayAskForAPinResetButNotForAnIdentityCheck() {
        Card card = movedHoldersCard();
        PinTestCards.actAsClerk("hakodate-clerk", HAKODATE);
        assertThat(pinCheck.requireAskable(card.number(), PinPurpose.PIN_RESET, HAKODATE).number())
                .isEqualTo(card.number());
        assertThatThrownBy(() -> pinCheck.requireAskable(card.number(), PinPurpose.IDENTITY_CHECK, HAKODATE))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> jurisdiction.require(card, CardJurisdiction.Act.PIN_CHANGE, HAKODATE))
                .isInstanceOfSatisfying(DomainRuleViolation.class,
                        e -> assertThat(e.code()).isEqualTo("CARD_MANAGED_ELSEWHERE"));
    }

    @Test
    void theNewTownsClerkFindsTheCardToReturnItAnotherTownsClerkDoesNot() {
        Card card = movedHoldersCard();
        PinTestCards.actAsClerk("hakodate-clerk", HAKODATE);
        assertThat(returns.card(card.number()).number()).isEqualTo(card.number());
        assertThat(returns.cardsOfResident(card.holderResidentCode())).extracting(Card::number).contains(card.number());
        Card okushiriResidents = cards.find(PinTestCards.newCard(cards, jdbc, hasher, OKUSHIRI)).orElseThrow();
        assertThatThrownBy(() -> returns.card(okushiriResidents.number()))
                .hasMessage("カード番号「" + okushiriResidents.number() + "」のカードは、この市区町村で管理するカードにありません。");
        assertThat(returns.cardsOfResident(okushiriResidents.holderResidentCode())).isEmpty();
    }
}
