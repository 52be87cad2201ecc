package jp.jukiflow.transferout.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The [design] settings of the mailed special transfer-out (docs/domain.md §1).
 *
 * @param acceptDaysBefore    a request may arrive this many days before the planned date at the earliest (some
 *                            towns take one month)
 * @param acceptDaysAfterMove and at the latest this many days after the move (later: only the ordinary route)
 * @param reviewBusinessDays  the clerk's review is due this many business days after arrival
 * @param answerDays          a resident asked for something missing has this many days to answer
 * @param reminderDays        a reminder goes out after this many days without an answer
 */
@ConfigurationProperties("jukiflow.transfer-out")
public record TransferOutSettings(@DefaultValue("14") int acceptDaysBefore,
                                  @DefaultValue("14") int acceptDaysAfterMove,
                                  @DefaultValue("3") int reviewBusinessDays,
                                  @DefaultValue("14") int answerDays,
                                  @DefaultValue("7") int reminderDays) {
}
