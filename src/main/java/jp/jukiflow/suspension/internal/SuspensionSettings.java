package jp.jukiflow.suspension.internal;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Settings of the card suspension ({@code jukiflow.card-suspension.*}, docs/domain.md §4 [design]):
 * {@code long-wait} — how long a suspension waits before the clerk task 「長期停止の確認」 (ISO 8601, default P30D);
 * {@code lift-pin-check} — whether lifting also needs the PIN (a PIN request answered OK), default off.
 * Bound in the BPMN as {@code ${cardSuspensionSettings.longWait()}}.
 */
@Component("cardSuspensionSettings")
public class SuspensionSettings {

    private final Duration longWait;
    private final boolean liftPinCheck;

    SuspensionSettings(@Value("${jukiflow.card-suspension.long-wait:P30D}") Duration longWait,
                       @Value("${jukiflow.card-suspension.lift-pin-check:false}") boolean liftPinCheck) {
        this.longWait = longWait;
        this.liftPinCheck = liftPinCheck;
    }

    /** The timer's duration as ISO 8601, e.g. {@code PT720H}. */
    public String longWait() {
        return longWait.toString();
    }

    public boolean liftPinCheck() {
        return liftPinCheck;
    }
}
