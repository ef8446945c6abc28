package ca.cpa.platform.tracing;

import ca.cpa.platform.core.tracing.RequestId;
import ca.cpa.platform.core.tracing.TraceParent;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/** Takes the trace and request id from the request's headers (the gateway's, or new ones) and returns the id. */
public class TraceContextFilters {

    @Inject
    TraceContext trace;

    @ServerRequestFilter(preMatching = true)
    public void enter(ContainerRequestContext request) {
        trace.enter(TraceParent.continueOrStart(request.getHeaderString(TraceParent.HEADER)),
                RequestId.acceptOrGenerate(request.getHeaderString(RequestId.HEADER)));
    }

    @ServerResponseFilter
    public void returnRequestId(ContainerResponseContext response) {
        trace.requestId().ifPresent(id -> response.getHeaders().putSingle(RequestId.HEADER, id));
    }
}
