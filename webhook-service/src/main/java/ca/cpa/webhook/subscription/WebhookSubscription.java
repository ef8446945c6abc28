package ca.cpa.webhook.subscription;

import ca.cpa.platform.domain.ConflictException;
import ca.cpa.platform.domain.RuleViolationException;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * A partner's wish to be called back: which event types, at which url, signed with which secret.
 * A requesting partner's subscription receives only events about its own organization's
 * requests; CPA staff's receive every event of their types.
 */
@Entity
@Table(name = "webhook_subscription")
public class WebhookSubscription extends PanacheEntityBase {

    public static final int MAX_DESCRIPTION_LENGTH = 500;

    @Id
    public UUID id;

    public String url;

    public String description;

    /** The requesting partner's organization; null for CPA staff's subscriptions. */
    public String organization;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at")
    public Instant createdAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "webhook_subscription_event_type", joinColumns = @JoinColumn(name = "subscription_id"))
    @Column(name = "event_type")
    public Set<String> eventTypes = new HashSet<>();

    @Enumerated(EnumType.STRING)
    public SubscriptionStatus status;

    @Column(name = "failing_since")
    public Instant failingSince;

    @Column(name = "disabled_at")
    public Instant disabledAt;

    @Column(name = "disabled_reason")
    public String disabledReason;

    /** The secret, sealed by {@link SecretBox}. */
    public byte[] secret;

    @Column(name = "previous_secret")
    public byte[] previousSecret;

    @Column(name = "previous_secret_expires_at")
    public Instant previousSecretExpiresAt;

    @Version
    public long version;

    /**
     * A new subscription, ACTIVE at once.
     *
     * @throws RuleViolationException on {@code eventTypes}: none, an unknown type, or one a partner does not receive
     */
    public static WebhookSubscription subscribe(UUID id, Subscriber subscriber, Destination destination,
                                                Set<String> eventTypes, String description, byte[] sealedSecret,
                                                Instant now) {
        if (eventTypes == null || eventTypes.isEmpty()) {
            throw new RuleViolationException("eventTypes", "webhook.event-types.required");
        }
        for (String type : eventTypes) {
            if (!EventCatalog.ALL_TYPES.contains(type)) {
                throw new RuleViolationException("eventTypes", "webhook.event-type.unknown", type,
                        EventCatalog.listed(EventCatalog.ALL_TYPES));
            }
            if (subscriber.partner() && !EventCatalog.PARTNER_TYPES.contains(type)) {
                throw new RuleViolationException("eventTypes", "webhook.event-type.not-for-partners", type,
                        EventCatalog.listed(EventCatalog.PARTNER_TYPES));
            }
        }
        WebhookSubscription subscription = new WebhookSubscription();
        subscription.id = id;
        subscription.url = destination.uri().toString();
        subscription.description = description == null || description.isBlank() ? null : description.trim();
        subscription.organization = subscriber.organization();
        subscription.createdBy = subscriber.subject();
        subscription.createdAt = now;
        subscription.eventTypes = new HashSet<>(eventTypes);
        subscription.status = SubscriptionStatus.ACTIVE;
        subscription.secret = sealedSecret;
        return subscription;
    }

    /** Whether this subscriber may see (and delete) it: staff see all, a partner its organization's. */
    public boolean visibleTo(Subscriber subscriber) {
        return !subscriber.partner() || Objects.equals(organization, subscriber.organization());
    }

    /**
     * A new secret signs from now on; the one it replaces still signs too (both signatures are
     * sent) until {@code previousValidUntil}, so the receiver can switch without losing a delivery.
     */
    public void rotateSecret(byte[] sealedSecret, Instant previousValidUntil) {
        previousSecret = secret;
        previousSecretExpiresAt = previousValidUntil;
        secret = sealedSecret;
    }

    /** The previous secret, while it still signs. */
    public boolean previousSecretValidAt(Instant now) {
        return previousSecret != null && previousSecretExpiresAt != null && previousSecretExpiresAt.isAfter(now);
    }

    /** A disabled subscription receives deliveries again, from the next event on. */
    public void reactivate() {
        if (status == SubscriptionStatus.ACTIVE) {
            throw new ConflictException("webhook.subscription.already-active");
        }
        status = SubscriptionStatus.ACTIVE;
        failingSince = null;
        disabledAt = null;
        disabledReason = null;
    }

    /** The rule that disables a subscription: its deliveries have all failed for {@code disableAfter}. */
    public static boolean failingTooLong(Instant failingSince, Instant now, Duration disableAfter) {
        return failingSince != null && !failingSince.plus(disableAfter).isAfter(now);
    }
}
