package ca.cpa.platform.events;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

/** The one way this suite builds a CloudEvent: version 1.0, JSON data, UTC time. */
public final class CloudEvents {

    public static final String JSON = "application/json";
    /** The {@code $id} of each type's JSON Schema in the published contract (contracts module) is this + the type. */
    public static final String DATA_SCHEMA_PREFIX = "urn:cpa:event-schema:";
    /**
     * The CloudEvents distributed-tracing extension (Kafka header {@code ce_traceparent}): the
     * span that caused the event, so a consumer that reads only the event can join its trace.
     */
    public static final String TRACEPARENT_EXTENSION = "traceparent";

    private CloudEvents() {
    }

    /** An event; {@code traceparent} (the W3C trace it continues) may be null. */
    public static CloudEvent of(UUID id, String source, String type, String subject, Instant time, byte[] jsonData,
                                String traceparent) {
        CloudEventBuilder builder = CloudEventBuilder.v1()
                .withId(id.toString())
                .withSource(URI.create(source))
                .withType(type)
                .withSubject(subject)
                .withTime(time.atOffset(ZoneOffset.UTC))
                .withDataContentType(JSON)
                .withDataSchema(URI.create(DATA_SCHEMA_PREFIX + type))
                .withData(jsonData);
        if (traceparent != null) {
            builder.withExtension(TRACEPARENT_EXTENSION, traceparent);
        }
        return builder.build();
    }
}
