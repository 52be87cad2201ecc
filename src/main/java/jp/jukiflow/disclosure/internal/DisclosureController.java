package jp.jukiflow.disclosure.internal;

import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jp.jukiflow.audit.DisclosedProvision;
import jp.jukiflow.documents.JapaneseDates;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The clerks' disclosure page {@code /staff/disclosures} (form login): a form for the 住民票コード, then the resident's
 * provisions in a table with the downloads {@code /staff/disclosures/pdf} and {@code /staff/disclosures/csv}. Only
 * residents of the clerk's municipality; a wrong code, an unknown person or another municipality's resident shows a
 * Japanese message (400 / 404, the same 404 for both of the latter), never a 500.
 */
@Controller
class DisclosureController {

    static final String PDF_NAME = "本人確認情報の提供状況開示";

    private final ProvisionDisclosures disclosures;
    private final DisclosurePdf pdf;

    DisclosureController(ProvisionDisclosures disclosures, DisclosurePdf pdf) {
        this.disclosures = disclosures;
        this.pdf = pdf;
    }

    @GetMapping("/staff/disclosures")
    String page(@RequestParam(required = false) String residentCode, Model model) {
        if (residentCode == null) {
            return "disclosure/index";
        }
        Disclosure d = disclosures.generate(residentCode);
        model.addAttribute("residentCode", d.residentCode());
        model.addAttribute("d", d);
        model.addAttribute("birthDate", JapaneseDates.wareki(d.birthDate()));
        model.addAttribute("generatedOn", JapaneseDates.wareki(d.generatedOn()));
        model.addAttribute("rows", rows(d.lines()));
        return "disclosure/index";
    }

    @GetMapping("/staff/disclosures/pdf")
    ResponseEntity<byte[]> pdf(@RequestParam(required = false) String residentCode) {
        if (!pdf.available()) {
            throw new DisclosureRefused(HttpStatus.SERVICE_UNAVAILABLE, "PDF_FONT_MISSING",
                    "PDFに使う日本語フォントが設定されていないため、PDFを作成できません。システム管理者に連絡してください（CSVは作成できます）。");
        }
        Disclosure d = disclosures.generate(residentCode);
        return download(pdf.render(d), MediaType.APPLICATION_PDF, fileName(d, "pdf"));
    }

    @GetMapping("/staff/disclosures/csv")
    ResponseEntity<byte[]> csv(@RequestParam(required = false) String residentCode) {
        Disclosure d = disclosures.generate(residentCode);
        return download(DisclosureCsv.of(d), new MediaType("text", "csv", StandardCharsets.UTF_8), fileName(d, "csv"));
    }

    @ExceptionHandler(DisclosureRefused.class)
    String refused(DisclosureRefused e, Model model, HttpServletRequest request, HttpServletResponse response) {
        response.setStatus(e.status().value());
        String input = request.getParameter("residentCode");
        model.addAttribute("residentCode", input == null ? null : input.strip());
        model.addAttribute("error", e.getMessage());
        model.addAttribute("errorCode", e.code());
        return "disclosure/index";
    }

    private static ResponseEntity<byte[]> download(byte[] body, MediaType type, String fileName) {
        return ResponseEntity.ok()
                .contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(body);
    }

    private static String fileName(Disclosure d, String extension) {
        return PDF_NAME + "_" + d.residentCode() + "_" + d.generatedOn() + "." + extension;
    }

    private static List<DisclosureRow> rows(List<DisclosedProvision> lines) {
        return lines.stream().map(l -> new DisclosureRow(JapaneseDates.wareki(l.providedOn()), l.recipient(), l.purpose(),
                String.join("、", l.items()), l.reference() == null ? "" : l.reference(), l.source().label())).toList();
    }
}
