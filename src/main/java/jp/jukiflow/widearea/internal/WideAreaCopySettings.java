package jp.jukiflow.widearea.internal;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The settings of the wide-area copy ({@code jukiflow.wide-area}).
 *
 * @param fee        the fee in yen per issuing municipality (6-digit code), e.g. {@code jukiflow.wide-area.fee.013676=300}
 * @param defaultFee the fee of a municipality not listed in {@code fee}
 * @param answerWait how long the counter waits for the home municipality's answer before a clerk looks at the case
 *                   (「回答未着の確認」, ISO 8601)
 */
@ConfigurationProperties("jukiflow.wide-area")
public record WideAreaCopySettings(Map<String, Integer> fee, @DefaultValue("300") int defaultFee,
                                   @DefaultValue("PT30M") String answerWait) {

    public WideAreaCopySettings {
        fee = fee == null ? Map.of() : Map.copyOf(fee);
        if (defaultFee < 0 || fee.values().stream().anyMatch(v -> v == null || v < 0)) {
            throw new IllegalArgumentException("jukiflow.wide-area.fee: a fee is 0 yen or more");
        }
    }

    /** The fee in yen at the counter of {@code municipalityCode}. */
    public int feeOf(String municipalityCode) {
        return fee.getOrDefault(municipalityCode, defaultFee);
    }
}
