package jp.jukiflow.intake.portal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import jp.jukiflow.municipality.Municipality;
import jp.jukiflow.transferout.FieldError;

/**
 * Everything the transfer-out form template shows: the municipality, the values typed so far, how many mover rows,
 * the one-time submission token, and the field errors — each next to its input and, as a link to that input, in the
 * summary at the top.
 */
public final class TransferOutPage {

    /** A message in the error summary and the input it links to. */
    public record ErrorLink(String message, String href) {
    }

    /** One radio button: the value sent and the Japanese label shown. */
    public record Choice(String value, String label) {
    }

    static final String ATTACHMENTS = "attachments";
    static final String MOVERS = "movers";
    private static final Pattern INDEXED = Pattern.compile("(movers|attachments)\\[(\\d+)](?:\\.(\\w+))?");
    private static final List<String> RADIO_GROUPS = List.of("filer.relation", "cardHolder", "cardType", "continuedUse");
    private static final List<Choice> RELATIONS = List.of(new Choice("本人", "本人（カードを持つ人）"),
            new Choice("世帯員", "世帯員（一緒に転出する世帯の人）"), new Choice("代理人", "代理人（委任状が必要です）"));
    private static final List<Choice> SEXES = List.of(new Choice("男", "男"), new Choice("女", "女"));
    private static final List<Choice> CARD_TYPES = List.of(new Choice("MY_NUMBER", "マイナンバーカード（個人番号カード）"),
            new Choice("JUKI", "住基カード（住民基本台帳カード）"));
    private static final List<Choice> CONTINUED_USE = List.of(new Choice("true", "希望する"), new Choice("false", "希望しない"));

    private final Municipality municipality;
    private final TransferOutEntry entry;
    private final int rows;
    private final String token;
    private final Map<String, List<String>> errors = new LinkedHashMap<>();
    private final List<ErrorLink> summary = new ArrayList<>();
    private boolean filesDropped;
    private String autofocus;

    TransferOutPage(Municipality municipality, TransferOutEntry entry, int rows, String token) {
        this.municipality = municipality;
        this.entry = entry;
        this.rows = Math.max(rows, entry.filledRows());
        this.token = token;
    }

    /** Adds the validator's (or the upload check's) errors, each at the input its JSON path names. */
    TransferOutPage withErrors(List<FieldError> fieldErrors) {
        for (FieldError e : fieldErrors) {
            String field = inputOf(e.field());
            String message = webMessage(field, e);
            errors.computeIfAbsent(field, f -> new ArrayList<>()).add(message);
            summary.add(new ErrorLink(message, "#" + anchor(field)));
        }
        return this;
    }

    /** The resident chose files, but the form came back: a browser never fills a file input again. */
    TransferOutPage withFilesDropped(boolean dropped) {
        this.filesDropped = dropped;
        return this;
    }

    /** An input to focus when the page opens (the first new row after 「異動者の欄を増やす」). */
    TransferOutPage withAutofocus(String inputName) {
        this.autofocus = inputName;
        return this;
    }

    public Municipality municipality() {
        return municipality;
    }

    public String token() {
        return token;
    }

    public int rows() {
        return rows;
    }

    public List<Integer> rowIndexes() {
        return IntStream.range(0, rows).boxed().toList();
    }

    public boolean canAddRows() {
        return rows < TransferOutEntry.MAX_ROWS;
    }

    public int maxRows() {
        return TransferOutEntry.MAX_ROWS;
    }

    public String mover(int row, String field) {
        return TransferOutEntry.mover(row, field);
    }

    /** An HTML id for an input name: {@code movers[1].birthDate} → {@code movers-1-birthDate}. */
    public String id(String name) {
        return name.replaceAll("[^A-Za-z0-9]+", "-").replaceAll("-$", "");
    }

    /** The id of the n-th (1-based) radio button of a group. */
    public String id(String name, int option) {
        return id(name) + "-" + option;
    }

    public String value(String name) {
        return entry.value(name);
    }

    public boolean checked(String name, String value) {
        return value.equals(entry.value(name));
    }

    public boolean hasErrors() {
        return !summary.isEmpty();
    }

    public boolean hasError(String name) {
        return errors.containsKey(name);
    }

    public List<String> errors(String name) {
        return errors.getOrDefault(name, List.of());
    }

    public List<ErrorLink> summary() {
        return summary;
    }

    public boolean filesDropped() {
        return filesDropped;
    }

    public boolean autofocus(String name) {
        return name.equals(autofocus);
    }

    /** The value of {@code aria-describedby}: the hint (if the input has one) and the error (if any); else null. */
    public String describedBy(String name, boolean hint) {
        List<String> ids = new ArrayList<>();
        if (hint) {
            ids.add(id(name) + "-hint");
        }
        if (hasError(name)) {
            ids.add(id(name) + "-error");
        }
        return ids.isEmpty() ? null : String.join(" ", ids);
    }

    /** The card holder by row: 「異動者1」 … for every row shown. */
    public List<Choice> cardHolderChoices() {
        return IntStream.rangeClosed(1, rows).mapToObj(n -> new Choice(String.valueOf(n), "異動者" + n)).toList();
    }

    public List<Choice> relations() {
        return RELATIONS;
    }

    public List<Choice> sexes() {
        return SEXES;
    }

    public List<Choice> cardTypes() {
        return CARD_TYPES;
    }

    public List<Choice> continuedUseChoices() {
        return CONTINUED_USE;
    }

    /** The input (or group) an error path belongs to. */
    static String inputOf(String path) {
        if (path == null || path.isBlank()) {
            return "";
        }
        if (path.equals("cardHolderIndex")) {
            return TransferOutEntry.CARD_HOLDER;
        }
        Matcher m = INDEXED.matcher(path);
        if (m.matches()) {
            if (m.group(1).equals(ATTACHMENTS)) {
                return ATTACHMENTS;
            }
            return TransferOutEntry.mover(Integer.parseInt(m.group(2)), m.group(3) == null ? "name" : m.group(3));
        }
        return path;
    }

    /** Where the summary link of an input's error points: the input itself, or the first button of a group. */
    String anchor(String input) {
        if (input.equals(MOVERS)) {
            return id(TransferOutEntry.mover(0, "name"));
        }
        if (input.equals(ATTACHMENTS)) {
            return "cardCopy";
        }
        if (RADIO_GROUPS.contains(input) || input.endsWith(".sex")) {
            return id(input, 1);
        }
        if (TransferOutEntry.FIELDS.contains(input) || input.startsWith("movers[")) {
            return id(input);
        }
        return "transfer-out-form";
    }

    /** The validator speaks to API clients in a few places (JUKI/MY_NUMBER, true/false); say it for the form. */
    private static String webMessage(String input, FieldError e) {
        if (!"INVALID_CHOICE".equals(e.code()) && !"CARD_HOLDER_INDEX".equals(e.code())) {
            return e.message();
        }
        return switch (input) {
            case "cardType" -> "カードの種類を選んでください。";
            case "continuedUse" -> "カードの継続利用を希望するかどうかを選んでください。";
            case "cardHolder" -> "カードを持つ異動者を、異動者の欄の番号で選んでください。";
            default -> e.message();
        };
    }
}
