package jp.jukiflow.pin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import jp.jukiflow.shared.DomainRuleViolation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class PinPolicyTest {

    private final PinPolicy policy = new PinPolicy();
    private static final LocalDate NO_BIRTH_DATE = null;

    @ParameterizedTest(name = "[{index}] ''{0}'' -> {1}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            "NULL   | PIN_REQUIRED",
            "''     | PIN_REQUIRED",
            "123    | PIN_FORMAT",
            "12345  | PIN_FORMAT",
            "12a4   | PIN_FORMAT",
            "' 3952'| PIN_FORMAT",
            "３９５２ | PIN_FORMAT",
            "39.5   | PIN_FORMAT",
    })
    void refusesMalformedPins(String pin, String code) {
        PinCheck check = policy.check(pin, NO_BIRTH_DATE);
        assertThat(check.accepted()).isFalse();
        assertThat(check.code()).isEqualTo(code);
        assertThat(check.messageJa()).contains("暗証番号");
    }

    static Stream<Arguments> everyRefusedPattern() {
        Stream<Arguments> allSame = IntStream.rangeClosed(0, 9)
                .mapToObj(d -> Arguments.of(String.valueOf(d).repeat(4), "PIN_ALL_SAME"));
        Stream<Arguments> fixed = Stream.of(
                Arguments.of("0123", "PIN_ASCENDING_RUN"), Arguments.of("1234", "PIN_ASCENDING_RUN"),
                Arguments.of("2345", "PIN_ASCENDING_RUN"), Arguments.of("3456", "PIN_ASCENDING_RUN"),
                Arguments.of("4567", "PIN_ASCENDING_RUN"), Arguments.of("5678", "PIN_ASCENDING_RUN"),
                Arguments.of("6789", "PIN_ASCENDING_RUN"),
                Arguments.of("9876", "PIN_DESCENDING_RUN"), Arguments.of("8765", "PIN_DESCENDING_RUN"),
                Arguments.of("7654", "PIN_DESCENDING_RUN"), Arguments.of("6543", "PIN_DESCENDING_RUN"),
                Arguments.of("5432", "PIN_DESCENDING_RUN"), Arguments.of("4321", "PIN_DESCENDING_RUN"),
                Arguments.of("3210", "PIN_DESCENDING_RUN"),
                Arguments.of("7890", "PIN_WRAP_AROUND_RUN"), Arguments.of("8901", "PIN_WRAP_AROUND_RUN"),
                Arguments.of("9012", "PIN_WRAP_AROUND_RUN"), Arguments.of("0987", "PIN_WRAP_AROUND_RUN"),
                Arguments.of("1098", "PIN_WRAP_AROUND_RUN"), Arguments.of("2109", "PIN_WRAP_AROUND_RUN"),
                Arguments.of("1212", "PIN_REPEATED_PAIR"), Arguments.of("0101", "PIN_REPEATED_PAIR"),
                Arguments.of("9090", "PIN_REPEATED_PAIR"), Arguments.of("3434", "PIN_REPEATED_PAIR"),
                Arguments.of("1122", "PIN_DOUBLE_PAIR"), Arguments.of("0099", "PIN_DOUBLE_PAIR"),
                Arguments.of("5588", "PIN_DOUBLE_PAIR"), Arguments.of("9900", "PIN_DOUBLE_PAIR"),
                Arguments.of("2580", "PIN_KEYPAD_COLUMN"), Arguments.of("0852", "PIN_KEYPAD_COLUMN"),
                Arguments.of("8520", "PIN_KEYPAD_COLUMN"), Arguments.of("0258", "PIN_KEYPAD_COLUMN"));
        return Stream.concat(allSame, fixed);
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @MethodSource("everyRefusedPattern")
    void refusesGuessablePatternsWithStableCode(String pin, String code) {
        PinCheck check = policy.check(pin, NO_BIRTH_DATE);
        assertThat(check.accepted()).isFalse();
        assertThat(check.code()).isEqualTo(code);
        assertThat(check.messageJa()).endsWith("推測されやすいため暗証番号に設定できません。");
        assertThatThrownBy(check::orThrow).isInstanceOfSatisfying(DomainRuleViolation.class,
                e -> assertThat(e.code()).isEqualTo(code));
    }

    /** Independent count: 10 all-same + 7 ascending + 7 descending + 6 wrap-around + 90 ABAB + 90 AABB + 4 keypad. */
    @Test
    void defaultRefusesExactly214OfAll10000PinsWithoutBirthDate() {
        long refused = IntStream.range(0, 10_000).mapToObj(n -> String.format("%04d", n))
                .filter(pin -> !policy.check(pin, NO_BIRTH_DATE).accepted()).count();
        assertThat(refused).isEqualTo(214);
    }

    @Test
    void minimalSettingsAcceptKeypadColumnButStillRefuseWrapAround() {
        PinPolicy minimal = new PinPolicy(PinPolicySettings.minimal());
        assertThat(minimal.check("2580", NO_BIRTH_DATE).accepted()).isTrue();
        assertThat(minimal.check("7890", NO_BIRTH_DATE).code()).isEqualTo("PIN_WRAP_AROUND_RUN");
    }

    @Test
    void refusedPatternSetIsConfigurable() {
        PinPolicy onlyAllSame = new PinPolicy(new PinPolicySettings(EnumSet.of(WeakPinPattern.ALL_SAME), Set.of()));
        assertThat(onlyAllSame.check("1111", NO_BIRTH_DATE).accepted()).isFalse();
        assertThat(onlyAllSame.check("1234", NO_BIRTH_DATE).accepted()).isTrue();
        assertThat(onlyAllSame.check("1212", NO_BIRTH_DATE).accepted()).isTrue();
        assertThat(onlyAllSame.check("0310", LocalDate.of(1980, 3, 10)).accepted()).isTrue();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource({"3952", "8146", "3852", "5031", "7294", "1357", "2468", "9630"})
    void acceptsOrdinaryPins(String pin) {
        PinCheck check = policy.check(pin, LocalDate.of(1980, 3, 10));
        assertThat(check.accepted()).isTrue();
        assertThat(check.code()).isEqualTo("PIN_ACCEPTABLE");
        check.orThrow();
    }

    // Born 1980-03-10 = 昭和55年3月10日; born 2001-12-05 = 平成13年12月5日; born 1989-01-07 = 昭和64年1月7日.
    @ParameterizedTest(name = "[{index}] born {0}, PIN {1} -> {2}")
    @CsvSource({
            "1980-03-10, 0310, PIN_BIRTH_MMDD",
            "1980-03-10, 1003, PIN_BIRTH_DDMM",
            "1980-03-10, 8003, PIN_BIRTH_YYMM",
            "1980-03-10, 0380, PIN_BIRTH_MMYY",
            "1980-03-10, 1980, PIN_BIRTH_YYYY",
            "1980-03-10, 5503, PIN_BIRTH_WAREKI_YYMM",
            "1980-03-10, 0355, PIN_BIRTH_WAREKI_MMYY",
            "2001-12-05, 1205, PIN_BIRTH_MMDD",
            "2001-12-05, 0512, PIN_BIRTH_DDMM",
            "2001-12-05, 0112, PIN_BIRTH_YYMM",
            "2001-12-05, 1201, PIN_BIRTH_MMYY",
            "2001-12-05, 2001, PIN_BIRTH_YYYY",
            "2001-12-05, 1312, PIN_BIRTH_WAREKI_YYMM",
            "2001-12-05, 1213, PIN_BIRTH_WAREKI_MMYY",
            "1989-01-07, 6401, PIN_BIRTH_WAREKI_YYMM",
            "1989-01-08, 0101, PIN_REPEATED_PAIR",
            "1975-11-22, 1122, PIN_DOUBLE_PAIR",
            "1975-11-23, 1123, PIN_BIRTH_MMDD",
            "1975-11-23, 2311, PIN_BIRTH_DDMM",
            "1975-11-23, 7511, PIN_BIRTH_YYMM",
            "1975-11-23, 1175, PIN_BIRTH_MMYY",
            "1975-11-23, 1975, PIN_BIRTH_YYYY",
            "2000-02-29, 0229, PIN_BIRTH_MMDD",
            "2000-02-29, 2902, PIN_BIRTH_DDMM",
            "1980-03-10, 3952, PIN_ACCEPTABLE",
            "1980-03-10, 0311, PIN_ACCEPTABLE",
            "1980-03-10, 1981, PIN_ACCEPTABLE",
    })
    void refusesPinsDerivedFromTheBirthDate(LocalDate birthDate, String pin, String code) {
        PinCheck check = policy.check(pin, birthDate);
        assertThat(check.code()).isEqualTo(code);
        assertThat(check.accepted()).isEqualTo(code.equals(PinCheck.ACCEPTABLE));
        if (code.startsWith("PIN_BIRTH_")) {
            // the message is built from the form's fixed description only, never from the PIN or the birth date
            assertThat(check.messageJa()).isEqualTo("生年月日から推測される番号（"
                    + BirthDatePinForm.valueOf(code.substring("PIN_BIRTH_".length())).ruleJa()
                    + "）は暗証番号に設定できません。");
        }
    }

    @Test
    void birthRulesAreSkippedWhenBirthDateIsUnknown() {
        assertThat(policy.check("1980", NO_BIRTH_DATE).accepted()).isTrue();
        assertThat(policy.check("1980", LocalDate.of(1980, 3, 10)).code()).isEqualTo("PIN_BIRTH_YYYY");
    }

    @Test
    void minimalSettingsDoNotRefuseJapaneseEraForms() {
        PinPolicy minimal = new PinPolicy(PinPolicySettings.minimal());
        assertThat(minimal.check("5503", LocalDate.of(1980, 3, 10)).accepted()).isTrue();
        assertThat(minimal.check("0310", LocalDate.of(1980, 3, 10)).code()).isEqualTo("PIN_BIRTH_MMDD");
    }

    @Test
    void requireAcceptableThrowsWithTheSameCode() {
        assertThatThrownBy(() -> policy.requireAcceptable("1234", null))
                .isInstanceOfSatisfying(DomainRuleViolation.class, e -> {
                    assertThat(e.code()).isEqualTo("PIN_ASCENDING_RUN");
                    assertThat(e.messageJa()).contains("設定できません");
                });
    }

    @Test
    void ruleTextListsEveryConfiguredRuleInJapanese() {
        String text = policy.ruleText();
        assertThat(text).startsWith("暗証番号は数字4桁です。")
                .contains("半角数字（0〜9）4桁")
                .contains("3回続けて間違える")
                .doesNotContain("null");
        for (WeakPinPattern p : WeakPinPattern.values()) {
            assertThat(text).contains(p.ruleJa());
        }
        for (BirthDatePinForm f : BirthDatePinForm.values()) {
            assertThat(text).contains(f.ruleJa());
        }
        assertThat(new PinPolicy(PinPolicySettings.minimal()).ruleText())
                .doesNotContain(WeakPinPattern.KEYPAD_COLUMN.ruleJa())
                .doesNotContain(BirthDatePinForm.WAREKI_YYMM.ruleJa());
    }
}
