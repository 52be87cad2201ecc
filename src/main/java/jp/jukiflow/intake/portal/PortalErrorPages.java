package jp.jukiflow.intake.portal;

import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.ModelAndView;

/** The portal's error pages: in Japanese, with the way back, never a 500 for a resident's mistake. */
@ControllerAdvice(assignableTypes = {TransferOutPortal.class, RequestStatusPage.class})
class PortalErrorPages {

    private static final Logger log = LoggerFactory.getLogger(PortalErrorPages.class);

    @ExceptionHandler(PortalNotFound.class)
    ModelAndView notFound(PortalNotFound e) {
        ModelAndView view = new ModelAndView("portal/not-found", HttpStatus.NOT_FOUND);
        view.addObject("message", e.getMessage());
        return view;
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ModelAndView tooLarge(MaxUploadSizeExceededException e) {
        return new ModelAndView("portal/upload-refused", Map.of("tooLarge", true), HttpStatus.PAYLOAD_TOO_LARGE);
    }

    /** A multipart body Tomcat would not read (too many parts, a broken body): nothing was filed. */
    @ExceptionHandler(MultipartException.class)
    ModelAndView unreadable(MultipartException e) {
        log.info("Unreadable portal upload: {}", e.getMessage());
        return new ModelAndView("portal/upload-refused", Map.of("tooLarge", false), HttpStatus.BAD_REQUEST);
    }
}
