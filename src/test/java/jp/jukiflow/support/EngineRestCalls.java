package jp.jukiflow.support;

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
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Calls to the engine REST API over real HTTP, as its two clients make them: {@link #basic} on {@code /engine-rest}
 * with HTTP Basic (demo and test users: password = user id), and {@link #tasklist} on {@code /camunda/api/engine} after
 * Tasklist's own login, with its session cookie and CSRF token, as the Tasklist page in the browser does.
 */
public final class EngineRestCalls {

    static final ObjectMapper JSON = new ObjectMapper();

    private final int port;

    public EngineRestCalls(int port) {
        this.port = port;
    }

    /** An answer: its status, its body, and the body as JSON (null when empty). */
    public record Answer(int status, String body) {

        public JsonNode json() {
            try {
                return body.isEmpty() ? null : JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }
    }

    /** Variables in the engine REST form: {@code {"name": {"value": …, "type": "String"|"Boolean"|…}}}; null values left out. */
    public static Map<String, Object> variables(Map<String, ?> values) {
        Map<String, Object> variables = new LinkedHashMap<>();
        values.forEach((name, value) -> {
            if (value != null) {
                variables.put(name, Map.of("value", value, "type", value instanceof Boolean ? "Boolean"
                        : value instanceof Integer ? "Integer" : "String"));
            }
        });
        return variables;
    }

    /** {@code /engine-rest}{@code path} with HTTP Basic as {@code user}. */
    public Answer basic(String user, String method, String path, Object body) {
        String credentials = Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder request = request(method, "/engine-rest" + path, json(body), "application/json")
                .header("Authorization", "Basic " + credentials);
        return send(HttpClient.newHttpClient(), request);
    }

    /** Logs {@code user} in to Tasklist, as its login page does. */
    public TasklistSession tasklist(String user) {
        TasklistSession session = new TasklistSession();
        session.login(user);
        return session;
    }

    /** A browser's Tasklist session: Camunda's own login, session cookie and CSRF token. */
    public final class TasklistSession {

        private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
        private final HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).build();

        private void login(String user) {
            send(client, withCsrf(request("GET", "/camunda/app/tasklist/default/", HttpRequest.BodyPublishers.noBody(),
                    "text/html")));
            String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
                    + URLEncoder.encode(user, StandardCharsets.UTF_8);
            Answer login = send(client, withCsrf(request("POST", "/camunda/api/admin/auth/user/default/login/tasklist",
                    HttpRequest.BodyPublishers.ofString(form), "application/x-www-form-urlencoded")));
            assertThat(login.status()).as("Tasklist login of %s: %s", user, login.body()).isEqualTo(200);
            // the login starts a new session without a CSRF token; the page's first read (who am I) brings one
            Answer me = send(client, request("GET", "/camunda/api/admin/auth/user/default",
                    HttpRequest.BodyPublishers.noBody(), "application/json"));
            assertThat(me.status()).as("Tasklist session of %s: %s", user, me.body()).isEqualTo(200);
        }

        /** A page of the application ({@code GET path}, as a browser asks for it) in this session; redirects not followed. */
        public Answer page(String path) {
            return send(client, request("GET", path, HttpRequest.BodyPublishers.noBody(), "text/html")
                    .setHeader("Accept", "text/html"));
        }

        /** Tasklist's 「ログアウト」. */
        public void logout() {
            Answer logout = send(client, withCsrf(request("POST", "/camunda/api/admin/auth/user/default/logout",
                    HttpRequest.BodyPublishers.noBody(), "application/json")));
            assertThat(logout.status()).as("Tasklist logout: %s", logout.body()).isEqualTo(200);
        }

        /** {@code /camunda/api/engine/engine/default}{@code path}, the engine API Tasklist calls. */
        public Answer engine(String method, String path, Object body) {
            return send(client, withCsrf(request(method, "/camunda/api/engine/engine/default" + path, json(body),
                    "application/json")));
        }

        private HttpRequest.Builder withCsrf(HttpRequest.Builder request) {
            cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN")).findFirst()
                    .ifPresent(c -> request.header("X-XSRF-TOKEN", c.getValue()));
            return request;
        }
    }

    private static HttpRequest.BodyPublisher json(Object body) {
        try {
            return body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private HttpRequest.Builder request(String method, String path, HttpRequest.BodyPublisher body, String contentType) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).method(method, body)
                .header("Accept", "application/json").header("Content-Type", contentType);
    }

    private static Answer send(HttpClient client, HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
