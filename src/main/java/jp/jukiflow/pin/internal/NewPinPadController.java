package jp.jukiflow.pin.internal;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jp.jukiflow.card.CardNotUsable;
import jp.jukiflow.card.CardUsabilityCheck;
import jp.jukiflow.pin.NewPinRequest;
import jp.jukiflow.pin.NewPinRequests;
import jp.jukiflow.pin.NewPinResult;
import jp.jukiflow.shared.DomainRuleViolation;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The PIN pad in its "new PIN" mode: the resident keys the new PIN, then the same PIN again; both show only as dots,
 * the digits live only in the page's memory and are sent once in a POST body. A mismatch or a value the PIN policy
 * refuses comes back with the Japanese reason and the resident starts again. Every page is {@code no-store}. A card
 * that may not get a new PIN ({@code CardUsability}) gets no keypad: the reason and the alternative instead.
 */
@Controller
class NewPinPadController {

    private final NewPinRequests requests;

    NewPinPadController(NewPinRequests requests) {
        this.requests = requests;
    }

    @ModelAttribute
    void noStore(HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Referrer-Policy", "no-referrer");
    }

    @GetMapping("/staff/new-pin-pad/{id}")
    String pad(@PathVariable String id, Model model, HttpServletResponse response) {
        NewPinRequest request = requests.get(id);
        if (request.completed()) {
            return "redirect:/staff/new-pin-pad/" + id + "/result";
        }
        CardUsabilityCheck usability = requests.usability(id);
        if (!usability.usable()) {
            return PinPadProblems.unusable(usability, model, response);
        }
        return pad(id, model, (String) null);
    }

    /**
     * Takes both entries from the POST body; read from the request rather than bound as handler arguments, because
     * Spring MVC logs handler arguments at TRACE level.
     */
    @PostMapping("/staff/new-pin-pad/{id}")
    String submit(@PathVariable String id, HttpServletRequest request, Model model, HttpServletResponse response) {
        try {
            NewPinResult result = requests.submit(id, request.getParameter("pin"),
                    request.getParameter("pinConfirmation"));
            if (result.set()) {
                return "redirect:/staff/new-pin-pad/" + id + "/result";
            }
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("errorCode", result.code());
            return pad(id, model, result.messageJa());
        } catch (CardNotUsable e) {
            return PinPadProblems.unusable(e.check(), model, response);
        } catch (DomainRuleViolation e) {
            return PinPadProblems.problem(HttpStatus.BAD_REQUEST, e.getMessage(), model, response);
        }
    }

    @GetMapping("/staff/new-pin-pad/{id}/result")
    String result(@PathVariable String id, Model model) {
        NewPinRequest request = requests.get(id);
        if (!request.completed()) {
            return "redirect:/staff/new-pin-pad/" + id;
        }
        model.addAttribute("message", "新しい暗証番号を設定しました。カードのロックも解除されました。");
        return "pinpad/new-pin-result";
    }

    private String pad(String id, Model model, String error) {
        model.addAttribute("requestId", id);
        model.addAttribute("rules", List.of(requests.ruleText().split("\n")));
        model.addAttribute("error", error);
        return "pinpad/new-pin";
    }
}
