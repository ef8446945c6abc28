package ca.cpa.deployment;

import ca.cpa.runtime.Directories;
import ca.cpa.runtime.HealthProbe;
import ca.cpa.runtime.TcpPorts;
import ca.cpa.testing.SuiteClient;
import ca.cpa.testing.SuiteUnderTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The built gateway as a deployment runs it (the prod profile): its log is one JSON object a
 * line, for a log pipeline, and names the request id of each call (and its trace, which
 * TracingTest follows); text with {@code CPA_LOG_FORMAT=text}, as {@code ./cpa up} writes it.
 */
class LogFormatTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    /** How a line of the text format begins. */
    private static final Pattern TEXT_LINE = Pattern.compile("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2},\\d{3} ");

    @Test
    void inProductionEachLineIsAJsonObjectNamingTheCallsRequestId() throws Exception {
        String requestId = "log-json-" + UUID.randomUUID();
        List<String> lines = logOfOneCall(Map.of(), requestId);

        assertTrue(lines.stream().noneMatch(line -> TEXT_LINE.matcher(line).lookingAt()), "no text lines: " + lines);
        JsonNode accessLine = parsed(lines).stream().filter(line -> line.path("message").asText().contains(requestId))
                .findFirst().orElseThrow(() -> new AssertionError("no line of the call in " + lines));
        assertEquals(requestId, accessLine.path("mdc").path("requestId").asText(), accessLine.toString());
        // the access log is written as the call ends, sometimes after its span ended: the trace when it is there
        String traceId = accessLine.path("mdc").path("traceId").asText();
        assertTrue(traceId.isEmpty() || traceId.equals(TRACE_ID), "the caller's trace: " + accessLine);
    }

    @Test
    void asTextEachLineOfACallNamesItsRequestId() throws Exception {
        String requestId = "log-text-" + UUID.randomUUID();
        List<String> lines = logOfOneCall(Map.of("CPA_LOG_FORMAT", "text"), requestId);

        String accessLine = lines.stream().filter(line -> line.contains("request-id=" + requestId)).findFirst()
                .orElseThrow(() -> new AssertionError("no line of the call in " + lines));
        assertTrue(accessLine.contains(" request=" + requestId + " "), accessLine);
        assertTrue(accessLine.contains("trace=" + TRACE_ID + " ") || accessLine.contains("trace= "), accessLine);
        assertTrue(lines.stream().noneMatch(line -> line.startsWith("{")), "text, not JSON: " + lines);
        assertTrue(lines.stream().anyMatch(line -> TEXT_LINE.matcher(line).lookingAt()), "text lines: " + lines);
    }

    /** Starts the gateway, makes one call through it in a trace of the caller's, stops it: its log. */
    private static List<String> logOfOneCall(Map<String, String> settings, String requestId) throws Exception {
        Path work = Path.of("target", "cpa-log-format", UUID.randomUUID().toString()).toAbsolutePath();
        Directories.deleteRecursively(work);
        Files.createDirectories(work);
        Path log = work.resolve("gateway.log");
        int port = TcpPorts.free();
        Path module = SuiteUnderTest.root().resolve("gateway");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", module.resolve("target/quarkus-app/quarkus-run.jar").toString())
                .directory(work.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> variables = builder.environment();
        List.of("QUARKUS_PROFILE", "CPA_LOG_FORMAT").forEach(variables::remove);
        variables.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        variables.put("OTEL_TRACES_EXPORTER", "none");
        variables.put("CPA_JWT_PUBLIC_KEY_LOCATION",
                SuiteUnderTest.root().resolve("platform-core/src/main/resources/cpa-dev-jwt-public.pem").toUri().toString());
        variables.putAll(settings);
        Process gateway = builder.start();
        try {
            URI base = URI.create("http://localhost:" + port);
            awaitLive(gateway, base, log);
            HttpURLConnection call = (HttpURLConnection) base.resolve("/api/v1/missions").toURL().openConnection();
            call.setRequestProperty("X-Request-Id", requestId);
            call.setRequestProperty("traceparent", "00-" + TRACE_ID + "-00f067aa0ba902b7-01");
            assertEquals(401, call.getResponseCode(), "no token");
            call.disconnect();
            Instant deadline = Instant.now().plusSeconds(10);
            while (Files.readAllLines(log).stream().noneMatch(line -> line.contains(requestId)) && Instant.now().isBefore(deadline)) {
                SuiteClient.pause(Duration.ofMillis(100));
            }
        } finally {
            gateway.destroy();
            gateway.waitFor(20, TimeUnit.SECONDS);
        }
        return Files.readAllLines(log).stream().filter(line -> !line.isBlank()).toList();
    }

    private static void awaitLive(Process gateway, URI base, Path log) throws IOException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (Instant.now().isBefore(deadline)) {
            if (!gateway.isAlive()) {
                fail("the gateway ended (exit " + gateway.exitValue() + "):\n" + Files.readString(log));
            }
            if (HealthProbe.answersOk(base.resolve("/q/health/live"))) {
                return;
            }
            SuiteClient.pause(Duration.ofMillis(200));
        }
        fail("the gateway did not start:\n" + Files.readString(log));
    }

    /** The log's JSON objects (the JVM may write a line of its own, which is not the application's log). */
    private static List<JsonNode> parsed(List<String> lines) {
        List<JsonNode> objects = lines.stream().filter(line -> line.startsWith("{")).map(line -> {
            try {
                return JSON.readTree(line);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + line, e);
            }
        }).toList();
        assertTrue(objects.size() >= 3, "the start's lines and the call's, as JSON: " + lines);
        return objects;
    }
}
