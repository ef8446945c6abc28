package ca.cpa.platform.core.tracing;

import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * A W3C Trace Context {@code traceparent}: the trace a request or event belongs to, and the
 * hop that caused it. The gateway starts or continues the trace; every service continues it,
 * and the events a request causes carry it as the CloudEvents {@code traceparent} extension,
 * so one request can be followed through the gateway, the services and the events.
 */
public record TraceParent(String traceId, String parentId, String flags) {

    public static final String HEADER = "traceparent";
    /** The CloudEvents distributed-tracing extension attribute (Kafka header {@code ce_traceparent}). */
    public static final String EVENT_EXTENSION = "traceparent";

    private static final Pattern FORMAT = Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})");
    private static final String INVALID_TRACE = "0".repeat(32);
    private static final String INVALID_PARENT = "0".repeat(16);
    private static final String SAMPLED = "01";

    /** The trace context of a header, or empty when it is absent or malformed (W3C: then start anew). */
    public static Optional<TraceParent> parse(String header) {
        if (header == null) {
            return Optional.empty();
        }
        var matcher = FORMAT.matcher(header.trim());
        if (!matcher.matches() || INVALID_TRACE.equals(matcher.group(1)) || INVALID_PARENT.equals(matcher.group(2))) {
            return Optional.empty();
        }
        return Optional.of(new TraceParent(matcher.group(1), matcher.group(2), matcher.group(3)));
    }

    /** Continues the trace of {@code header} with a new hop, or starts a new trace. */
    public static TraceParent continueOrStart(String header) {
        return parse(header).map(TraceParent::nextHop).orElseGet(TraceParent::start);
    }

    public static TraceParent start() {
        return new TraceParent(randomHex(16), randomHex(8), SAMPLED);
    }

    /** The same trace, caused by a new hop (this process). */
    public TraceParent nextHop() {
        return new TraceParent(traceId, randomHex(8), flags);
    }

    @Override
    public String toString() {
        return "00-" + traceId + "-" + parentId + "-" + flags;
    }

    /** {@code bytes} random bytes in lower-case hex, not all zero (W3C: an all-zero id is invalid). */
    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        do {
            ThreadLocalRandom.current().nextBytes(random);
        } while (allZero(random));
        return HexFormat.of().formatHex(random);
    }

    private static boolean allZero(byte[] bytes) {
        for (byte b : bytes) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }
}
