package jp.jukiflow.transferin.internal;

import org.springframework.stereotype.Component;

/**
 * Durations and counts the BPMN reads: {@code ${transferInTiming.certificateWait()}},
 * {@code ${transferInTiming.certificateWaitAttempts()}}.
 */
@Component("transferInTiming")
public class TransferInTiming {

    private final TransferInSettings settings;

    TransferInTiming(TransferInSettings settings) {
        this.settings = settings;
    }

    public String certificateWait() {
        return settings.certificateWait();
    }

    public int certificateWaitAttempts() {
        return settings.certificateWaitAttempts();
    }
}
