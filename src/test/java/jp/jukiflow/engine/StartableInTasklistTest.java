package jp.jukiflow.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import jp.jukiflow.support.EngineRestCalls;
import jp.jukiflow.support.EngineRestCalls.Answer;
import jp.jukiflow.support.JukiflowTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Tasklist's 「プロセスを開始」 offers a clerk the procedures a person starts at the counter, never the internal ones the
 * system starts by itself: {@code wide-area-copy-answer} (the home municipality's answer, started when a request arrives
 * over Juki-net) and {@code mail-review} (started by the mail intake) carry {@code camunda:isStartableInTasklist="false"}.
 * The list is Tasklist's own query: {@code startableInTasklist=true}, {@code startablePermissionCheck=true}, latest
 * versions.
 */
@JukiflowTest
class StartableInTasklistTest {

    static final String STARTABLE = "/process-definition?latestVersion=true&active=true&startableInTasklist=true"
            + "&startablePermissionCheck=true&sortBy=name&sortOrder=asc";
    static final List<String> BY_A_PERSON = List.of("transfer-out-by-mail", "transfer-in-with-card", "card-continuation",
            "card-suspension", "pin-reset", "pin-change", "wide-area-copy");
    static final List<String> INTERNAL = List.of("wide-area-copy-answer", "mail-review");

    @LocalServerPort
    int port;

    EngineRestCalls rest;

    @BeforeEach
    void rest() {
        rest = new EngineRestCalls(port);
    }

    @Test
    void aClerkIsOfferedTheCounterProceduresOnly() {
        List<String> offered = keys(rest.basic("okushiri-clerk", "GET", STARTABLE, null));

        assertThat(offered).containsAll(BY_A_PERSON).doesNotContainAnyElementsOf(INTERNAL);
        // the clerk may read them all the same: it is the attribute that keeps them out of the list
        assertThat(keys(rest.basic("okushiri-clerk", "GET", "/process-definition?latestVersion=true", null)))
                .containsAll(INTERNAL);
    }

    @Test
    void tasklistsOwnEngineApiOffersTheSame() {
        List<String> offered = keys(rest.tasklist("okushiri-clerk").engine("GET", STARTABLE, null));

        assertThat(offered).containsAll(BY_A_PERSON).doesNotContainAnyElementsOf(INTERNAL);
    }

    private static List<String> keys(Answer answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        List<String> keys = new ArrayList<>();
        for (JsonNode definition : answer.json()) {
            keys.add(definition.get("key").asText());
        }
        return keys;
    }
}
