package jp.jukiflow.cases.internal;

import java.net.URI;
import jakarta.servlet.http.HttpServletRequest;
import jp.jukiflow.cases.TooManyLookups;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jp.jukiflow.cases.CaseRegistry;
import jp.jukiflow.cases.CaseStatus;
import jp.jukiflow.cases.CounterVisit;
import jp.jukiflow.cases.LookupClient;
import jp.jukiflow.cases.ProcedureStatuses;
import jp.jukiflow.cases.StatusDescription;
import jp.jukiflow.shared.DomainRuleViolation;
import jp.jukiflow.shared.ResourceNotFound;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Public API: the resident follows a request with its receipt number and the filer's birth date. An unknown number
 * and a wrong birth date give the same 404, so the API does not reveal which receipt numbers exist. Wrong birth dates
 * are counted per client (the remote address as the servlet sees it) and per number (see
 * {@link CaseRegistry#findForFiler}); a refused look-up is a 429 with {@code Retry-After}.
 */
@RestController
@RequestMapping(path = "/api/v1/requests", produces = "application/json")
@Tag(name = "申請の状況", description = "受付番号と届出人の生年月日で申請の状況を確認します")
class RequestStatusApi {

    private final CaseRegistry cases;
    private final List<ProcedureStatuses> statuses;

    RequestStatusApi(CaseRegistry cases, List<ProcedureStatuses> statuses) {
        this.cases = cases;
        this.statuses = statuses;
    }

    @GetMapping("/{receiptNumber}")
    @Operation(summary = "申請の状況")
    RequestStatusView status(@PathVariable @Parameter(example = "013676-2026-000123") String receiptNumber,
                             @RequestParam(required = false) @Parameter(description = "届出人の生年月日 YYYY-MM-DD") String birthDate,
                             HttpServletRequest request) {
        LocalDate birth = parse(birthDate);
        CaseStatus found = cases.findForFiler(receiptNumber, birth, LookupClient.of(request.getRemoteAddr()))
                .orElseThrow(() -> new ResourceNotFound("REQUEST_NOT_FOUND",
                        "受付番号と生年月日に一致する申請が見つかりません。受付番号と届出人の生年月日をご確認ください。"));
        Optional<ProcedureStatuses> procedure = statuses.stream().filter(s -> s.procedure().equals(found.procedure())).findFirst();
        StatusDescription text = procedure.flatMap(s -> s.describe(found.statusCode()))
                .orElse(new StatusDescription(found.procedure(), found.statusCode(), ""));
        return new RequestStatusView(found.receiptNumber(), text.procedureLabel(),
                new RequestStatusView.Status(found.statusCode(), text.label()), found.updatedAt(), text.nextStep(),
                procedure.flatMap(s -> s.counterVisit(found)).orElse(null));
    }

    /** 429 with Retry-After while the client or the receipt number is refused (too many wrong birth dates). */
    @ExceptionHandler(TooManyLookups.class)
    ResponseEntity<ProblemDetail> tooMany(TooManyLookups e, HttpServletRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, e.getMessage());
        problem.setTitle("しばらくお待ちください");
        problem.setType(URI.create("urn:jukiflow:problem:status-lookup-limited"));
        problem.setInstance(URI.create(request.getRequestURI()));
        problem.setProperty("code", e.code());
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, e.retryAfter().toSeconds())))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static LocalDate parse(String birthDate) {
        if (birthDate == null || birthDate.isBlank()) {
            throw new DomainRuleViolation("BIRTH_DATE_REQUIRED", "届出人の生年月日（birthDate）を YYYY-MM-DD 形式で指定してください。");
        }
        try {
            return LocalDate.parse(birthDate);
        } catch (DateTimeParseException e) {
            throw new DomainRuleViolation("INVALID_DATE", "生年月日「" + birthDate + "」は正しい日付ではありません。YYYY-MM-DD 形式で指定してください。");
        }
    }

    /**
     * The answer; {@code counterVisit} only while the resident still has to go to a counter (e.g. the special
     * transfer-in after an accepted mailed transfer-out: its last day and what to bring).
     */
    record RequestStatusView(String receiptNumber, String procedure, Status status, Instant updatedAt, String nextStep,
                             @JsonInclude(JsonInclude.Include.NON_NULL) CounterVisit counterVisit) {
        record Status(String code, String label) {
        }
    }
}
