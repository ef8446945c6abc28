package ca.cpa.bench;

import ca.cpa.runtime.LocalSuite;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.apache.kafka.clients.producer.KafkaProducer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * webhook-service's delivery latency: events announced on a topic at 50 a second, each to 20
 * subscriptions whose receiver (on this machine) answers at once, so 1,000 deliveries a second;
 * the time from an event's announcement to its arrival at the receiver, for every delivery.
 */
final class WebhookBenchmark {

    static final int SUBSCRIPTIONS = 20;
    static final int EVENTS_PER_SECOND = 50;
    private static final String TYPE = "ca.cpa.mission.status-changed.v1";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final LocalSuite suite;
    private final String planner;
    private final int seconds;
    private final int warmUpSeconds;
    /** When each event was announced (ms since the epoch), by ce_id. */
    private final Map<String, Long> announced = new ConcurrentHashMap<>();
    /** Each delivery's arrival (ms since the epoch), by subscription path and ce_id. */
    private final Map<String, Long> arrived = new ConcurrentHashMap<>();
    private final AtomicInteger duplicates = new AtomicInteger();

    WebhookBenchmark(LocalSuite suite, String planner, int seconds, int warmUpSeconds) {
        this.suite = suite;
        this.planner = planner;
        this.seconds = seconds;
        this.warmUpSeconds = warmUpSeconds;
    }

    void measure(Map<String, Object> report, Table table) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(16);
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 200);
        receiver.setExecutor(threads);
        receiver.createContext("/", this::receive);
        receiver.start();
        List<String> subscriptions = new ArrayList<>();
        try (KafkaProducer<String, byte[]> producer = Events.producer(suite.bootstrapServers())) {
            for (int i = 0; i < SUBSCRIPTIONS; i++) {
                subscriptions.add(subscribe("http://127.0.0.1:" + receiver.getAddress().getPort() + "/s" + i));
            }
            announce(producer, warmUpSeconds);
            awaitDeliveries(Set.copyOf(announced.keySet()), Duration.ofSeconds(60));
            announced.clear();
            arrived.clear();
            duplicates.set(0);

            long measurementStart = System.currentTimeMillis();
            announce(producer, seconds);
            Set<String> measured = Set.copyOf(announced.keySet());
            boolean complete = awaitDeliveries(measured, Duration.ofSeconds(120));
            List<Double> latencies = new ArrayList<>();
            arrived.forEach((key, at) -> {
                Long sent = announced.get(key.substring(key.indexOf(' ') + 1));
                if (sent != null) {
                    latencies.add((double) (at - sent));
                }
            });
            int expected = measured.size() * SUBSCRIPTIONS;
            double p50 = Figures.percentile(latencies, 50);
            double p99 = Figures.percentile(latencies, 99);
            double max = latencies.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
            Map<String, Object> results = new LinkedHashMap<>();
            results.put("events", measured.size());
            results.put("deliveriesExpected", expected);
            results.put("deliveriesArrived", latencies.size());
            results.put("duplicates", duplicates.get());
            results.put("p50Ms", p50);
            results.put("p99Ms", p99);
            results.put("maxMs", max);
            Map<String, Object> late = late(measurementStart);
            results.put("late", late);
            report.put("webhooks", results);
            table.add(String.format(Locale.ROOT, "webhooks: event announced → delivered, %d events/s × %d subscriptions "
                            + "(%,d deliveries/s, receivers answer at once), p50 · p99 · max ms", EVENTS_PER_SECOND,
                            SUBSCRIPTIONS, EVENTS_PER_SECOND * SUBSCRIPTIONS),
                    String.format(Locale.ROOT, "%.0f · %.0f · %.0f", p50, p99, max), "p99 ≤ 1,000", complete && p99 <= 1000);
            table.add("webhooks: deliveries arrived of expected · duplicates",
                    String.format(Locale.ROOT, "%,d of %,d · %d", latencies.size(), expected, duplicates.get()),
                    "all · 0", complete && duplicates.get() == 0);
            if ((int) late.get("deliveries") > 0) {
                table.add("webhooks: deliveries later than 1 s · their events announced (s into the run) · subscriptions · "
                                + "where their time went (median ms): to the event's arrival in webhook-service · waiting "
                                + "to be sent · the last attempt · attempts (most)",
                        String.format(Locale.ROOT, "%,d · %s · %s · %s · %s · %s · %s", late.get("deliveries"),
                                late.get("announcedSeconds"), late.get("subscriptions"), late.get("toArrivalMs"),
                                late.get("waitingMs"), late.get("lastAttemptMs"), late.get("mostAttempts")));
            }
        } finally {
            for (String subscription : subscriptions) {
                call("DELETE", "/api/v1/webhook-subscriptions/" + subscription, null);
            }
            receiver.stop(0);
            threads.shutdownNow();
        }
    }

    /**
     * Where the deliveries later than a second spent their time, from webhook-service's own
     * records of each (read before the subscriptions, and with them their deliveries, go).
     */
    private Map<String, Object> late(long measurementStart) throws SQLException {
        Map<String, Long> late = new HashMap<>();
        arrived.forEach((key, at) -> {
            Long sent = announced.get(key.substring(key.indexOf(' ') + 1));
            if (sent != null && at - sent > 1000) {
                late.put(key, at);
            }
        });
        List<Double> toArrival = new ArrayList<>();
        List<Double> waiting = new ArrayList<>();
        List<Double> lastAttempt = new ArrayList<>();
        Set<String> subscriptions = new HashSet<>();
        long firstAnnounced = Long.MAX_VALUE;
        long lastAnnounced = Long.MIN_VALUE;
        int mostAttempts = 0;
        try (Connection connection = suite.database("webhook-service");
             PreparedStatement statement = connection.prepareStatement("""
                     SELECT d.subscription_id, d.attempts, e.received_at, d.last_attempt_at
                     FROM webhook_delivery d JOIN webhook_event e ON e.id = d.event_id
                     WHERE d.event_id = ? AND d.subscription_id IN
                           (SELECT id FROM webhook_subscription WHERE url LIKE ?)""")) {
            for (Map.Entry<String, Long> delivery : late.entrySet()) {
                String key = delivery.getKey();
                String eventId = key.substring(key.indexOf(' ') + 1);
                long sent = announced.get(eventId);
                firstAnnounced = Math.min(firstAnnounced, sent);
                lastAnnounced = Math.max(lastAnnounced, sent);
                subscriptions.add(key.substring(0, key.indexOf(' ')));
                statement.setObject(1, UUID.fromString(eventId));
                statement.setString(2, "%" + key.substring(0, key.indexOf(' ')));
                try (ResultSet rows = statement.executeQuery()) {
                    if (rows.next() && rows.getTimestamp(3) != null && rows.getTimestamp(4) != null) {
                        long received = rows.getTimestamp(3).getTime();
                        long attempted = rows.getTimestamp(4).getTime();
                        mostAttempts = Math.max(mostAttempts, rows.getInt(2));
                        toArrival.add((double) (received - sent));
                        waiting.add((double) (attempted - received));
                        lastAttempt.add((double) (delivery.getValue() - attempted));
                    }
                }
            }
        }
        Map<String, Object> described = new LinkedHashMap<>();
        described.put("deliveries", late.size());
        if (!late.isEmpty()) {
            described.put("announcedSeconds", String.format(Locale.ROOT, "%.1f–%.1f",
                    (firstAnnounced - measurementStart) / 1000.0, (lastAnnounced - measurementStart) / 1000.0));
            described.put("subscriptions", subscriptions.size());
            described.put("toArrivalMs", median(toArrival));
            described.put("waitingMs", median(waiting));
            described.put("lastAttemptMs", median(lastAttempt));
            described.put("mostAttempts", mostAttempts);
        }
        return described;
    }

    private static long median(List<Double> samples) {
        return samples.isEmpty() ? -1 : Math.round(Figures.percentile(samples, 50));
    }

    /** Announces EVENTS_PER_SECOND events a second, each about a subject of its own, for {@code duration} seconds. */
    private void announce(KafkaProducer<String, byte[]> producer, int duration) throws IOException, InterruptedException {
        long interval = 1_000_000_000L / EVENTS_PER_SECOND;
        long next = System.nanoTime();
        for (int i = 0; i < duration * EVENTS_PER_SECOND; i++) {
            long wait = next - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            next += interval;
            String mission = UUID.randomUUID().toString();
            long at = System.currentTimeMillis();
            String id = Events.announce(producer, "cpa.mission.events", TYPE, mission, """
                    {"missionId": "%s", "code": "BENCH-HOOK", "previousStatus": "PLANNED", "status": "ACTIVE",
                     "changedAt": "2026-12-02T10:00:00Z"}""".formatted(mission));
            announced.put(id, at);
        }
    }

    private boolean awaitDeliveries(Set<String> events, Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        int expected = events.size() * SUBSCRIPTIONS;
        while (System.nanoTime() < deadline) {
            if (arrived.keySet().stream().filter(key -> events.contains(key.substring(key.indexOf(' ') + 1))).count() >= expected) {
                return true;
            }
            Thread.sleep(200);
        }
        return false;
    }

    private void receive(HttpExchange exchange) throws IOException {
        try (exchange) {
            long at = System.currentTimeMillis();
            exchange.getRequestBody().readAllBytes();
            String id = exchange.getRequestHeaders().getFirst("webhook-id");
            if (arrived.putIfAbsent(exchange.getRequestURI().getPath() + " " + id, at) != null) {
                duplicates.incrementAndGet();
            }
            exchange.sendResponseHeaders(204, -1);
        }
    }

    private String subscribe(String url) throws IOException, InterruptedException {
        HttpResponse<String> answer = call("POST", "/api/v1/webhook-subscriptions", """
                {"url": "%s", "eventTypes": ["%s"], "description": "benchmark receiver"}""".formatted(url, TYPE));
        if (answer.statusCode() != 201) {
            throw new IllegalStateException("subscribing answered " + answer.statusCode() + ": " + answer.body()
                    + " (is CPA_WEBHOOK_ALLOWED_HOSTS=127.0.0.1 set for the suite?)");
        }
        return JSON.readTree(answer.body()).path("id").asText();
    }

    private HttpResponse<String> call(String method, String path, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(suite.gatewayUrl() + path))
                .header("Authorization", "Bearer " + planner)
                .timeout(Duration.ofSeconds(30));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return HTTP.send(request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
