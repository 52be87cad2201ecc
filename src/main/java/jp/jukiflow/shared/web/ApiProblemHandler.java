package jp.jukiflow.shared.web;

import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;
import jp.jukiflow.shared.DomainRuleViolation;
import jp.jukiflow.shared.InvalidInput;
import jp.jukiflow.shared.ResourceNotFound;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Turns errors of the project's JSON API into RFC 9457 problem details with a Japanese {@code detail} and a stable
 * {@code code}. Bad input is a 4xx, never a 500.
 */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
public class ApiProblemHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiProblemHandler.class);

    @ExceptionHandler(DomainRuleViolation.class)
    ResponseEntity<ProblemDetail> ruleViolation(DomainRuleViolation e, HttpServletRequest request) {
        return problem(HttpStatus.BAD_REQUEST, e.code(), "入力内容に誤りがあります", e.getMessage(), request);
    }

    @ExceptionHandler(InvalidInput.class)
    ResponseEntity<ProblemDetail> invalidInput(InvalidInput e, HttpServletRequest request) {
        ResponseEntity<ProblemDetail> response = problem(HttpStatus.BAD_REQUEST, "INVALID_REQUEST", "入力内容に誤りがあります",
                e.getMessage() + " 各項目の内容を確認してください。", request);
        response.getBody().setProperty("errors", e.fields());
        return response;
    }

    @ExceptionHandler(ResourceNotFound.class)
    ResponseEntity<ProblemDetail> notFound(ResourceNotFound e, HttpServletRequest request) {
        return problem(HttpStatus.NOT_FOUND, e.code(), "見つかりません", e.getMessage(), request);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> accessDenied(AccessDeniedException e, HttpServletRequest request) {
        return problem(HttpStatus.FORBIDDEN, "ACCESS_DENIED", "権限がありません", e.getMessage(), request);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
        return problem(HttpStatus.BAD_REQUEST, "MALFORMED_JSON", "入力内容に誤りがあります",
                "送信されたデータを読み取れません。JSON の形式と各項目の型を確認してください。", request);
    }

    @ExceptionHandler(MissingServletRequestPartException.class)
    ResponseEntity<ProblemDetail> missingPart(MissingServletRequestPartException e, HttpServletRequest request) {
        return problem(HttpStatus.BAD_REQUEST, "MISSING_PART", "入力内容に誤りがあります",
                "「" + e.getRequestPartName() + "」の部分を送信してください。", request);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        return problem(HttpStatus.BAD_REQUEST, "INVALID_PARAMETER", "入力内容に誤りがあります",
                "パラメーター「" + e.getName() + "」の値「" + e.getValue() + "」は正しくありません。", request);
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ProblemDetail> missing(MissingServletRequestParameterException e, HttpServletRequest request) {
        return problem(HttpStatus.BAD_REQUEST, "MISSING_PARAMETER", "入力内容に誤りがあります",
                "パラメーター「" + e.getParameterName() + "」を指定してください。", request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
        log.error("Unexpected error on {} {}", request.getMethod(), request.getRequestURI(), e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR", "システムエラー",
                "システムで問題が発生しました。時間をおいて再度お試しください。解決しない場合は担当窓口へお問い合わせください。", request);
    }

    static ResponseEntity<ProblemDetail> problem(HttpStatusCode status, String code, String title, String detail,
                                                 HttpServletRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setType(URI.create("urn:jukiflow:problem:" + code.toLowerCase().replace('_', '-')));
        problem.setInstance(URI.create(request.getRequestURI()));
        problem.setProperty("code", code);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
