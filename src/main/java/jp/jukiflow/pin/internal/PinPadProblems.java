package jp.jukiflow.pin.internal;

import jakarta.servlet.http.HttpServletResponse;
import jp.jukiflow.card.CardUsabilityCheck;
import jp.jukiflow.shared.ResourceNotFound;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * The Japanese problem page of both PIN pads (verification and new PIN): an unknown request is 404, another
 * municipality's 403; never cached, since the pages are turned toward residents.
 */
@ControllerAdvice(assignableTypes = {PinPadController.class, NewPinPadController.class})
class PinPadProblems {

    @ExceptionHandler(ResourceNotFound.class)
    String notFound(ResourceNotFound e, Model model, HttpServletResponse response) {
        return problem(HttpStatus.NOT_FOUND, e.getMessage(), model, response);
    }

    @ExceptionHandler(AccessDeniedException.class)
    String denied(AccessDeniedException e, Model model, HttpServletResponse response) {
        return problem(HttpStatus.FORBIDDEN, e.getMessage(), model, response);
    }

    /** The card does not identify its holder: the reason and what to do instead, no keypad (400). */
    static String unusable(CardUsabilityCheck check, Model model, HttpServletResponse response) {
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        response.setHeader("Cache-Control", "no-store");
        model.addAttribute("check", check);
        return "pinpad/unusable";
    }

    static String problem(HttpStatus status, String message, Model model, HttpServletResponse response) {
        response.setStatus(status.value());
        response.setHeader("Cache-Control", "no-store");
        model.addAttribute("error", message);
        return "pinpad/problem";
    }
}
