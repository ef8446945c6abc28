package ca.cpa.gateway.edge;

import ca.cpa.gateway.routing.DownstreamProxy;
import ca.cpa.gateway.routing.Downstreams;
import ca.cpa.platform.core.tracing.RequestId;
import io.smallrye.jwt.auth.principal.ParseException;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.MDC;

import java.util.Optional;

/**
 * Every API call passes here, in this order: it gets a request id and a trace; it must go to a
 * known service, with a body within that service's limit; its caller is identified by a valid token (the
 * services check it again) and kept within the rate limit; then it is streamed to the service.
 * Whatever is refused here never reaches a service.
 */
@ApplicationScoped
public class EdgeRoutes {

    private static final String BEARER = "Bearer ";
    private static final String FORWARDED_PROTO = "X-Forwarded-Proto";
    private static final String FORWARDED_HOST = "X-Forwarded-Host";
    private static final String FORWARDED_FOR = "X-Forwarded-For";
    private static final String TRACEPARENT = "traceparent";
    private static final String TRACESTATE = "tracestate";
    /** The IETF draft RateLimit header fields (draft-ietf-httpapi-ratelimit-headers), on every answer the limiter saw. */
    public static final String RATE_LIMIT_LIMIT = "RateLimit-Limit";
    public static final String RATE_LIMIT_REMAINING = "RateLimit-Remaining";
    public static final String RATE_LIMIT_RESET = "RateLimit-Reset";

    @Inject
    Downstreams downstreams;

    @Inject
    VerifiedTokens tokens;

    @Inject
    RateLimiter rateLimiter;

    @Inject
    GatewayProblems problems;

    void install(@Observes Router router) {
        router.route("/api/*").handler(this::handle);
    }

    private void handle(RoutingContext routing) {
        HttpServerRequest request = routing.request();
        String requestId = RequestId.acceptOrGenerate(request.getHeader(RequestId.HEADER));
        request.headers().set(RequestId.HEADER, requestId);
        MDC.put(RequestId.LOG_KEY, requestId);
        // the gateway's span continues the caller's trace; the service is told the gateway's own
        // span, which OpenTelemetry adds to the call it makes (it adds, so the caller's must go)
        request.headers().remove(TRACEPARENT).remove(TRACESTATE);

        Optional<DownstreamProxy> service = downstreams.route(request.path());
        if (service.isEmpty()) {
            problems.send(request, 404, "not-found", "problem.no-such-path.detail");
            return;
        }
        Optional<JsonWebToken> caller = authenticate(request);
        Optional<RateLimiter.Allowance> allowance = rateLimiter.take(caller.map(token -> "subject:" + token.getSubject())
                .orElse("address:" + request.remoteAddress().hostAddress()));
        allowance.ifPresent(a -> request.response()
                .putHeader(RATE_LIMIT_LIMIT, Integer.toString(a.limit()))
                .putHeader(RATE_LIMIT_REMAINING, Integer.toString(a.remaining()))
                .putHeader(RATE_LIMIT_RESET, Long.toString(a.secondsUntilFull())));
        if (allowance.isPresent() && allowance.get().secondsToWait() > 0) {
            long wait = allowance.get().secondsToWait();
            request.response().putHeader(HttpHeaders.RETRY_AFTER, Long.toString(wait));
            problems.send(request, 429, "rate-limited", "problem.rate-limited.detail",
                    rateLimiter.ratePerSecond(), rateLimiter.burst(), wait);
            return;
        }
        if (declaredLength(request) > service.get().maxBodyBytes()) {
            problems.send(request, 413, "payload-too-large", "problem.payload-too-large.detail",
                    service.get().maxBodyBytes());
            return;
        }
        if (caller.isEmpty()) {
            request.response().putHeader("WWW-Authenticate", "Bearer");
            problems.send(request, 401, "unauthenticated", "problem.unauthenticated.detail");
            return;
        }
        forwarded(request);
        service.get().handle(request);
    }

    /**
     * What the caller called: the services build the links they answer ({@code Location}) from
     * these, so links point at the gateway, or at the ingress in front of it, never at a service.
     * They are always the gateway's own view, never what a caller claims: Quarkus reads a
     * proxy's {@code X-Forwarded-*} into the request only from the trusted proxies in front of
     * the gateway ({@code CPA_GATEWAY_TRUSTED_PROXIES}), and the services trust only the gateway.
     */
    private static void forwarded(HttpServerRequest request) {
        MultiMap headers = request.headers();
        headers.set(FORWARDED_PROTO, request.scheme());
        if (request.authority() != null) {
            headers.set(FORWARDED_HOST, request.authority().toString());
        } else {
            headers.remove(FORWARDED_HOST);
        }
        headers.set(FORWARDED_FOR, request.remoteAddress().hostAddress());
    }

    /** The caller of a valid, unexpired token from the trusted issuer; empty for anything else. */
    private Optional<JsonWebToken> authenticate(HttpServerRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Optional.empty();
        }
        try {
            return Optional.of(tokens.verify(authorization.substring(BEARER.length()).trim()));
        } catch (ParseException invalid) {
            return Optional.empty();
        }
    }

    private static long declaredLength(HttpServerRequest request) {
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length == null) {
            return 0;
        }
        try {
            return Long.parseLong(length.trim());
        } catch (NumberFormatException malformed) {
            return 0; // the proxy refuses a malformed length itself
        }
    }
}
