package jp.jukiflow.widearea.internal;

import static jp.jukiflow.documents.JapaneseDates.wareki;
import static jp.jukiflow.widearea.WideAreaCopyVariables.*;

import java.util.List;

import jp.jukiflow.jukinet.WideAreaCopyResponse;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * 「交付内容の確認」 opens: the answered data as the clerk checks it against the requester (one line per person, dates in
 * 和暦), and the municipality's fee ({@code jukiflow.wide-area.fee.<code>}) as 「手数料 300円」. Bound as
 * {@code ${wideAreaCopyReview.prepare(execution)}} when the task starts.
 */
@Component("wideAreaCopyReview")
public class WideAreaCopyReview {

    private final WideAreaCopySettings settings;

    WideAreaCopyReview(WideAreaCopySettings settings) {
        this.settings = settings;
    }

    public void prepare(DelegateExecution execution) {
        WideAreaCopyResponse answer = CopyAnswer.of(execution);
        int fee = settings.feeOf(execution.getTenantId());
        execution.setVariable(FEE, fee);
        execution.setVariable(FEE_TEXT, "手数料 " + fee + "円");
        execution.setVariable(COPY_SUMMARY, summary(answer));
    }

    static String summary(WideAreaCopyResponse answer) {
        StringBuilder text = new StringBuilder();
        text.append("住所地：").append(answer.homeMunicipalityName()).append("（").append(answer.homeCode()).append("）\n");
        text.append("住所：").append(answer.address()).append('\n');
        text.append("世帯主：").append(answer.householdHeadName() == null ? "（記録なし）" : answer.householdHeadName())
                .append('\n');
        List<WideAreaCopyResponse.Person> persons = answer.persons();
        for (int i = 0; i < persons.size(); i++) {
            WideAreaCopyResponse.Person p = persons.get(i);
            text.append(i + 1).append(". ").append(p.name()).append("（").append(p.nameKana()).append("） ")
                    .append(wareki(p.birthDate())).append("生 ").append(p.sex());
            if (p.relationship() != null) {
                text.append(" 続柄：").append(p.relationship());
            }
            if (p.residentCode() != null) {
                text.append(" 住民票コード：").append(p.residentCode());
            }
            if (p.becameResidentOn() != null) {
                text.append(" 住民となった年月日：").append(wareki(p.becameResidentOn()));
            }
            text.append('\n');
        }
        return text.toString().strip();
    }
}
