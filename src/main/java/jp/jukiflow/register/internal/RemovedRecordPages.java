package jp.jukiflow.register.internal;

import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;
import jp.jukiflow.documents.JapaneseDates;
import jp.jukiflow.documents.RemovedRecordCopy;
import jp.jukiflow.documents.RemovedRecordCopyPdf;
import jp.jukiflow.register.RemovedRecord;
import jp.jukiflow.shared.DomainRuleViolation;
import jp.jukiflow.shared.PageErrors;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The clerks' pages of the 除票 (form login): {@code /staff/removed-records} finds the 除票 of a 住民票コード that this
 * municipality keeps (with the purpose of the look-up), {@code /staff/removed-records/{id}} shows one, and
 * {@code /staff/removed-records/{id}/copy.pdf} issues the 除票の写し (本籍・筆頭者 only when asked). Every read and every
 * copy is audited; another municipality's 除票 is a 404 like an unknown one; wrong input a 400 with the reason.
 */
@Controller
class RemovedRecordPages extends PageErrors {

    private final RemovedRecordQueries queries;
    private final RemovedRecordCopyPdf pdf;

    RemovedRecordPages(RemovedRecordQueries queries, RemovedRecordCopyPdf pdf) {
        this.queries = queries;
        this.pdf = pdf;
    }

    @GetMapping("/staff/removed-records")
    String search(@RequestParam(required = false) String residentCode, @RequestParam(required = false) String purpose,
                  Model model, HttpServletResponse response) {
        model.addAttribute("residentCode", residentCode);
        model.addAttribute("purpose", purpose);
        if (residentCode == null && purpose == null) {
            return "register/removed-records";
        }
        try {
            model.addAttribute("results", queries.ofResident(residentCode, purpose).stream().map(this::row).toList());
        } catch (DomainRuleViolation e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("error", e.messageJa());
            model.addAttribute("errorCode", e.code());
        }
        return "register/removed-records";
    }

    @GetMapping("/staff/removed-records/{id}")
    String show(@PathVariable String id, @RequestParam(required = false) String purpose, Model model) {
        RemovedRecord r = queries.one(id, purpose);
        model.addAttribute("r", r);
        model.addAttribute("row", row(r));
        model.addAttribute("purpose", purpose.strip());
        return "register/removed-record";
    }

    @GetMapping("/staff/removed-records/{id}/copy.pdf")
    ResponseEntity<byte[]> copy(@PathVariable String id, @RequestParam(required = false) String purpose,
                                @RequestParam(defaultValue = "false") boolean honseki) {
        if (!pdf.available()) {
            throw new DomainRuleViolation("PDF_FONT_MISSING",
                    "PDFに使う日本語フォントが設定されていないため、除票の写しを作成できません。システム管理者に連絡してください。");
        }
        RemovedRecordCopy copy = queries.copy(id, purpose, honseki);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(RemovedRecordCopyPdf.TITLE + "_" + copy.issueNumber() + ".pdf", StandardCharsets.UTF_8)
                        .build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(pdf.render(copy));
    }

    @org.springframework.web.bind.annotation.ExceptionHandler(DomainRuleViolation.class)
    ModelAndView refused(DomainRuleViolation e) {
        return errorPage(HttpStatus.BAD_REQUEST, e.messageJa());
    }

    private Row row(RemovedRecord r) {
        return new Row(r.id(), r.code().value(), r.name().full(), r.name().fullKana(), JapaneseDates.wareki(r.birthDate()),
                r.sex().label(), r.address(), r.headOfHousehold() == null ? "" : r.headOfHousehold(), r.relationship(),
                r.reason().label(), JapaneseDates.wareki(r.removedOn()),
                queries.destination(r) == null ? "" : queries.destination(r),
                queries.municipalityName(r.municipalityCode()));
    }

    record Row(long id, String residentCode, String name, String nameKana, String birthDate, String sex, String address,
               String headOfHousehold, String relationship, String reason, String removedOn, String destination,
               String municipalityName) {
    }
}
