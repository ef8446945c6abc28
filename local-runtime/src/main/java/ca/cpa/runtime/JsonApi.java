package ca.cpa.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;

/** A small client of the suite's public API for the demo data: JSON in and out, a bearer token per call. */
final class JsonApi {

    record Answer(int status, JsonNode body) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration FILE_TIMEOUT = Duration.ofMinutes(5);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;

    JsonApi(URI base) {
        this.base = base;
    }

    Answer get(String token, String path) {
        return send(token, HttpRequest.newBuilder(base.resolve(path)).GET(), REQUEST_TIMEOUT);
    }

    Answer post(String token, String path, String json) {
        return send(token, HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)), REQUEST_TIMEOUT);
    }

    /** POSTs a file as it is, e.g. a CSV file to import, with more time for the answer than a JSON call. */
    Answer postFile(String token, String path, String contentType, Path file) {
        try {
            return send(token, HttpRequest.newBuilder(base.resolve(path))
                    .header("Content-Type", contentType)
                    .POST(HttpRequest.BodyPublishers.ofFile(file)), FILE_TIMEOUT);
        } catch (FileNotFoundException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** POSTs until the answer is {@code expected}: another service may not have had the event yet. */
    JsonNode postUntil(String token, String path, String json, int expected, Duration patience) {
        Instant deadline = Instant.now().plus(patience);
        while (true) {
            Answer answer = post(token, path, json);
            if (answer.status() == expected) {
                return answer.body();
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("POST " + path + " answered " + answer.status() + ": " + answer.body());
            }
            Pause.of(Pause.BETWEEN_POLLS);
        }
    }

    /** GETs until {@code condition} holds for the body. */
    JsonNode getUntil(String token, String path, Predicate<JsonNode> condition, Duration patience) {
        Instant deadline = Instant.now().plus(patience);
        while (true) {
            Answer answer = get(token, path);
            if (answer.status() == 200 && condition.test(answer.body())) {
                return answer.body();
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("GET " + path + " did not reach the expected state: " + answer.body());
            }
            Pause.of(Pause.BETWEEN_POLLS);
        }
    }

    private Answer send(String token, HttpRequest.Builder request, Duration timeout) {
        try {
            HttpResponse<String> response = http.send(request.header("Authorization", "Bearer " + token)
                    .header("Accept", "application/json").timeout(timeout).build(),
                    HttpResponse.BodyHandlers.ofString());
            String body = response.body();
            return new Answer(response.statusCode(), body == null || body.isBlank() ? JSON.nullNode() : JSON.readTree(body));
        } catch (IOException e) {
            throw new UncheckedIOException("calling " + base + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
