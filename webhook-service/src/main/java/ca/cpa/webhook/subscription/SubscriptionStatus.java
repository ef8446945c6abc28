package ca.cpa.webhook.subscription;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** ACTIVE subscriptions receive deliveries; a DISABLED one (failing for too long) receives none until reactivated. */
@Schema(name = "WebhookSubscriptionStatus", description = "ACTIVE: events are delivered; DISABLED: every delivery failed "
        + "for days, nothing is delivered until it is reactivated (disabledReason says why)")
public enum SubscriptionStatus {
    ACTIVE,
    DISABLED
}
