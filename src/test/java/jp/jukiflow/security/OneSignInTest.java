package jp.jukiflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import jp.jukiflow.card.CardRegistry;
import jp.jukiflow.pin.PinHasher;
import jp.jukiflow.card.PinPurpose;
import jp.jukiflow.pin.PinRequests;
import jp.jukiflow.card.PinTestCards;
import jp.jukiflow.support.EngineRestCalls;
import jp.jukiflow.support.JukiflowTest;
import jp.jukiflow.support.Towns;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One sign-in for Tasklist and the staff pages, over real HTTP as a browser does it: a Tasklist login opens the PIN pad
 * linked from the task without a second login; a login on the application's page opens Tasklist; Tasklist's logout
 * ends both.
 */
@JukiflowTest
class OneSignInTest {

    @LocalServerPort
    int port;
    @Autowired
    PinRequests pinRequests;
    @Autowired
    CardRegistry cards;
    @Autowired
    PinHasher hasher;
    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void retireCards() {
        PinTestCards.retireAll(jdbc);
    }

    private String okushiriPinRequest() {
        String card = PinTestCards.newCard(cards, jdbc, hasher, Towns.OKUSHIRI);
        return pinRequests.open(card, PinPurpose.SPECIAL_TRANSFER_IN, Towns.OKUSHIRI, "one sign-in").id();
    }

    @Test
    void aTasklistLoginOpensThePinPadOfTheTask() {
        String id = okushiriPinRequest();
        EngineRestCalls.TasklistSession tasklist = new EngineRestCalls(port).tasklist("okushiri-clerk");

        EngineRestCalls.Answer pad = tasklist.page("/staff/pin-pad/" + id);
        assertThat(pad.status()).as(pad.body()).isEqualTo(200);
        assertThat(pad.body()).contains("暗証番号（数字4桁）を入力してください");
        assertThat(tasklist.page("/staff/pin-requests/new").status()).isEqualTo(200);
        assertThat(tasklist.page("/staff/cards?q=").status()).isNotIn(302, 401, 403);

        // without the session: the login page
        HttpResponse<String> anonymous = send(HttpClient.newHttpClient(), get("/staff/pin-pad/" + id));
        assertThat(anonymous.statusCode()).isEqualTo(302);
        assertThat(anonymous.headers().firstValue("Location").orElseThrow()).endsWith("/login");
    }

    @Test
    void theTasklistLoginCarriesTheUsersMunicipalityOnly() {
        String id = okushiriPinRequest();
        EngineRestCalls.TasklistSession tasklist = new EngineRestCalls(port).tasklist("hakodate-clerk");
        EngineRestCalls.Answer pad = tasklist.page("/staff/pin-pad/" + id);
        assertThat(pad.status()).isNotEqualTo(200).isNotEqualTo(302);
    }

    @Test
    void tasklistLogoutEndsTheStaffPagesToo() {
        String id = okushiriPinRequest();
        EngineRestCalls.TasklistSession tasklist = new EngineRestCalls(port).tasklist("okushiri-clerk");
        assertThat(tasklist.page("/staff/pin-pad/" + id).status()).isEqualTo(200);
        tasklist.logout();
        assertThat(tasklist.page("/staff/pin-pad/" + id).status()).isEqualTo(302);
    }

    @Test
    void aLoginOnTheApplicationsPageOpensTasklist() {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .build();
        String loginPage = send(browser, get("/login")).body();
        String csrf = Jsoup.parse(loginPage).selectFirst("input[name=_csrf]").val();
        HttpResponse<String> login = send(browser, HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=okushiri-clerk&password=okushiri-clerk&_csrf="
                        + URLEncoder.encode(csrf, StandardCharsets.UTF_8))));
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location").orElseThrow()).doesNotContain("error");

        // Camunda's "who is logged in" answers the same user, and Tasklist's engine API works in this session
        HttpResponse<String> me = send(browser, get("/camunda/api/admin/auth/user/default"));
        assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
        assertThat(me.body()).contains("\"userId\":\"okushiri-clerk\"").contains("tasklist");
        HttpResponse<String> tasks = send(browser, get("/camunda/api/engine/engine/default/task/count"));
        assertThat(tasks.statusCode()).as(tasks.body()).isEqualTo(200);
        assertThat(send(browser, get("/staff/pin-requests/new")).statusCode()).isEqualTo(200);

        // the application's logout ends Tasklist's login too
        String page = send(browser, get("/staff/pin-requests/new")).body();
        String token = Jsoup.parse(page).selectFirst("input[name=_csrf]").val();
        send(browser, HttpRequest.newBuilder(uri("/logout")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + URLEncoder.encode(token, StandardCharsets.UTF_8))));
        assertThat(send(browser, get("/camunda/api/admin/auth/user/default")).statusCode()).isEqualTo(404);
    }

    @Test
    void anApiClientsBasicLoginSignsNobodyInToTasklist() {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .build();
        String basic = java.util.Base64.getEncoder().encodeToString("okushiri-clerk:okushiri-clerk"
                .getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> page = send(client, get("/staff/pin-requests/new").header("Authorization", "Basic " + basic));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(send(client, get("/camunda/api/admin/auth/user/default")).statusCode()).isEqualTo(404);
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(uri(path)).header("Accept", "text/html,application/json").GET();
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest.Builder request) {
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
