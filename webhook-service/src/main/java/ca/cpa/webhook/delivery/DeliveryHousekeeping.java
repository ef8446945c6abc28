package ca.cpa.webhook.delivery;

import ca.cpa.webhook.WebhookConfig;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Instant;

/** Deliveries that ended (and the events no delivery needs any more) are kept for the retention period. */
@ApplicationScoped
public class DeliveryHousekeeping {

    private static final Logger LOG = Logger.getLogger(DeliveryHousekeeping.class);

    @Inject
    EntityManager entityManager;

    @Inject
    WebhookConfig config;

    @Scheduled(every = "${cpa.housekeeping.every:10m}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    public void removeExpired() {
        Instant before = Instant.now().minus(config.retention());
        int deliveries = entityManager.createNativeQuery("""
                        DELETE FROM webhook_delivery
                        WHERE status <> 'PENDING' AND COALESCE(last_attempt_at, created_at) < ?1""")
                .setParameter(1, before)
                .executeUpdate();
        int events = entityManager.createNativeQuery("""
                        DELETE FROM webhook_event e WHERE e.received_at < ?1
                          AND NOT EXISTS (SELECT 1 FROM webhook_delivery d WHERE d.event_id = e.id)
                          AND NOT EXISTS (SELECT 1 FROM webhook_unowned_event u WHERE u.event_id = e.id)""")
                .setParameter(1, before)
                .executeUpdate();
        if (deliveries + events > 0) {
            LOG.infof("housekeeping removed %d ended deliveries and %d events", deliveries, events);
        }
    }
}
