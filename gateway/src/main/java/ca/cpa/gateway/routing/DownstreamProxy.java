package ca.cpa.gateway.routing;

import ca.cpa.gateway.edge.GatewayProblems;
import ca.cpa.platform.core.problem.Problem;
import ca.cpa.platform.core.tracing.RequestId;
import io.vertx.circuitbreaker.OpenCircuitException;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.http.StreamResetException;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.HttpProxy;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyRequest;
import io.vertx.httpproxy.ProxyResponse;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * Streams requests to one service and its answers back, through Vert.x's reverse proxy. A
 * replica that refuses connections, or sends nothing within the timeout, is answered for:
 * 503 or 504 as a problem document, never a hang, and its circuit breaker counts the failure.
 *
 * <p>A service may close a connection the gateway keeps for the next call (its idle timeout,
 * a shutdown, an error) just as a call takes it. That call is sent again on another
 * connection, and no failure of the replica is counted, when nothing of it was written yet,
 * or when the caller may send it twice anyway: an idempotent method or an
 * {@code Idempotency-Key}, with a body small enough to have been kept. Any other call whose
 * request was written is answered 503: it may have been carried out.
 */
public final class DownstreamProxy {

    private static final Logger LOG = Logger.getLogger(DownstreamProxy.class);
    private static final String ORIGIN = "cpa.origin";
    private static final String SERVICE_REQUEST = "cpa.service-request";
    private static final String ANSWER_BROKEN = "cpa.answer-broken";
    private static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    /** Methods whose effect is the same sent once or twice (RFC 9110, 9.2.2). */
    private static final Set<HttpMethod> IDEMPOTENT = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.PUT,
            HttpMethod.DELETE, HttpMethod.OPTIONS);
    /** The largest request body read whole before it is sent, so that it can be sent again if its connection is lost. */
    private static final int KEPT_BODY_BYTES = 64 * 1024;

    private final Downstream downstream;
    private final HttpProxy proxy;
    private final GatewayProblems problems;
    private final long timeoutMillis;
    private final long retryAfterSeconds;
    private final long maxBodyBytes;
    private final int maxResends;
    private final Function<RequestOptions, Future<Downstreams.ServiceRequest>> requests;

    /**
     * @param maxResends how many times one call may be sent again on another connection: each
     *                   time a kept connection was closed, so at most as many as the pool keeps
     */
    public DownstreamProxy(Downstream downstream, HttpClient client,
                           Function<RequestOptions, Future<Downstreams.ServiceRequest>> requests, GatewayProblems problems,
                           Duration timeout, Duration breakerReset, long maxBodyBytes, int maxResends) {
        this.downstream = downstream;
        this.requests = requests;
        this.problems = problems;
        this.timeoutMillis = timeout.toMillis();
        this.retryAfterSeconds = Math.max(1, breakerReset.toSeconds());
        this.maxBodyBytes = maxBodyBytes;
        this.maxResends = maxResends;
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
        return requests.apply(new RequestOptions()
                        .setHost(origin.host())
                        .setPort(origin.port())
                        .setConnectTimeout(timeoutMillis)
                        .setIdleTimeout(timeoutMillis))
                .onSuccess(call -> context.set(SERVICE_REQUEST, call))
                .map(call -> {
                    // the connection may close before the answer is streamed on: AnswerBody decides what that means
                    call.request().response().onSuccess(answer ->
                            answer.exceptionHandler(broken -> context.set(ANSWER_BROKEN, broken)));
                    // a call abandoned on purpose (a body over the limit, a lost connection) is answered for, not an error to log
                    return call.request().exceptionHandler(failure -> LOG.debugf("call to %s ended: %s", downstream.name(), failure));
                });
    }

    /** Chooses the replica, limits a body of unknown length, and answers for a failed call. */
    private final class Guard implements ProxyInterceptor {

        @Override
        public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
            Promise<Void> tooLarge = Promise.promise();
            ProxyRequest request = context.request();
            Body body = request.getBody();
            if (body.length() < 0) {
                body = Body.body(new LimitedBody(body.stream(), maxBodyBytes, tooLarge::tryComplete), -1);
            }
            boolean sendableTwice = IDEMPOTENT.contains(request.getMethod()) || request.headers().contains(IDEMPOTENCY_KEY);
            boolean chunked = request.headers().contains(HttpHeaders.TRANSFER_ENCODING);
            return ResendableBody.of(body, chunked, sendableTwice, KEPT_BODY_BYTES).compose(
                    resendable -> new Call(context, resendable, downstream.inTurn(), tooLarge.future())
                            .to(0, resendable.first()),
                    unread -> Future.succeededFuture(abandoned(context, tooLarge.future())));
        }

        @Override
        public Future<Void> handleProxyResponse(ProxyContext context) {
            Body answer = context.response().getBody();
            if (answer != null) {
                context.response().setBody(Body.body(new AnswerBody(answer.stream(), answer.length(),
                        context.get(ANSWER_BROKEN, Throwable.class), Vertx.currentContext()), answer.length()));
            }
            // how the service treats its connection to the gateway is no concern of the caller's connection
            context.response().headers().remove(HttpHeaders.CONNECTION).remove(HttpHeaders.KEEP_ALIVE);
            context.response().putHeader(RequestId.HEADER, context.request().proxiedRequest().getHeader(RequestId.HEADER));
            return context.sendResponse();
        }
    }

    /**
     * What one attempt came to: the service's answer; a kept connection the service closed
     * before answering; or neither, the call being abandoned (a body over the limit, a caller
     * that hung up).
     */
    private record Outcome(ProxyResponse answer, Throwable lostConnection) {
        static final Outcome ABANDONED = new Outcome(null, null);
    }

    /** One caller's request on its way to the service: the replicas in turn, and how often it was sent again. */
    private final class Call {

        private final ProxyContext context;
        private final ResendableBody resendable;
        private final List<Downstream.Origin> origins;
        private final Future<Void> tooLarge;
        private int resends;

        Call(ProxyContext context, ResendableBody resendable, List<Downstream.Origin> origins, Future<Void> tooLarge) {
            this.context = context;
            this.resendable = resendable;
            this.origins = origins;
            this.tooLarge = tooLarge;
        }

        /**
         * Calls the replica at {@code index}; one that refused the connection (or whose circuit
         * is open) was sent nothing, so the next replica is tried, whatever the method; so is one
         * whose new connection broke, if the call can be sent again.
         */
        Future<ProxyResponse> to(int index, Body body) {
            Downstream.Origin origin = origins.get(index);
            context.set(ORIGIN, origin);
            context.set(SERVICE_REQUEST, null);
            context.set(ANSWER_BROKEN, null);
            return origin.breaker().<Outcome>execute(attempt -> {
                        tooLarge.onSuccess(exceeded -> attempt.tryComplete(Outcome.ABANDONED));
                        // a request of its own for each attempt: a lost one, still failing, cannot reset the next
                        ProxyRequest request = ProxyRequest.reverseProxy(context.request().proxiedRequest()).setBody(body);
                        connect(context).compose(request::send).onComplete(sent -> {
                            Downstreams.ServiceRequest call = context.get(SERVICE_REQUEST, Downstreams.ServiceRequest.class);
                            if (sent.succeeded()) {
                                attempt.tryComplete(new Outcome(sent.result(), null));
                            } else if (context.request().proxiedRequest().response().closed()) {
                                attempt.tryComplete(Outcome.ABANDONED);
                            } else if (keptConnectionClosed(call, sent.cause())) {
                                attempt.tryComplete(new Outcome(null, sent.cause())); // no failure of the replica
                            } else {
                                attempt.tryFail(sent.cause());
                            }
                        });
                    })
                    .compose(outcome -> {
                        if (outcome.answer() != null) {
                            return Future.succeededFuture(outcome.answer());
                        }
                        if (outcome.lostConnection() != null) {
                            return sendAgain(index, origin, outcome.lostConnection());
                        }
                        return Future.succeededFuture(abandoned(context, tooLarge));
                    }, failure -> {
                        boolean passOver = failure instanceof ConnectException || failure instanceof OpenCircuitException
                                || connectionClosed(failure);
                        Optional<Body> again = passOver && index + 1 < origins.size() ? resendable.again() : Optional.empty();
                        if (again.isPresent()) {
                            LOG.debugf("%s at %s passed over: %s", downstream.name(), origin.uri(), failure);
                            return to(index + 1, again.get());
                        }
                        return Future.succeededFuture(failed(context, origin, failure));
                    });
        }

        /** The same call on another connection to the same replica, if it can be sent again. */
        private Future<ProxyResponse> sendAgain(int index, Downstream.Origin origin, Throwable lostConnection) {
            Optional<Body> again = resends < maxResends ? resendable.again() : Optional.empty();
            HttpServerRequest caller = context.request().proxiedRequest();
            if (again.isEmpty()) {
                LOG.warnf("%s at %s closed the connection before answering %s %s, which is not sent twice: %s",
                        downstream.name(), origin.uri(), caller.method(), caller.path(), lostConnection);
                return Future.succeededFuture(answer(context, 503, "downstream-unavailable",
                        "problem.downstream-connection-lost.detail", downstream.name())
                        .putHeader(HttpHeaders.RETRY_AFTER, "1"));
            }
            resends++;
            LOG.debugf("%s at %s closed a kept connection (%s): %s %s sent again", downstream.name(), origin.uri(),
                    lostConnection, caller.method(), caller.path());
            return to(index, again.get());
        }

        /**
         * The connection broke before the answer began, and it was one kept from an earlier
         * request: found closed when this call took it, or closed by the service since. A new
         * connection that breaks is the replica's failure.
         */
        private boolean keptConnectionClosed(Downstreams.ServiceRequest request, Throwable failure) {
            if (request == null) {
                return failure instanceof HttpClosedException;
            }
            return request.keptConnection() && connectionClosed(failure);
        }
    }

    /**
     * The connection broke: closed, reset, or a write to it failed (the proxy then resets the
     * request, unless the caller hung up or sent too much, which are told apart before).
     */
    private static boolean connectionClosed(Throwable failure) {
        return failure instanceof HttpClosedException || failure instanceof StreamResetException
                || failure instanceof IOException && !(failure instanceof ConnectException);
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

    /** A call abandoned before the service answered: for a body over the limit, or because its caller hung up. */
    private ProxyResponse abandoned(ProxyContext context, Future<Void> tooLarge) {
        return tooLarge.succeeded()
                ? answer(context, 413, "payload-too-large", "problem.payload-too-large.detail", maxBodyBytes)
                : callerGone(context);
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
