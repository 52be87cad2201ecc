package jp.jukiflow.metrics.internal;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import jp.jukiflow.municipality.BusinessCalendar;
import jp.jukiflow.municipality.Municipality;
import jp.jukiflow.municipality.MunicipalityDirectory;
import jp.jukiflow.security.TenantAccess;
import jp.jukiflow.shared.DomainRuleViolation;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The managers' dashboard: {@code /dashboard} for the municipalities the operator manages (admins: all, with a
 * selector), and each of its tables as CSV at {@code /dashboard/{table}.csv}. Anyone else gets 403.
 */
@Controller
class DashboardController {

    private final DashboardService dashboards;
    private final TenantAccess tenantAccess;
    private final MunicipalityDirectory municipalities;
    private final BusinessCalendar calendar;
    private final ObjectMapper json;

    DashboardController(DashboardService dashboards, TenantAccess tenantAccess, MunicipalityDirectory municipalities,
                        BusinessCalendar calendar, ObjectMapper json) {
        this.json = json;
        this.dashboards = dashboards;
        this.tenantAccess = tenantAccess;
        this.municipalities = municipalities;
        this.calendar = calendar;
    }

    @GetMapping("/dashboard")
    String page(@RequestParam(required = false) String municipality, @RequestParam(required = false) String from,
                @RequestParam(required = false) String to, Model model, HttpServletResponse response) {
        List<Municipality> allowed = allowedMunicipalities();
        String code = chosen(municipality, allowed);
        model.addAttribute("municipalities", allowed);
        model.addAttribute("municipality", code);
        try {
            DashboardPeriod period = period(from, to);
            Dashboard dashboard = dashboards.of(code, period);
            model.addAttribute("dashboard", dashboard);
            model.addAttribute("chartsJson", chartsJson(dashboard.charts()));
            // ISO dates for <input type="date"> (the view's conversion would write them the Japanese way)
            model.addAttribute("from", period.from().toString());
            model.addAttribute("to", period.to().toString());
        } catch (DomainRuleViolation e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("error", e.messageJa());
            model.addAttribute("errorCode", e.code());
            model.addAttribute("from", from);
            model.addAttribute("to", to);
        }
        return "dashboard/index";
    }

    /** Bad input on a CSV link: 400 with the Japanese reason and its code, nothing computed. */
    @ExceptionHandler(DomainRuleViolation.class)
    ResponseEntity<String> badInput(DomainRuleViolation e) {
        return ResponseEntity.badRequest().contentType(new MediaType("text", "plain", StandardCharsets.UTF_8))
                .body("入力内容に誤りがあります（" + e.code() + "）: " + e.messageJa());
    }

    @GetMapping("/dashboard/{table}.csv")
    ResponseEntity<byte[]> csv(@PathVariable String table, @RequestParam(required = false) String municipality,
                               @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        String code = chosen(municipality, allowedMunicipalities());
        DashboardPeriod period = period(from, to);
        Table found = dashboards.table(code, period, table)
                .orElseThrow(() -> new DomainRuleViolation("DASHBOARD_TABLE_UNKNOWN", "表「" + table + "」はありません。"));
        String filename = "jukiflow-" + table + "-" + code + "-" + period.from() + "-" + period.to() + ".csv";
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(CsvTable.of(found));
    }

    /** The charts' series as JSON for a script element: "</" escaped so no text can close the element. */
    private String chartsJson(Dashboard.Charts charts) {
        try {
            return json.writeValueAsString(charts).replace("</", "<\\/");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("charts not serialisable", e);
        }
    }

    private List<Municipality> allowedMunicipalities() {
        TenantAccess.Scope managed = tenantAccess.managed();
        List<Municipality> allowed = municipalities.all().stream().filter(m -> managed.includes(m.code().value()))
                .sorted(Comparator.comparing(m -> m.code().value())).toList();
        if (allowed.isEmpty()) {
            throw new AccessDeniedException("ダッシュボードは管理職とシステム管理者だけが見られます。");
        }
        return allowed;
    }

    private static String chosen(String municipality, List<Municipality> allowed) {
        if (municipality == null || municipality.isBlank()) {
            return allowed.get(0).code().value();
        }
        return allowed.stream().map(m -> m.code().value()).filter(municipality.trim()::equals).findFirst()
                .orElseThrow(() -> new AccessDeniedException(
                        "この市区町村（" + municipality.trim() + "）の集計を見る権限がありません。"));
    }

    private DashboardPeriod period(String from, String to) {
        LocalDate today = calendar.today();
        DashboardPeriod month = DashboardPeriod.monthOf(today);
        LocalDate start = date(from, month.from(), "開始日");
        LocalDate end = date(to, month.to(), "終了日");
        try {
            return new DashboardPeriod(start, end);
        } catch (IllegalArgumentException e) {
            throw new DomainRuleViolation("DASHBOARD_PERIOD_INVALID", e.getMessage());
        }
    }

    private static LocalDate date(String value, LocalDate fallback, String label) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new DomainRuleViolation("DASHBOARD_DATE_INVALID", label + "は 2026-11-01 のような形式で入力してください。");
        }
    }
}
