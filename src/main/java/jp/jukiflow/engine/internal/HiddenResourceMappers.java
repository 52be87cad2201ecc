package jp.jukiflow.engine.internal;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.rest.exception.InvalidRequestException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.glassfish.jersey.spi.ExtendedExceptionMapper;

/**
 * A task or process instance of another municipality answers exactly like one that does not exist: 404 with the same
 * Japanese message, so that the engine REST APIs ({@code /engine-rest} and Tasklist's {@code /camunda/api/engine})
 * never confirm that an id exists elsewhere. Camunda itself answers such a call in several ways — an English 404 from
 * the query that filters the tenant out ({@code GET /task/{id}}), a 500 {@code ENGINE-13034 … belongs to no
 * authenticated tenant} from a command that finds the entity and then refuses it ({@code /task/{id}/form-variables},
 * {@code /claim}, {@code /complete}, {@code /process-instance/{id}/variables}), a 500 {@code NullValueException} or a
 * 400 for an unknown id; each of these, for an id-addressed resource, becomes
 *
 * <pre>{"type":"ResourceNotFound","message":"指定されたタスクは見つかりません。","code":null,"jukiflowCode":"TASK_NOT_FOUND"}</pre>
 *
 * <p>The message names neither the id nor a municipality. A refusal of ours in the chain is left to
 * {@link RefusalExceptionMappers}; everything else keeps Camunda's answer.
 */
public final class HiddenResourceMappers {

    /** Before {@link RefusalExceptionMappers} (which defer to this one when it is not mappable) and Camunda's mappers. */
    static final int PRIORITY = RefusalExceptionMappers.PRIORITY - 10;

    /** The mapper classes, for registering in a Jersey application. */
    static final List<Class<?>> ALL = List.of(ForRestException.class, ForProcessEngineException.class, ForAnyThrowable.class);

    /**
     * An id-addressed resource, as the path looks relative to the REST application ({@code task/…} under
     * {@code /engine-rest}, {@code engine/default/task/…} under {@code /camunda/api/engine}).
     */
    private static final Pattern RESOURCE = Pattern.compile(
            "^/?(?:engine/[^/]+/)?(task|process-instance|history/process-instance|history/task)/([^/]+)(?:/.*)?$");
    private static final Set<String> COLLECTION_ACTIONS = Set.of("count", "create", "report", "suspended", "delete",
            "job-retries", "variables", "delete-historic-query-based", "set-removal-time", "report-duration",
            "report-tasks", "message-async", "correlation", "annotation", "set-variables");

    /** What a hidden or missing resource is called in the answer. */
    enum Kind {
        TASK("TASK_NOT_FOUND", "指定されたタスクは見つかりません。"),
        PROCESS_INSTANCE("PROCESS_INSTANCE_NOT_FOUND", "指定された手続（プロセスインスタンス）は見つかりません。");

        final String code;
        final String message;

        Kind(String code, String message) {
            this.code = code;
            this.message = message;
        }
    }

    private HiddenResourceMappers() {
    }

    /** The resource a request path addresses by id, if any. */
    static Optional<Kind> resourceOf(String path) {
        if (path == null) {
            return Optional.empty();
        }
        Matcher m = RESOURCE.matcher(path);
        if (!m.matches() || COLLECTION_ACTIONS.contains(m.group(2))) {
            return Optional.empty();
        }
        return Optional.of(m.group(1).endsWith("task") ? Kind.TASK : Kind.PROCESS_INSTANCE);
    }

    /**
     * Whether {@code thrown} says "not there" — missing, or there but in a tenant the caller does not belong to, which
     * must read the same.
     */
    static boolean missingOrElsewhere(Throwable thrown) {
        if (RefusalExceptionMappers.refusalIn(thrown).isPresent()) {
            return false;
        }
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = thrown; t != null && seen.add(t); t = t.getCause()) {
            String message = t.getMessage() == null ? "" : t.getMessage();
            if (message.contains("ENGINE-13034") || message.contains("belongs to no authenticated tenant")) {
                return true;
            }
            if (t instanceof InvalidRequestException invalid && invalid.getStatus() == Response.Status.NOT_FOUND) {
                return true;
            }
            if (t instanceof NotFoundException || t instanceof NullValueException) {
                return true;
            }
            if (t instanceof BadUserRequestException && message.startsWith("Cannot find")) {
                return true;
            }
            // GET /task/{id}/deployed-form of an unknown id ends in the engine dereferencing the missing task
            if (t instanceof NullPointerException && message.contains("\"task\" is null")) {
                return true;
            }
        }
        return false;
    }

    static Response notFound(Kind kind) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "ResourceNotFound");
        body.put("message", kind.message);
        body.put("code", null);
        body.put("jukiflowCode", kind.code);
        return Response.status(Response.Status.NOT_FOUND).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }

    /** The common part: the request's path decides the resource, the exception whether it is hidden or missing. */
    abstract static class Mapper<E extends Throwable> implements ExtendedExceptionMapper<E> {

        @Context
        UriInfo uriInfo;

        String path() {
            try {
                return uriInfo == null ? null : uriInfo.getPath();
            } catch (IllegalStateException outsideARequest) {
                return null;
            }
        }

        @Override
        public boolean isMappable(E exception) {
            return resourceOf(path()).isPresent() && missingOrElsewhere(exception);
        }

        @Override
        public Response toResponse(E exception) {
            return notFound(resourceOf(path()).orElseThrow());
        }
    }

    @Priority(PRIORITY)
    public static class ForRestException extends Mapper<RestException> {
    }

    @Priority(PRIORITY)
    public static class ForProcessEngineException extends Mapper<ProcessEngineException> {
    }

    @Priority(PRIORITY)
    public static class ForAnyThrowable extends Mapper<Throwable> {
    }
}
