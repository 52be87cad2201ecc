package jp.jukiflow.suspension.internal;

import static jp.jukiflow.suspension.CardSuspensionVariables.*;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jp.jukiflow.card.CardStatusConflict;
import jp.jukiflow.shared.DomainRuleViolation;
import jp.jukiflow.shared.InvalidInput;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The 24-hour line (マイナンバーカードの一時停止の24時間受付): {@code POST /api/v1/card-suspensions}, HTTP Basic, group
 * {@code callcenter} only (the security chain refuses everyone else with a 401/403 problem). Any hour, any day. The
 * card is suspended at once; the answer (201) carries the suspension number. An {@code Idempotency-Key} makes a retry
 * return the first answer. Refusals: 400 bad input, 404 unknown card, 409 card not suspendable.
 */
@RestController
@Tag(name = "カードの一時停止", description = "マイナンバーカードの一時停止（24時間受付・コールセンター用）")
class CardSuspensionApi {

    private final CardSuspensionService service;

    CardSuspensionApi(CardSuspensionService service) {
        this.service = service;
    }

    /** The report as the call centre sends it. Dates as strings, so that a bad one is named like any field. */
    record SuspensionRequest(String cardNumber, String reason, String reasonDetail, String lostOn,
                             String policeReceiptNumber, String reporterName, String reporterRelation,
                             String reporterPhone, String reporterEmail) {
    }

    record SuspensionView(String suspensionNumber, String cardNumber, String status, String statusLabel) {
    }

    @PostMapping(path = "/api/v1/card-suspensions", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "マイナンバーカードの一時停止の受付", description = "カードを直ちに一時停止し、一時停止番号を返します。")
    ResponseEntity<SuspensionView> report(@RequestBody SuspensionRequest request,
                                          @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        if (key != null && (key.isBlank() || key.length() > 200)) {
            throw new InvalidKey();
        }
        Map<String, Object> v = new HashMap<>();
        v.put(CARD_NUMBER, request.cardNumber());
        v.put(SUSPENSION_REASON, request.reason());
        v.put(REASON_DETAIL, request.reasonDetail());
        v.put(LOST_ON, request.lostOn());
        v.put(POLICE_RECEIPT_NUMBER, request.policeReceiptNumber());
        v.put(REPORTER_NAME, request.reporterName());
        v.put(REPORTER_RELATION, request.reporterRelation());
        v.put(REPORTER_PHONE, request.reporterPhone());
        v.put(RESIDENT_EMAIL, request.reporterEmail());
        CardSuspensionService.Receipt r = service.reportByCallCenter(v, key);
        return ResponseEntity.status(r.repeated() ? HttpStatus.OK : HttpStatus.CREATED)
                .body(new SuspensionView(r.suspensionNumber(), r.cardNumber(), r.status(), r.statusLabel()));
    }

    @ExceptionHandler({SuspensionConflict.class, CardStatusConflict.class})
    ResponseEntity<ProblemDetail> conflict(DomainRuleViolation e, HttpServletRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setTitle("一時停止できません");
        problem.setType(URI.create("urn:jukiflow:problem:" + e.code().toLowerCase().replace('_', '-')));
        problem.setInstance(URI.create(request.getRequestURI()));
        problem.setProperty("code", e.code());
        return ResponseEntity.status(HttpStatus.CONFLICT).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    static class InvalidKey extends InvalidInput {
        InvalidKey() {
            super("Idempotency-Key は1〜200文字で指定してください。");
        }

        @Override
        public List<Field> fields() {
            return List.of(new Field("Idempotency-Key", "INVALID_IDEMPOTENCY_KEY", getMessage()));
        }
    }
}
