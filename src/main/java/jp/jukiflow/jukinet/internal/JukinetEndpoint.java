package jp.jukiflow.jukinet.internal;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jp.jukiflow.jukinet.Envelope;
import jp.jukiflow.jukinet.JukinetDeliveryException;
import jp.jukiflow.jukinet.MessageDirection;
import jp.jukiflow.municipality.LocalGovernmentCode;
import jp.jukiflow.municipality.MunicipalityDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The receiving end of Juki-net over HTTP: {@code POST /jukinet/v1/messages} with the envelope JSON
 * ({@link EnvelopeCodec}) signed by the sending municipality ({@link JukinetSignature}). Not behind the login: the
 * signature with the key shared with the claimed sender ({@code from}) authenticates it. Always active, whatever
 * {@code jukiflow.jukinet.transport} is: a deployment without peers simply refuses every sender.
 *
 * <p>Answers: 202 {@code HANDLED}/{@code NO_HANDLER}, 200 {@code ALREADY_RECEIVED} (a message id received before, not
 * handled again), otherwise a problem document with a stable code and a Japanese detail.
 */
@RestController
class JukinetEndpoint {

    private static final Logger log = LoggerFactory.getLogger(JukinetEndpoint.class);

    private final JukinetSettings settings;
    private final JukinetInbox inbox;
    private final JukinetMessageStore store;
    private final MunicipalityDirectory directory;
    private final Clock clock;

    JukinetEndpoint(JukinetSettings settings, JukinetInbox inbox, JukinetMessageStore store,
                    MunicipalityDirectory directory, Clock clock) {
        this.settings = settings;
        this.inbox = inbox;
        this.store = store;
        this.directory = directory;
        this.clock = clock;
    }

    @PostMapping(path = HttpTransport.PATH)
    ResponseEntity<?> receive(@RequestBody(required = false) byte[] body,
                              @RequestHeader(name = JukinetSignature.TIMESTAMP_HEADER, required = false) String timestamp,
                              @RequestHeader(name = JukinetSignature.SIGNATURE_HEADER, required = false) String signature) {
        if (body == null || body.length == 0) {
            return problem(HttpStatus.BAD_REQUEST, "JUKINET_MALFORMED", "メッセージの形式が正しくありません",
                    "メッセージの本文がありません。封筒（envelope）の JSON を送信してください。");
        }
        if (timestamp == null || signature == null) {
            return problem(HttpStatus.UNAUTHORIZED, "JUKINET_SIGNATURE_INVALID", "署名を確認できません",
                    "ヘッダー " + JukinetSignature.TIMESTAMP_HEADER + " と " + JukinetSignature.SIGNATURE_HEADER
                            + " を付けて送信してください。");
        }
        Instant sentAt;
        try {
            sentAt = JukinetSignature.parseTimestamp(timestamp);
        } catch (IllegalArgumentException e) {
            return problem(HttpStatus.BAD_REQUEST, "JUKINET_MALFORMED", "メッセージの形式が正しくありません",
                    "ヘッダー " + JukinetSignature.TIMESTAMP_HEADER + " は UNIX 時刻（秒）または ISO-8601 形式の日時で指定してください。");
        }
        Envelope envelope;
        try {
            envelope = EnvelopeCodec.fromJson(new String(body, java.nio.charset.StandardCharsets.UTF_8));
            LocalGovernmentCode.of(envelope.from());
            LocalGovernmentCode.of(envelope.to());
        } catch (RuntimeException e) {
            return problem(HttpStatus.BAD_REQUEST, "JUKINET_MALFORMED", "メッセージの形式が正しくありません",
                    "住基ネットの封筒（envelope）として読み取れません。messageId、type、from、to（6桁の団体コード）、"
                            + "correlationId、payload、sentAt を確認してください。");
        }
        Optional<JukinetSettings.Peer> peer = settings.peer(envelope.from());
        if (peer.isEmpty()) {
            log.warn("Juki-net id={} refused: unknown sender {}", envelope.messageId(), envelope.from());
            return problem(HttpStatus.FORBIDDEN, "JUKINET_UNKNOWN_PEER", "送信元を受け付けていません",
                    "送信元の市区町村（団体コード " + envelope.from() + "）は、このシステムの接続先として登録されていません。");
        }
        if (!JukinetSignature.matches(peer.get().sharedKey(), timestamp, body, signature)) {
            log.warn("Juki-net id={} refused: bad signature from {}", envelope.messageId(), envelope.from());
            return problem(HttpStatus.UNAUTHORIZED, "JUKINET_SIGNATURE_INVALID", "署名を確認できません",
                    "署名（" + JukinetSignature.SIGNATURE_HEADER + "）が送信元の市区町村（団体コード " + envelope.from()
                            + "）と共有する鍵で作られたものと一致しません。本文・日時・鍵を確認してください。");
        }
        if (!JukinetSignature.isFresh(sentAt, clock.instant(), settings.http().maxClockSkew())) {
            log.warn("Juki-net id={} refused: stale timestamp {}", envelope.messageId(), timestamp);
            return problem(HttpStatus.UNAUTHORIZED, "JUKINET_STALE", "送信日時が古いか先の日時です",
                    "送信日時（" + JukinetSignature.TIMESTAMP_HEADER + "）が現在から "
                            + settings.http().maxClockSkew().toMinutes() + " 分以上ずれているため受け付けません。"
                            + "送信側の時計を確認し、新しい日時で署名し直して送信してください。");
        }
        if (directory.find(LocalGovernmentCode.of(envelope.to())).isEmpty()) {
            return problem(HttpStatus.NOT_FOUND, "JUKINET_NOT_ADDRESSED_HERE", "宛先が違います",
                    "宛先の市区町村（団体コード " + envelope.to() + "）はこのシステムが担当する市区町村ではありません。");
        }
        ReceiveOutcome outcome;
        try {
            // the inbox hands the message over as the sender acting for the addressed municipality only
            outcome = inbox.receive(envelope);
        } catch (DataIntegrityViolationException e) {
            // the same message id arrived twice at once: the other request logged it
            if (!store.exists(envelope.messageId(), MessageDirection.RECEIVED)) {
                throw e;
            }
            outcome = ReceiveOutcome.DUPLICATE;
        } catch (JukinetDeliveryException e) {
            return problem(HttpStatus.BAD_REQUEST, e.code(), "メッセージを受け付けられません", e.getMessage());
        } catch (IllegalArgumentException e) {
            log.warn("Juki-net id={} refused: payload not accepted ({})", envelope.messageId(), e.getMessage());
            return problem(HttpStatus.BAD_REQUEST, "JUKINET_PAYLOAD_INVALID", "メッセージを受け付けられません",
                    "メッセージの内容（" + envelope.type().label() + "）を読み取れないか、受信側で受け付けられない内容です。");
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("messageId", envelope.messageId());
        if (outcome == ReceiveOutcome.DUPLICATE) {
            answer.put("outcome", "ALREADY_RECEIVED");
            answer.put("message", "このメッセージは受信済みです。再度は処理しません。");
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(answer);
        }
        answer.put("outcome", outcome.name());
        answer.put("message", "受信しました。");
        return ResponseEntity.status(HttpStatus.ACCEPTED).contentType(MediaType.APPLICATION_JSON).body(answer);
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String code, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setType(URI.create("urn:jukiflow:problem:" + code.toLowerCase().replace('_', '-')));
        problem.setInstance(URI.create(HttpTransport.PATH));
        problem.setProperty("code", code);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
