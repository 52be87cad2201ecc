package jp.jukiflow.jukinet.internal;

import static jp.jukiflow.support.Towns.HAKODATE;
import static jp.jukiflow.support.Towns.OKUSHIRI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jp.jukiflow.jukinet.Envelope;
import jp.jukiflow.jukinet.MessageType;
import jp.jukiflow.jukinet.MoveInNotice;
import org.junit.jupiter.api.Test;

/** The wire format every transport shares. */
class EnvelopeCodecTest {

    private final MoveInNotice notice = new MoveInNotice("013676-2026-000123", OKUSHIRI, HAKODATE,
            LocalDate.of(2026, 12, 3), List.of("12345678906"));
    private final Envelope envelope = new Envelope("4f1c1e7e-2a53-4d43-9a4e-9d3c0f1f6b7a", MessageType.MOVE_IN_NOTICE,
            HAKODATE, OKUSHIRI, "013676-2026-000123", JukinetJson.write(notice), Instant.parse("2026-11-26T01:00:00Z"));

    @Test
    void anEnvelopeRoundTripsUnchanged() {
        Envelope back = EnvelopeCodec.fromJson(EnvelopeCodec.toJson(envelope));
        assertThat(back).isEqualTo(envelope);
        assertThat(back.payloadAs(MoveInNotice.class)).isEqualTo(notice);
    }

    @Test
    void theWireFormatIsOneJsonDocumentWithThePayloadAsAnObject() throws Exception {
        JsonNode json = new ObjectMapper().readTree(EnvelopeCodec.toJson(envelope));
        assertThat(json.get("type").asText()).isEqualTo("MOVE_IN_NOTICE");
        assertThat(json.get("from").asText()).isEqualTo(HAKODATE);
        assertThat(json.get("to").asText()).isEqualTo(OKUSHIRI);
        assertThat(json.get("correlationId").asText()).isEqualTo("013676-2026-000123");
        assertThat(json.get("sentAt").asText()).isEqualTo("2026-11-26T01:00:00Z");
        assertThat(json.get("payload").isObject()).isTrue();
        assertThat(json.get("payload").get("movedInOn").asText()).isEqualTo("2026-12-03");
    }

    @Test
    void somethingThatIsNotACompleteEnvelopeIsRefused() {
        assertThatThrownBy(() -> EnvelopeCodec.fromJson("{\"messageId\":\"x\"}"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EnvelopeCodec.fromJson(EnvelopeCodec.toJson(envelope)
                .replace("\"MOVE_IN_NOTICE\"", "\"KOSEKI_REQUEST\"")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EnvelopeCodec.fromJson("not json"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
