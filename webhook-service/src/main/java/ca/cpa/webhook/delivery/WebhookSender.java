package ca.cpa.webhook.delivery;

import ca.cpa.webhook.WebhookConfig;
import ca.cpa.webhook.subscription.Destination;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.core.tracing.TracingPolicy;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Sends one delivery's request: to the address already checked (never resolving the host again,
 * which a rebinding name could answer differently), with the url's host as {@code Host} and for
 * TLS (SNI and certificate check). No redirect is followed; the whole exchange must end within
 * the timeout; at most 64 KiB of the answer is read, and its start kept for the owner to see.
 */
@ApplicationScoped
public class WebhookSender {

    /** What came of an attempt: a status code, or why there was none. */
    public record Outcome(Integer statusCode, String error, String answer) {

        public boolean succeeded() {
            return statusCode != null && statusCode >= 200 && statusCode < 300;
        }

        static Outcome failed(String error) {
            return new Outcome(null, error, null);
        }
    }

    static final int MAX_ANSWER_BYTES = 64 * 1024;
    static final int KEPT_ANSWER_CHARS = 300;

    private final Vertx vertx;
    private final HttpClient client;
    private final long timeoutMillis;

    @Inject
    public WebhookSender(Vertx vertx, WebhookConfig config) {
        this.vertx = vertx;
        this.timeoutMillis = config.delivery().timeout().toMillis();
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) timeoutMillis)
                .setMaxPoolSize(Math.max(4, config.delivery().concurrency() / 4))
                .setKeepAlive(true)
                .setKeepAliveTimeout(30)
                .setVerifyHost(true)
                .setForceSni(true)
                .setDecompressionSupported(false)
                // a partner's system is outside our traces: no span, and no traceparent sent to it
                .setTracingPolicy(TracingPolicy.IGNORE));
    }

    @PreDestroy
    void close() {
        client.close();
    }

    public CompletionStage<Outcome> send(Destination destination, InetAddress address, MultiMap headers, byte[] body) {
        CompletableFuture<Outcome> outcome = new CompletableFuture<>();
        AtomicReference<HttpClientRequest> sent = new AtomicReference<>();
        long deadline = vertx.setTimer(timeoutMillis, id -> {
            if (outcome.complete(Outcome.failed("no answer within " + timeoutMillis + " ms")) && sent.get() != null) {
                sent.get().reset();
            }
        });
        outcome.whenComplete((result, failure) -> vertx.cancelTimer(deadline));
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setServer(SocketAddress.inetSocketAddress(destination.port(), address.getHostAddress()))
                .setHost(destination.host())
                .setPort(destination.port())
                .setSsl(destination.secure())
                .setURI(destination.pathAndQuery())
                .setHeaders(headers)
                .setFollowRedirects(false);
        // All of one exchange runs on one Vert.x context: the answer's head and end come to it in
        // order, and the handlers below are set as the head arrives. Listening from elsewhere, they
        // were sometimes set after an empty answer had already ended, which was then never seen:
        // taken for no answer and sent again.
        vertx.getOrCreateContext().runOnContext(started -> client.request(options)
                .onSuccess(request -> {
                    sent.set(request);
                    request.send(Buffer.buffer(body))
                            .onSuccess(response -> read(response, outcome))
                            .onFailure(failure -> outcome.complete(Outcome.failed(describe(failure))));
                })
                .onFailure(failure -> outcome.complete(Outcome.failed(describe(failure)))));
        return outcome;
    }

    /** Reads the answer up to its end, or up to the first 64 KiB and no further. */
    private static void read(HttpClientResponse response, CompletableFuture<Outcome> outcome) {
        Buffer answer = Buffer.buffer();
        AtomicBoolean cut = new AtomicBoolean();
        response.handler(chunk -> {
            if (cut.get()) {
                return;
            }
            if (answer.length() + chunk.length() > MAX_ANSWER_BYTES) {
                cut.set(true);
                answer.appendBuffer(chunk, 0, MAX_ANSWER_BYTES - answer.length());
                outcome.complete(new Outcome(response.statusCode(), null, excerpt(answer)));
                response.request().reset(); // the rest is not read
            } else {
                answer.appendBuffer(chunk);
            }
        });
        response.endHandler(end -> outcome.complete(new Outcome(response.statusCode(), null, excerpt(answer))));
        response.exceptionHandler(failure -> outcome.complete(new Outcome(response.statusCode(), null, excerpt(answer))));
    }

    private static String excerpt(Buffer answer) {
        String text = answer.getString(0, Math.min(answer.length(), KEPT_ANSWER_CHARS * 4), StandardCharsets.UTF_8.name());
        text = text.length() > KEPT_ANSWER_CHARS ? text.substring(0, KEPT_ANSWER_CHARS) : text;
        return text.isBlank() ? null : text.strip();
    }

    private static String describe(Throwable failure) {
        String message = failure.getMessage();
        return failure.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
