package ca.cpa.webhook.subscription;

/**
 * Who makes or reads subscriptions: a requesting partner (its organization, from its token)
 * or CPA staff ({@code organization} null), who may see every event type and every subscription.
 */
public record Subscriber(String subject, String organization) {

    public boolean partner() {
        return organization != null;
    }
}
