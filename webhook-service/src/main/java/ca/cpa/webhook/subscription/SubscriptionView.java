package ca.cpa.webhook.subscription;

import ca.cpa.platform.security.Caller;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Schema(name = "WebhookSubscription", description = "A subscription; its secret appears only in the answer that made it")
public record SubscriptionView(
        UUID id,
        @Schema(maxLength = Destination.MAX_URL_LENGTH) String url,
        @Schema(maxItems = 50) List<@Size(max = 200) String> eventTypes,
        @Schema(maxLength = WebhookSubscription.MAX_DESCRIPTION_LENGTH) String description,
        @Schema(description = "The requesting partner's organization whose requests' events it receives; absent for CPA staff's",
                maxLength = Caller.MAX_NAME_LENGTH)
        String organization,
        @Schema(maxLength = Caller.MAX_NAME_LENGTH) String createdBy,
        Instant createdAt,
        SubscriptionStatus status,
        @Schema(description = "Since when every delivery has failed; absent while deliveries succeed")
        Instant failingSince,
        Instant disabledAt,
        @Schema(description = "Why it was disabled", maxLength = 1000)
        String disabledReason,
        @Schema(description = "Until when the secret before the last rotation still signs, beside the current one")
        Instant previousSecretValidUntil,
        @Schema(description = "The signing secret (whsec_ and base64): only in the answer to a create or a rotation. "
                + "It is stored encrypted and cannot be read again.", example = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
                maxLength = 94)
        @JsonInclude(JsonInclude.Include.NON_NULL)
        String secret) {

    public static SubscriptionView of(WebhookSubscription subscription, Instant now) {
        return withSecret(subscription, now, null);
    }

    public static SubscriptionView withSecret(WebhookSubscription subscription, Instant now, WebhookSecret secret) {
        return new SubscriptionView(subscription.id, subscription.url, subscription.eventTypes.stream().sorted().toList(),
                subscription.description, subscription.organization, subscription.createdBy, subscription.createdAt,
                subscription.status, subscription.failingSince, subscription.disabledAt, subscription.disabledReason,
                subscription.previousSecretValidAt(now) ? subscription.previousSecretExpiresAt : null,
                secret == null ? null : secret.text());
    }
}
