package jp.jukiflow.transferout.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Date;

import org.springframework.stereotype.Component;

/** Date helpers for the BPMN timers and mails (bean {@code transferOutDates}). */
@Component("transferOutDates")
public class TransferOutDates {

    private final Clock clock;
    private final TransferOutSettings settings;

    TransferOutDates(Clock clock, TransferOutSettings settings) {
        this.clock = clock;
        this.settings = settings;
    }

    /** The end of a day in Japan (the timer of a deadline fires when the day is over). */
    public Date endOfDay(String isoDate) {
        return Date.from(LocalDate.parse(isoDate).atTime(LocalTime.MAX).atZone(TransferOutCases.JAPAN).toInstant());
    }

    /** The start of a day in Japan (the movers of a 国外転出 become 除票 when their move-out date begins). */
    public Date startOfDay(String isoDate) {
        return Date.from(LocalDate.parse(isoDate).atStartOfDay(TransferOutCases.JAPAN).toInstant());
    }

    /** The day by which a resident asked for something must answer. */
    public String answerBy() {
        return LocalDate.now(clock.withZone(TransferOutCases.JAPAN)).plusDays(settings.answerDays()).toString();
    }

    /** ISO-8601 durations of the waiting for an answer. */
    public String reminderAfter() {
        return "P" + settings.reminderDays() + "D";
    }

    public String closeAfter() {
        return "P" + settings.answerDays() + "D";
    }
}
