package jp.jukiflow.municipality.internal;

import java.time.LocalDate;

/**
 * Vernal and autumnal equinox days (春分日・秋分日) by the standard approximation formula.
 *
 * <p>The law fixes 春分の日 and 秋分の日 as the equinox days; the official dates are announced in the
 * 官報 each February for the following year (国立天文台「暦要項」). This formula reproduces the announced
 * dates for 1900–2099 and is the usual prediction beyond the announced years.
 *
 * <p>Arithmetic is done in millionths with {@code long}s, so no floating-point rounding can move a day
 * (e.g. 2012's 秋分 is 22.999008, a hair below the boundary).
 */
public final class Equinox {

    private static final long SCALE = 1_000_000L;
    private static final long YEARLY_DRIFT = 242_194L; // 0.242194 days a year

    private Equinox() {
    }

    /** 春分日 (day in March) of the given year, 1900–2099. */
    public static LocalDate vernal(int year) {
        return LocalDate.of(year, 3, dayOfMonth(year, 20_843_100L, 20_835_700L));
    }

    /** 秋分日 (day in September) of the given year, 1900–2099. */
    public static LocalDate autumnal(int year) {
        return LocalDate.of(year, 9, dayOfMonth(year, 23_248_800L, 23_258_800L));
    }

    private static int dayOfMonth(int year, long constantFrom1980, long constantBefore1980) {
        if (year < 1900 || year > 2099) {
            throw new IllegalArgumentException("春分日・秋分日の計算は1900年から2099年までに対応しています（指定された年: " + year + "年）。");
        }
        long elapsed = year - 1980;
        long scaled;
        if (year >= 1980) {
            scaled = constantFrom1980 + YEARLY_DRIFT * elapsed - SCALE * (elapsed / 4);
        } else {
            // The 1900–1979 formula uses int((Y - 1983) / 4), i.e. truncation toward zero,
            // which is exactly Java's integer division.
            scaled = constantBefore1980 + YEARLY_DRIFT * elapsed - SCALE * ((year - 1983) / 4);
        }
        return (int) (scaled / SCALE); // scaled is positive, so division is floor
    }
}
