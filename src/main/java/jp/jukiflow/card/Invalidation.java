package jp.jukiflow.card;

import java.time.LocalDate;
import java.util.Objects;

/** An early invalidation of a card: the reason and the first day on which the card is no longer valid. */
public record Invalidation(InvalidationReason reason, LocalDate effectiveOn) {

    public Invalidation {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(effectiveOn, "effectiveOn");
    }
}
