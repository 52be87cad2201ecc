package jp.jukiflow.pinreset.internal;

import java.nio.charset.StandardCharsets;

import jp.jukiflow.security.TenantAccess;
import jp.jukiflow.shared.ResourceNotFound;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The 照会書 PDF of a PIN reset for the clerk to print: login, and only for the municipality of the case. */
@RestController
class InquiryController {

    private final InquiryStore store;
    private final TenantAccess tenants;

    InquiryController(InquiryStore store, TenantAccess tenants) {
        this.store = store;
        this.tenants = tenants;
    }

    @GetMapping("/staff/pin-resets/{processInstanceId}/inquiry.pdf")
    ResponseEntity<byte[]> inquiry(@PathVariable String processInstanceId) {
        InquiryStore.Inquiry inquiry = store.findByProcessInstance(processInstanceId).orElseThrow(() ->
                new ResourceNotFound("INQUIRY_NOT_FOUND", "この暗証番号の再設定の照会書は見つかりません。"));
        tenants.check(inquiry.municipalityCode());
        byte[] pdf = store.pdf(processInstanceId).orElseThrow();
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .cacheControl(CacheControl.noStore())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename("照会書-" + inquiry.inquiryNumber() + ".pdf", StandardCharsets.UTF_8).build()
                        .toString())
                .body(pdf);
    }
}
