package ca.cpa.webhook.subscription;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.Set;

@Schema(description = "A subscription to make: where to deliver which event types")
public record NewSubscription(
        @Schema(description = "https, or http to a host on the service's allow-list; the host must resolve to public addresses",
                example = "https://cases.example.org/cpa/webhooks", maxLength = Destination.MAX_URL_LENGTH)
        @NotBlank @Size(max = Destination.MAX_URL_LENGTH) String url,
        @Schema(description = "The CloudEvents types to deliver (ce_type); a requesting partner may choose among the "
                + "mission-request types and ca.cpa.authorization.granted.v1/denied.v1",
                example = "[\"ca.cpa.mission-request.submitted.v1\", \"ca.cpa.authorization.granted.v1\"]")
        @NotEmpty @Size(max = 50) Set<@NotNull @Size(max = 200) String> eventTypes,
        @Schema(description = "What the subscription is for", example = "Case system of the requesting ministry",
                maxLength = WebhookSubscription.MAX_DESCRIPTION_LENGTH)
        @Size(max = WebhookSubscription.MAX_DESCRIPTION_LENGTH) String description) {
}
