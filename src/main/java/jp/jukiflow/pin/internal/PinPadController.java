package jp.jukiflow.pin.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jp.jukiflow.card.CardNotUsable;
import jp.jukiflow.card.CardUsabilityCheck;
import jp.jukiflow.card.PinPurpose;
import jp.jukiflow.pin.PinCheckResult;
import jp.jukiflow.pin.PinRequest;
import jp.jukiflow.pin.PinRequests;
import jp.jukiflow.pin.PinVerification;
import jp.jukiflow.shared.DomainRuleViolation;
import jp.jukiflow.shared.ResourceNotFound;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The PIN pad: a page of its own that the clerk turns toward the resident. Big digit buttons, masked dots, the
 * digits kept only in the page's memory and sent once in a POST body (never in a URL, a cookie or the browser's
 * storage). The holder's name is not shown. Every page here is {@code Cache-Control: no-store}. A card that does not
 * identify its holder ({@code CardUsability}: 一時停止, 廃止, 返納, 失効, past its validity) gets no keypad at all: the
 * page says why and what the resident can do instead, before any digit is keyed.
 */
@Controller
class PinPadController {

    private final PinRequests requests;

    PinPadController(PinRequests requests) {
        this.requests = requests;
    }

    @ModelAttribute
    void noStore(HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Referrer-Policy", "no-referrer");
    }

    /** The clerk's form: which card, for which procedure. */
    @GetMapping("/staff/pin-requests/new")
    String newRequest(Model model) {
        model.addAttribute("purposes", PinPurpose.values());
        return "pinpad/new";
    }

    @PostMapping(path = "/staff/pin-requests", consumes = "application/x-www-form-urlencoded")
    String open(@RequestParam(required = false) String cardNumber, @RequestParam(required = false) PinPurpose purpose,
                @RequestParam(required = false) String reference, Model model, HttpServletResponse response) {
        try {
            PinRequest r = requests.open(cardNumber, purpose, null, reference);
            return "redirect:/staff/pin-pad/" + r.id();
        } catch (DomainRuleViolation | ResourceNotFound e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("purposes", PinPurpose.values());
            model.addAttribute("error", e.getMessage());
            model.addAttribute("cardNumber", cardNumber);
            return "pinpad/new";
        }
    }

    @GetMapping("/staff/pin-pad/{id}")
    String pad(@PathVariable String id, Model model, HttpServletResponse response) {
        PinRequest request = requests.get(id);
        if (request.completed()) {
            return "redirect:/staff/pin-pad/" + id + "/result";
        }
        CardUsabilityCheck usability = requests.usability(id);
        if (!usability.usable()) {
            return PinPadProblems.unusable(usability, model, response);
        }
        model.addAttribute("requestId", id);
        model.addAttribute("attemptsLeft", requests.attemptsLeftNow(id));
        return "pinpad/pad";
    }

    /**
     * Takes the PIN from the POST body. It is read from the request here rather than bound as a handler argument,
     * because Spring MVC logs handler arguments at TRACE level.
     */
    @PostMapping("/staff/pin-pad/{id}")
    String submit(@PathVariable String id, HttpServletRequest request, Model model, HttpServletResponse response) {
        try {
            requests.submit(id, request.getParameter("pin"));
            return "redirect:/staff/pin-pad/" + id + "/result";
        } catch (CardNotUsable e) {
            return PinPadProblems.unusable(e.check(), model, response);
        } catch (DomainRuleViolation e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("requestId", id);
            model.addAttribute("error", e.getMessage());
            if ("PIN_FORMAT".equals(e.code())) {
                model.addAttribute("attemptsLeft", requests.attemptsLeftNow(id));
                return "pinpad/pad";
            }
            return "pinpad/problem";
        }
    }

    @GetMapping("/staff/pin-pad/{id}/result")
    String result(@PathVariable String id, Model model) {
        PinRequest request = requests.get(id);
        if (request.outcome() == null) {
            return "redirect:/staff/pin-pad/" + id;
        }
        PinCheckResult result = new PinCheckResult(request.outcome(),
                request.attemptsLeft() == null ? 0 : request.attemptsLeft());
        model.addAttribute("requestId", id);
        model.addAttribute("outcome", result.outcome().name());
        model.addAttribute("message", result.messageJa());
        model.addAttribute("retry", result.outcome() == PinVerification.Outcome.WRONG && !request.completed());
        return "pinpad/result";
    }
}
