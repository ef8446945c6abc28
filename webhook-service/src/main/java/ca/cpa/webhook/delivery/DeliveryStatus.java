package ca.cpa.webhook.delivery;

/** PENDING until a 2xx (SUCCEEDED) or until its retries are spent or its subscription is disabled (FAILED). */
public enum DeliveryStatus {
    PENDING,
    SUCCEEDED,
    FAILED
}
