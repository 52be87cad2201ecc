package jp.jukiflow.transferout.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jp.jukiflow.transferout.TransferOutRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The validated request of each case, as JSON, with the source it came from (for idempotency). */
@Repository
public class TransferOutCaseStore {

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    TransferOutCaseStore(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public void insert(String receiptNumber, String municipalityCode, String sourceRef, Instant arrivedAt,
                       TransferOutRequest request) {
        jdbc.sql("""
                insert into transfer_out_request (receipt_number, municipality_code, source_ref, arrived_at, request_json)
                values (?, ?, ?, ?, ?)""")
                .params(receiptNumber, municipalityCode, sourceRef, Timestamp.from(arrivedAt), write(request))
                .update();
    }

    public Optional<String> receiptForSource(String municipalityCode, String sourceRef) {
        return jdbc.sql("select receipt_number from transfer_out_request where municipality_code = ? and source_ref = ?")
                .params(municipalityCode, sourceRef).query(String.class).optional();
    }

    public Optional<TransferOutRequest> request(String receiptNumber) {
        return jdbc.sql("select request_json from transfer_out_request where receipt_number = ?").param(receiptNumber)
                .query(String.class).optional().map(this::read);
    }

    public Optional<Instant> arrivedAt(String receiptNumber) {
        return jdbc.sql("select arrived_at from transfer_out_request where receipt_number = ?").param(receiptNumber)
                .query((rs, n) -> rs.getTimestamp(1).toInstant()).optional();
    }

    private String write(TransferOutRequest request) {
        try {
            return json.writeValueAsString(request);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot store the request", e);
        }
    }

    private TransferOutRequest read(String text) {
        try {
            return json.readValue(text, TransferOutRequest.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot read a stored request", e);
        }
    }
}
