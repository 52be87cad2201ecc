package jp.jukiflow.card;

import static jp.jukiflow.support.Towns.OKUSHIRI;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * 国外継続利用 (docs/domain.md §10, since 2024-05-27): a valid My Number Card of a Japanese national, asked at the counter no
 * later than the day before the move-out date (2026-12-03 here); a JUKI card never (it lapses).
 */
class AbroadMovesTest {

    static final LocalDate MOVE_OUT = LocalDate.of(2026, 12, 3);

    @ParameterizedTest(name = "{0} {1} japanese={2} asked {3}: kept={4}")
    @CsvSource({
            "MY_NUMBER, ACTIVE,    true,  2026-11-26, true,  ",
            "MY_NUMBER, ACTIVE,    true,  2026-12-02, true,  ",
            "MY_NUMBER, ACTIVE,    true,  2026-12-03, false, 前日まで",
            "MY_NUMBER, ACTIVE,    true,  2026-12-04, false, 前日まで",
            "MY_NUMBER, ACTIVE,    false, 2026-11-26, false, 日本国籍",
            "MY_NUMBER, SUSPENDED, true,  2026-11-26, false, 一時停止",
            "MY_NUMBER, LAPSED,    true,  2026-11-26, false, 失効",
            "JUKI,      ACTIVE,    true,  2026-11-26, false, 住基カード",
    })
    void aMyNumberCardMayBeKeptForUseAbroadOnlyAsTheLawSays(CardType type, CardStatus status, boolean japanese,
                                                           LocalDate asked, boolean kept, String because) {
        Card card = new Card(1, type, "123456789012", "12345678901", true, LocalDate.of(2024, 4, 1),
                LocalDate.of(2034, 4, 1), status, OKUSHIRI, null, 4);
        String refusal = AbroadMoves.refusal(card, japanese, MOVE_OUT, asked);
        if (kept) {
            assertThat(refusal).isNull();
        } else {
            assertThat(refusal).isNotNull().contains(because);
        }
    }

    @ParameterizedTest
    @CsvSource({"2034-04-01, true", "2026-11-25, false"})
    void anExpiredCardIsNotKept(LocalDate validUntil, boolean kept) {
        Card card = new Card(1, CardType.MY_NUMBER, "123456789012", "12345678901", true, LocalDate.of(2016, 4, 1),
                validUntil, CardStatus.ACTIVE, OKUSHIRI, null, 4);
        assertThat(AbroadMoves.refusal(card, true, MOVE_OUT, LocalDate.of(2026, 11, 26)) == null).isEqualTo(kept);
    }
}
