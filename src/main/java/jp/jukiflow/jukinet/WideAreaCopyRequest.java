package jp.jukiflow.jukinet;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import jp.jukiflow.jukinet.internal.JukinetJson;

/**
 * 広域交付の請求 (docs/domain.md §7): the issuing municipality, at whose counter the requester stands, asks the home
 * municipality for what a copy of the resident record may show. Only what the home municipality needs to find the
 * people and to decide: no ID document number, no address, nothing the copy would not show.
 *
 * @param requestId               the issuing case (its business key); the answer carries it back
 * @param issuingCode             交付地 (6-digit code), the sender
 * @param issuingMunicipalityName e.g. 函館市: the home municipality records it as the recipient of the data
 * @param homeCode                住所地 (6-digit code), the receiver
 * @param requesterResidentCode   住民票コード of the requester, or {@code null} when the counter identified the
 *                                requester by name and birth date (then both are required)
 * @param requesterName           氏名 of the requester, family name first (space between), or {@code null}
 * @param requesterBirthDate      生年月日 of the requester, or {@code null}
 * @param wholeHousehold          every resident of the requester's household
 * @param residentCodes           住民票コード of the people to include; empty (and not the whole household): the
 *                                requester alone
 * @param showRelationship        whether the copy shows 続柄
 * @param showResidentCode        whether the copy shows 住民票コード
 * @param requestedAt             when the counter sent the request
 */
public record WideAreaCopyRequest(String requestId, String issuingCode, String issuingMunicipalityName, String homeCode,
                                  String requesterResidentCode, String requesterName, LocalDate requesterBirthDate,
                                  boolean wholeHousehold, List<String> residentCodes, boolean showRelationship,
                                  boolean showResidentCode, Instant requestedAt) {

    public WideAreaCopyRequest {
        Payloads.requireText(requestId, "requestId");
        Payloads.requireText(issuingCode, "issuingCode");
        Payloads.requireText(issuingMunicipalityName, "issuingMunicipalityName");
        Payloads.requireText(homeCode, "homeCode");
        requesterResidentCode = blankToNull(requesterResidentCode);
        requesterName = blankToNull(requesterName);
        if (requesterResidentCode == null && (requesterName == null || requesterBirthDate == null)) {
            throw new IllegalArgumentException(
                    "A Juki-net payload needs requesterResidentCode or requesterName and requesterBirthDate");
        }
        residentCodes = residentCodes == null ? List.of() : residentCodes.stream().map(String::strip).distinct().toList();
        Objects.requireNonNull(requestedAt, "requestedAt");
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** As Juki-net JSON, e.g. to keep it in a process variable. */
    public String toJson() {
        return JukinetJson.write(this);
    }

    /** Reads Juki-net JSON strictly (an unknown field such as 本籍 is refused); {@link IllegalArgumentException} else. */
    public static WideAreaCopyRequest fromJson(String json) {
        return JukinetJson.read(json, WideAreaCopyRequest.class);
    }
}
