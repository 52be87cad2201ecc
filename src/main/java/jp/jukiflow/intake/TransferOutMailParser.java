package jp.jukiflow.intake;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jp.jukiflow.transferout.TransferOutForm;

/**
 * Reads a mailed special transfer-out (郵送による特例転出届) written in the label format of the README: one
 * {@code ラベル: 値} per line, an ASCII or full-width colon, surrounding spaces ignored, unknown lines and quoted
 * reply lines ({@code >}) ignored. Values stay text, as the resident wrote them, apart from a few normalisations
 * (dates to ISO, card type and continued use to their codes, the 1-based card holder number to the 0-based index);
 * the transfer-out validator judges them. Pure Java: no engine, no Spring, no mail classes.
 */
public final class TransferOutMailParser {

    public static final String PLANNED_MOVE_OUT_DATE = "転出予定日";
    public static final String MOVED_ON = "転出日";
    public static final String FILER_NAME = "届出人氏名";
    public static final String FILER_NAME_KANA = "届出人フリガナ";
    public static final String FILER_BIRTH_DATE = "届出人生年月日";
    public static final String FILER_RELATION = "届出人と異動者の関係";
    public static final String CURRENT_ADDRESS = "現住所";
    public static final String HEAD_OF_HOUSEHOLD = "現世帯主";
    public static final String NEW_MUNICIPALITY_CODE = "新住所の市区町村コード";
    public static final String NEW_ADDRESS = "新住所";
    public static final String NEW_HEAD_OF_HOUSEHOLD = "新世帯主";
    public static final String PHONE = "電話番号";
    public static final String EMAIL = "メールアドレス";
    public static final String CARD_TYPE = "カードの種類";
    public static final String CONTINUED_USE = "継続利用";
    public static final String CARD_HOLDER = "カードを持つ異動者";
    /** 異動者{n}氏名 and the other mover labels: prefix, number (1–10, also full-width), suffix. */
    public static final String MOVER_PREFIX = "異動者";
    public static final String MOVER_NAME = "氏名";
    public static final String MOVER_NAME_KANA = "フリガナ";
    public static final String MOVER_BIRTH_DATE = "生年月日";
    public static final String MOVER_SEX = "性別";
    public static final String MOVER_RELATIONSHIP = "続柄";

    /**
     * The most movers one mail may list. The form allows 10; numbers up to this bound are still read so that the
     * validator reports "too many movers" instead of a person being silently left out.
     */
    static final int MOVER_LABEL_LIMIT = 99;

    private static final List<String> FIXED_LABELS = List.of(PLANNED_MOVE_OUT_DATE, MOVED_ON, FILER_NAME,
            FILER_NAME_KANA, FILER_BIRTH_DATE, FILER_RELATION, CURRENT_ADDRESS, HEAD_OF_HOUSEHOLD,
            NEW_MUNICIPALITY_CODE, NEW_ADDRESS, NEW_HEAD_OF_HOUSEHOLD, PHONE, EMAIL, CARD_TYPE, CONTINUED_USE,
            CARD_HOLDER);
    private static final Pattern MOVER_LABEL = Pattern.compile(
            "異動者([0-9]{1,2})(氏名|フリガナ|生年月日|性別|続柄)");
    private static final Pattern WESTERN_DATE = Pattern.compile(
            "([0-9]{4})\\s*(?:-|/|年)\\s*([0-9]{1,2})\\s*(?:-|/|月)\\s*([0-9]{1,2})\\s*日?");
    private static final Pattern ERA_DATE = Pattern.compile(
            "(令和|平成|昭和|大正|R|H|S|T)\\s*([0-9]{1,2}|元)\\s*(?:年|\\.|/|-)\\s*([0-9]{1,2})\\s*(?:月|\\.|/|-)\\s*([0-9]{1,2})\\s*日?");
    private static final Map<String, Integer> ERA_START = Map.of(
            "令和", 2018, "R", 2018, "平成", 1988, "H", 1988, "昭和", 1925, "S", 1925, "大正", 1911, "T", 1911);

    /** Reads the body text of a mail from {@code senderAddress}. */
    public Result parse(String body, String senderAddress) {
        Map<String, String> values = labelledValues(body == null ? "" : body);
        if (!values.containsKey(PLANNED_MOVE_OUT_DATE) && !values.containsKey(moverLabel(1, MOVER_NAME))) {
            return new NotARequest("本文に「" + PLANNED_MOVE_OUT_DATE + "」と「" + moverLabel(1, MOVER_NAME)
                    + "」のどちらの項目も見つからなかったため、転出届として読み取れませんでした。");
        }
        int moverCount = 0;
        for (String label : values.keySet()) {
            Matcher m = MOVER_LABEL.matcher(label);
            if (m.matches()) {
                moverCount = Math.max(moverCount, Integer.parseInt(m.group(1)));
            }
        }
        List<TransferOutForm.Mover> movers = new ArrayList<>();
        for (int n = 1; n <= moverCount; n++) {
            movers.add(new TransferOutForm.Mover(values.get(moverLabel(n, MOVER_NAME)),
                    values.get(moverLabel(n, MOVER_NAME_KANA)), date(values.get(moverLabel(n, MOVER_BIRTH_DATE))),
                    values.get(moverLabel(n, MOVER_SEX)), values.get(moverLabel(n, MOVER_RELATIONSHIP))));
        }
        String filerName = values.get(FILER_NAME);
        String filerKana = values.get(FILER_NAME_KANA);
        String filerBirth = date(values.get(FILER_BIRTH_DATE));
        String filerRelation = values.get(FILER_RELATION);
        TransferOutForm.Filer filer = allNull(filerName, filerKana, filerBirth, filerRelation) ? null
                : new TransferOutForm.Filer(filerName, filerKana, filerBirth, filerRelation);
        String code = halfWidthDigits(values.get(NEW_MUNICIPALITY_CODE));
        String newAddress = values.get(NEW_ADDRESS);
        TransferOutForm.NewAddress destination = allNull(code, newAddress) ? null
                : new TransferOutForm.NewAddress(code, newAddress);
        String email = values.get(EMAIL);
        if (email == null && senderAddress != null && !senderAddress.isBlank()) {
            email = senderAddress.trim();
        }
        TransferOutForm form = new TransferOutForm(date(values.get(PLANNED_MOVE_OUT_DATE)), date(values.get(MOVED_ON)),
                filer, values.get(CURRENT_ADDRESS), values.get(HEAD_OF_HOUSEHOLD), destination,
                values.get(NEW_HEAD_OF_HOUSEHOLD), movers, cardHolderIndex(values.get(CARD_HOLDER)),
                cardType(values.get(CARD_TYPE)), continuedUse(values.get(CONTINUED_USE)),
                halfWidthDigits(values.get(PHONE)), email);
        return new Parsed(form);
    }

    /** The label of mover {@code n} (1-based), e.g. {@code 異動者1氏名}. */
    public static String moverLabel(int n, String suffix) {
        return MOVER_PREFIX + n + suffix;
    }

    /** Label → value of every recognised line; the first occurrence of a label wins. */
    static Map<String, String> labelledValues(String body) {
        Map<String, String> values = new HashMap<>();
        for (String rawLine : body.split("\\R")) {
            String line = strip(rawLine);
            if (line.isEmpty() || line.charAt(0) == '>' || line.charAt(0) == '＞') {
                continue;
            }
            int colon = firstColon(line);
            if (colon <= 0) {
                continue;
            }
            String label = canonicalLabel(strip(line.substring(0, colon)));
            if (label == null || values.containsKey(label)) {
                continue;
            }
            String value = strip(line.substring(colon + 1));
            // a blank template line does not count: a later line with a value may still fill the label
            if (!value.isEmpty()) {
                values.put(label, value);
            }
        }
        return values;
    }

    private static int firstColon(String line) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == ':' || c == '：') {
                return i;
            }
        }
        return -1;
    }

    /** The label as listed, or null for a line that is not one of ours. */
    private static String canonicalLabel(String label) {
        String candidate = halfWidthDigits(label);
        if (FIXED_LABELS.contains(candidate)) {
            return candidate;
        }
        Matcher m = MOVER_LABEL.matcher(candidate);
        if (m.matches()) {
            int n = Integer.parseInt(m.group(1));
            if (n >= 1 && n <= MOVER_LABEL_LIMIT) {
                return moverLabel(n, m.group(2));
            }
        }
        return null;
    }

    /** 2026-12-10, 2026/12/10, 2026年12月10日, 令和8年12月10日 → 2026-12-10; anything else stays as written. */
    static String date(String value) {
        if (value == null) {
            return null;
        }
        String text = halfWidthDigits(value);
        Matcher western = WESTERN_DATE.matcher(text);
        if (western.matches()) {
            return isoOrNull(Integer.parseInt(western.group(1)), western.group(2), western.group(3), value);
        }
        Matcher era = ERA_DATE.matcher(text);
        if (era.matches()) {
            int eraYear = "元".equals(era.group(2)) ? 1 : Integer.parseInt(era.group(2));
            return isoOrNull(ERA_START.get(era.group(1)) + eraYear, era.group(3), era.group(4), value);
        }
        return value;
    }

    private static String isoOrNull(int year, String month, String day, String asWritten) {
        try {
            return LocalDate.of(year, Integer.parseInt(month), Integer.parseInt(day)).toString();
        } catch (DateTimeException impossible) {
            return asWritten;
        }
    }

    static String cardType(String value) {
        if (value == null) {
            return null;
        }
        String v = value.replace(" ", "").replace("　", "");
        return switch (v) {
            case "住基カード", "住民基本台帳カード", "JUKI" -> "JUKI";
            case "マイナンバーカード", "個人番号カード", "MY_NUMBER" -> "MY_NUMBER";
            default -> value;
        };
    }

    static String continuedUse(String value) {
        if (value == null) {
            return null;
        }
        return switch (value.replace(" ", "").replace("　", "")) {
            case "希望する", "する", "はい", "true" -> "true";
            case "希望しない", "しない", "いいえ", "false" -> "false";
            default -> value;
        };
    }

    /** "1" (or "１", "1人目", "異動者1") → "0"; anything else stays as written. */
    static String cardHolderIndex(String value) {
        if (value == null) {
            return null;
        }
        Matcher m = Pattern.compile("(?:異動者)?([0-9]{1,2})(?:人目|番目|番)?").matcher(halfWidthDigits(value));
        if (m.matches()) {
            return String.valueOf(Integer.parseInt(m.group(1)) - 1);
        }
        return value;
    }

    static String halfWidthDigits(String value) {
        if (value == null) {
            return null;
        }
        StringBuilder sb = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= '０' && c <= '９') {
                sb.append((char) (c - '０' + '0'));
            } else if (c == '－' || c == '‐' || c == '−' || c == 'ー' && i > 0 && isDigit(value.charAt(i - 1))) {
                sb.append('-');
            } else if (c == '／') {
                sb.append('/');
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static boolean isDigit(char c) {
        return (c >= '0' && c <= '9') || (c >= '０' && c <= '９');
    }

    /** Trims ASCII and full-width spaces, tabs and the BOM. */
    private static String strip(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isSpace(s.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || c == '　' || c == '\u00a0' || c == '\ufeff';
    }

    private static boolean allNull(String... values) {
        for (String v : values) {
            if (v != null) {
                return false;
            }
        }
        return true;
    }

    /** What the parser made of a mail body. */
    public sealed interface Result permits Parsed, NotARequest {
    }

    /** A transfer-out request in the label format (possibly incomplete or wrong: the validator decides). */
    public record Parsed(TransferOutForm form) implements Result {
    }

    /** Not a request in the label format; {@code reason} says why, in Japanese, for the clerk. */
    public record NotARequest(String reason) implements Result {
    }
}
