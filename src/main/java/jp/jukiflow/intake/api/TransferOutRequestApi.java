package jp.jukiflow.intake.api;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jp.jukiflow.municipality.LocalGovernmentCode;
import jp.jukiflow.municipality.MunicipalityDirectory;
import jp.jukiflow.transferout.Attachment;
import jp.jukiflow.transferout.FieldError;
import jp.jukiflow.transferout.IntakeChannel;
import jp.jukiflow.transferout.InvalidTransferOutRequest;
import jp.jukiflow.transferout.Receipt;
import jp.jukiflow.transferout.TransferOutForm;
import jp.jukiflow.transferout.TransferOutIntake;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Public API: a resident (or an app on their behalf) files a mailed special transfer-out. JSON, or multipart with
 * a {@code request} JSON part and up to 5 {@code attachments}. An {@code Idempotency-Key} makes a retry return the
 * first answer without a second case.
 */
@RestController
@Tag(name = "郵送による特例転出", description = "転出届（特例転出）の受付")
class TransferOutRequestApi {

    private final TransferOutIntake intake;
    private final MunicipalityDirectory municipalities;
    private final ObjectMapper json;

    TransferOutRequestApi(TransferOutIntake intake, MunicipalityDirectory municipalities, ObjectMapper json) {
        this.intake = intake;
        this.municipalities = municipalities;
        this.json = json;
    }

    @PostMapping(path = "/api/v1/municipalities/{code}/transfer-out-requests", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "転出届（特例転出）の受付", description = "受付番号を返し、受付確認のメールを送ります。")
    ResponseEntity<ReceiptView> submit(@PathVariable @Parameter(example = "013676") String code,
                                       @RequestBody TransferOutForm form,
                                       @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        return accept(code, form, List.of(), idempotencyKey);
    }

    @PostMapping(path = "/api/v1/municipalities/{code}/transfer-out-requests", consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "転出届（特例転出）の受付（添付書類つき）")
    ResponseEntity<ReceiptView> submitWithAttachments(@PathVariable String code,
                                                      @RequestPart("request") String request,
                                                      @RequestPart(name = "attachments", required = false) List<MultipartFile> attachments,
                                                      @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey)
            throws java.io.IOException {
        TransferOutForm form = json.readValue(request, TransferOutForm.class);
        List<FieldError> errors = new ArrayList<>();
        List<Attachment> files = UploadedFiles.read(attachments, errors);
        if (!errors.isEmpty()) {
            throw new InvalidTransferOutRequest(errors);
        }
        return accept(code, form, files, idempotencyKey);
    }

    private ResponseEntity<ReceiptView> accept(String code, TransferOutForm form, List<Attachment> files, String key) {
        municipalities.require(LocalGovernmentCode.of(code));
        if (key != null && (key.isBlank() || key.length() > 200)) {
            throw new InvalidTransferOutRequest(List.of(new FieldError("Idempotency-Key", "INVALID_IDEMPOTENCY_KEY",
                    "Idempotency-Key は1〜200文字で指定してください。")));
        }
        Receipt receipt = intake.submit(code, form, IntakeChannel.WEB, files, null, key == null ? null : "api:" + key);
        return ResponseEntity.created(URI.create("/api/v1/requests/" + receipt.receiptNumber()))
                .body(new ReceiptView(receipt.receiptNumber(), receipt.statusCode(), receipt.statusLabel(), receipt.statusUrl()));
    }

    record ReceiptView(String receiptNumber, String status, String statusLabel, String statusUrl) {
    }
}
