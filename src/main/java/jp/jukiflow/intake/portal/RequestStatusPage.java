package jp.jukiflow.intake.portal;

import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jp.jukiflow.cases.CaseRegistry;
import jp.jukiflow.cases.TooManyLookups;
import jp.jukiflow.cases.CaseStatus;
import jp.jukiflow.cases.CounterVisit;
import jp.jukiflow.cases.LookupClient;
import jp.jukiflow.cases.ProcedureStatuses;
import jp.jukiflow.cases.StatusDescription;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The status page a resident follows a request on: the receipt number (受付番号) and the filer's birth date. An
 * unknown number and a wrong birth date give the same answer, so the page does not reveal which numbers exist.
 */
@Controller
@RequestMapping("/portal/requests")
class RequestStatusPage {

    static final Pattern RECEIPT_NUMBER = CaseRegistry.RECEIPT_NUMBER;
    static final String NOT_FOUND = "受付番号と生年月日に一致する申請が見つかりません。受付番号と、届出人の生年月日をご確認ください。";
    private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("uuuu年M月d日 H:mm");

    private final CaseRegistry cases;
    private final List<ProcedureStatuses> statuses;

    RequestStatusPage(CaseRegistry cases, List<ProcedureStatuses> statuses) {
        this.cases = cases;
        this.statuses = statuses;
    }

    /** The look-up form of the portal index: 受付番号 → its status page. */
    @GetMapping
    ModelAndView lookUp(@RequestParam(required = false) String receiptNumber) {
        String number = normalise(receiptNumber);
        if (number != null && RECEIPT_NUMBER.matcher(number).matches()) {
            return new ModelAndView("redirect:/portal/requests/" + number);
        }
        ModelAndView view = new ModelAndView("portal/request-lookup", HttpStatus.BAD_REQUEST);
        view.addObject("receiptNumber", receiptNumber);
        view.addObject("error", number == null ? "受付番号を入力してください。"
                : "受付番号は「013676-2026-000123」のように、数字6桁・4桁・6桁をハイフンでつないで入力してください。");
        return view;
    }

    @GetMapping("/{receiptNumber}")
    ModelAndView ask(@PathVariable String receiptNumber, @RequestParam(required = false) String birthDate,
                     HttpServletRequest request, HttpServletResponse response) {
        if (birthDate != null) {
            return show(receiptNumber, birthDate, request, response);
        }
        return view(receiptNumber, null, HttpStatus.OK);
    }

    /**
     * The status for the receipt number and birth date. Wrong birth dates count for the client (the remote address as
     * the servlet sees it) and for the number; see {@link CaseRegistry#findForFiler}. Refused: 429 with Retry-After.
     */
    @PostMapping("/{receiptNumber}")
    ModelAndView show(@PathVariable String receiptNumber, @RequestParam(required = false) String birthDate,
                      HttpServletRequest request, HttpServletResponse response) {
        String date = birthDate == null || birthDate.isBlank() ? null : TransferOutEntry.normaliseDate(birthDate);
        ModelAndView view = view(receiptNumber, date, HttpStatus.OK);
        if (date == null) {
            view.addObject("birthDateError", "届出人の生年月日を入力してください。");
            view.setStatus(HttpStatus.BAD_REQUEST);
            return view;
        }
        LocalDate birth;
        try {
            birth = LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            view.addObject("birthDateError", "生年月日「" + date + "」は正しい日付ではありません。例: 1980-04-01");
            view.setStatus(HttpStatus.BAD_REQUEST);
            return view;
        }
        Optional<CaseStatus> found;
        try {
            found = cases.findForFiler(normalise(receiptNumber), birth, LookupClient.of(request.getRemoteAddr()));
        } catch (TooManyLookups e) {
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, e.retryAfter().toSeconds())));
            view.addObject("notFound", e.getMessage());
            view.setStatus(HttpStatus.TOO_MANY_REQUESTS);
            return view;
        }
        if (found.isEmpty()) {
            view.addObject("notFound", NOT_FOUND);
            view.setStatus(HttpStatus.NOT_FOUND);
            return view;
        }
        CaseStatus c = found.get();
        Optional<ProcedureStatuses> procedure = statuses.stream().filter(s -> s.procedure().equals(c.procedure())).findFirst();
        StatusDescription text = procedure.flatMap(s -> s.describe(c.statusCode()))
                .orElse(new StatusDescription(c.procedure(), c.statusCode(), ""));
        view.addObject("status", new ShownStatus(c.receiptNumber(), text.procedureLabel(), text.label(), text.nextStep(),
                shown(c.createdAt()), shown(c.updatedAt()), procedure.flatMap(s -> s.counterVisit(c)).orElse(null)));
        return view;
    }

    /**
     * What the page shows of a case; nothing personal beyond what the resident already knows. {@code counterVisit}
     * (or null): the visit still to make, e.g. the special transfer-in with its last day and what to bring.
     */
    public record ShownStatus(String receiptNumber, String procedure, String label, String nextStep, String receivedAt,
                              String updatedAt, CounterVisit counterVisit) {
    }

    private ModelAndView view(String receiptNumber, String birthDate, HttpStatus status) {
        ModelAndView view = new ModelAndView("portal/request-status", status);
        view.addObject("receiptNumber", shownNumber(receiptNumber));
        view.addObject("birthDate", birthDate);
        return view;
    }

    private static String shownNumber(String receiptNumber) {
        String number = normalise(receiptNumber);
        return number == null || number.length() > 20 ? "（不明な受付番号）" : number;
    }

    private static String normalise(String receiptNumber) {
        if (receiptNumber == null || receiptNumber.isBlank()) {
            return null;
        }
        return Normalizer.normalize(receiptNumber, Normalizer.Form.NFKC).strip().replaceAll("[ー‐−―]", "-");
    }

    private static String shown(Instant instant) {
        return SHOWN.format(instant.atZone(JAPAN));
    }
}
