package jp.jukiflow.notify.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.EnumSet;

import jp.jukiflow.municipality.OfficeHours;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class JapaneseMailTextTest {

    final JapaneseMailText jp = new JapaneseMailText(ZoneId.of("Asia/Tokyo"));

    @ParameterizedTest
    @CsvSource({
            "2026-12-10, 2026年12月10日（木）",
            "2026-11-26, 2026年11月26日（木）",
            "2027-01-01, 2027年1月1日（金）",
            "2026-12-13, 2026年12月13日（日）",
            "2026-12-12T09:00:00, 2026年12月12日（土）",
            "' 2026-12-07 ', 2026年12月7日（月）",
            "来週, 来週",
            "2026-02-30, 2026-02-30",
    })
    void writesIsoDatesTheJapaneseWay(String iso, String expected) {
        assertThat(jp.date(iso)).isEqualTo(expected);
    }

    @Test
    void takesDateObjectsAndNothing() {
        assertThat(jp.date(LocalDate.of(2026, 12, 8))).isEqualTo("2026年12月8日（火）");
        // 2026-12-09 15:30 UTC is already the 10th in Japan
        assertThat(jp.date(Instant.parse("2026-12-09T15:30:00Z"))).isEqualTo("2026年12月10日（木）");
        assertThat(jp.date(Date.from(Instant.parse("2026-12-09T15:30:00Z")))).isEqualTo("2026年12月10日（木）");
        assertThat(jp.date(null)).isEmpty();
        assertThat(jp.date("")).isEmpty();
    }

    @Test
    void hasMeansPresentAndNotBlank() {
        assertThat(jp.has("x")).isTrue();
        assertThat(jp.has(0)).isTrue();
        assertThat(jp.has(" ")).isFalse();
        assertThat(jp.has("")).isFalse();
        assertThat(jp.has(null)).isFalse();
    }

    @Test
    void officeHoursInJapanese() {
        assertThat(JapaneseMailText.officeHours(OfficeHours.standard())).isEqualTo("平日 8:30〜17:15（祝日・年末年始を除く）");
        assertThat(JapaneseMailText.officeHours(new OfficeHours(LocalTime.of(9, 0), LocalTime.of(12, 0),
                EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.MONDAY)))).isEqualTo("月・土曜日 9:00〜12:00（祝日・年末年始を除く）");
    }
}
