package jp.jukiflow.cases;

import java.time.LocalDate;
import java.util.List;

/**
 * A visit the resident still has to make at a counter, as the status page and the status API show it, e.g. the
 * special transfer-in (特例転入) after an accepted mailed transfer-out: the procedure, where, the last day and what to
 * bring. The texts are the procedure's own (the same the resident's mail says), already in Japanese.
 *
 * @param title        the procedure, e.g. 「転入の手続き（特例転入）」
 * @param where        where and how, e.g. 「新しい住所地の市区町村の窓口で、転入届をしてください。…」
 * @param lastDay      the last day of the procedure
 * @param lastDayText  the last day in Japanese, e.g. 「2027年1月4日（月）」
 * @param lastDayPassed whether the last day is over (in Japan)
 * @param lastDayNote  what else limits the last day, or empty
 * @param whatToBring  what to bring, one item each
 * @param notes        further notes (what to do when it is not possible, …)
 */
public record CounterVisit(String title, String where, LocalDate lastDay, String lastDayText, boolean lastDayPassed,
                           String lastDayNote, List<String> whatToBring, List<String> notes) {

    public CounterVisit {
        whatToBring = List.copyOf(whatToBring);
        notes = List.copyOf(notes);
    }
}
