package jp.jukiflow.transferout.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code jukiflow.public-base-url}: an absolute http(s) URL, kept without its trailing slash; anything else stops the start. */
class PublicBaseUrlTest {

    @ParameterizedTest
    @CsvSource({
            "https://juki.example.lg.jp, https://juki.example.lg.jp",
            "https://juki.example.lg.jp/, https://juki.example.lg.jp",
            "' https://juki.example.lg.jp/jukiflow// ', https://juki.example.lg.jp/jukiflow",
            "http://localhost:8080, http://localhost:8080"})
    void kept(String configured, String used) {
        assertThat(TransferOutCases.publicBaseUrl(configured)).isEqualTo(used);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "juki.example.lg.jp", "ftp://juki.example.lg.jp", "https://", "https://juki.example.lg.jp?x=1",
            "https://juki example.lg.jp"})
    void refused(String configured) {
        assertThatThrownBy(() -> TransferOutCases.publicBaseUrl(configured))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("jukiflow.public-base-url");
    }
}
