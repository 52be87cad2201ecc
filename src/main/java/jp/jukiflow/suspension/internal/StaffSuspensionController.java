package jp.jukiflow.suspension.internal;

import jakarta.servlet.http.HttpServletResponse;
import jp.jukiflow.municipality.CounterGuard;
import jp.jukiflow.municipality.Procedure;
import jp.jukiflow.shared.DomainRuleViolation;
import jp.jukiflow.shared.ResourceNotFound;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The clerks' page of a suspension, {@code /staff/card-suspensions/{number}} (form login, own municipality only):
 * what was reported, and — while the card waits — the two counter actions Tasklist cannot offer, because they end a
 * wait on messages: 「発見・解除」 (card presented, photo ID checked) and 「廃止届」. Each button correlates the message
 * the process waits for, at the counter the clerk chose (受付窓口, blank: the main office; {@link CounterGuard}); a
 * refusal (counter closed or not accepting, already lifted or abolished by a colleague, missing ID …) shows the Japanese reason
 * with 400 or 409 and changes nothing. {@code /staff/card-suspensions?q=} finds one by its number or the card number.
 */
@Controller
class StaffSuspensionController {

    private final CardSuspensionService service;
    private final SuspensionSettings settings;
    private final CounterGuard counters;

    StaffSuspensionController(CardSuspensionService service, SuspensionSettings settings, CounterGuard counters) {
        this.service = service;
        this.settings = settings;
        this.counters = counters;
    }

    @GetMapping("/staff/card-suspensions")
    String search(@RequestParam(required = false) String q, Model model, HttpServletResponse response) {
        if (q == null || q.isBlank()) {
            return "suspension/search";
        }
        String query = q.strip();
        try {
            Suspension s = query.startsWith("S-") ? service.get(query) : service.openForCard(query);
            return "redirect:/staff/card-suspensions/" + s.number();
        } catch (ResourceNotFound e) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            model.addAttribute("error", e.getMessage());
            model.addAttribute("q", query);
            return "suspension/search";
        }
    }

    @GetMapping("/staff/card-suspensions/{number}")
    String show(@PathVariable String number, @RequestParam(required = false) String done, Model model) {
        page(service.get(number), model);
        if ("lifted".equals(done)) {
            model.addAttribute("message", "一時停止を解除しました。カードは再び使えます。");
        } else if ("abolished".equals(done)) {
            model.addAttribute("message", "カードを廃止しました。");
        }
        return "suspension/detail";
    }

    @PostMapping("/staff/card-suspensions/{number}/lift")
    String lift(@PathVariable String number, @RequestParam(defaultValue = "false") boolean cardPresented,
                @RequestParam(required = false) String identityDocument,
                @RequestParam(required = false) String pinRequestId, @RequestParam(required = false) String note,
                @RequestParam(required = false) String officeId, Model model, HttpServletResponse response) {
        try {
            service.lift(number, cardPresented, identityDocument, pinRequestId, note, officeId);
            return "redirect:/staff/card-suspensions/" + number + "?done=lifted";
        } catch (DomainRuleViolation e) {
            return refused(number, e, model, response);
        }
    }

    @PostMapping("/staff/card-suspensions/{number}/abolish")
    String abolish(@PathVariable String number, @RequestParam(required = false) String identityDocument,
                   @RequestParam(required = false) String note, @RequestParam(required = false) String officeId,
                   Model model, HttpServletResponse response) {
        try {
            service.abolish(number, identityDocument, note, officeId);
            return "redirect:/staff/card-suspensions/" + number + "?done=abolished";
        } catch (DomainRuleViolation e) {
            return refused(number, e, model, response);
        }
    }

    private String refused(String number, DomainRuleViolation e, Model model, HttpServletResponse response) {
        boolean conflict = e instanceof SuspensionConflict || e instanceof jp.jukiflow.card.CardStatusConflict;
        response.setStatus(conflict ? HttpStatus.CONFLICT.value() : HttpStatus.BAD_REQUEST.value());
        page(service.get(number), model);
        model.addAttribute("error", e.getMessage());
        model.addAttribute("errorCode", e.code());
        return "suspension/detail";
    }

    /** The suspension and, for the two counter actions, the offices of the municipality that accept each. */
    private void page(Suspension s, Model model) {
        model.addAttribute("s", s);
        model.addAttribute("pinCheck", settings.liftPinCheck());
        model.addAttribute("liftOffices", counters.offices(s.municipalityCode(), Procedure.SUSPENSION_LIFT));
        model.addAttribute("abolishOffices", counters.offices(s.municipalityCode(), Procedure.CARD_ABOLITION));
    }

    @ExceptionHandler(ResourceNotFound.class)
    String notFound(ResourceNotFound e, Model model, HttpServletResponse response) {
        response.setStatus(HttpStatus.NOT_FOUND.value());
        model.addAttribute("error", e.getMessage());
        return "suspension/search";
    }

    @ExceptionHandler(AccessDeniedException.class)
    String denied(AccessDeniedException e, Model model, HttpServletResponse response) {
        response.setStatus(HttpStatus.FORBIDDEN.value());
        model.addAttribute("error", e.getMessage());
        return "suspension/search";
    }
}
