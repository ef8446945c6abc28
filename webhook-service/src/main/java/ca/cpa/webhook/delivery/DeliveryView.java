package ca.cpa.webhook.delivery;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

@Schema(name = "WebhookDelivery", description = "One event sent to one subscription, and how its attempts went")
public record DeliveryView(
        UUID id,
        UUID subscriptionId,
        @Schema(description = "The event's ce_id: the webhook-id header, by which a receiver drops a copy")
        UUID webhookId,
        @Schema(maxLength = 200) String eventType,
        @Schema(description = "The event's subject (ce_subject): deliveries of one subject arrive in order", maxLength = 200)
        String subject,
        DeliveryStatus status,
        int attempts,
        Instant createdAt,
        Instant lastAttemptAt,
        @Schema(description = "The HTTP status of the last attempt; absent when there was no answer")
        Integer lastResponseCode,
        @Schema(description = "Why the last attempt failed: no answer, a refused address, or the answer's status and start",
                maxLength = 1000)
        String lastError,
        @Schema(description = "When a PENDING delivery is tried next")
        Instant nextAttemptAt,
        Instant deliveredAt) {

    public static DeliveryView of(Delivery delivery) {
        return new DeliveryView(delivery.id, delivery.subscriptionId, delivery.eventId, delivery.eventType,
                delivery.subject.isEmpty() ? null : delivery.subject, delivery.status, delivery.attempts,
                delivery.createdAt, delivery.lastAttemptAt, delivery.lastResponseCode, delivery.lastError,
                delivery.status == DeliveryStatus.PENDING ? delivery.nextAttemptAt : null, delivery.deliveredAt);
    }
}
