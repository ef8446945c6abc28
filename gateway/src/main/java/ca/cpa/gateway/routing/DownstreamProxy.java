package ca.cpa.gateway.routing;

import ca.cpa.gateway.edge.GatewayProblems;
import ca.cpa.platform.core.problem.Problem;
import ca.cpa.platform.core.tracing.RequestId;
import io.vertx.circuitbreaker.OpenCircuitException;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.RequestOptions;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.HttpProxy;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;
import org.jboss.logging.Logger;

import java.net.ConnectException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeoutException;

/**
 * Streams requests to one service and its answers back, through Vert.x's reverse proxy. A
 * replica that refuses connections, or sends nothing within the timeout, is answered for:
 * 503 or 504 as a problem document, never a hang, and its circuit breaker counts the failure.
 */
public final class DownstreamProxy {

    private static final Logger LOG = Logger.getLogger(DownstreamProxy.class);
    private static final String ORIGIN = "cpa.origin";

    private final Downstream downstream;
    private final HttpProxy proxy;
    private final GatewayProblems problems;
    private final long timeoutMillis;
    private final long retryAfterSeconds;
    private final long maxBodyBytes;

    public DownstreamProxy(Downstream downstream, HttpClient client, GatewayProblems problems, Duration timeout,
                           Duration breakerReset, long maxBodyBytes) {
        this.downstream = downstream;
        this.problems = problems;
        this.timeoutMillis = timeout.toMillis();
        this.retryAfterSeconds = Math.max(1, breakerReset.toSeconds());
        this.maxBodyBytes = maxBodyBytes;
        this.proxy = HttpProxy.reverseProxy(client)
                .origin(this::connect)
                .addInterceptor(new Guard());
    }

    public void handle(HttpServerRequest request) {
        proxy.handle(request);
    }

    /** The largest request body this service is sent. */
    public long maxBodyBytes() {
        return maxBodyBytes;
    }

    private Future<HttpClientRequest> connect(ProxyContext context) {
        Downstream.Origin origin = context.get(ORIGIN, Downstream.Origin.class);
        return context.client().request(new RequestOptions()
                .setHost(origin.host())
                .setPort(origin.port())
                .setConnectTimeout(timeoutMillis)
                .setIdleTimeout(timeoutMillis))
                // a call abandoned on purpose (a body over the limit) is answered for, not an error to log
                .onSuccess(request -> request.exceptionHandler(failure ->
                        LOG.debugf("call to %s ended: %s", downstream.name(), failure)));
    }

    /** Chooses the replica, limits a body of unknown length, and answers for a failed call. */
    private final class Guard implements ProxyInterceptor {

        @Override
        public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
            Promise<Void> tooLarge = Promise.promise();
            Body body = context.request().getBody();
            if (body != null && body.length() < 0) {
                context.request().setBody(Body.body(new LimitedBody(body.stream(), maxBodyBytes, tooLarge::tryComplete), -1));
            }
            return call(context, downstream.inTurn(), 0, tooLarge.future());
        }

        /**
         * Calls the replica at {@code index}; one that refused the connection (or whose circuit is
         * open) was sent nothing, so the next replica is tried, whatever the method.
         */
        private Future<ProxyResponse> call(ProxyContext context, List<Downstream.Origin> origins, int index,
                                           Future<Void> tooLarge) {
            Downstream.Origin origin = origins.get(index);
            context.set(ORIGIN, origin);
            return origin.breaker().<ProxyResponse>execute(attempt -> {
                        // null: the caller's body is too large, or the caller hung up: no failure of the replica
                        tooLarge.onSuccess(exceeded -> attempt.tryComplete(null));
                        context.sendRequest().onComplete(outcome -> {
                            if (outcome.succeeded()) {
                                attempt.tryComplete(outcome.result());
                            } else if (context.request().proxiedRequest().response().closed()) {
                                attempt.tryComplete(null);
                            } else {
                                attempt.tryFail(outcome.cause());
                            }
                        });
                    })
                    .map(response -> response != null ? response : tooLarge.succeeded()
                            ? answer(context, 413, "payload-too-large", "problem.payload-too-large.detail", maxBodyBytes)
                            : callerGone(context))
                    .recover(failure -> {
                        boolean nothingSent = failure instanceof ConnectException || failure instanceof OpenCircuitException;
                        if (nothingSent && index + 1 < origins.size()) {
                            LOG.debugf("%s at %s passed over: %s", downstream.name(), origin.uri(), failure);
                            return call(context, origins, index + 1, tooLarge);
                        }
                        return Future.succeededFuture(failed(context, origin, failure));
                    });
        }

        @Override
        public Future<Void> handleProxyResponse(ProxyContext context) {
            context.response().putHeader(RequestId.HEADER, context.request().proxiedRequest().getHeader(RequestId.HEADER));
            return context.sendResponse();
        }
    }

    private ProxyResponse failed(ProxyContext context, Downstream.Origin origin, Throwable failure) {
        if (failure instanceof OpenCircuitException) {
            return answer(context, 503, "downstream-unavailable", "problem.downstream-unavailable.detail",
                    downstream.name()).putHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
        }
        LOG.warnf("%s at %s failed: %s", downstream.name(), origin.uri(), failure.toString());
        if (failure instanceof TimeoutException) {
            return answer(context, 504, "downstream-timeout", "problem.downstream-timeout.detail",
                    downstream.name(), timeoutMillis);
        }
        return answer(context, 503, "downstream-unavailable", "problem.downstream-unavailable.detail",
                downstream.name()).putHeader(HttpHeaders.RETRY_AFTER, "1");
    }

    /** The call abandoned by its caller (it closed the connection): nothing can be answered, nothing is logged. */
    private ProxyResponse callerGone(ProxyContext context) {
        LOG.debugf("the caller of %s %s hung up", context.request().getMethod(), context.request().getURI());
        return context.request().release().response().setStatusCode(499);
    }

    private ProxyResponse answer(ProxyContext context, int status, String kind, String detailKey, Object... arguments) {
        HttpServerRequest request = context.request().proxiedRequest();
        GatewayProblems.Answer answer = problems.of(request, status, kind, detailKey, arguments);
        return context.request().release().response()
                .setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONTENT_LANGUAGE, answer.language())
                .setBody(Body.body(answer.body()));
    }
}
