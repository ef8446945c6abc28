package ca.cpa.gateway.edge;

import ca.cpa.platform.core.problem.Messages;
import ca.cpa.platform.core.problem.Problem;
import ca.cpa.platform.core.tracing.RequestId;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Locale;

/**
 * The gateway's own answers, RFC 9457 problems in the caller's language, made from the same
 * texts as the services' problems (platform-core).
 */
@ApplicationScoped
public class GatewayProblems {

    @Inject
    ObjectMapper objectMapper;

    /** A problem of {@code kind}, its detail from {@code detailKey}, for the request's path and language. */
    public Answer of(HttpServerRequest request, int status, String kind, String detailKey, Object... arguments) {
        Locale locale = Messages.preferred(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE));
        Problem problem = Problem.of(locale, status, kind, Messages.get(locale, detailKey, arguments),
                request.path(), null);
        try {
            return new Answer(status, locale.getLanguage(), Buffer.buffer(objectMapper.writeValueAsBytes(problem)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a problem document", e);
        }
    }

    /** Ends the exchange with a problem; the request id goes back as it does on every answer. */
    public void send(HttpServerRequest request, int status, String kind, String detailKey, Object... arguments) {
        Answer answer = of(request, status, kind, detailKey, arguments);
        String requestId = request.getHeader(RequestId.HEADER);
        if (requestId != null) {
            request.response().putHeader(RequestId.HEADER, requestId);
        }
        request.response()
                .setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONTENT_LANGUAGE, answer.language())
                .end(answer.body());
    }

    /** A problem document ready to send: its status, language and body. */
    public record Answer(int status, String language, Buffer body) {
    }
}
