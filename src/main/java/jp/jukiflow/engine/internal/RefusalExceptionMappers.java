package jp.jukiflow.engine.internal;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jp.jukiflow.shared.DomainRuleViolation;
import jp.jukiflow.shared.InvalidInput;
import jp.jukiflow.shared.ResourceNotFound;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.glassfish.jersey.spi.ExtendedExceptionMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * JAX-RS exception mappers for the engine REST APIs ({@code /engine-rest} and the webapps' {@code /camunda/api/engine},
 * the one Tasklist calls): a refusal of ours raised while the engine ran a delegate or listener, found anywhere in the
 * cause chain, answers with the status the project's JSON API uses ({@code ApiProblemHandler}: 400 for a
 * {@link DomainRuleViolation} or an {@link InvalidInput}, 404 for a {@link ResourceNotFound}) in Camunda's error shape,
 * so Tasklist shows the Japanese message:
 *
 * <pre>{"type":"DomainRuleViolation","message":"…","code":null,"jukiflowCode":"POLICE_RECEIPT_NUMBER_MISSING"}</pre>
 *
 * <p>{@code code} is Camunda's error code of the nearest {@link ProcessEngineException} in the chain (null when the
 * refusal came through unwrapped, as a delegate's runtime exception does); an {@link InvalidInput} adds its
 * {@code errors}. The engine has already rolled the command's transaction back when the mapper runs.
 *
 * <p>Camunda maps {@link RestException}, {@link ProcessEngineException} and any {@link Throwable} with a mapper each;
 * Jersey takes the mapper of the nearest exception type and, between two of the same distance, the one of higher
 * priority. So there is one mapper per Camunda type here, each with a higher priority than Camunda's and each
 * {@linkplain ExtendedExceptionMapper#isMappable mappable} only when a refusal of ours is in the chain: every other
 * exception (a real 500, an authorization failure, a bad request of Camunda's own) keeps Camunda's handling.
 */
public final class RefusalExceptionMappers {

    private static final Logger log = LoggerFactory.getLogger(RefusalExceptionMappers.class);

    /** Before Camunda's mappers (no priority, so {@link Priorities#USER}) of the same exception type. */
    static final int PRIORITY = Priorities.USER - 100;

    /** The mapper classes, for registering in a Jersey application. */
    static final List<Class<?>> ALL = List.of(ForRestException.class, ForProcessEngineException.class, ForAnyThrowable.class);

    private RefusalExceptionMappers() {
    }

    /** The outermost refusal of ours in the cause chain of {@code thrown}, if any. */
    static Optional<RuntimeException> refusalIn(Throwable thrown) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = thrown; t != null && seen.add(t); t = t.getCause()) {
            if (t instanceof DomainRuleViolation || t instanceof InvalidInput || t instanceof ResourceNotFound) {
                return Optional.of((RuntimeException) t);
            }
        }
        return Optional.empty();
    }

    /** Camunda's code of the outermost engine exception in the chain, as Camunda's own error body carries it. */
    private static Integer camundaCode(Throwable thrown) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = thrown; t != null && seen.add(t); t = t.getCause()) {
            if (t instanceof ProcessEngineException e) {
                return e.getCode();
            }
        }
        return null;
    }

    static Response toResponse(Throwable thrown) {
        RuntimeException refusal = refusalIn(thrown).orElseThrow(() -> new IllegalArgumentException(
                "no refusal in the cause chain", thrown));
        Response.Status status;
        String code;
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", refusal.getClass().getSimpleName());
        body.put("message", refusal.getMessage());
        body.put("code", camundaCode(thrown));
        if (refusal instanceof DomainRuleViolation violation) {
            status = Response.Status.BAD_REQUEST;
            code = violation.code();
        } else if (refusal instanceof InvalidInput invalid) {
            status = Response.Status.BAD_REQUEST;
            code = "INVALID_REQUEST";
            body.put("errors", invalid.fields());
        } else {
            status = Response.Status.NOT_FOUND;
            code = ((ResourceNotFound) refusal).code();
        }
        body.put("jukiflowCode", code);
        log.debug("Engine REST call refused with {} [{}]: {}", status.getStatusCode(), code, refusal.getMessage());
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }

    /** One mapper per exception type Camunda maps (JAX-RS picks a mapper by type); each maps only our refusals. */
    abstract static class Mapper<E extends Throwable> implements ExtendedExceptionMapper<E> {

        @Override
        public boolean isMappable(E exception) {
            return refusalIn(exception).isPresent();
        }

        @Override
        public Response toResponse(E exception) {
            return RefusalExceptionMappers.toResponse(exception);
        }
    }

    /** Camunda's REST resources wrap engine exceptions in a {@link RestException} (e.g. "Cannot complete task …", 500). */
    @Priority(PRIORITY)
    public static class ForRestException extends Mapper<RestException> {
    }

    /** An engine exception that reached the resource unwrapped, with our refusal as a cause. */
    @Priority(PRIORITY)
    public static class ForProcessEngineException extends Mapper<ProcessEngineException> {
    }

    /** The refusal itself: a delegate's runtime exception leaves the engine unwrapped. */
    @Priority(PRIORITY)
    public static class ForAnyThrowable extends Mapper<Throwable> {
    }
}
