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

    private CloudEvents() {
    }

    public static CloudEvent of(UUID id, String source, String type, String subject, Instant time, byte[] jsonData) {
        return CloudEventBuilder.v1()
                .withId(id.toString())
                .withSource(URI.create(source))
                .withType(type)
                .withSubject(subject)
                .withTime(time.atOffset(ZoneOffset.UTC))
                .withDataContentType(JSON)
                .withData(jsonData)
                .build();
    }
}
