package jp.jukiflow.suspension.internal;

import static jp.jukiflow.support.Towns.OKUSHIRI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jp.jukiflow.card.CardPinState;
import jp.jukiflow.card.CardRegistry;
import jp.jukiflow.card.CardStatus;
import jp.jukiflow.card.CardStatusChanges;
import jp.jukiflow.card.CardType;
import jp.jukiflow.card.NewCard;
import jp.jukiflow.pin.PinHasher;
import jp.jukiflow.card.PinPurpose;
import jp.jukiflow.pin.PinRequest;
import jp.jukiflow.pin.PinRequests;
import jp.jukiflow.municipality.BusinessCalendar;
import jp.jukiflow.security.TenantAccess;
import jp.jukiflow.shared.DomainRuleViolation;
import jp.jukiflow.support.ProcessTestFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The setting {@code jukiflow.card-suspension.lift-pin-check} switched on (docs/domain.md §4 [design]): lifting then also
 * needs a PIN request of this very card answered OK. The shared context runs with the default (off), so this test
 * builds the service with the setting on from the application's own beans.
 */
class LiftWithPinCheckTest extends ProcessTestFixture {

    @Autowired
    CardStatusChanges statusChanges;
    @Autowired
    SuspensionStore store;
    @Autowired
    BusinessCalendar calendar;
    @Autowired
    TenantAccess tenants;
    @Autowired
    PinRequests pinRequests;
    @Autowired
    CardRegistry cards;
    @Autowired
    PinHasher hasher;
    @Autowired
    jp.jukiflow.municipality.CounterGuard counters;

    @AfterEach
    void retire() {
        jdbc.sql("update card set status = 'ABOLISHED' where card_number like 'SP%' and status in ('ACTIVE', 'SUSPENDED')")
                .update();
    }

    @Test
    void withThePinCheckOnLiftingNeedsAnOkPinRequestOfThisCard() {
        CardSuspensionService withPin = new CardSuspensionService(runtimeService, statusChanges, store, calendar, tenants,
                new SuspensionSettings(Duration.ofDays(30), true), pinRequests, counters);
        String card = card();
        String other = card();
        String number = suspend(card);

        assertThatThrownBy(() -> withPin.lift(number, true, "運転免許証", null, null, null))
                .isInstanceOf(DomainRuleViolation.class).hasMessageContaining("暗証番号の確認が必要");
        PinRequest wrong = pinRequests.open(card, PinPurpose.SUSPENSION_LIFT, OKUSHIRI, number);
        pinRequests.submit(wrong.id(), "1357");
        assertThatThrownBy(() -> withPin.lift(number, true, "運転免許証", wrong.id(), null, null))
                .isInstanceOf(DomainRuleViolation.class).hasMessageContaining("暗証番号が確認できていません");
        PinRequest otherCard = pinRequests.open(other, PinPurpose.IDENTITY_CHECK, OKUSHIRI, number);
        pinRequests.submit(otherCard.id(), "2468");
        assertThatThrownBy(() -> withPin.lift(number, true, "運転免許証", otherCard.id(), null, null))
                .isInstanceOf(DomainRuleViolation.class).hasMessageContaining("暗証番号が確認できていません");
        assertThat(cards.find(card).orElseThrow().status()).isEqualTo(CardStatus.SUSPENDED);

        PinRequest ok = pinRequests.open(card, PinPurpose.SUSPENSION_LIFT, OKUSHIRI, number);
        pinRequests.submit(ok.id(), "2468");
        withPin.lift(number, true, "運転免許証", ok.id(), null, null);
        assertThat(cards.find(card).orElseThrow().status()).isEqualTo(CardStatus.ACTIVE);
        assertThat(store.find(number).orElseThrow().status()).isEqualTo(Suspension.Status.LIFTED);
    }

    private String card() {
        // a resident of 奥尻町 without a real card (from the end; the other suspension tests' holder is the last one)
        List<String> free = jdbc.sql("""
                select r.resident_code from resident r where r.municipality_code = '013676' and r.status = 'RESIDENT'
                  and not exists (select 1 from card c where c.resident_code = r.resident_code
                    and c.card_number not like 'SP%' and c.card_number not like 'SU%')
                  and not exists (select 1 from card c where c.resident_code = r.resident_code
                    and c.status in ('ACTIVE', 'SUSPENDED'))
                order by r.resident_code desc""").query(String.class).list();
        String number = "SP" + System.nanoTime() % 1_000_000_000L;
        cards.record(new NewCard(CardType.MY_NUMBER, number, free.get(1), true, LocalDate.of(2024, 4, 1),
                LocalDate.of(2034, 4, 1), CardStatus.ACTIVE, OKUSHIRI, CardPinState.fresh(hasher.hash("2468")), 4),
                "暗証番号つき解除のテスト用");
        return number;
    }

    private String suspend(String card) {
        Map<String, Object> v = new HashMap<>();
        v.put("channel", "PHONE");
        v.put("cardNumber", card);
        v.put("suspensionReason", "DAMAGE");
        v.put("reporterName", "奥尻 次郎");
        identityService.setAuthentication("okushiri-clerk", List.of("013676-clerks"), List.of(OKUSHIRI));
        try {
            return (String) runtimeService.createProcessInstanceByKey("card-suspension").processDefinitionWithoutTenantId()
                    .setVariables(v).executeWithVariablesInReturn().getVariables().get("suspensionNumber");
        } finally {
            identityService.clearAuthentication();
        }
    }
}
