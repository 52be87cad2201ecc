package jp.jukiflow.intake.portal;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * The portal's own error page: an unknown or malformed municipality code is a Japanese 404 with the way back. An
 * upload over the size limits fails before any controller is chosen; {@code shared.web.WebErrorsOutsideControllers}
 * answers it with the Japanese error page and 413.
 */
@ControllerAdvice(assignableTypes = {TransferOutPortal.class, RequestStatusPage.class})
class PortalErrorPages {

    @ExceptionHandler(PortalNotFound.class)
    ModelAndView notFound(PortalNotFound e) {
        ModelAndView view = new ModelAndView("portal/not-found", HttpStatus.NOT_FOUND);
        view.addObject("message", e.getMessage());
        return view;
    }
}
