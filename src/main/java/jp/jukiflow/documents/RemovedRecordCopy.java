package jp.jukiflow.documents;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What a copy of a 除票 (除票の写し, docs/domain.md §10) shows: the removed record as it stood — 氏名, フリガナ, 生年月日, 性別,
 * 住所, 世帯主, 続柄, 住民票コード — the reason and date of the removal and, for a 転出, the destination; {@code honseki} and
 * {@code hittosha} are null unless the requester asked for them (as for a 住民票の写し). Issued and certified by the
 * municipality that keeps the 除票.
 */
public record RemovedRecordCopy(String issueNumber, String municipalityName, String municipalityCode,
        String certifierTitle /* e.g. "奥尻町長" */, LocalDate issuedOn, String name, String nameKana,
        LocalDate birthDate, String sex, String address, String headOfHousehold, String relationship,
        String residentCode, boolean showHonseki, String honseki, String hittosha, String reason, LocalDate removedOn,
        String destination /* nullable */) {

    public RemovedRecordCopy {
        Objects.requireNonNull(issueNumber, "issueNumber");
        Objects.requireNonNull(municipalityName, "municipalityName");
        Objects.requireNonNull(certifierTitle, "certifierTitle");
        Objects.requireNonNull(issuedOn, "issuedOn");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(birthDate, "birthDate");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(removedOn, "removedOn");
        if (!showHonseki) {
            honseki = null;
            hittosha = null;
        }
    }
}
