package ca.cpa.platform.tracing;

import ca.cpa.platform.core.tracing.TraceParent;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import jakarta.enterprise.context.RequestScoped;

import java.util.Optional;

/**
 * The trace and request id of the work in progress: an HTTP request (from its headers) or an
 * inbound event (from its {@code traceparent} extension). The outbox stamps every event it
 * stores with it, so the events a request causes continue the request's trace.
 */
@RequestScoped
public class TraceContext {

    private TraceParent traceParent;
    private String requestId;

    public void enter(TraceParent traceParent, String requestId) {
        this.traceParent = traceParent;
        this.requestId = requestId;
    }

    public TraceParent traceParent() {
        if (traceParent == null) {
            traceParent = TraceParent.start();
        }
        return traceParent;
    }

    public Optional<String> requestId() {
        return Optional.ofNullable(requestId);
    }

    /** The current trace, or a new one for work no request or event started (a scheduled job). */
    public static TraceParent current() {
        ManagedContext requestContext = Arc.container().requestContext();
        return requestContext.isActive() ? Arc.container().instance(TraceContext.class).get().traceParent()
                : TraceParent.start();
    }

    /** Runs {@code work} continuing the trace of an inbound event's {@code traceparent}. */
    public static void within(String traceparent, Runnable work) {
        ManagedContext requestContext = Arc.container().requestContext();
        boolean activated = !requestContext.isActive();
        if (activated) {
            requestContext.activate();
        }
        try {
            Arc.container().instance(TraceContext.class).get().enter(TraceParent.continueOrStart(traceparent), null);
            work.run();
        } finally {
            if (activated) {
                requestContext.terminate();
            }
        }
    }
}
