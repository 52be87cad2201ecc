package jp.jukiflow.widearea.internal;

import org.springframework.stereotype.Component;

/** The duration the BPMN reads: {@code ${wideAreaCopyTiming.answerWait()}}. */
@Component("wideAreaCopyTiming")
public class WideAreaCopyTiming {

    private final WideAreaCopySettings settings;

    WideAreaCopyTiming(WideAreaCopySettings settings) {
        this.settings = settings;
    }

    public String answerWait() {
        return settings.answerWait();
    }
}
