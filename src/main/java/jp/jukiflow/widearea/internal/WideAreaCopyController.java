package jp.jukiflow.widearea.internal;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import jp.jukiflow.audit.AuditAction;
import jp.jukiflow.audit.AuditLog;
import jp.jukiflow.municipality.BusinessCalendar;
import jp.jukiflow.municipality.Municipality;
import jp.jukiflow.municipality.MunicipalityDirectory;
import jp.jukiflow.security.TenantAccess;
import jp.jukiflow.shared.PageErrors;
import jp.jukiflow.shared.ResourceNotFound;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The clerks' wide-area copies (form login, the issuing municipality only): {@code /staff/wide-area-copies} lists the
 * copies issued today, {@code /staff/wide-area-copies/{receiptNumber}.pdf} (also by process instance) downloads one.
 * Another municipality's copy answers 403, an unknown one 404. Every download is audited (READ).
 */
@Controller
class WideAreaCopyController extends PageErrors {

    static final String PATH = "/staff/wide-area-copies";
    private static final ZoneId JAPAN = BusinessCalendar.ZONE;

    private final WideAreaCopyStore store;
    private final TenantAccess tenants;
    private final AuditLog audit;
    private final MunicipalityDirectory directory;
    private final BusinessCalendar calendar;

    WideAreaCopyController(WideAreaCopyStore store, TenantAccess tenants, AuditLog audit,
                           MunicipalityDirectory directory, BusinessCalendar calendar) {
        this.store = store;
        this.tenants = tenants;
        this.audit = audit;
        this.directory = directory;
        this.calendar = calendar;
    }

    @GetMapping(PATH)
    String today(Model model) {
        TenantAccess.Scope scope = tenants.current();
        List<Municipality> mine = directory.all().stream().filter(m -> scope.includes(m.code().value())).toList();
        LocalDate today = calendar.today();
        var from = today.atStartOfDay(JAPAN).toInstant();
        var until = today.plusDays(1).atStartOfDay(JAPAN).toInstant();
        model.addAttribute("today", today);
        model.addAttribute("zone", JAPAN);
        model.addAttribute("municipalities", mine.stream().map(Municipality::name).collect(Collectors.joining("・")));
        model.addAttribute("copies", mine.stream()
                .flatMap(m -> store.issuedBetween(m.code().value(), from, until).stream())
                .sorted(Comparator.comparing(WideAreaCopyStore.IssuedCopy::createdAt)).toList());
        return "widearea/list";
    }

    @GetMapping(PATH + "/{receiptNumber}.pdf")
    @ResponseBody
    ResponseEntity<byte[]> pdf(@PathVariable String receiptNumber) {
        return download(store.find(receiptNumber).orElseThrow(WideAreaCopyController::notFound));
    }

    @GetMapping(PATH + "/by-process/{processInstanceId}.pdf")
    @ResponseBody
    ResponseEntity<byte[]> pdfOfCase(@PathVariable String processInstanceId) {
        return download(store.findByProcessInstance(processInstanceId).orElseThrow(WideAreaCopyController::notFound));
    }

    private ResponseEntity<byte[]> download(WideAreaCopyStore.IssuedCopy copy) {
        tenants.check(copy.municipalityCode());
        byte[] pdf = store.pdf(copy.receiptNumber()).orElseThrow(WideAreaCopyController::notFound);
        audit.record(AuditAction.READ, copy.municipalityCode(), null, HomeRegisterAnswers.PURPOSE,
                "交付した住民票の写しのPDFを表示（受付番号 " + copy.receiptNumber() + "）");
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .cacheControl(CacheControl.noStore())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename("住民票の写し-" + copy.receiptNumber() + ".pdf", StandardCharsets.UTF_8).build()
                        .toString())
                .body(pdf);
    }

    private static ResourceNotFound notFound() {
        return new ResourceNotFound("WIDE_AREA_COPY_NOT_FOUND", "この受付番号の住民票の写し（広域交付）は見つかりません。");
    }
}
