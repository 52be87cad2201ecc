package jp.jukiflow.jukinet.internal;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jp.jukiflow.municipality.LocalGovernmentCode;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of Juki-net ({@code jukiflow.jukinet}): the transport ({@code in-process} or {@code http}), the peers
 * (other deployments: municipality code → base URL and shared key) and the HTTP timing. A peer's key is used both to
 * sign what is sent to it and to verify what arrives from it.
 */
@ConfigurationProperties("jukiflow.jukinet")
public record JukinetSettings(String transport, List<Peer> peers, Http http) {

    /** The shortest shared key accepted (characters): a short key makes the HMAC guessable. */
    public static final int MIN_KEY_LENGTH = 16;

    public JukinetSettings {
        transport = transport == null || transport.isBlank() ? "in-process" : transport;
        peers = peers == null ? List.of() : List.copyOf(peers);
        http = http == null ? new Http(null, null, null, null, null, null) : http;
        Set<String> codes = new HashSet<>();
        for (Peer peer : peers) {
            if (!codes.add(peer.code())) {
                throw new IllegalArgumentException("jukiflow.jukinet.peers: municipality " + peer.code()
                        + " is configured twice");
            }
        }
    }

    /** The peer configured for a municipality code, if any. */
    public Optional<Peer> peer(String code) {
        return peers.stream().filter(p -> p.code().equals(code)).findFirst();
    }

    /**
     * Another deployment's municipality: where to post messages for it ({@code baseUrl}, without the
     * {@code /jukinet/v1/messages} path) and the key shared with it. A peer only sending to us needs no base URL.
     */
    public record Peer(String code, String baseUrl, String sharedKey) {

        public Peer {
            code = LocalGovernmentCode.of(code).value();
            baseUrl = baseUrl == null || baseUrl.isBlank() ? null : stripTrailingSlash(baseUrl.trim());
            if (sharedKey == null || sharedKey.length() < MIN_KEY_LENGTH) {
                throw new IllegalArgumentException("jukiflow.jukinet.peers: the shared key of " + code
                        + " needs at least " + MIN_KEY_LENGTH + " characters");
            }
        }

        private static String stripTrailingSlash(String url) {
            return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        }

        /** Never shows the key (settings end up in logs and actuator output). */
        @Override
        public String toString() {
            return "Peer[code=" + code + ", baseUrl=" + baseUrl + ", sharedKey=***]";
        }
    }

    /**
     * HTTP timing: connect and read timeouts, delivery attempts with exponential backoff (initial delay, multiplied
     * per attempt), and how far a received timestamp may be from now (older or newer) before it is refused as stale.
     */
    public record Http(Duration connectTimeout, Duration readTimeout, Integer maxAttempts, Duration initialBackoff,
                       Double backoffMultiplier, Duration maxClockSkew) {

        public Http {
            connectTimeout = connectTimeout == null ? Duration.ofSeconds(5) : connectTimeout;
            readTimeout = readTimeout == null ? Duration.ofSeconds(10) : readTimeout;
            maxAttempts = maxAttempts == null ? 3 : maxAttempts;
            initialBackoff = initialBackoff == null ? Duration.ofMillis(500) : initialBackoff;
            backoffMultiplier = backoffMultiplier == null ? 2.0 : backoffMultiplier;
            maxClockSkew = maxClockSkew == null ? Duration.ofMinutes(5) : maxClockSkew;
            if (maxAttempts < 1 || backoffMultiplier < 1.0 || initialBackoff.isNegative()
                    || maxClockSkew.isNegative()) {
                throw new IllegalArgumentException("jukiflow.jukinet.http: max-attempts ≥ 1, backoff-multiplier ≥ 1, "
                        + "initial-backoff and max-clock-skew ≥ 0");
            }
        }

        /** The delay before attempt {@code attempt + 1} (attempt counted from 1). */
        public Duration backoffAfter(int attempt) {
            return Duration.ofMillis(Math.round(initialBackoff.toMillis() * Math.pow(backoffMultiplier, attempt - 1)));
        }
    }
}
