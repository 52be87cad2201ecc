package jp.jukiflow.municipality;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import jp.jukiflow.support.JukiflowTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Whether a counter accepts a procedure now: the office, the procedures it takes, the hours (today Thu 10:00 JST). */
@JukiflowTest
class CountersTest {

    @Autowired
    Counters counters;
    @Autowired
    MunicipalityDirectory directory;

    @Test
    void theMainOfficeAcceptsTheContinuationDuringItsHours() {
        assertThat(counters.refusal("012025", null, Procedure.CARD_CONTINUATION)).isEmpty();
        assertThat(counters.refusal("013676", "okushiri-honcho", Procedure.CARD_CONTINUATION)).isEmpty();
    }

    @Test
    void aBranchThatDoesNotTakeItOrAnUnknownOfficeRefuses() {
        assertThat(counters.refusal("013676", "okushiri-aonae", Procedure.CARD_CONTINUATION))
                .hasValue("奥尻町役場 青苗支所ではカードの継続利用を受け付けていません。本庁の窓口をご案内ください。");
        assertThat(counters.refusal("013676", "nowhere", Procedure.TRANSFER_IN_WITH_CARD))
                .hasValueSatisfying(r -> assertThat(r).contains("nowhere", "奥尻町にありません"));
    }

    @Test
    void outsideTheHoursTheCounterRefuses() {
        // Saturday 2026-11-28 10:00 JST, and Thursday 2026-11-26 18:00 JST
        for (String instant : new String[]{"2026-11-28T01:00:00Z", "2026-11-26T09:00:00Z"}) {
            Counters closed = new Counters(directory,
                    new BusinessCalendar(Clock.fixed(Instant.parse(instant), ZoneOffset.UTC)));
            assertThat(closed.refusal("012025", "", Procedure.CARD_CONTINUATION))
                    .hasValueSatisfying(r -> assertThat(r).contains("受付時間外"));
        }
    }
}
