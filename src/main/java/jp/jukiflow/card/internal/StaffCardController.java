package jp.jukiflow.card.internal;

import java.text.Normalizer;
import java.time.ZoneId;
import java.util.Arrays;

import jakarta.servlet.http.HttpServletResponse;
import jp.jukiflow.card.Card;
import jp.jukiflow.card.CardJurisdiction;
import jp.jukiflow.card.CardRegistry;
import jp.jukiflow.card.CardStatusConflict;
import jp.jukiflow.municipality.BusinessCalendar;
import jp.jukiflow.municipality.CounterGuard;
import jp.jukiflow.municipality.LocalGovernmentCode;
import jp.jukiflow.municipality.Municipality;
import jp.jukiflow.municipality.MunicipalityDirectory;
import jp.jukiflow.municipality.Procedure;
import jp.jukiflow.register.ResidentCode;
import jp.jukiflow.security.TenantAccess;
import jp.jukiflow.shared.DomainRuleViolation;
import jp.jukiflow.shared.PageErrors;
import jp.jukiflow.shared.ResourceNotFound;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The clerks' page of a card, {@code /staff/cards/{number}} (form login, the card's managing municipality only): type,
 * status, validity, managing municipality, the card events, and — while the card can still be returned — the 「返納」
 * form (reason, note, the counter — 受付窓口, blank: the main office — which must accept the return and be open now,
 * {@link CounterGuard}). A refusal (counter closed, already returned or 廃止, no reason …) shows the Japanese reason with 400 or 409 and
 * changes nothing; another municipality's card answers 403, an unknown one 404, on the shared error page.
 */
@Controller
class StaffCardController extends PageErrors {

    private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

    private final CardReturns returns;
    private final CardRegistry cards;
    private final CardExpiry expiry;
    private final MunicipalityDirectory municipalities;
    private final BusinessCalendar calendar;
    private final TenantAccess tenantAccess;
    private final CounterGuard counters;
    private final CardJurisdiction jurisdiction;

    StaffCardController(CardReturns returns, CardRegistry cards, CardExpiry expiry,
                        MunicipalityDirectory municipalities, BusinessCalendar calendar, TenantAccess tenantAccess,
                        CounterGuard counters, CardJurisdiction jurisdiction) {
        this.tenantAccess = tenantAccess;
        this.counters = counters;
        this.jurisdiction = jurisdiction;
        this.returns = returns;
        this.cards = cards;
        this.expiry = expiry;
        this.municipalities = municipalities;
        this.calendar = calendar;
    }

    /**
     * The clerks' card search: a card number opens its page, a 住民票コード lists the resident's cards that this
     * municipality manages; anything else is a 400 with the reason. Cards of other municipalities are not found.
     */
    @GetMapping("/staff/cards")
    String search(@RequestParam(required = false) String q, Model model, HttpServletResponse response) {
        model.addAttribute("q", q);
        // full-width letters and digits, spaces and hyphens as a clerk may type them
        String query = q == null ? "" : Normalizer.normalize(q, Normalizer.Form.NFKC).replaceAll("[\\s\\-‐－ー]", "");
        if (query.isEmpty()) {
            return "card/search";
        }
        if (query.matches("\\d{11}")) {
            try {
                String code = ResidentCode.of(query).value();
                model.addAttribute("results", returns.cardsOfResident(code));
                return "card/search";
            } catch (IllegalArgumentException | DomainRuleViolation e) {
                return searchError(model, response, "CARD_SEARCH_RESIDENT_CODE",
                        "住民票コード「" + query + "」は正しくありません（11桁の数字で、最後の1桁は検査数字です）。");
            }
        }
        if (query.matches("[A-Za-z0-9]{4,20}")) {
            String number = query.toUpperCase(java.util.Locale.ROOT);
            if (cards.find(number).filter(c -> jurisdiction.operatorMayAct(c, CardJurisdiction.Act.RETURN)).isPresent()) {
                return "redirect:/staff/cards/" + number;
            }
            response.setStatus(HttpStatus.NOT_FOUND.value());
            model.addAttribute("error", "カード番号「" + number + "」のカードは、この市区町村で管理するカードにありません。");
            model.addAttribute("errorCode", "CARD_NOT_FOUND");
            return "card/search";
        }
        return searchError(model, response, "CARD_SEARCH_QUERY",
                "カード番号（英数字）または住民票コード（11桁の数字）を入力してください。");
    }

    private static String searchError(Model model, HttpServletResponse response, String code, String message) {
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        model.addAttribute("error", message);
        model.addAttribute("errorCode", code);
        return "card/search";
    }

    @GetMapping("/staff/cards/{number}")
    String show(@PathVariable String number, @RequestParam(required = false) String done, Model model) {
        page(returns.card(number), model);
        if ("returned".equals(done)) {
            model.addAttribute("message", "カードの返納を受け付けました。電子証明書も失効しました。");
        }
        return "card/detail";
    }

    @PostMapping("/staff/cards/{number}/return")
    String returnCard(@PathVariable String number, @RequestParam(required = false) String reason,
                      @RequestParam(required = false) String note, @RequestParam(required = false) String officeId,
                      Model model, HttpServletResponse response) {
        try {
            counters.check(counterMunicipality(returns.card(number)), officeId, Procedure.CARD_RETURN);
            Card returned = returns.returnCard(number, reason(reason), note);
            return "redirect:/staff/cards/" + returned.number() + "?done=returned";
        } catch (DomainRuleViolation e) {
            response.setStatus(e instanceof CardStatusConflict ? HttpStatus.CONFLICT.value()
                    : HttpStatus.BAD_REQUEST.value());
            page(returns.card(number), model);
            model.addAttribute("error", e.getMessage());
            model.addAttribute("errorCode", e.code());
            model.addAttribute("reason", reason);
            model.addAttribute("note", note);
            model.addAttribute("officeId", officeId);
            return "card/detail";
        }
    }

    private static ReturnReason reason(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return Arrays.stream(ReturnReason.values()).filter(r -> r.name().equals(value.strip())).findFirst()
                .orElseThrow(() -> new DomainRuleViolation("RETURN_REASON_UNKNOWN",
                        "返納の理由は一覧から選んでください。"));
    }

    private void page(Card card, Model model) {
        model.addAttribute("card", card);
        model.addAttribute("events", cards.events(card.id()));
        model.addAttribute("municipality", municipalityName(card.managingMunicipalityCode()));
        model.addAttribute("lastValidDay", expiry.lastValidDay(card));
        model.addAttribute("pastValidity", expiry.lastValidDay(card).isBefore(calendar.today()));
        model.addAttribute("returnable", CardReturns.returnable(card.status()));
        model.addAttribute("reasons", ReturnReason.values());
        model.addAttribute("offices", counters.offices(counterMunicipality(card), Procedure.CARD_RETURN));
        model.addAttribute("zone", JAPAN);
    }

    /** The clerk's municipality, whose counter takes the return; the card's for an operator of several (admins). */
    private String counterMunicipality(Card card) {
        var scope = tenantAccess.current();
        return !scope.everything() && scope.tenantIds().size() == 1 ? scope.tenantIds().iterator().next()
                : card.managingMunicipalityCode();
    }

    private String municipalityName(String code) {
        try {
            return municipalities.find(LocalGovernmentCode.of(code)).map(Municipality::name).map(n -> n + "（" + code + "）")
                    .orElse(code);
        } catch (RuntimeException notACode) {
            return code;
        }
    }
}
