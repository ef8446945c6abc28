package ca.cpa.e2e;

import ca.cpa.testing.OtlpReceiver.ReceivedSpan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static ca.cpa.e2e.Api.as;
import static ca.cpa.e2e.Api.eventually;
import static ca.cpa.e2e.Api.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One call, one trace: the gateway, the service behind it, its SQL and its event, and every
 * service that consumes the event, exported by OTLP as an operator's collector receives them.
 */
@ExtendWith(RunningSuite.class)
class TracingTest {

    @Test
    void aCallIsOneTraceFromTheGatewayThroughTheOutboxToTheConsumers() {
        String traceId = HexFormat.of().formatHex(randomBytes(16));
        String callersSpan = HexFormat.of().formatHex(randomBytes(8));
        as("mission-planner").header("traceparent", "00-" + traceId + "-" + callersSpan + "-01")
                .body("""
                        {"code": "%s", "nameEn": "Traced mission", "nameFr": "Mission tracée", "hostCountry": "HT",
                         "type": "UN_PEACE_OPERATION", "partnerOrganization": "United Nations"}""".formatted(unique("OTEL")))
                .post("/api/v1/missions").then().statusCode(201);

        // each process exports its spans on its own schedule, so the consumers' may arrive before the gateway's:
        // wait for every part of the trace, then check how they hang together
        eventually(() -> {
            List<ReceivedSpan> trace = RunningSuite.traces().trace(traceId);
            for (String server : List.of("gateway", "mission-service")) {
                assertTrue(has(trace, server, "SPAN_KIND_SERVER"), server + " served the call in the trace: " + trace);
            }
            assertTrue(has(trace, "mission-service", "SPAN_KIND_PRODUCER"), "mission-service sent its event in the trace: " + trace);
            // the event of mission-service reaches the services that keep missions: each consumes it in this trace
            for (String consumer : List.of("authorization-service", "personnel-service", "reporting-service")) {
                assertTrue(has(trace, consumer, "SPAN_KIND_CONSUMER"), consumer + " consumed the event in the trace: " + trace);
            }
            // the consumer's SQL ends after its reception span, and may come in a later batch
            assertTrue(has(trace, "authorization-service", "SPAN_KIND_CLIENT"), "the consumer's SQL is in the trace too: " + trace);
        });
        List<ReceivedSpan> trace = RunningSuite.traces().trace(traceId);
        Map<String, ReceivedSpan> byId = trace.stream().collect(Collectors.toMap(ReceivedSpan::spanId, Function.identity()));

        ReceivedSpan gateway = only(trace, span -> span.service().equals("gateway") && span.kind().equals("SPAN_KIND_SERVER"));
        assertEquals(callersSpan, gateway.parentSpanId(), "the gateway continues the caller's trace");
        ReceivedSpan service = only(trace, span -> span.service().equals("mission-service") && span.kind().equals("SPAN_KIND_SERVER"));
        assertEquals("gateway", byId.get(service.parentSpanId()).service(), "mission-service was called by the gateway in the trace");
        assertTrue(trace.stream().anyMatch(span -> span.service().equals("mission-service") && span.kind().equals("SPAN_KIND_CLIENT")
                        && ancestors(span, byId).contains(service.spanId())),
                "the request's SQL is in its trace: " + trace);
        ReceivedSpan publish = only(trace, span -> span.service().equals("mission-service") && span.kind().equals("SPAN_KIND_PRODUCER"));
        assertTrue(ancestors(publish, byId).contains(service.spanId()), "the outbox relay's send continues the request: " + publish);

        for (ReceivedSpan consumed : trace.stream().filter(span -> span.kind().equals("SPAN_KIND_CONSUMER")).toList()) {
            assertTrue(ancestors(consumed, byId).contains(publish.spanId()), "consumed after the send: " + consumed);
            assertTrue(ancestors(consumed, byId).contains(gateway.spanId()), "one trace back to the gateway: " + consumed);
        }
    }

    private static boolean has(List<ReceivedSpan> trace, String service, String kind) {
        return trace.stream().anyMatch(span -> span.service().equals(service) && span.kind().equals(kind));
    }

    private static ReceivedSpan only(List<ReceivedSpan> trace, Predicate<ReceivedSpan> which) {
        List<ReceivedSpan> found = trace.stream().filter(which).toList();
        assertEquals(1, found.size(), "one such span in " + trace);
        return found.get(0);
    }

    /** The ids of the span's parents, up to the first one this trace does not hold. */
    private static Set<String> ancestors(ReceivedSpan span, Map<String, ReceivedSpan> byId) {
        Set<String> ancestors = new HashSet<>();
        Optional<ReceivedSpan> parent = Optional.ofNullable(byId.get(span.parentSpanId()));
        while (parent.isPresent() && ancestors.add(parent.get().spanId())) {
            parent = Optional.ofNullable(byId.get(parent.get().parentSpanId()));
        }
        return ancestors;
    }

    private static byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }
}
