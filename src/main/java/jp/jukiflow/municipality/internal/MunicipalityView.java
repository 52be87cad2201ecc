package jp.jukiflow.municipality.internal;

import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;

import jp.jukiflow.municipality.Municipality;
import jp.jukiflow.municipality.Office;
import jp.jukiflow.municipality.Procedure;

/** JSON shape of a municipality in the public API. */
record MunicipalityView(String code, String name, String nameKana, String prefecture, List<OfficeView> offices) {

    static MunicipalityView of(Municipality m) {
        return new MunicipalityView(m.code().value(), m.name(), m.nameKana(), m.prefecture(),
                m.offices().stream().map(OfficeView::of).toList());
    }

    record OfficeView(String id, String name, boolean main, HoursView hours, List<ProcedureView> procedures) {
        static OfficeView of(Office o) {
            List<String> days = o.hours().openDays().stream().sorted().map(DayOfWeek::name).toList();
            String daysJa = o.hours().openDays().stream().sorted()
                    .map(d -> d.getDisplayName(TextStyle.SHORT, Locale.JAPAN)).reduce((a, b) -> a + "・" + b).orElse("");
            HoursView hours = new HoursView(o.hours().opening().toString(), o.hours().closing().toString(), days,
                    daysJa + " " + o.hours().opening() + "〜" + o.hours().closing() + "（祝日・年末年始を除く）");
            return new OfficeView(o.id(), o.name(), o.main(), hours,
                    o.procedures().stream().sorted().map(ProcedureView::of).toList());
        }
    }

    record HoursView(String opensAt, String closesAt, List<String> openDays, String description) {
    }

    record ProcedureView(String code, String name) {
        static ProcedureView of(Procedure p) {
            return new ProcedureView(p.name(), p.label());
        }
    }
}
