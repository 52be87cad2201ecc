package jp.jukiflow.jukinet;

import static jp.jukiflow.support.Towns.CHIYODA;
import static jp.jukiflow.support.Towns.HAKODATE;
import static jp.jukiflow.support.Towns.OKUSHIRI;

import java.time.LocalDate;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import jp.jukiflow.register.ResidentCode;

/** Sample payloads: a household of two moving from 奥尻町 (013676) to 函館市 (012025). */
final class JukinetSamples {


    static final String HEAD = ResidentCode.withCheckDigit("1234567890").value();
    static final String CHILD = ResidentCode.withCheckDigit("1234567891").value();

    private JukinetSamples() {
    }

    /** A receipt number no other test (or earlier run against the same PostgreSQL) uses. */
    static String newReceiptNumber() {
        return OKUSHIRI + "-2026-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static MoveOutCertificateInfo certificate(String receiptNumber) {
        return certificate(receiptNumber, OKUSHIRI, HAKODATE, "北海道函館市東雲町4番13号");
    }

    static MoveOutCertificateInfo certificate(String receiptNumber, String origin, String destination,
                                              String newAddress) {
        return new MoveOutCertificateInfo(receiptNumber, origin, destination, LocalDate.of(2026, 12, 1), null,
                newAddress, "奥尻 太郎",
                List.of(new MoveOutCertificateInfo.Mover(HEAD, "奥尻 太郎", "オクシリ タロウ", LocalDate.of(1980, 4, 2),
                                "MALE", "世帯主"),
                        new MoveOutCertificateInfo.Mover(CHILD, "奥尻 花子", "オクシリ ハナコ", LocalDate.of(2012, 2, 29),
                                "FEMALE", "子")),
                HEAD, "MY_NUMBER", true, LocalDate.of(2026, 12, 31));
    }

    /** A PIN hash as the origin keeps it (the format of PinHasher; not a hash of any PIN used here). */
    static final String PIN_HASH = "{pbkdf2}0f3c5a1e9d7b2c4a6e8f0a1b3c5d7e9f0a2b4c6d8e0f1a3b5c7d9e1f3a5b7c9d";

    /** The sample certificate carrying the card holder's card, as the origin sends it. */
    static MoveOutCertificateInfo certificateWithCard(String receiptNumber) {
        MoveOutCertificateInfo c = certificate(receiptNumber);
        return new MoveOutCertificateInfo(c.receiptNumber(), c.originCode(), c.destinationCode(),
                c.plannedMoveOutDate(), c.movedOn(), c.newAddress(), c.newHeadOfHousehold(), c.movers(),
                c.cardHolderResidentCode(), c.cardType(), c.continuedUse(), c.lastDayForTransferIn(),
                new MoveOutCertificateInfo.PresentedCard("123456789012", "MY_NUMBER", true, LocalDate.of(2024, 4, 1),
                        LocalDate.of(2034, 4, 2), "ACTIVE", OKUSHIRI, 4, PIN_HASH, 1, false));
    }

    static MoveInNotice notice(String receiptNumber) {
        return new MoveInNotice(receiptNumber, OKUSHIRI, HAKODATE, LocalDate.of(2026, 12, 3), List.of(HEAD, CHILD));
    }

    /** Every field name anywhere in a JSON tree. */
    static List<String> fieldNames(JsonNode node) {
        java.util.ArrayList<String> names = new java.util.ArrayList<>();
        collect(node, names);
        return names;
    }

    private static void collect(JsonNode node, List<String> names) {
        if (node.isObject()) {
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                String name = it.next();
                names.add(name);
                collect(node.get(name), names);
            }
        } else if (node.isArray()) {
            node.forEach(child -> collect(child, names));
        }
    }

    /** Field names that would carry 本籍 or 筆頭者, in any spelling we might use. */
    static final String FORBIDDEN_FIELD = "(?i).*(honseki|hittosha|domicile|registered_?domicile|familyhead|"
            + "family_?register|koseki|本籍|筆頭者).*";
}
