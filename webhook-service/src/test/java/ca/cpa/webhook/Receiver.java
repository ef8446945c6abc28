package ca.cpa.webhook;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A partner's receiver, on a port of this machine: it records every request it gets and answers
 * as the test says (by default 204 at once).
 */
final class Receiver implements AutoCloseable {

    /** A request as received, and the status it was answered. */
    record Received(String path, Map<String, List<String>> headers, String body, Instant at, int answered) {

        String header(String name) {
            return headers.entrySet().stream().filter(entry -> entry.getKey().equalsIgnoreCase(name))
                    .map(entry -> entry.getValue().get(0)).findFirst().orElse(null);
        }

        String webhookId() {
            return header("webhook-id");
        }

        boolean succeeded() {
            return answered >= 200 && answered < 300;
        }
    }

    /** How to answer a request: a status, and optionally headers and a body. */
    record Answer(int status, Map<String, String> headers, byte[] body) {

        static Answer of(int status) {
            return new Answer(status, Map.of(), new byte[0]);
        }
    }

    private final HttpServer server;
    /** A path of its own: a port freed by another test's receiver may still be some old subscription's url. */
    private final String prefix = "/r-" + java.util.UUID.randomUUID().toString().substring(0, 8);
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile Function<Received, Answer> answers = request -> Answer.of(204);
    private final java.util.concurrent.atomic.AtomicInteger answersCut = new java.util.concurrent.atomic.AtomicInteger();

    Receiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/", this::handle);
        server.start();
    }

    /** The url of a path on this receiver. */
    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + prefix + path;
    }

    Receiver answering(Function<Received, Answer> answers) {
        this.answers = answers;
        return this;
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    List<Received> succeeded() {
        return received.stream().filter(Received::succeeded).toList();
    }

    /** How many answers' bodies the client stopped reading before their end. */
    int answersCut() {
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
