package jp.jukiflow.card.internal;

import java.time.ZoneId;
import java.util.Arrays;

import jakarta.servlet.http.HttpServletResponse;
import jp.jukiflow.card.Card;
import jp.jukiflow.card.CardExpiry;
import jp.jukiflow.card.CardRegistry;
import jp.jukiflow.card.CardReturns;
import jp.jukiflow.card.CardStatusConflict;
import jp.jukiflow.card.ReturnReason;
import jp.jukiflow.municipality.BusinessCalendar;
import jp.jukiflow.municipality.LocalGovernmentCode;
import jp.jukiflow.municipality.Municipality;
import jp.jukiflow.municipality.MunicipalityDirectory;
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
 * form (reason, note). A refusal (already returned or 廃止, no reason …) shows the Japanese reason with 400 or 409 and
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

    StaffCardController(CardReturns returns, CardRegistry cards, CardExpiry expiry,
                        MunicipalityDirectory municipalities, BusinessCalendar calendar) {
        this.returns = returns;
        this.cards = cards;
        this.expiry = expiry;
        this.municipalities = municipalities;
        this.calendar = calendar;
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
                      @RequestParam(required = false) String note, Model model, HttpServletResponse response) {
        try {
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
        model.addAttribute("zone", JAPAN);
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
