package jp.jukiflow.pin.internal;

import jp.jukiflow.pin.PinHasher;
import jp.jukiflow.pin.PinPolicy;
import jp.jukiflow.pin.PinVerifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * PIN hashing (PBKDF2-HMAC-SHA256, salted; with a pepper kept outside the database when
 * {@code jukiflow.pin.pepper} is set), the PIN policy and the verifier.
 */
@Configuration(proxyBeanMethods = false)
class PinConfiguration {

    @Bean
    PinHasher pinHasher(@Value("${jukiflow.pin.pepper:}") String pepper) {
        return pepper.isBlank() ? new PinHasher() : PinHasher.pbkdf2WithPepper(pepper);
    }

    @Bean
    PinPolicy pinPolicy() {
        return new PinPolicy();
    }

    @Bean
    PinVerifier pinVerifier(PinHasher hasher, PinPolicy policy) {
        return new PinVerifier(hasher, policy);
    }
}
