package jp.jukiflow.register;

import static jp.jukiflow.support.Towns.OKUSHIRI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.Map;

import jp.jukiflow.card.CardPinState;
import jp.jukiflow.card.CardRegistry;
import jp.jukiflow.card.CardStatus;
import jp.jukiflow.card.CardType;
import jp.jukiflow.card.NewCard;
import jp.jukiflow.pin.PinHasher;
import jp.jukiflow.support.ProcessTestFixture;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

/**
 * 転出予定 (a transfer-out accepted, the person not moved yet) is still a resident (docs/domain.md §10): the staff person
 * API, the disclosure, the PIN reset and the suspension serve them as any resident (the wide-area copy's answer:
 * WideAreaCopyAnswerProcessTest). Each test flips a fresh person of 奥尻町 with a card of its own to MOVING_OUT.
 */
class MovingOutResidentsAreServedTest extends ProcessTestFixture {

    @Autowired
    CardRegistry cards;
    @Autowired
    PinHasher hasher;

    String resident;
    String card;

    @BeforeEach
    void aPersonMovingOut() {
        // far from the people other tests pick (they take the first by code, or the last without a card)
        resident = jdbc.sql("""
                select r.resident_code from resident r where r.municipality_code = ? and r.status = 'RESIDENT'
                  and r.household_id is not null
                  and not exists (select 1 from card c where c.resident_code = r.resident_code)
                order by r.resident_code desc""").param(OKUSHIRI).query(String.class).list().get(5);
        card = "MV" + System.nanoTime() % 1_000_000_000L;
        cards.record(new NewCard(CardType.MY_NUMBER, card, resident, true, LocalDate.of(2024, 4, 1),
                LocalDate.of(2034, 4, 1), CardStatus.ACTIVE, OKUSHIRI, CardPinState.fresh(hasher.hash("2468")), 4),
                "転出予定の住民のテスト用");
        jdbc.sql("update resident set status = 'MOVING_OUT', planned_move_out_date = date '2026-12-03',"
                + " destination_municipality_code = '012025' where resident_code = ?").param(resident).update();
    }

    @AfterEach
    void back() {
        jdbc.sql("update card set status = 'ABOLISHED' where card_number = ?").param(card).update();
        jdbc.sql("update resident set status = 'RESIDENT', planned_move_out_date = null,"
                + " destination_municipality_code = null where resident_code = ?").param(resident).update();
    }

    @Test
    void theStaffPersonApiShowsThemAsMovingOut() throws Exception {
        mvc.perform(get("/staff/api/v1/residents/" + resident).param("purpose", "窓口での確認")
                        .with(httpBasic("okushiri-clerk", "okushiri-clerk")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("転出予定"));
    }

    @Test
    void theDisclosureIsGenerated() throws Exception {
        mvc.perform(get("/staff/disclosures").param("residentCode", resident)
                        .with(httpBasic("okushiri-clerk", "okushiri-clerk")))
                .andExpect(status().isOk());
    }

    @Test
    void aPinResetIsStarted() {
        ProcessInstance pi = startAsClerk("pin-reset", OKUSHIRI,
                Map.of("cardNumber", card, "visitor", "HOLDER", "idDocument", "DRIVERS_LICENCE"));
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(pi.getId()).count()).isOne();
        runtimeService.deleteProcessInstance(pi.getId(), "test");
    }

    @Test
    void aSuspensionIsTakenOnThe24HourLine() throws Exception {
        mvc.perform(post("/api/v1/card-suspensions").with(httpBasic("callcenter", "callcenter"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"cardNumber\":\"" + card + "\",\"reason\":\"LOSS\",\"reporterName\":\"奥尻 太郎\","
                                + "\"reporterRelation\":\"本人\",\"reporterPhone\":\"090-0000-0000\"}"))
                .andExpect(status().isCreated());
        assertThat(jdbc.sql("select status from card where card_number = ?").param(card).query(String.class).single())
                .isEqualTo("SUSPENDED");
    }
}
