package jp.jukiflow.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** 和暦 as documents print it, at the era boundaries, with 元年 for the first year of an era. */
class JapaneseDatesTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "2026-11-26, 令和8年11月26日",
            "2019-05-01, 令和元年5月1日",
            "2019-12-31, 令和元年12月31日",
            "2020-01-01, 令和2年1月1日",
            "2019-04-30, 平成31年4月30日",
            "1989-01-08, 平成元年1月8日",
            "1989-12-31, 平成元年12月31日",
            "1990-01-01, 平成2年1月1日",
            "1989-01-07, 昭和64年1月7日",
            "1926-12-25, 昭和元年12月25日",
            "1927-01-01, 昭和2年1月1日",
            "1926-12-24, 大正15年12月24日",
            "1912-07-30, 大正元年7月30日",
            "1912-07-29, 明治45年7月29日",
            "1873-01-01, 明治6年1月1日",
            "2000-02-29, 平成12年2月29日",
    })
    void warekiAtTheEraBoundaries(LocalDate date, String expected) {
        assertThat(JapaneseDates.wareki(date)).isEqualTo(expected);
    }

    @Test
    void aMissingDateMayPrintAsAGivenText() {
        assertThat(JapaneseDates.wareki(null, "—")).isEqualTo("—");
        assertThat(JapaneseDates.wareki(LocalDate.of(2026, 11, 26), "—")).isEqualTo("令和8年11月26日");
    }

    @Test
    void beforeTheGregorianCalendarThereIsNoWareki() {
        assertThatThrownBy(() -> JapaneseDates.wareki(LocalDate.of(1872, 12, 31)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("和暦で表せない");
    }
}
