package jp.jukiflow.transferout.internal;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import jp.jukiflow.card.Card;
import jp.jukiflow.card.CardContinuations;
import jp.jukiflow.card.CardRegistry;
import jp.jukiflow.card.CardUsability;
import jp.jukiflow.municipality.BusinessCalendar;
import jp.jukiflow.municipality.MoveDeadlines;
import jp.jukiflow.register.Resident;
import jp.jukiflow.register.ResidentRegister;
import jp.jukiflow.register.ResidentStatus;
import jp.jukiflow.transferout.TransferOutRequest;
import org.springframework.stereotype.Component;

/**
 * Gathers the facts the route decision ({@code transfer-out-route}) needs: do the movers exist in our register,
 * did the request arrive within the window, is the card holder's card valid, is the destination abroad.
 */
@Component
class TransferOutCheck {

    static final String PURPOSE = "郵送による特例転出届の審査";

    private final ResidentRegister register;
    private final CardRegistry cards;
    private final BusinessCalendar calendar;
    private final TransferOutSettings settings;
    private final CardContinuations continuations;

    TransferOutCheck(ResidentRegister register, CardRegistry cards, BusinessCalendar calendar,
                     TransferOutSettings settings, CardContinuations continuations) {
        this.continuations = continuations;
        this.register = register;
        this.cards = cards;
        this.calendar = calendar;
        this.settings = settings;
    }

    record Facts(String registerMatch, String matchSummary, List<String> matchedResidentCodes, String cardHolderResidentCode,
                 String arrivalWindow, String cardState, boolean abroad, LocalDate lastDayForTransferIn) {
    }

    Facts check(String municipalityCode, TransferOutRequest request, LocalDate arrivedOn) {
        List<String> matched = new ArrayList<>();
        StringBuilder summary = new StringBuilder();
        String holderCode = null;
        for (int i = 0; i < request.movers().size(); i++) {
            TransferOutRequest.Mover m = request.movers().get(i);
            Optional<Resident> hit = match(municipalityCode, m, request.currentAddress());
            summary.append(m.name()).append("：").append(hit.map(r -> "一致（住民票コード " + r.code().value() + "）")
                    .orElse("住民記録に見当たりません")).append('\n');
            if (hit.isPresent()) {
                matched.add(hit.get().code().value());
                if (i == request.cardHolderIndex()) {
                    holderCode = hit.get().code().value();
                }
            }
        }
        String registerMatch = matched.isEmpty() ? "NONE" : matched.size() == request.movers().size() ? "ALL" : "PARTIAL";
        String cardState = holderCode == null ? "NOT_FOUND" : cardState(holderCode, request, arrivedOn);
        return new Facts(registerMatch, summary.toString().strip(), matched, holderCode, window(request, arrivedOn),
                cardState, request.destinationCode() == null, lastDayForTransferIn(request));
    }

    /** The last day of the special transfer-in: the earlier of planned + 30 days and move-in + 14 days, rolled. */
    LocalDate lastDayForTransferIn(TransferOutRequest request) {
        return new MoveDeadlines(calendar).specialTransferIn(request.plannedMoveOutDate(), request.movedOn()).lastDay();
    }

    private String window(TransferOutRequest request, LocalDate arrivedOn) {
        if (request.movedOn() != null
                && arrivedOn.isAfter(calendar.deadline(request.movedOn(), settings.acceptDaysAfterMove()))) {
            return "TOO_LATE";
        }
        return "IN_WINDOW";
    }

    private String cardState(String holderCode, TransferOutRequest request, LocalDate arrivedOn) {
        Optional<Card> card = cards.cardsOf(holderCode).stream()
                .filter(c -> c.type() == request.cardType())
                .max(Comparator.comparing(Card::issuedOn));
        if (card.isEmpty()) {
            return "NOT_FOUND";
        }
        Card c = card.get();
        if (continuations.pending(c.number()).isPresent()) {
            return "NOT_CONTINUED"; // another move before the continuation: the card lapses (docs/domain.md §3)
        }
        Resident holder = register.find(jp.jukiflow.register.ResidentCode.of(holderCode), PURPOSE).orElseThrow();
        String state = CardUsability.check(c, null, arrivedOn, holder.birthDate()).state();
        return "ABOLISHED".equals(state) ? "INVALID" : state;
    }

    private Optional<Resident> match(String municipalityCode, TransferOutRequest.Mover mover, String currentAddress) {
        String[] parts = mover.name().strip().split("[\\s\\u3000]+", 2);
        if (parts.length < 2) {
            return Optional.empty();
        }
        return register.match(municipalityCode, parts[0], parts[1], mover.birthDate(), PURPOSE).stream()
                .filter(r -> r.status() == ResidentStatus.RESIDENT)
                .filter(r -> normalise(r.address()).equals(normalise(currentAddress)))
                .findFirst();
    }

    static String normalise(String address) {
        return Normalizer.normalize(address, Normalizer.Form.NFKC).replaceAll("[\\s　]", "").replace("ー", "-").replace("−", "-");
    }
}
