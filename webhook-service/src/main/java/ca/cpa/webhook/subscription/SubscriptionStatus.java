package ca.cpa.webhook.subscription;

/** ACTIVE subscriptions receive deliveries; a DISABLED one (failing for too long) receives none until reactivated. */
public enum SubscriptionStatus {
    ACTIVE,
    DISABLED
}
