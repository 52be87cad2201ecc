package jp.jukiflow.shared.web;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Errors that happen before any controller is chosen: an unknown URL, an upload over the size limit. The JSON API
 * answers them as problem details in Japanese; pages get the Japanese error page with the right status.
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class WebErrorsOutsideControllers {

    @ExceptionHandler(NoResourceFoundException.class)
    Object notFound(NoResourceFoundException e, HttpServletRequest request) {
        return answer(request, HttpStatus.NOT_FOUND, "NOT_FOUND", "見つかりません",
                "指定されたURLは存在しません。URLを確認してください。");
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    Object tooLarge(MaxUploadSizeExceededException e, HttpServletRequest request) {
        return answer(request, HttpStatus.PAYLOAD_TOO_LARGE, "PAYLOAD_TOO_LARGE", "ファイルが大きすぎます",
                "添付ファイルは1ファイル10MB、合計5ファイルまでです。");
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    Object unsupported(HttpMediaTypeNotSupportedException e, HttpServletRequest request) {
        return answer(request, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "UNSUPPORTED_MEDIA_TYPE", "送信形式に対応していません",
                "application/json または multipart/form-data で送信してください。");
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    Object notAcceptable(HttpMediaTypeNotAcceptableException e, HttpServletRequest request) {
        return answer(request, HttpStatus.NOT_ACCEPTABLE, "NOT_ACCEPTABLE", "応答形式に対応していません",
                "この API は JSON（application/json）で応答します。");
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    Object method(HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
        return answer(request, HttpStatus.METHOD_NOT_ALLOWED, "METHOD_NOT_ALLOWED", "この操作はできません",
                "このURLでは " + e.getMethod() + " は使えません。");
    }

    private static Object answer(HttpServletRequest request, HttpStatus status, String code, String title, String detail) {
        String path = request.getRequestURI();
        if (path.startsWith("/api/") || path.startsWith("/staff/api/")) {
            return ApiProblemHandler.problem(status, code, title, detail, request);
        }
        ModelAndView page = new ModelAndView("error", Map.of("status", status.value(), "detail", detail));
        page.setStatus(status);
        return page;
    }
}
