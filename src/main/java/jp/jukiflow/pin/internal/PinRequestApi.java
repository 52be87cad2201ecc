package jp.jukiflow.pin.internal;

import java.net.URI;
import java.time.Instant;

import io.swagger.v3.oas.annotations.Hidden;
import jp.jukiflow.card.PinPurpose;
import jp.jukiflow.pin.PinRequest;
import jp.jukiflow.pin.PinRequestStatus;
import jp.jukiflow.pin.PinRequests;
import jp.jukiflow.shared.ResourceNotFound;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Staff API of PIN requests (login; CSRF header for the POST): open a request for a card, and read its outcome —
 * OK / WRONG (attempts left) / LOCKED, PENDING or EXPIRED — never the PIN.
 */
@RestController
@RequestMapping(path = "/staff/pin-requests", produces = "application/json")
@Hidden
class PinRequestApi {

    private final PinRequests requests;

    PinRequestApi(PinRequests requests) {
        this.requests = requests;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Opened> open(@RequestBody OpenRequest body) {
        PinRequest r = requests.open(body.cardNumber(), body.purpose(), body.municipalityCode(), body.reference());
        String pad = PinRequests.pinPadPath(r.id());
        return ResponseEntity.created(URI.create("/staff/pin-requests/" + r.id()))
                .cacheControl(CacheControl.noStore())
                .body(new Opened(r.id(), pad, r.purpose(), r.expiresAt()));
    }

    @GetMapping("/{id}")
    ResponseEntity<PinRequestStatus> outcome(@PathVariable String id) {
        PinRequestStatus status = requests.outcome(id).orElseThrow(
                () -> new ResourceNotFound("PIN_REQUEST_NOT_FOUND", "この暗証番号の入力依頼は見つかりません。"));
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(status);
    }

    record OpenRequest(String cardNumber, PinPurpose purpose, String municipalityCode, String reference) {
    }

    record Opened(String id, String pinPadUrl, PinPurpose purpose, Instant expiresAt) {
    }
}
