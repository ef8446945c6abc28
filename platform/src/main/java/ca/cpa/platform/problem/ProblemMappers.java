package ca.cpa.platform.problem;

import ca.cpa.platform.core.problem.Messages;
import ca.cpa.platform.core.problem.Problem;
import ca.cpa.platform.domain.ConflictException;
import ca.cpa.platform.domain.DomainException;
import ca.cpa.platform.domain.NotFoundException;
import ca.cpa.platform.domain.RuleViolationException;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.hibernate.exception.JDBCConnectionException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.sql.SQLException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Turns every failure into an RFC 9457 problem in the client's language. A client's mistake
 * is a 4xx that says what to change; anything else is logged and answered without internals.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    private static final String UNIQUE_VIOLATION = "23505";
    private static final String SERIALIZATION_FAILURE = "40001";
    private static final String DEADLOCK = "40P01";
    /** SQLState class 22: a value the database cannot store, such as a date beyond its range. */
    private static final String DATA_EXCEPTION = "22";

    @ServerExceptionMapper
    public Response problem(ProblemException e, ContainerRequestContext request) {
        Locale locale = RequestLocale.of(request);
        List<Problem.FieldError> errors = e.errors();
        Object[] detailArguments = e.detailArguments();
        if (e instanceof ProblemException.InvalidFieldProblem invalid) {
            errors = List.of(new Problem.FieldError(invalid.field(),
                    Messages.get(locale, invalid.messageKey(), invalid.messageArguments())));
            detailArguments = new Object[]{1};
        }
        String detail = e.detailKey() == null ? null : Messages.get(locale, e.detailKey(), detailArguments);
        return respond(request, e.status(), e.kind(), detail, errors);
    }

    /** A rule of the domain said no: 404, 409, or 400 on the field to change. */
    @ServerExceptionMapper
    public Response domain(DomainException e, ContainerRequestContext request) {
        Locale locale = RequestLocale.of(request);
        if (e instanceof RuleViolationException violation) {
            return invalidRequest(request, List.of(new Problem.FieldError(violation.field(),
                    Messages.get(locale, violation.code(), violation.arguments()))));
        }
        String detail = Messages.get(locale, e.code(), e.arguments());
        if (e instanceof NotFoundException) {
            return respond(request, 404, "not-found", detail, null);
        }
        if (e instanceof ConflictException) {
            return respond(request, 409, "conflict", detail, null);
        }
        LOG.errorf(e, "a domain exception of no known kind on %s %s", request.getMethod(), path(request));
        return respond(request, 500, "internal-error", Messages.get(locale, "problem.internal-error.detail"), null);
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e, ContainerRequestContext request) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(violation -> new Problem.FieldError(fieldOf(violation), violation.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field).thenComparing(Problem.FieldError::message))
                .toList();
        return invalidRequest(request, errors);
    }

    /** Listed one by one because the JSON extension maps some of these types itself. */
    @ServerExceptionMapper({JsonProcessingException.class, JsonParseException.class, MismatchedInputException.class,
            InvalidFormatException.class, UnrecognizedPropertyException.class})
    public Response malformed(JsonProcessingException e, ContainerRequestContext request) {
        Locale locale = RequestLocale.of(request);
        if (e instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            String field = fieldOf(mismatch.getPath());
            String message;
            if (e instanceof UnrecognizedPropertyException) {
                message = Messages.get(locale, "problem.field.unknown");
            } else if (e instanceof InvalidFormatException format && format.getTargetType().isEnum()) {
                String allowed = Arrays.stream(format.getTargetType().getEnumConstants())
                        .map(Object::toString).collect(Collectors.joining(", "));
                message = Messages.get(locale, "problem.field.not-one-of", allowed);
            } else {
                message = Messages.get(locale, "problem.field.wrong-type");
            }
            return invalidRequest(request, List.of(new Problem.FieldError(field, message)));
        }
        return respond(request, 400, "malformed-request", Messages.get(locale, "problem.malformed-request.detail"), null);
    }

    @ServerExceptionMapper
    public Response unsupportedMediaType(NotSupportedException e, ContainerRequestContext request) {
        return respond(request, 415, "unsupported-media-type",
                Messages.get(RequestLocale.of(request), "problem.unsupported-media-type.detail"), null);
    }

    @ServerExceptionMapper
    public Response notAcceptable(NotAcceptableException e, ContainerRequestContext request) {
        return respond(request, 406, "not-acceptable",
                Messages.get(RequestLocale.of(request), "problem.not-acceptable.detail"), null);
    }

    @ServerExceptionMapper
    public Response methodNotAllowed(NotAllowedException e, ContainerRequestContext request) {
        Response response = respond(request, 405, "method-not-allowed",
                Messages.get(RequestLocale.of(request), "problem.method-not-allowed.detail", request.getMethod()), null);
        return Response.fromResponse(response).allow(e.getResponse().getAllowedMethods()).build();
    }

    /** No resource at this path: JAX-RS's own not-found, not the domain's. */
    @ServerExceptionMapper
    public Response noSuchResource(jakarta.ws.rs.NotFoundException e, ContainerRequestContext request) {
        return respond(request, 404, "not-found",
                Messages.get(RequestLocale.of(request), "problem.no-such-path.detail"), null);
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthenticated(RuntimeException e, ContainerRequestContext request) {
        Response response = respond(request, 401, "unauthenticated",
                Messages.get(RequestLocale.of(request), "problem.unauthenticated.detail"), null);
        return Response.fromResponse(response).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, ContainerRequestContext request) {
        return respond(request, 403, "forbidden",
                Messages.get(RequestLocale.of(request), "problem.forbidden.detail"), null);
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, ContainerRequestContext request) {
        // The JSON reader reports an unreadable body as a 400 whose cause says what was wrong.
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonProcessingException json) {
                return malformed(json, request);
            }
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e, request);
        }
        return respond(request, status, "http-" + status, null, null);
    }

    /**
     * Persistence failures a client can cause: a concurrent change (409), a duplicate that a
     * unique constraint caught (409), a value out of the database's range (400). Losing the
     * database is a 503; the rest is a bug (500).
     */
    @ServerExceptionMapper
    public Response unexpected(Throwable e, ContainerRequestContext request) {
        Locale locale = RequestLocale.of(request);
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ProblemException problem) {
                return problem(problem, request);
            }
            if (cause instanceof DomainException domain) {
                return domain(domain, request);
            }
            if (cause instanceof OptimisticLockException || cause instanceof org.hibernate.StaleStateException) {
                return respond(request, 409, "conflict", Messages.get(locale, "problem.concurrent-change.detail"), null);
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().equals(SERIALIZATION_FAILURE) || sql.getSQLState().equals(DEADLOCK))) {
                // two writers crossed (two imports of overlapping rows, say): the one chosen to give way may try again
                return respond(request, 409, "conflict", Messages.get(locale, "problem.concurrent-change.detail"), null);
            }
            if (cause instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return respond(request, 409, "conflict", Messages.get(locale, "problem.duplicate.detail"), null);
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith(DATA_EXCEPTION)) {
                return respond(request, 400, "invalid-request", Messages.get(locale, "problem.out-of-range.detail"), null);
            }
            if (cause instanceof JDBCConnectionException) {
                LOG.warnf("database unavailable for %s %s: %s", request.getMethod(), path(request), cause.getMessage());
                Response response = respond(request, 503, "service-unavailable",
                        Messages.get(locale, "problem.service-unavailable.detail"), null);
                return Response.fromResponse(response).header("Retry-After", "5").build();
            }
        }
        LOG.errorf(e, "unexpected failure of %s %s", request.getMethod(), path(request));
        return respond(request, 500, "internal-error", Messages.get(locale, "problem.internal-error.detail"), null);
    }

    private Response invalidRequest(ContainerRequestContext request, List<Problem.FieldError> errors) {
        return respond(request, 400, "invalid-request",
                Messages.get(RequestLocale.of(request), "problem.invalid-request.detail", errors.size()), errors);
    }

    private static Response respond(ContainerRequestContext request, int status, String kind, String detail,
                                    List<Problem.FieldError> errors) {
        Locale locale = RequestLocale.of(request);
        Problem problem = Problem.of(locale, status, kind, detail, path(request), errors);
        return Response.status(status)
                .type(Problem.MEDIA_TYPE)
                .header(HttpHeaders.CONTENT_LANGUAGE, locale.getLanguage())
                .entity(problem)
                .build();
    }

    private static String path(ContainerRequestContext request) {
        return request.getUriInfo().getRequestUri().getRawPath();
    }

    /** {@code create.request.positions[0].count} becomes {@code positions[0].count}. */
    private static String fieldOf(ConstraintViolation<?> violation) {
        StringBuilder field = new StringBuilder();
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.PARAMETER
                    || node.getKind() == ElementKind.CROSS_PARAMETER) {
                continue;
            }
            if (node.getIndex() != null) {
                field.append('[').append(node.getIndex()).append(']');
            } else if (node.getKey() != null) {
                field.append('[').append(node.getKey()).append(']');
            }
            if (node.getName() != null && node.getKind() != ElementKind.CONTAINER_ELEMENT) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(node.getName());
            }
        }
        return field.isEmpty() ? "body" : field.toString();
    }

    private static String fieldOf(List<JsonMappingException.Reference> path) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference reference : path) {
            if (reference.getFieldName() != null) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                field.append('[').append(reference.getIndex()).append(']');
            }
        }
        return field.toString();
    }
}
