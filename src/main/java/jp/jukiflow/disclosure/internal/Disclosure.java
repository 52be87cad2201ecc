package jp.jukiflow.disclosure.internal;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;

import jp.jukiflow.audit.DisclosedProvision;

/** One generated disclosure: whose, by which municipality, when, and the provisions, newest first. */
public record Disclosure(String residentCode, String name, String nameKana, LocalDate birthDate, String municipalityCode,
                  String municipalityName, LocalDate generatedOn, Period retention, List<DisclosedProvision> lines) {

    public Disclosure {
        lines = List.copyOf(lines);
    }

    /** 7年, 18か月 … for the note on the retention. */
    public String retentionText() {
        if (retention.getMonths() == 0 && retention.getDays() == 0) {
            return retention.getYears() + "年";
        }
        return retention.toTotalMonths() + "か月" + (retention.getDays() > 0 ? retention.getDays() + "日" : "");
    }
}
