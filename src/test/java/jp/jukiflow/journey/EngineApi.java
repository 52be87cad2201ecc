package jp.jukiflow.journey;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The engine REST calls Tasklist makes for a signed-in user (start a process with its start form, list, claim and
 * complete tasks with their form, read variables), as one Camunda user over HTTP Basic. Nothing here executes a job:
 * the application's job executor does; {@link #await} waits for it.
 */
public class EngineApi {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Duration WAIT = Duration.ofSeconds(180);

    private final String baseUrl;
    private final String user;
    private final String authorization;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public EngineApi(String baseUrl, String user, String password) {
        this.baseUrl = baseUrl;
        this.user = user;
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** An answer of the engine REST API. */
    public record Answer(int status, JsonNode body) {
        public Answer requireOk() {
            if (status >= 300) {
                throw new AssertionError("engine REST answered " + status + ": " + body);
            }
            return this;
        }
    }

    public Answer get(String path) {
        return call(HttpRequest.newBuilder(uri(path)).GET());
    }

    public Answer post(String path, Object body) {
        try {
            return call(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Answer call(HttpRequest.Builder request) {
        try {
            HttpResponse<String> r = client.send(request.header("Authorization", authorization)
                    .header("Accept", "application/json").timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            JsonNode body = r.body() == null || r.body().isBlank() ? JSON.nullNode() : JSON.readTree(r.body());
            return new Answer(r.statusCode(), body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private URI uri(String path) {
        return URI.create(baseUrl + "/engine-rest" + path);
    }

    static String q(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** Starts a process through its start form, as 「プロセスを開始」 does; returns the answer (a refusal is 4xx). */
    public Answer submitStartForm(String processKey, Map<String, Object> variables) {
        return post("/process-definition/key/" + processKey + "/submit-form", Map.of("variables", typed(variables)));
    }

    /** Starts a process and returns its instance (id, businessKey, tenantId …); fails on a refusal. */
    public JsonNode start(String processKey, Map<String, Object> variables) {
        return submitStartForm(processKey, variables).requireOk().body();
    }

    /** Waits until the process instance has an open task with that definition key, and returns it. */
    public JsonNode awaitTask(String processInstanceId, String taskDefinitionKey) {
        return await("task " + taskDefinitionKey + " of " + processInstanceId, () -> {
            JsonNode tasks = get("/task?processInstanceId=" + processInstanceId + "&taskDefinitionKey="
                    + taskDefinitionKey).requireOk().body();
            return tasks.size() == 1 ? tasks.get(0) : null;
        });
    }

    /** Waits for a task found by a query string of GET /task (e.g. {@code processInstanceBusinessKey=…}). */
    public JsonNode awaitTaskWhere(String query) {
        return await("task where " + query, () -> {
            JsonNode tasks = get("/task?" + query).requireOk().body();
            return tasks.size() == 1 ? tasks.get(0) : null;
        });
    }

    /** Claims the task for this user and completes it with its form's values (Tasklist's 「完了」). */
    public Answer claimAndComplete(JsonNode task, Map<String, Object> variables) {
        String id = task.get("id").asText();
        post("/task/" + id + "/claim", Map.of("userId", user)).requireOk();
        return post("/task/" + id + "/submit-form", Map.of("variables", typed(variables)));
    }

    public Map<String, Object> formVariables(JsonNode task) {
        JsonNode vars = get("/task/" + task.get("id").asText() + "/form-variables").requireOk().body();
        return JSON.convertValue(vars, new TypeReference<Map<String, Object>>() { });
    }

    /** One value of the task's form, as Tasklist shows it (fails when the form has no such field). */
    public String formValue(JsonNode task, String name) {
        JsonNode vars = get("/task/" + task.get("id").asText() + "/form-variables").requireOk().body();
        if (!vars.has(name)) {
            throw new AssertionError("The form of task " + task.get("name") + " has no " + name + ": " + vars);
        }
        return vars.get(name).get("value").asText();
    }

    /** A process variable's value, or null. */
    public JsonNode variable(String processInstanceId, String name) {
        Answer a = get("/process-instance/" + processInstanceId + "/variables/" + name + "?deserializeValue=false");
        return a.status() == 200 ? a.body().get("value") : null;
    }

    /** A variable's last value in history (also after the instance ended), or null. */
    public JsonNode historicVariable(String processInstanceId, String name) {
        JsonNode vars = get("/history/variable-instance?processInstanceId=" + processInstanceId + "&variableName="
                + q(name) + "&deserializeValues=false").requireOk().body();
        return vars.size() == 1 ? vars.get(0).get("value") : null;
    }

    /** The historic process instance (state ACTIVE, COMPLETED, …). */
    public JsonNode history(String processInstanceId) {
        return get("/history/process-instance/" + processInstanceId).requireOk().body();
    }

    /** Waits until the process instance ended, and returns the ids of the end events it reached. */
    public List<String> awaitEnd(String processInstanceId) {
        await("end of " + processInstanceId, () -> {
            JsonNode h = history(processInstanceId);
            return "COMPLETED".equals(h.path("state").asText()) ? h : null;
        });
        return endEvents(processInstanceId);
    }

    public List<String> endEvents(String processInstanceId) {
        JsonNode acts = get("/history/activity-instance?processInstanceId=" + processInstanceId
                + "&activityType=noneEndEvent&finished=true").requireOk().body();
        List<String> ids = new java.util.ArrayList<>();
        acts.forEach(a -> ids.add(a.get("activityId").asText()));
        return ids;
    }

    /** Ids of the activities the instance passed (finished activity instances). */
    public List<String> passed(String processInstanceId) {
        JsonNode acts = get("/history/activity-instance?processInstanceId=" + processInstanceId + "&finished=true")
                .requireOk().body();
        List<String> ids = new java.util.ArrayList<>();
        acts.forEach(a -> ids.add(a.get("activityId").asText()));
        return ids;
    }

    /** Open incidents this user can see (an admin: all). */
    public JsonNode incidents() {
        return get("/incident").requireOk().body();
    }

    /** Polls until {@code probe} answers non-null, or fails after {@link #WAIT}. */
    public static <T> T await(String what, Supplier<T> probe) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            T value = probe.get();
            if (value != null) {
                return value;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Waited " + WAIT.toSeconds() + " s in vain for " + what);
            }
            PackagedApp.sleep(Duration.ofMillis(300));
        }
    }

    /** Camunda's typed variable JSON for plain values (String, Boolean, Integer/Long, null). */
    static Map<String, Object> typed(Map<String, Object> variables) {
        Map<String, Object> out = new LinkedHashMap<>();
        variables.forEach((name, value) -> {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("value", value);
            v.put("type", value == null ? "Null" : value instanceof Boolean ? "Boolean"
                    : value instanceof Integer ? "Integer" : value instanceof Long ? "Long" : "String");
            out.put(name, v);
        });
        return out;
    }
}
