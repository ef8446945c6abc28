package ca.cpa.webhook.delivery;

import ca.cpa.platform.domain.ConflictException;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * One event for one subscription: made PENDING as the event is consumed, attempted by the
 * {@link Dispatcher} until SUCCEEDED or FAILED. Read here by its owner, and retried by hand.
 */
@Entity
@Table(name = "webhook_delivery")
public class Delivery extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(insertable = false, updatable = false)
    public long sequence;

    @Column(name = "subscription_id")
    public UUID subscriptionId;

    /** The event's ce_id, sent as webhook-id. */
    @Column(name = "event_id")
    public UUID eventId;

    @Column(name = "event_type")
    public String eventType;

    public String subject;

    @Enumerated(EnumType.STRING)
    public DeliveryStatus status;

    public int attempts;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "retry_from")
    public Instant retryFrom;

    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    @Column(name = "leased_until")
    public Instant leasedUntil;

    @Column(name = "last_attempt_at")
    public Instant lastAttemptAt;

    @Column(name = "last_response_code")
    public Integer lastResponseCode;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "delivered_at")
    public Instant deliveredAt;

    /**
     * Sends it again from now, with a new retry period: a FAILED delivery (the receiver is fixed)
     * or a SUCCEEDED one (the receiver lost it). One still PENDING is already on its way.
     */
    public void retry(Instant now) {
        if (status == DeliveryStatus.PENDING) {
            throw new ConflictException("webhook.delivery.already-pending");
        }
        status = DeliveryStatus.PENDING;
        retryFrom = now;
        nextAttemptAt = now;
        leasedUntil = null;
    }
}
