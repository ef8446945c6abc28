package ca.cpa.platform.events;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Creates the topics a service publishes to, consumes from and dead-letters to, with the
 * configured partition count and replication factor, rather than leaving it to the broker's
 * auto-creation (which production brokers, and the local one, have switched off). Every
 * service creates every missing topic it touches, so the order they start in does not matter;
 * where ACLs let a service create only the topics it writes to, it waits for the others.
 * <p>
 * Partitions are the unit of parallelism: a consumer group spreads them over a service's
 * replicas, and events keyed by their aggregate's id stay in order within one partition.
 * A topic that exists with fewer partitions is left as it is, with a warning: adding
 * partitions moves keys, and would let an aggregate's next event overtake its last one.
 * <p>
 * Event topics keep their events for ever ({@code retention.ms=-1}, the default of
 * {@code cpa.topics.events-retention-ms}): a new consumer, such as a rebuilt read model,
 * replays a topic from its first event. Compaction would not do, since it keeps only an
 * aggregate's last event. Dead-letter topics keep the broker's retention. A service sets the
 * retention on the topics it creates, and on the topic it publishes to, which it owns.
 * <p>
 * It runs on a thread of its own and retries until the broker answers: a service starts
 * while Kafka is down, and its outbox keeps the events until the topics exist.
 */
@ApplicationScoped
public class TopicProvisioning {

    private static final Logger LOG = Logger.getLogger(TopicProvisioning.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(10);

    @Inject
    KafkaClientConfig kafka;

    /** Absent in a service that publishes no events. */
    @ConfigProperty(name = "cpa.events.topic")
    Optional<String> publishedTopic;

    @ConfigProperty(name = "mp.messaging.incoming.inbound-events.topics")
    List<String> consumedTopics;

    @ConfigProperty(name = "mp.messaging.incoming.inbound-events.dead-letter-queue.topic")
    String deadLetterTopic;

    @ConfigProperty(name = "cpa.topics.partitions", defaultValue = "6")
    int partitions;

    /** How long event topics keep events; -1: for ever. */
    @ConfigProperty(name = "cpa.topics.events-retention-ms", defaultValue = "-1")
    long eventsRetentionMs;

    /** Absent: the broker's {@code default.replication.factor}. */
    @ConfigProperty(name = "cpa.topics.replication-factor")
    Optional<Short> replicationFactor;

    private volatile boolean running;
    private Thread worker;

    void start(@Observes StartupEvent startup) {
        if (partitions < 1) {
            throw new IllegalArgumentException("cpa.topics.partitions must be at least 1, not " + partitions);
        }
        running = true;
        worker = new Thread(this::provisionUntilDone, "topic-provisioning");
        worker.setDaemon(true);
        worker.start();
    }

    void stop(@Observes ShutdownEvent shutdown) {
        running = false;
        worker.interrupt();
    }

    /** The topics this service touches, by name. */
    public SortedSet<String> topics() {
        SortedSet<String> topics = eventTopics();
        topics.add(deadLetterTopic);
        return topics;
    }

    private SortedSet<String> eventTopics() {
        SortedSet<String> topics = new TreeSet<>(consumedTopics);
        publishedTopic.ifPresent(topics::add);
        return topics;
    }

    private void provisionUntilDone() {
        Duration backoff = Duration.ofMillis(200);
        SortedSet<String> created = new TreeSet<>();
        while (running) {
            try (Admin admin = Admin.create(adminConfig())) {
                provision(admin, created);
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                // a topic just created may not be known to every part of the broker for a moment
                LOG.logf(created.isEmpty() ? Logger.Level.WARN : Logger.Level.DEBUG,
                        "topics not ready yet, trying again in %d ms: %s", backoff.toMillis(), e);
                try {
                    Thread.sleep(backoff.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
    }

    /**
     * Creates what is missing and checks what exists; {@code created} collects the topics created,
     * over attempts. Only missing topics are created, so that on a cluster with ACLs a service
     * needs the right to create its own topics only: one it consumes is created by its owner, or
     * by whichever service starts first where the rights allow it.
     */
    private void provision(Admin admin, SortedSet<String> created)
            throws InterruptedException, ExecutionException, TimeoutException {
        SortedSet<String> missing = missing(admin);
        // every creation's outcome is taken before one failure is reported, so that none is missed in created
        RuntimeException failure = null;
        for (var creation : admin.createTopics(missing.stream().map(this::newTopic).toList()).values().entrySet()) {
            try {
                creation.getValue().get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                created.add(creation.getKey());
            } catch (ExecutionException e) {
                if (e.getCause() instanceof TopicAuthorizationException && !owned(creation.getKey())) {
                    failure = new IllegalStateException(creation.getKey() + " does not exist yet, and this service may "
                            + "not create it: waiting for the service that publishes to it", e.getCause());
                } else if (!(e.getCause() instanceof TopicExistsException)) {
                    failure = new IllegalStateException("creating " + creation.getKey() + " failed", e.getCause());
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
        if (publishedTopic.isPresent()) {
            ConfigResource owned = new ConfigResource(ConfigResource.Type.TOPIC, publishedTopic.get());
            admin.incrementalAlterConfigs(Map.of(owned, List.of(new AlterConfigOp(
                            new ConfigEntry(TopicConfig.RETENTION_MS_CONFIG, Long.toString(eventsRetentionMs)),
                            AlterConfigOp.OpType.SET))))
                    .all().get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        }
        Map<String, TopicDescription> descriptions = admin.describeTopics(topics()).allTopicNames()
                .get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        descriptions.values().stream()
                .filter(topic -> topic.partitions().size() < partitions)
                .forEach(topic -> LOG.warnf("topic %s has %d partitions, fewer than the %d configured; left as it is, "
                                + "since adding partitions would move keys and could reorder an aggregate's events",
                        topic.name(), topic.partitions().size(), partitions));
        LOG.infof("topics ready: %s (created by this start: %s)", topics(), created.isEmpty() ? "none" : created);
    }

    /** The topics this service touches that the broker does not know. */
    private SortedSet<String> missing(Admin admin) throws InterruptedException, ExecutionException, TimeoutException {
        SortedSet<String> missing = new TreeSet<>();
        for (var description : admin.describeTopics(topics()).topicNameValues().entrySet()) {
            try {
                description.getValue().get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                    throw e;
                }
                missing.add(description.getKey());
            }
        }
        return missing;
    }

    /** The topics this service writes to: its own events and its dead letters. */
    private boolean owned(String topic) {
        return topic.equals(deadLetterTopic) || publishedTopic.filter(topic::equals).isPresent();
    }

    private NewTopic newTopic(String name) {
        NewTopic topic = new NewTopic(name, Optional.of(partitions), replicationFactor);
        return eventTopics().contains(name)
                ? topic.configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, Long.toString(eventsRetentionMs)))
                : topic;
    }

    /** The service's Kafka settings (brokers, TLS, SASL) with the admin client's own on top. */
    private Map<String, Object> adminConfig() {
        return kafka.with(Map.of(
                AdminClientConfig.CLIENT_ID_CONFIG, "topic-provisioning",
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, Long.toString(CALL_TIMEOUT.toMillis()),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, Long.toString(CALL_TIMEOUT.toMillis() / 2)));
    }
}
