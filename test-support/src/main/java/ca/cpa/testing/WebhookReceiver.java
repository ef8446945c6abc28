package ca.cpa.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A partner's webhook receiver, on a port of this machine: it records every request it gets and answers
 * as the test says (by default 204 at once).
 */
public final class WebhookReceiver implements AutoCloseable {

    /** A request as received, and the status it was answered. */
    public record Received(String path, Map<String, List<String>> headers, String body, Instant at, int answered) {

        public String header(String name) {
            return headers.entrySet().stream().filter(entry -> entry.getKey().equalsIgnoreCase(name))
                    .map(entry -> entry.getValue().get(0)).findFirst().orElse(null);
        }

        public String webhookId() {
            return header("webhook-id");
        }

        /** Whether one of its signatures is the secret's over id.timestamp.body (Standard Webhooks, written from the specification). */
        public boolean signedWith(String secret) {
            try {
                byte[] key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(key, "HmacSHA256"));
                byte[] expected = mac.doFinal((webhookId() + "." + header("webhook-timestamp") + "." + body)
                        .getBytes(StandardCharsets.UTF_8));
                return Arrays.stream(header("webhook-signature").split(" "))
                        .filter(signature -> signature.startsWith("v1,"))
                        .map(signature -> Base64.getDecoder().decode(signature.substring(3)))
                        .anyMatch(signature -> MessageDigest.isEqual(signature, expected));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        public boolean succeeded() {
            return answered >= 200 && answered < 300;
        }
    }

    /** How to answer a request: a status, and optionally headers and a body. */
    public record Answer(int status, Map<String, String> headers, byte[] body) {

        public static Answer of(int status) {
            return new Answer(status, Map.of(), new byte[0]);
        }
    }

    private final HttpServer server;
    /** A path of its own: a port freed by another test's receiver may still be some old subscription's url. */
    private final String prefix = "/r-" + UUID.randomUUID().toString().substring(0, 8);
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile Function<Received, Answer> answers = request -> Answer.of(204);
    private final AtomicInteger answersCut = new AtomicInteger();

    public WebhookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // a thread for each request: none waits for a thread, so a request is in the answering
        // function for as long as its sender waits for the answer (what a test counting those in flight needs)
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::handle);
        server.start();
    }

    /** The url of a path on this receiver. */
    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + prefix + path;
    }

    public WebhookReceiver answering(Function<Received, Answer> answers) {
        this.answers = answers;
        return this;
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    public List<Received> succeeded() {
        return received.stream().filter(Received::succeeded).toList();
    }

    /** How many answers' bodies the client stopped reading before their end. */
    public int answersCut() {
        return answersCut.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String path = exchange.getRequestURI().toString();
            if (!path.startsWith(prefix + "/")) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            Received request = new Received(path.substring(prefix.length()), Map.copyOf(exchange.getRequestHeaders()),
                    body, Instant.now(), 0);
            Answer answer = answers.apply(request);
            received.add(new Received(request.path(), request.headers(), body, request.at(), answer.status()));
            answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            exchange.sendResponseHeaders(answer.status(), answer.body().length == 0 ? -1 : answer.body().length);
            if (answer.body().length > 0) {
                try {
                    exchange.getResponseBody().write(answer.body());
                } catch (IOException e) {
                    answersCut.incrementAndGet();
                }
            }
        } catch (IOException | RuntimeException e) {
            // a client that gave up (a timeout, a cut answer) closes the connection under us
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
