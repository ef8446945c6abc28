package ca.cpa.webhook.delivery;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** PENDING until a 2xx (SUCCEEDED) or until its retries are spent or its subscription is disabled (FAILED). */
@Schema(name = "WebhookDeliveryStatus", description = "PENDING: on its way or to be retried; SUCCEEDED: answered 2xx; "
        + "FAILED: every attempt failed for the whole retry period, or the subscription was disabled")
public enum DeliveryStatus {
    PENDING,
    SUCCEEDED,
    FAILED
}
