package ca.cpa.platform.inbox;

import java.time.Instant;
import java.util.UUID;

/** An event received from another service, its data already read and validated. */
public record InboundEvent<T>(UUID id, String type, String source, String subject, Instant time, T data) {
}
