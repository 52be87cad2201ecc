package jp.jukiflow.pin;

import java.util.Objects;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.crypto.password.Pbkdf2PasswordEncoder;

/**
 * Hashes PINs with a slow, salted one-way function. The encoded string contains the salt.
 *
 * <p>Default: PBKDF2-HMAC-SHA256, 310,000 iterations, 16-byte random salt
 * ({@link Pbkdf2PasswordEncoder#defaultsForSpringSecurity_v5_8()}). Because a 4-digit PIN has only 10,000
 * values, a stolen hash can still be brute-forced offline in minutes to hours; {@link #pbkdf2WithPepper}
 * adds a secret kept outside the database, which prevents that as long as the secret is not stolen too.
 *
 * <p>Never logs anything; {@link #toString()} reveals no configuration secret.
 */
public final class PinHasher {

    private final PasswordEncoder encoder;

    /** PBKDF2 with Spring Security 5.8 defaults and no pepper. */
    public PinHasher() {
        this(Pbkdf2PasswordEncoder.defaultsForSpringSecurity_v5_8());
    }

    /** With any slow, salting encoder (e.g. {@code new BCryptPasswordEncoder(12)}). */
    public PinHasher(PasswordEncoder encoder) {
        this.encoder = Objects.requireNonNull(encoder, "encoder");
    }

    /** PBKDF2-HMAC-SHA256, 310,000 iterations, 16-byte salt, plus a secret pepper. */
    public static PinHasher pbkdf2WithPepper(CharSequence pepper) {
        Objects.requireNonNull(pepper, "pepper");
        return new PinHasher(new Pbkdf2PasswordEncoder(pepper, 16, 310_000,
                Pbkdf2PasswordEncoder.SecretKeyFactoryAlgorithm.PBKDF2WithHmacSHA256));
    }

    /** A new salted hash of {@code pin}; two calls with the same PIN give different strings. */
    public String hash(String pin) {
        Objects.requireNonNull(pin, "pin");
        return encoder.encode(pin);
    }

    /** Whether {@code pin} matches {@code pinHash} (constant-time comparison in the encoder). */
    public boolean matches(String pin, String pinHash) {
        if (pin == null || pinHash == null) {
            return false;
        }
        return encoder.matches(pin, pinHash);
    }

    @Override
    public String toString() {
        return "PinHasher[" + encoder.getClass().getSimpleName() + "]";
    }
}
