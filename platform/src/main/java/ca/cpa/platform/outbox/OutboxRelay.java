package ca.cpa.platform.outbox;

import ca.cpa.platform.events.CloudEvents;
import ca.cpa.platform.events.KafkaClientConfig;
import ca.cpa.platform.tracing.Traces;
import ca.cpa.platform.work.WorkerLoop;
import io.agroal.api.AgroalDataSource;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventSerializer;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.context.Scope;
import io.opentelemetry.instrumentation.kafkaclients.v2_6.KafkaTelemetry;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Publishes the outbox to Kafka, oldest first, and marks what the broker acknowledged.
 * <p>
 * It runs on one thread of its own, woken by every commit that wrote to the outbox and, as a
 * safety net, every poll interval. Replicas of a service share the outbox: a transaction-level
 * advisory lock lets one relay at a time take a batch, which keeps each aggregate's events in
 * order (row locks with SKIP LOCKED alone would let two replicas publish one aggregate's
 * events out of order). When Kafka is down, nothing is marked: events wait, then go out in
 * their order. Delivery is at least once: an event whose acknowledgement was lost is sent
 * again, and consumers drop the copy by its event id.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** Names the advisory lock that makes one relay at a time publish a service's outbox. */
    private static final long RELAY_LOCK = 0x4350415F4F555458L; // "CPA_OUTX"

    @Inject
    AgroalDataSource dataSource;

    @Inject
    MeterRegistry meters;

    @Inject
    KafkaClientConfig kafka;

    @Inject
    OpenTelemetry openTelemetry;

    /** Absent in a service that publishes no events: it then runs no relay. */
    @ConfigProperty(name = "cpa.events.source")
    Optional<String> eventSource;

    private String source;

    @ConfigProperty(name = "cpa.outbox.batch-size", defaultValue = "200")
    int batchSize;

    @ConfigProperty(name = "cpa.outbox.poll-interval", defaultValue = "PT1S")
    Duration pollInterval;

    @ConfigProperty(name = "cpa.outbox.send-timeout", defaultValue = "PT15S")
    Duration sendTimeout;

    private final WorkerLoop loop = new WorkerLoop(LOG, "outbox relay cannot publish yet, events wait in the outbox: %s",
            "outbox relay publishing again");
    private volatile boolean running;
    private Thread worker;
    private Producer<String, CloudEvent> producer;
    private Timer commitToPublish;
    private Counter published;

    void start(@Observes StartupEvent startup) {
        if (eventSource.isEmpty()) {
            return;
        }
        source = eventSource.get();
        commitToPublish = Timer.builder("cpa.outbox.delay")
                .description("Time from an event's creation to the broker's acknowledgement")
                .publishPercentiles(0.5, 0.99)
                .register(meters);
        published = Counter.builder("cpa.outbox.published").description("Events published").register(meters);
        Gauge.builder("cpa.outbox.pending", this, OutboxRelay::pendingCount)
                .description("Events committed but not yet acknowledged by Kafka")
                .register(meters);
        // each send is a span of the trace its event continues, and carries it as the traceparent header
        producer = KafkaTelemetry.create(openTelemetry).wrap(new KafkaProducer<>(producerConfig()));
        running = true;
        worker = new Thread(this::run, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    void stop(@Observes ShutdownEvent shutdown) {
        if (worker == null) {
            return;
        }
        running = false;
        wakeUp();
        try {
            worker.join(sendTimeout.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        producer.close(Duration.ofSeconds(5));
    }

    /** Asks the relay to publish now; many wake-ups before it runs count as one. */
    public void wakeUp() {
        loop.wakeUp();
    }

    /** Asks the relay to publish once the current transaction commits. */
    void wakeUpAfterCommit(TransactionSynchronizationRegistry transactions) {
        loop.wakeUpAfterCommit(transactions);
    }

    private void run() {
        loop.run(() -> running, pollInterval, () -> {
            while (running && publishBatch() == batchSize) {
                // a full batch: more may be waiting
            }
        });
    }

    /** Publishes the oldest unpublished events; answers how many it took. */
    private int publishBatch() throws SQLException, InterruptedException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                if (!lockRelay(connection)) {
                    connection.rollback();
                    return 0;
                }
                List<Pending> batch = oldestUnpublished(connection);
                List<Future<RecordMetadata>> acknowledgements = new ArrayList<>(batch.size());
                for (Pending pending : batch) {
                    try (Scope causedBy = Traces.contextOf(pending.traceparent()).makeCurrent()) {
                        acknowledgements.add(producer.send(new ProducerRecord<>(pending.topic(), pending.subject(), pending.event())));
                    }
                }
                // Every acknowledged event is marked, even when another of the batch failed: the
                // broker has it, and sending it again would only make a copy.
                List<Long> acknowledged = new ArrayList<>(batch.size());
                Exception failure = null;
                long deadline = System.nanoTime() + sendTimeout.toNanos();
                for (int i = 0; i < batch.size(); i++) {
                    try {
                        acknowledgements.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                        acknowledged.add(batch.get(i).position());
                        commitToPublish.record(Duration.between(batch.get(i).occurredAt(), Instant.now()));
                    } catch (ExecutionException | TimeoutException e) {
                        failure = failure == null ? e : failure;
                    }
                }
                markPublished(connection, acknowledged);
                connection.commit();
                published.increment(acknowledged.size());
                if (failure != null) {
                    throw new IllegalStateException("Kafka did not acknowledge " + (batch.size() - acknowledged.size())
                            + " of " + batch.size() + " events", failure instanceof ExecutionException e ? e.getCause() : failure);
                }
                return batch.size();
            } catch (SQLException | RuntimeException | InterruptedException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    private double pendingCount() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement count = connection.prepareStatement(
                     "SELECT count(*) FROM outbox_message WHERE published_at IS NULL");
             ResultSet rs = count.executeQuery()) {
            return rs.next() ? rs.getLong(1) : Double.NaN;
        } catch (SQLException e) {
            return Double.NaN;
        }
    }

    private static boolean lockRelay(Connection connection) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_xact_lock(?)")) {
            lock.setLong(1, RELAY_LOCK);
            try (ResultSet rs = lock.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    private record Pending(long position, String topic, String subject, Instant occurredAt, CloudEvent event,
                           String traceparent) {
    }

    private List<Pending> oldestUnpublished(Connection connection) throws SQLException {
        List<Pending> batch = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT position, event_id, topic, event_type, subject, occurred_at, payload, traceparent
                FROM outbox_message WHERE published_at IS NULL ORDER BY position LIMIT ?""")) {
            select.setInt(1, batchSize);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    Instant occurredAt = rs.getTimestamp("occurred_at").toInstant();
                    CloudEvent event = CloudEvents.of(rs.getObject("event_id", UUID.class), source,
                            rs.getString("event_type"), rs.getString("subject"), occurredAt,
                            rs.getString("payload").getBytes(StandardCharsets.UTF_8), rs.getString("traceparent"));
                    batch.add(new Pending(rs.getLong("position"), rs.getString("topic"), rs.getString("subject"),
                            occurredAt, event, rs.getString("traceparent")));
                }
            }
        }
        return batch;
    }

    private static void markPublished(Connection connection, List<Long> positions) throws SQLException {
        if (positions.isEmpty()) {
            return;
        }
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE outbox_message SET published_at = now() WHERE position = ANY (?)")) {
            Array array = connection.createArrayOf("bigint", positions.toArray());
            update.setArray(1, array);
            update.executeUpdate();
        }
    }

    /** The service's Kafka settings (brokers, TLS, SASL) with the relay's own on top. */
    private Map<String, Object> producerConfig() {
        // A send gives up within the send timeout, so a broker outage ends the batch (it is retried) rather than the relay.
        long deliveryTimeout = sendTimeout.toMillis() - 500;
        return kafka.with(Map.ofEntries(
                Map.entry(ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay-" + source),
                Map.entry(ProducerConfig.ACKS_CONFIG, "all"),
                Map.entry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true"),
                Map.entry(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "5"),
                Map.entry(ProducerConfig.LINGER_MS_CONFIG, "0"),
                Map.entry(ProducerConfig.MAX_BLOCK_MS_CONFIG, Long.toString(deliveryTimeout / 2)),
                Map.entry(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Long.toString(deliveryTimeout / 2)),
                Map.entry(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Long.toString(deliveryTimeout)),
                Map.entry(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()),
                Map.entry(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, CloudEventSerializer.class.getName()),
                Map.entry(CloudEventSerializer.ENCODING_CONFIG, "BINARY")));
    }
}
