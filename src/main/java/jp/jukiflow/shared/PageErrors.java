package jp.jukiflow.shared;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * For controllers of staff pages: a thing not found (404) or another municipality's data (403) answered with the
 * Japanese error page and the reason, instead of a stack trace or a bare status.
 */
public abstract class PageErrors {

    @ExceptionHandler(ResourceNotFound.class)
    protected ModelAndView notFound(ResourceNotFound e) {
        return errorPage(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(AccessDeniedException.class)
    protected ModelAndView denied(AccessDeniedException e) {
        return errorPage(HttpStatus.FORBIDDEN, e.getMessage());
    }

    protected static ModelAndView errorPage(HttpStatus status, String detail) {
        ModelAndView page = new ModelAndView("error", Map.of("status", status.value(), "detail", detail));
        page.setStatus(status);
        return page;
    }
}
