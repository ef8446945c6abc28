package ca.cpa.platform;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;

/**
 * Keeps the platform's tables from growing without end: published events are kept a while for
 * inspection, idempotency keys as long as a client may retry. Consumed event ids are kept for
 * good, since a replay from the start of a topic must still find them.
 */
@ApplicationScoped
public class Housekeeping {

    private static final Logger LOG = Logger.getLogger(Housekeeping.class);

    @Inject
    EntityManager entityManager;

    @ConfigProperty(name = "cpa.outbox.retention", defaultValue = "P7D")
    Duration outboxRetention;

    @ConfigProperty(name = "cpa.idempotency.retention", defaultValue = "P1D")
    Duration idempotencyRetention;

    @Scheduled(every = "${cpa.housekeeping.every:10m}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    public void removeExpired() {
        Instant now = Instant.now();
        int events = entityManager.createNativeQuery(
                        "DELETE FROM outbox_message WHERE published_at < ?1")
                .setParameter(1, now.minus(outboxRetention))
                .executeUpdate();
        int keys = entityManager.createNativeQuery("DELETE FROM idempotency_key WHERE created_at < ?1")
                .setParameter(1, now.minus(idempotencyRetention))
                .executeUpdate();
        if (events + keys > 0) {
            LOG.infof("housekeeping removed %d published events and %d expired idempotency keys", events, keys);
        }
    }
}
