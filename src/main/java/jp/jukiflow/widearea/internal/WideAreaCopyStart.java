package jp.jukiflow.widearea.internal;

import static jp.jukiflow.widearea.WideAreaCopyVariables.*;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import jp.jukiflow.card.Card;
import jp.jukiflow.card.CardRegistry;
import jp.jukiflow.card.CardUsability;
import jp.jukiflow.card.PinPurpose;
import jp.jukiflow.municipality.BusinessCalendar;
import jp.jukiflow.municipality.CounterGuard;
import jp.jukiflow.municipality.LocalGovernmentCode;
import jp.jukiflow.municipality.Municipality;
import jp.jukiflow.municipality.MunicipalityDirectory;
import jp.jukiflow.municipality.Procedure;
import jp.jukiflow.register.ResidentCode;
import jp.jukiflow.shared.DomainRuleViolation;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * The start form 「住民票の写しの広域交付申請」 as filed at the counter, checked when the start event ends (bound as
 * {@code delegateExpression="${wideAreaCopyStart}"}, so that the clerk reads the message itself): the counter must be
 * open and accept the procedure, the home municipality must be another one, the requester identifiable there (住民票コード,
 * or 氏名 and 生年月日), the ID route complete (a card this system knows, or the type and number of a photo ID; a card that does
 * not identify its holder — 一時停止 (e.g. reported stolen), 廃止, 返納, 失効, past its validity: {@code CardUsability} — is
 * refused with the reason and the photo-ID alternative), the people to include 住民票コード or the whole household. Anything else refuses the start with a Japanese message. The
 * values are kept normalised; the case gets its request id as business key.
 */
@Component("wideAreaCopyStart")
class WideAreaCopyStart implements ExecutionListener {

    static final int MAX_PERSONS = 20;

    private final CounterGuard counters;
    private final CardRegistry cards;
    private final MunicipalityDirectory municipalities;
    private final BusinessCalendar calendar;

    WideAreaCopyStart(CounterGuard counters, CardRegistry cards, MunicipalityDirectory municipalities,
                      BusinessCalendar calendar) {
        this.calendar = calendar;
        this.municipalities = municipalities;
        this.counters = counters;
        this.cards = cards;
    }

    @Override
    public void notify(DelegateExecution execution) {
        String tenant = execution.getTenantId();
        if (tenant == null) {
            throw new DomainRuleViolation("MUNICIPALITY_REQUIRED",
                    "どの市区町村の窓口での申請かが分かりません。市区町村の職員として開始してください。");
        }
        counters.check(tenant, text(execution, OFFICE_ID), Procedure.WIDE_AREA_COPY);
        String homeText = text(execution, HOME_CODE);
        if (homeText == null) {
            throw new DomainRuleViolation("HOME_MUNICIPALITY_REQUIRED",
                    "住民票のある市区町村（住所地）の団体コードを入力してください。");
        }
        String home = LocalGovernmentCode.of(homeText).value();
        if (home.equals(tenant)) {
            throw new DomainRuleViolation("HOME_IS_HERE", "住所地がこの市区町村です。広域交付ではなく、"
                    + "通常の住民票の写しの交付として受け付けてください。");
        }
        String requesterCode = residentCode(text(execution, REQUESTER_RESIDENT_CODE), "請求者の住民票コード");
        String requesterName = text(execution, REQUESTER_NAME);
        LocalDate birthDate = date(execution.getVariable(REQUESTER_BIRTH_DATE));

        String route = text(execution, ID_ROUTE);
        String identification;
        if (ROUTE_CARD.equals(route)) {
            Card card = card(text(execution, CARD_NUMBER));
            CardUsability.requireUsable(card, PinPurpose.WIDE_AREA_COPY, calendar.today());
            if (requesterCode != null && !requesterCode.equals(card.holderResidentCode())) {
                throw new DomainRuleViolation("CARD_NOT_THE_REQUESTERS", "カード番号 " + card.number()
                        + " のカードは、入力された請求者の住民票コードの方のカードではありません。請求者本人のカードで確認してください。");
            }
            requesterCode = card.holderResidentCode();
            identification = card.type().labelJa() + "（カード番号 " + card.number() + "、暗証番号で確認）";
            execution.setVariable(CARD_NUMBER, card.number());
        } else if (ROUTE_PHOTO_ID.equals(route)) {
            identification = photoId(execution);
        } else {
            throw new DomainRuleViolation("ID_ROUTE_REQUIRED",
                    "本人確認の方法（カードと暗証番号、または写真付きの本人確認書類）を選んでください。");
        }
        if (requesterCode == null && (requesterName == null || birthDate == null)) {
            throw new DomainRuleViolation("REQUESTER_REQUIRED", "請求者の住民票コード、または氏名と生年月日を入力してください。"
                    + "住所地の市区町村が住民基本台帳で請求者を確認します。");
        }
        if (requesterName != null && !requesterName.strip().matches("\\S+[\\s\\u3000]+\\S+.*")) {
            throw new DomainRuleViolation("REQUESTER_NAME_FORMAT",
                    "請求者の氏名は、氏と名の間を空けて入力してください（例：奥尻 太郎）。");
        }
        boolean wholeHousehold = flag(execution, WHOLE_HOUSEHOLD);
        List<String> persons = persons(text(execution, PERSON_RESIDENT_CODES));
        if (wholeHousehold && !persons.isEmpty()) {
            throw new DomainRuleViolation("PERSONS_AMBIGUOUS", "「世帯全員」を選んだ場合は、記載する方の住民票コードを"
                    + "入力しないでください。一部の方だけの写しの場合は「世帯全員」を外してください。");
        }

        execution.setVariable(HOME_CODE, home);
        // the clerk's forms name the home municipality; its answer later brings the name it gives itself
        execution.setVariable(HOME_NAME, municipalities.find(LocalGovernmentCode.of(home)).map(Municipality::name)
                .orElse("市区町村コード " + home));
        execution.setVariable(REQUESTER_RESIDENT_CODE, requesterCode);
        execution.setVariable(REQUESTER_NAME, requesterName == null ? null : requesterName.strip());
        execution.setVariable(REQUESTER_BIRTH_DATE, birthDate == null ? null : birthDate.toString());
        execution.setVariable(ID_ROUTE, route);
        execution.setVariable(IDENTIFICATION, identification);
        execution.setVariable(PERSON_RESIDENT_CODES, String.join(",", persons));
        execution.setVariable(WHOLE_HOUSEHOLD, wholeHousehold);
        execution.setVariable(SHOW_RELATIONSHIP, flag(execution, SHOW_RELATIONSHIP));
        execution.setVariable(SHOW_RESIDENT_CODE, flag(execution, SHOW_RESIDENT_CODE));
        String requestId = tenant + "-WA-" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        execution.setVariable(REQUEST_ID, requestId);
        execution.setProcessBusinessKey(requestId);
    }

    private Card card(String number) {
        if (number == null) {
            throw new DomainRuleViolation("CARD_NUMBER_REQUIRED", "カードで本人確認をする場合は、カード番号を入力してください。");
        }
        return cards.find(number).orElseThrow(() -> new DomainRuleViolation("CARD_NOT_FOUND",
                "カード番号 " + number + " のカードは、このシステムに登録されていないため暗証番号を確認できません。"
                        + "カードの券面の番号を確認するか、写真付きの本人確認書類（運転免許証など）で受け付けてください。"));
    }

    private static String photoId(DelegateExecution execution) {
        String typeText = text(execution, PHOTO_ID_TYPE);
        PhotoId type = typeText == null ? null
                : Arrays.stream(PhotoId.values()).filter(t -> t.name().equals(typeText)).findFirst().orElse(null);
        if (type == null) {
            throw new DomainRuleViolation("PHOTO_ID_TYPE_REQUIRED",
                    "本人確認書類の種類（運転免許証、旅券、在留カード、その他）を選んでください。");
        }
        String name = text(execution, PHOTO_ID_NAME);
        if (type == PhotoId.OTHER && name == null) {
            throw new DomainRuleViolation("PHOTO_ID_NAME_REQUIRED", "「その他」の本人確認書類は、書類の名称を入力してください。");
        }
        String number = text(execution, PHOTO_ID_NUMBER);
        if (number == null) {
            throw new DomainRuleViolation("PHOTO_ID_NUMBER_REQUIRED", "本人確認書類の番号（記号番号）を入力してください。");
        }
        if (number.length() > 40) {
            throw new DomainRuleViolation("PHOTO_ID_NUMBER_TOO_LONG", "本人確認書類の番号は40文字以内で入力してください。");
        }
        return (type == PhotoId.OTHER ? name : type.label()) + "（番号 " + number + "）";
    }

    private static List<String> persons(String text) {
        List<String> codes = new ArrayList<>();
        if (text != null) {
            for (String part : text.split("[,、，\\s\\u3000]+")) {
                if (!part.isBlank()) {
                    String code = residentCode(part, "記載する方の住民票コード");
                    if (!codes.contains(code)) {
                        codes.add(code);
                    }
                }
            }
        }
        if (codes.size() > MAX_PERSONS) {
            throw new DomainRuleViolation("TOO_MANY_PERSONS",
                    "記載する方は" + MAX_PERSONS + "人までです。多い場合は「世帯全員」を選んでください。");
        }
        return codes;
    }

    private static String residentCode(String text, String label) {
        if (text == null) {
            return null;
        }
        try {
            return ResidentCode.of(text).value();
        } catch (DomainRuleViolation e) {
            throw new DomainRuleViolation(e.code(), label + "：" + e.messageJa());
        }
    }

    private static LocalDate date(Object value) {
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        if (value instanceof Date d) {
            return new java.sql.Date(d.getTime()).toLocalDate();
        }
        try {
            return LocalDate.parse(value.toString().strip().substring(0, Math.min(10, value.toString().strip().length())));
        } catch (DateTimeParseException e) {
            throw new DomainRuleViolation("REQUESTER_BIRTH_DATE_FORMAT",
                    "請求者の生年月日は「1980-04-01」の形で入力してください。");
        }
    }

    private static boolean flag(DelegateExecution execution, String name) {
        Object value = execution.getVariable(name);
        return value instanceof Boolean b ? b : value != null && Boolean.parseBoolean(value.toString().strip());
    }

    /** A text variable, stripped; {@code null} when absent or blank. */
    static String text(DelegateExecution execution, String name) {
        Object value = execution.getVariable(name);
        return value == null || value.toString().isBlank() ? null : value.toString().strip();
    }
}
