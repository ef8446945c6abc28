package ca.cpa.webhook.delivery;

import ca.cpa.platform.domain.RuleViolationException;
import ca.cpa.platform.work.WorkerLoop;
import ca.cpa.webhook.WebhookConfig;
import ca.cpa.webhook.subscription.Destination;
import ca.cpa.webhook.subscription.SecretBox;
import ca.cpa.webhook.subscription.WebhookSecret;
import ca.cpa.webhook.subscription.WebhookSubscription;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.MultiMap;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Delivers what is due, on a thread of its own, woken by every commit that recorded deliveries
 * and, for those of other replicas and for retries, every poll interval.
 * <p>
 * A replica takes due deliveries by leasing them ({@code FOR UPDATE SKIP LOCKED}, then a lease
 * in its name): two replicas never take one delivery, and one that dies mid-delivery loses it to
 * another when its lease ends. Per subscription and subject only the oldest pending delivery is
 * due, so a subject's events arrive in the order they were consumed, one after the other. An
 * attempt's outcome is recorded only under the lease it was made with.
 */
@ApplicationScoped
public class Dispatcher {

    private static final Logger LOG = Logger.getLogger(Dispatcher.class);
    private static final String USER_AGENT = "CPA-Deployments-Webhooks/1.0";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    WebhookSender sender;

    @Inject
    SecretBox secrets;

    @Inject
    Destination.HostResolver resolver;

    @Inject
    WebhookConfig config;

    @Inject
    MeterRegistry meters;

    private final UUID replica = UUID.randomUUID();
    private final WorkerLoop loop = new WorkerLoop(LOG, "webhook deliveries wait: %s",
            "webhook deliveries go on: the database answers again");
    private final Queue<Attempt> finished = new ConcurrentLinkedQueue<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    /** Resolving a host blocks; it is done beside the dispatcher's thread, not on it. */
    private ExecutorService preparation;
    private RetrySchedule schedule;
    private volatile boolean running;
    private Thread worker;
    private Timer latency;

    /** A delivery taken under this replica's lease. */
    record Due(UUID id, UUID subscriptionId, String subject, long sequence, UUID eventId, int attempts,
               Instant retryFrom, Instant createdAt, String url, byte[] secret, byte[] previousSecret,
               Instant previousSecretExpiresAt, String body) {
    }

    /** An attempt made, waiting to be recorded. */
    record Attempt(Due due, Instant at, WebhookSender.Outcome outcome) {
    }

    void start(@Observes StartupEvent startup) {
        WebhookConfig.DeliverySettings delivery = config.delivery();
        delivery.checkLeaseOutlastsAttempts();
        schedule = new RetrySchedule(delivery.firstRetryDelay(), delivery.longestRetryDelay(), delivery.retryPeriod());
        latency = Timer.builder("cpa.webhook.delivery.latency")
                .description("Time from an event's arrival in this service to its successful delivery")
                .publishPercentiles(0.5, 0.99)
                .register(meters);
        preparation = Executors.newFixedThreadPool(4, task -> {
            Thread thread = new Thread(task, "webhook-preparation");
            thread.setDaemon(true);
            return thread;
        });
        running = true;
        worker = new Thread(this::run, "webhook-dispatcher");
        worker.setDaemon(true);
        worker.start();
    }

    /** Deliveries under way end (or time out) and are recorded before the service stops. */
    void stop(@Observes ShutdownEvent shutdown) {
        if (worker == null) {
            return;
        }
        running = false;
        wakeUp();
        try {
            worker.join(config.delivery().timeout().plusSeconds(2).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        preparation.shutdownNow();
    }

    /** Asks the dispatcher to look for due deliveries now; many wake-ups before it runs count as one. */
    public void wakeUp() {
        loop.wakeUp();
    }

    /** Asks the dispatcher to look for due deliveries once the current transaction commits. */
    public void wakeUpAfterCommit(TransactionSynchronizationRegistry transactions) {
        loop.wakeUpAfterCommit(transactions);
    }

    private void run() {
        loop.run(() -> running || inFlight.get() > 0, config.delivery().pollInterval(), () -> {
            boolean more = true;
            while (more) {
                recordFinished();
                more = running && takeDue();
            }
        });
    }

    /** Takes as many due deliveries as there is room for and starts them; true when that filled the room. */
    private boolean takeDue() throws SQLException {
        int room = config.delivery().concurrency() - inFlight.get();
        if (room <= 0) {
            return false;
        }
        List<Due> due = lease(room);
        for (Due delivery : due) {
            inFlight.incrementAndGet();
            preparation.execute(() -> attempt(delivery));
        }
        return due.size() == room;
    }

    private void attempt(Due due) {
        Instant at = Instant.now();
        try {
            Destination destination = Destination.of(due.url(), config.allowedHosts().orElse(List.of()));
            var address = destination.resolve(resolver);
            byte[] body = due.body().getBytes(StandardCharsets.UTF_8);
            sender.send(destination, address, headers(due, at, body), body)
                    .whenComplete((outcome, failure) -> finish(new Attempt(due, at,
                            failure == null ? outcome : WebhookSender.Outcome.failed(failure.toString()))));
        } catch (RuleViolationException refused) {
            finish(new Attempt(due, at, WebhookSender.Outcome.failed("refused: " + refused.code() + " "
                    + java.util.Arrays.toString(refused.arguments()))));
        } catch (RuntimeException e) {
            finish(new Attempt(due, at, WebhookSender.Outcome.failed(e.toString())));
        }
    }

    private void finish(Attempt attempt) {
        finished.add(attempt);
        inFlight.decrementAndGet();
        wakeUp();
    }

    private MultiMap headers(Due due, Instant at, byte[] body) {
        List<byte[]> keys = new ArrayList<>(2);
        keys.add(new WebhookSecret(secrets.open(due.subscriptionId(), due.secret())).key());
        if (due.previousSecret() != null && due.previousSecretExpiresAt() != null && due.previousSecretExpiresAt().isAfter(at)) {
            keys.add(new WebhookSecret(secrets.open(due.subscriptionId(), due.previousSecret())).key());
        }
        String id = due.eventId().toString();
        long timestamp = at.getEpochSecond();
        return MultiMap.caseInsensitiveMultiMap()
                .add("content-type", "application/cloudevents+json; charset=utf-8")
                .add("user-agent", USER_AGENT)
                .add("webhook-id", id)
                .add("webhook-timestamp", Long.toString(timestamp))
                .add("webhook-signature", Signature.header(keys, id, timestamp, body));
    }

    private List<Due> lease(int limit) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement statement = connection.prepareStatement("""
                    WITH due AS (
                        SELECT d.id FROM webhook_delivery d
                        WHERE d.status = 'PENDING' AND d.next_attempt_at <= now()
                          AND (d.leased_until IS NULL OR d.leased_until < now())
                          AND NOT EXISTS (SELECT 1 FROM webhook_delivery earlier
                                          WHERE earlier.subscription_id = d.subscription_id
                                            AND earlier.subject = d.subject AND earlier.status = 'PENDING'
                                            AND earlier.sequence < d.sequence)
                          AND EXISTS (SELECT 1 FROM webhook_subscription s
                                      WHERE s.id = d.subscription_id AND s.status = 'ACTIVE')
                        ORDER BY d.next_attempt_at, d.sequence
                        LIMIT ?
                        FOR UPDATE OF d SKIP LOCKED),
                    leased AS (
                        UPDATE webhook_delivery d
                        SET leased_until = now() + make_interval(secs => ?), lease_owner = ?
                        FROM due WHERE d.id = due.id
                        RETURNING d.id, d.subscription_id, d.subject, d.sequence, d.event_id, d.attempts, d.retry_from,
                                  d.created_at)
                    SELECT l.id, l.subscription_id, l.subject, l.sequence, l.event_id, l.attempts, l.retry_from,
                           l.created_at, s.url,
                           s.secret, s.previous_secret, s.previous_secret_expires_at, e.body
                    FROM leased l
                    JOIN webhook_subscription s ON s.id = l.subscription_id
                    JOIN webhook_event e ON e.id = l.event_id
                    ORDER BY l.sequence""")) {
                statement.setInt(1, limit);
                statement.setDouble(2, config.delivery().lease().toMillis() / 1000.0);
                statement.setObject(3, replica);
                List<Due> due = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        due.add(new Due(rows.getObject(1, UUID.class), rows.getObject(2, UUID.class), rows.getString(3),
                                rows.getLong(4), rows.getObject(5, UUID.class), rows.getInt(6), instant(rows.getTimestamp(7)),
                                instant(rows.getTimestamp(8)), rows.getString(9), rows.getBytes(10), rows.getBytes(11),
                                instant(rows.getTimestamp(12)), rows.getString(13)));
                    }
                }
                connection.commit();
                return due;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    /** Records every finished attempt in one transaction; an attempt whose lease was lost records nothing. */
    private void recordFinished() throws SQLException {
        List<Attempt> attempts = new ArrayList<>();
        for (Attempt attempt; (attempt = finished.poll()) != null; ) {
            attempts.add(attempt);
        }
        if (attempts.isEmpty()) {
            return;
        }
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                for (Attempt attempt : attempts) {
                    record(connection, attempt);
                }
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                finished.addAll(attempts); // recorded on the next round
                throw e;
            }
        }
    }

    private void record(Connection connection, Attempt attempt) throws SQLException {
        Due due = attempt.due();
        WebhookSender.Outcome outcome = attempt.outcome();
        Instant now = Instant.now();
        DeliveryStatus status;
        Instant next = null;
        if (outcome.succeeded()) {
            status = DeliveryStatus.SUCCEEDED;
        } else {
            next = schedule.next(due.attempts() + 1, due.retryFrom(), now, ThreadLocalRandom.current()).orElse(null);
            status = next == null ? DeliveryStatus.FAILED : DeliveryStatus.PENDING;
        }
        int recorded;
        try (PreparedStatement statement = connection.prepareStatement("""
                UPDATE webhook_delivery SET status = ?, attempts = attempts + 1, last_attempt_at = ?,
                       last_response_code = ?, last_error = ?, next_attempt_at = COALESCE(?, next_attempt_at),
                       delivered_at = ?, leased_until = NULL, lease_owner = NULL
                WHERE id = ? AND lease_owner = ? AND status = 'PENDING'""")) {
            statement.setString(1, status.name());
            statement.setTimestamp(2, Timestamp.from(attempt.at()));
            statement.setObject(3, outcome.statusCode());
            statement.setString(4, outcome.succeeded() ? null : truncate(errorOf(outcome)));
            statement.setTimestamp(5, next == null ? null : Timestamp.from(next));
            statement.setTimestamp(6, outcome.succeeded() ? Timestamp.from(now) : null);
            statement.setObject(7, due.id());
            statement.setObject(8, replica);
            recorded = statement.executeUpdate();
        }
        if (recorded == 0) {
            LOG.debugf("delivery %s was taken over or deleted meanwhile; its attempt is not recorded", due.id());
            return;
        }
        meters.counter("cpa.webhook.deliveries", "outcome", outcome.succeeded() ? "delivered"
                : status == DeliveryStatus.FAILED ? "failed" : "retrying").increment();
        if (outcome.succeeded()) {
            latency.record(Duration.between(due.createdAt(), now));
            try (PreparedStatement statement = connection.prepareStatement(
                    "UPDATE webhook_subscription SET failing_since = NULL WHERE id = ? AND failing_since IS NOT NULL")) {
                statement.setObject(1, due.subscriptionId());
                statement.executeUpdate();
            }
        } else {
            // after the subscription's row: another replica disabling it takes that row, then its deliveries
            noteFailure(connection, due.subscriptionId(), attempt.at(), now, errorOf(outcome));
            if (next != null) {
                waitBehind(connection, due, next);
            }
        }
    }

    /**
     * The subject's later deliveries wait for this one, tried again at {@code next}: they say so,
     * and are not looked at again before then (while the head of a subject fails for hours, the
     * deliveries queued behind it would otherwise be read and passed over at every poll). They are
     * due again with it, so nothing holds them once it has gone.
     */
    private static void waitBehind(Connection connection, Due head, Instant next) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("""
                UPDATE webhook_delivery SET next_attempt_at = ?
                WHERE subscription_id = ? AND subject = ? AND status = 'PENDING' AND sequence > ?
                  AND next_attempt_at < ?""")) {
            statement.setTimestamp(1, Timestamp.from(next));
            statement.setObject(2, head.subscriptionId());
            statement.setString(3, head.subject());
            statement.setLong(4, head.sequence());
            statement.setTimestamp(5, Timestamp.from(next));
            statement.executeUpdate();
        }
    }

    /** A failing subscription is disabled once it has failed for too long; its pending deliveries then fail. */
    private void noteFailure(Connection connection, UUID subscriptionId, Instant failedAt, Instant now, String lastError)
            throws SQLException {
        Instant failingSince;
        try (PreparedStatement statement = connection.prepareStatement("""
                UPDATE webhook_subscription SET failing_since = COALESCE(failing_since, ?)
                WHERE id = ? AND status = 'ACTIVE' RETURNING failing_since""")) {
            statement.setTimestamp(1, Timestamp.from(failedAt));
            statement.setObject(2, subscriptionId);
            try (ResultSet rows = statement.executeQuery()) {
                if (!rows.next()) {
                    failPendingDeliveries(connection, subscriptionId); // disabled while this attempt was under way
                    return;
                }
                failingSince = instant(rows.getTimestamp(1));
            }
        }
        if (!WebhookSubscription.failingTooLong(failingSince, now, config.disableAfter())) {
            return;
        }
        String reason = "Every delivery failed from " + failingSince + " to " + now + "; the last: " + lastError;
        try (PreparedStatement statement = connection.prepareStatement("""
                UPDATE webhook_subscription SET status = 'DISABLED', disabled_at = ?, disabled_reason = ?,
                       version = version + 1
                WHERE id = ? AND status = 'ACTIVE'""")) {
            statement.setTimestamp(1, Timestamp.from(now));
            statement.setString(2, truncate(reason));
            statement.setObject(3, subscriptionId);
            statement.executeUpdate();
        }
        failPendingDeliveries(connection, subscriptionId);
        LOG.warnf("webhook subscription %s disabled: %s", subscriptionId, reason);
    }

    /** A disabled subscription's pending deliveries fail, except those under way: each fails as its attempt is recorded. */
    private static void failPendingDeliveries(Connection connection, UUID subscriptionId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("""
                UPDATE webhook_delivery SET status = 'FAILED', last_error = 'the subscription was disabled'
                WHERE subscription_id = ? AND status = 'PENDING' AND (leased_until IS NULL OR leased_until < now())""")) {
            statement.setObject(1, subscriptionId);
            statement.executeUpdate();
        }
    }

    private static String errorOf(WebhookSender.Outcome outcome) {
        if (outcome.error() != null) {
            return outcome.error();
        }
        return "HTTP " + outcome.statusCode() + (outcome.answer() == null ? "" : ": " + outcome.answer());
    }

    private static String truncate(String text) {
        return text == null || text.length() <= 1000 ? text : text.substring(0, 999) + "…";
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
