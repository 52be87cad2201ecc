package jp.jukiflow.transferin.internal;

import org.springframework.stereotype.Component;

/** Durations the BPMN reads: {@code ${transferInTiming.certificateWait()}}. */
@Component("transferInTiming")
public class TransferInTiming {

    private final TransferInSettings settings;

    TransferInTiming(TransferInSettings settings) {
        this.settings = settings;
    }

    public String certificateWait() {
        return settings.certificateWait();
    }
}
