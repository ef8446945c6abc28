package ca.cpa.platform.tracing;

import ca.cpa.platform.core.tracing.RequestId;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Takes the request id from the request's headers (the gateway's, or a new one), writes it in
 * the request's log lines and returns it. Traces need nothing here: OpenTelemetry continues the
 * caller's {@code traceparent}.
 */
public class RequestIdFilters {

    @ServerRequestFilter(preMatching = true)
    public void enter(ContainerRequestContext request) {
        String requestId = RequestId.acceptOrGenerate(request.getHeaderString(RequestId.HEADER));
        request.setProperty(RequestId.LOG_KEY, requestId);
        MDC.put(RequestId.LOG_KEY, requestId);
    }

    @ServerResponseFilter
    public void returnRequestId(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(RequestId.LOG_KEY) instanceof String requestId) {
            response.getHeaders().putSingle(RequestId.HEADER, requestId);
        }
    }
}
