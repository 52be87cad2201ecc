package jp.jukiflow.transferout.internal;

import static jp.jukiflow.transferout.internal.TransferOutVariables.*;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jp.jukiflow.cases.CaseRegistry;
import jp.jukiflow.municipality.BusinessCalendar;
import jp.jukiflow.municipality.LocalGovernmentCode;
import jp.jukiflow.municipality.Municipality;
import jp.jukiflow.municipality.MunicipalityDirectory;
import jp.jukiflow.transferout.Attachment;
import jp.jukiflow.transferout.IntakeChannel;
import jp.jukiflow.transferout.TransferOutRequest;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Opens a case for a validated request: receipt number, status, stored request and documents, and the variables
 * the process starts with. Shared by every channel (the web and mail intake, and the clerk's paper entry).
 */
@Component
public class TransferOutCases {

    static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

    private final CaseRegistry cases;
    private final TransferOutCaseStore store;
    private final MunicipalityDirectory municipalities;
    private final BusinessCalendar calendar;
    private final TransferOutSettings settings;
    private final Clock clock;
    private final String publicBaseUrl;

    TransferOutCases(CaseRegistry cases, TransferOutCaseStore store, MunicipalityDirectory municipalities,
                     BusinessCalendar calendar, TransferOutSettings settings, Clock clock,
                     @Value("${jukiflow.public-base-url:http://localhost:8080}") String publicBaseUrl) {
        this.cases = cases;
        this.store = store;
        this.municipalities = municipalities;
        this.calendar = calendar;
        this.settings = settings;
        this.clock = clock;
        this.publicBaseUrl = publicBaseUrl(publicBaseUrl);
    }

    /**
     * The configured public base URL ({@code jukiflow.public-base-url}) without a trailing slash. Links in mails are
     * built from it alone, never from the host of a request (a mail is sent by a job, and a request's Host header is
     * the client's to choose).
     */
    static String publicBaseUrl(String configured) {
        String url = configured == null ? "" : configured.strip().replaceAll("/+$", "");
        if (!url.matches("https?://[^/\\s?#]+(/[^\\s?#]*)?")) {
            throw new IllegalStateException("jukiflow.public-base-url must be an absolute http(s) URL such as "
                    + "https://juki.example.lg.jp (without query or fragment), found: " + configured);
        }
        return url;
    }

    /** Stores the case (in the caller's transaction) and returns the variables to start the process with. */
    public Map<String, Object> open(String receiptNumber, Municipality municipality, TransferOutRequest request,
                                    IntakeChannel channel, List<Attachment> attachments, Instant arrivedAt,
                                    String sourceRef) {
        String code = municipality.code().value();
        cases.open(receiptNumber, code, TransferOutStatus.PROCEDURE, channel.name(), request.filer().birthDate(),
                TransferOutStatus.RECEIVED.name());
        store.insert(receiptNumber, code, sourceRef, arrivedAt, request);
        Map<String, Object> variables = variables(receiptNumber, municipality, request, channel, arrivedAt);
        StringBuilder documentNames = new StringBuilder();
        for (int i = 0; i < attachments.size(); i++) {
            Attachment a = attachments.get(i);
            cases.addDocument(receiptNumber, a.fileName(), a.contentType(), a.content());
            // also as a file variable, so that the clerk opens it from the review form in Tasklist
            String name = "document_" + (i + 1);
            variables.put(name, Variables.fileValue(a.fileName()).file(a.content()).mimeType(a.contentType()).create());
            documentNames.append(name).append('\t').append(a.fileName()).append('\n');
        }
        variables.put(DOCUMENT_NAMES, documentNames.toString());
        return variables;
    }

    public String nextReceiptNumber(String municipalityCode) {
        return cases.nextReceiptNumber(municipalityCode);
    }

    public Instant now() {
        return Instant.now(clock);
    }

    public LocalDate arrivalDay(Instant arrivedAt) {
        return arrivedAt.atZone(JAPAN).toLocalDate();
    }

    /** The status page of a case under the public base URL, as mails and the API's receipt name it. */
    public String statusUrl(String receiptNumber) {
        return publicBaseUrl + "/portal/requests/" + receiptNumber;
    }

    private Map<String, Object> variables(String receiptNumber, Municipality municipality, TransferOutRequest r,
                                          IntakeChannel channel, Instant arrivedAt) {
        LocalDate arrivedOn = arrivalDay(arrivedAt);
        Map<String, Object> v = new HashMap<>();
        v.put(MUNICIPALITY_CODE, municipality.code().value());
        v.put(MUNICIPALITY_NAME, municipality.name());
        v.put(RECEIPT_NUMBER, receiptNumber);
        v.put(CHANNEL, channel.name());
        v.put(CHANNEL_LABEL, channel.label());
        v.put(ARRIVED_ON, arrivedOn.toString());
        v.put(STATUS_URL, statusUrl(receiptNumber));
        LocalDate reviewDue = calendar.addBusinessDays(arrivedOn, settings.reviewBusinessDays());
        v.put(REVIEW_DUE, Date.from(reviewDue.atTime(17, 15).atZone(JAPAN).toInstant()));
        v.put(EMAIL, r.email());
        v.put(FILER_NAME, r.filer().name());
        v.put(PLANNED_MOVE_OUT_DATE, r.plannedMoveOutDate().toString());
        v.put(MOVED_ON, r.movedOn() == null ? null : r.movedOn().toString());
        v.put(DESTINATION_CODE, r.destinationCode() == null ? null : r.destinationCode().value());
        v.put(DESTINATION_NAME, destinationName(r.destinationCode()));
        v.put(NEW_ADDRESS, r.newAddress());
        v.put(MOVERS_SUMMARY, r.movers().stream()
                .map(m -> m.name() + "（" + m.nameKana() + "、" + m.birthDate() + "生、" + m.sex().label() + "、" + m.relationship() + "）")
                .collect(Collectors.joining("\n")));
        return v;
    }

    private String destinationName(LocalGovernmentCode code) {
        if (code == null) {
            return "国外";
        }
        return municipalities.find(code).map(m -> m.prefecture() + m.name()).orElse("団体コード " + code.value() + " の市区町村");
    }
}
