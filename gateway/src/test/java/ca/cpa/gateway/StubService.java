package ca.cpa.gateway;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

/**
 * A stand-in for a service behind the gateway, so that the gateway's own behaviour can be
 * driven: it records what reaches it, answers with what it saw (after the delay its caller asks
 * for in {@value #DELAY_HEADER}, if any), can hang or stop, and closes connections as its
 * caller asks in {@value #CLOSE_HEADER} and {@value #IDLE_CLOSE_HEADER}. (The real services
 * behind the real gateway are exercised by the end-to-end tests.)
 */
public final class StubService {

    /** Milliseconds the stand-in waits, once it has the whole body, before it answers. */
    public static final String DELAY_HEADER = "X-Stub-Delay-Millis";
    /** How the stand-in closes the connection a request came on: one of {@link Close}. */
    public static final String CLOSE_HEADER = "X-Stub-Close";
    /**
     * An idle timeout for the connection, in milliseconds, once this request is answered: with no
     * further request on it by then, the stand-in closes it, as a service closes idle connections.
     */
    public static final String IDLE_CLOSE_HEADER = "X-Stub-Idle-Close-Millis";

    /** The ways a service closes a connection. */
    public enum Close {
        /** Answers, then closes the connection without saying so beforehand. */
        AFTER_ANSWER,
        /** Answers with {@code Connection: close}, then closes the connection. */
        ANNOUNCED,
        /** Refuses the body's media type (415) without reading the body, and closes the connection once it has arrived. */
        REFUSE_UNREAD,
        /**
         * The first time a request id is seen: reads the request and closes the connection without
         * answering (as a service that stops, or closes an idle connection just as a request
         * arrives); an answer as usual for the same request id sent again.
         */
        FIRST_WITHOUT_ANSWER;

        public String header() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }

        static Close of(String header) {
            return header == null ? null : valueOf(header.toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
        }
    }

    /** What reached the service. */
    public record Received(String method, String uri, Map<String, String> headers, int bodyBytes) {
    }

    private final String name;
    private final String openApi;
    private final Vertx vertx;
    private final int port;
    private final ConcurrentLinkedQueue<Received> received = new ConcurrentLinkedQueue<>();
    private final Set<String> closedWithoutAnswer = ConcurrentHashMap.newKeySet();
    private final Map<HttpConnection, Long> idleTimers = new ConcurrentHashMap<>();
    private volatile boolean hanging;
    private HttpServer server;

    StubService(String name, String openApi, Vertx vertx, int port) {
        this.name = name;
        this.openApi = openApi;
        this.vertx = vertx;
        this.port = port;
    }

    public int port() {
        return port;
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    public List<Received> receivedFor(String uriPrefix) {
        return received.stream().filter(r -> r.uri().startsWith(uriPrefix)).toList();
    }

    /** Accepts connections but never answers. */
    public void hang() {
        hanging = true;
    }

    public void answer() {
        hanging = false;
    }

    public synchronized void start() {
        if (server == null) {
            server = await(vertx.createHttpServer().requestHandler(this::handle).listen(port, "localhost"));
        }
    }

    /** Stops listening: connections are refused. */
    public synchronized void stop() {
        if (server != null) {
            await(server.close());
            server = null;
        }
    }

    private void handle(HttpServerRequest request) {
        if (request.path().equals("/q/health/ready")) {
            request.response().end(new JsonObject().put("status", "UP").encode());
            return;
        }
        if (request.path().equals("/q/openapi")) {
            request.response().putHeader("Content-Type", "application/json").end(openApi);
            return;
        }
        HttpConnection connection = request.connection();
        Long idleTimer = idleTimers.remove(connection);
        if (idleTimer != null) {
            vertx.cancelTimer(idleTimer);
        }
        Close close = Close.of(request.getHeader(CLOSE_HEADER));
        if (close == Close.REFUSE_UNREAD) {
            record(request, -1);
            Future<Void> answered = request.response().setStatusCode(415).putHeader("Content-Type", "application/problem+json")
                    .end(new JsonObject().put("status", 415).encode());
            // once the body has arrived (unread): closing with bytes still on their way would make
            // TCP reset the connection, and the answer could be lost before the gateway reads it
            Promise<Void> arrived = Promise.promise();
            if (request.isEnded()) {
                arrived.complete();
            } else {
                request.endHandler(arrived::tryComplete);
            }
            Future.all(answered, arrived.future()).onComplete(done -> connection.close());
            return;
        }
        request.body().onSuccess(body -> {
            record(request, body.length());
            if (hanging) {
                return;
            }
            if (close == Close.FIRST_WITHOUT_ANSWER && closedWithoutAnswer.add(request.getHeader("X-Request-Id"))) {
                connection.close();
                return;
            }
            String delay = request.getHeader(DELAY_HEADER);
            if (delay != null) {
                vertx.setTimer(Long.parseLong(delay), timer -> answer(request, body.length(), close));
            } else {
                answer(request, body.length(), close);
            }
        });
    }

    private void record(HttpServerRequest request, int bodyBytes) {
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        request.headers().forEach(header -> headers.put(header.getKey(), header.getValue()));
        received.add(new Received(request.method().name(), request.uri(), headers, bodyBytes));
    }

    private void answer(HttpServerRequest request, int bodyBytes, Close close) {
        HttpConnection connection = request.connection();
        if (close == Close.ANNOUNCED) {
            request.response().putHeader("Connection", "close");
        }
        String idle = request.getHeader(IDLE_CLOSE_HEADER);
        answer(request, bodyBytes).onComplete(done -> {
            if (close == Close.AFTER_ANSWER || close == Close.ANNOUNCED) {
                connection.close();
            } else if (idle != null) {
                long[] timer = new long[1];
                timer[0] = vertx.setTimer(Long.parseLong(idle), fired -> {
                    if (idleTimers.remove(connection, timer[0])) {
                        connection.close();
                    }
                });
                idleTimers.put(connection, timer[0]);
            }
        });
    }

    private Future<Void> answer(HttpServerRequest request, int bodyBytes) {
        JsonObject echo = new JsonObject()
                .put("service", name)
                .put("method", request.method().name())
                .put("uri", request.uri())
                .put("requestId", request.getHeader("X-Request-Id"))
                .put("traceparent", request.getHeader("traceparent"))
                .put("bodyBytes", bodyBytes);
        if (request.headers().contains("If-None-Match")) {
            // a read of what the caller already has: its ETag, and no body
            return request.response().setStatusCode(304).putHeader("ETag", request.getHeader("If-None-Match")).end();
        } else if (request.path().endsWith("/teapot")) {
            return request.response().setStatusCode(418).putHeader("X-Stub", "short and stout")
                    .putHeader("Content-Type", "application/json").end(echo.encode());
        } else if (request.method().name().equals("POST")) {
            return request.response().setStatusCode(201)
                    .putHeader("Location", "http://localhost:" + port + request.path() + "/created-id")
                    .putHeader("ETag", "\"0\"")
                    .putHeader("Content-Type", "application/json").end(echo.encode());
        } else {
            return request.response().putHeader("Content-Type", "application/json").end(echo.encode());
        }
    }

    private static <T> T await(io.vertx.core.Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
