package ca.cpa.gateway;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;

import java.util.List;
import java.util.TreeMap;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

/**
 * A stand-in for a service behind the gateway, so that the gateway's own behaviour can be
 * driven: it records what reaches it, answers with what it saw (after the delay its caller asks
 * for in {@value #DELAY_HEADER}, if any), and can hang or stop. (The
 * real services behind the real gateway are exercised by the end-to-end tests.)
 */
public final class StubService {

    /** Milliseconds the stand-in waits, once it has the whole body, before it answers. */
    public static final String DELAY_HEADER = "X-Stub-Delay-Millis";

    /** What reached the service. */
    public record Received(String method, String uri, Map<String, String> headers, int bodyBytes) {
    }

    private final String name;
    private final String openApi;
    private final Vertx vertx;
    private final int port;
    private final ConcurrentLinkedQueue<Received> received = new ConcurrentLinkedQueue<>();
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
        request.body().onSuccess(body -> {
            Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            request.headers().forEach(header -> headers.put(header.getKey(), header.getValue()));
            received.add(new Received(request.method().name(), request.uri(), headers, body.length()));
            if (hanging) {
                return;
            }
            String delay = request.getHeader(DELAY_HEADER);
            if (delay != null) {
                vertx.setTimer(Long.parseLong(delay), timer -> answer(request, body.length()));
            } else {
                answer(request, body.length());
            }
        });
    }

    private void answer(HttpServerRequest request, int bodyBytes) {
        JsonObject echo = new JsonObject()
                .put("service", name)
                .put("method", request.method().name())
                .put("uri", request.uri())
                .put("requestId", request.getHeader("X-Request-Id"))
                .put("traceparent", request.getHeader("traceparent"))
                .put("bodyBytes", bodyBytes);
        if (request.path().endsWith("/teapot")) {
            request.response().setStatusCode(418).putHeader("X-Stub", "short and stout")
                    .putHeader("Content-Type", "application/json").end(echo.encode());
        } else if (request.method().name().equals("POST")) {
            request.response().setStatusCode(201)
                    .putHeader("Location", "http://localhost:" + port + request.path() + "/created-id")
                    .putHeader("ETag", "\"0\"")
                    .putHeader("Content-Type", "application/json").end(echo.encode());
        } else {
            request.response().putHeader("Content-Type", "application/json").end(echo.encode());
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
