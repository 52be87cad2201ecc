package jp.jukiflow.jukinet.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The JSON of Juki-net: compact, dates and instants as ISO text ({@code 2026-12-01}, {@code 2026-11-26T01:00:00Z}),
 * and strict on reading: an unknown field (say a 本籍 that should never travel) or a {@code null} for a yes/no field
 * refuses the message instead of being dropped silently. Independent of the application's own ObjectMapper, so a change
 * there never changes the wire format.
 */
public final class JukinetJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private JukinetJson() {
    }

    /** The value as compact JSON text. */
    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot write a " + value.getClass().getSimpleName()
                    + " as Juki-net JSON", e);
        }
    }

    /** Reads JSON text into the given type; malformed or unexpected content is an {@link IllegalArgumentException}. */
    public static <T> T read(String json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Not a valid Juki-net " + type.getSimpleName() + ": "
                    + e.getOriginalMessage(), e);
        }
    }

    static JsonNode tree(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Not valid Juki-net JSON: " + e.getOriginalMessage(), e);
        }
    }
}
