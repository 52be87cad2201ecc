package jp.jukiflow.jukinet;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import jp.jukiflow.jukinet.internal.JukinetJson;

/**
 * 広域交付の回答: the home municipality answers a {@link WideAreaCopyRequest} from its register, automatically. An
 * answer carries only what the copy may show (docs/domain.md §7, §8) — by construction there is no place for 本籍, 筆頭者 or
 * the in-town address history, and the strict Juki-net JSON refuses such a field. A refusal carries only the reason.
 *
 * @param requestId            the {@link WideAreaCopyRequest#requestId()} answered
 * @param homeCode             住所地 (6-digit code), the sender
 * @param homeMunicipalityName e.g. 奥尻町, printed on the copy
 * @param issuingCode          交付地 (6-digit code), the receiver
 * @param outcome              answered or refused
 * @param refusalReason        why not (Japanese, for the counter), {@code null} when answered
 * @param address              住所 of the household, {@code null} when refused
 * @param householdHeadName    世帯主の氏名, {@code null} when refused
 * @param persons              the people of the copy, in the register's order; empty when refused
 * @param answeredAt           when the home municipality answered
 */
public record WideAreaCopyResponse(String requestId, String homeCode, String homeMunicipalityName, String issuingCode,
                                   Outcome outcome, String refusalReason, String address, String householdHeadName,
                                   List<Person> persons, Instant answeredAt) {

    /** Whether the home municipality gave the data. */
    public enum Outcome {
        ANSWERED,
        REFUSED
    }

    /**
     * One person as the copy shows them.
     *
     * @param sex              男 or 女
     * @param relationship     続柄, {@code null} when the copy does not show it
     * @param residentCode     住民票コード, {@code null} when the copy does not show it
     * @param becameResidentOn 住民となった年月日 when the register knows it, else {@code null}
     * @param addressSince     住所を定めた年月日 when the register knows it, else {@code null}
     */
    public record Person(String name, String nameKana, LocalDate birthDate, String sex, String relationship,
                         String residentCode, LocalDate becameResidentOn, LocalDate addressSince) {

        public Person {
            Payloads.requireText(name, "name");
            Payloads.requireText(nameKana, "nameKana");
            Objects.requireNonNull(birthDate, "birthDate");
            Payloads.requireText(sex, "sex");
        }
    }

    public WideAreaCopyResponse {
        Payloads.requireText(requestId, "requestId");
        Payloads.requireText(homeCode, "homeCode");
        Payloads.requireText(homeMunicipalityName, "homeMunicipalityName");
        Payloads.requireText(issuingCode, "issuingCode");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(answeredAt, "answeredAt");
        if (outcome == Outcome.ANSWERED) {
            Payloads.requireText(address, "address");
            persons = Payloads.requireNonEmpty(persons, "persons");
            if (refusalReason != null) {
                throw new IllegalArgumentException("An answered wide-area copy carries no refusal reason");
            }
        } else {
            Payloads.requireText(refusalReason, "refusalReason");
            if (persons != null && !persons.isEmpty() || address != null || householdHeadName != null) {
                throw new IllegalArgumentException("A refused wide-area copy carries no personal data");
            }
            persons = List.of();
        }
    }

    /** An answer with the data of the copy. */
    public static WideAreaCopyResponse answered(WideAreaCopyRequest request, String homeMunicipalityName,
                                                String address, String householdHeadName, List<Person> persons,
                                                Instant answeredAt) {
        return new WideAreaCopyResponse(request.requestId(), request.homeCode(), homeMunicipalityName,
                request.issuingCode(), Outcome.ANSWERED, null, address, householdHeadName, persons, answeredAt);
    }

    /** A refusal with its reason. */
    public static WideAreaCopyResponse refused(WideAreaCopyRequest request, String homeMunicipalityName,
                                               String reason, Instant answeredAt) {
        return new WideAreaCopyResponse(request.requestId(), request.homeCode(), homeMunicipalityName,
                request.issuingCode(), Outcome.REFUSED, reason, null, null, List.of(), answeredAt);
    }

    /** As Juki-net JSON, e.g. to keep it in a process variable. */
    public String toJson() {
        return JukinetJson.write(this);
    }

    /** Reads Juki-net JSON strictly (an unknown field such as 本籍 is refused); {@link IllegalArgumentException} else. */
    public static WideAreaCopyResponse fromJson(String json) {
        return JukinetJson.read(json, WideAreaCopyResponse.class);
    }
}
