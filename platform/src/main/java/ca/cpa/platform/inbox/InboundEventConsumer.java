package ca.cpa.platform.inbox;

import ca.cpa.platform.domain.DomainException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.agroal.api.AgroalDataSource;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.KafkaMessageFactory;
import io.cloudevents.rw.CloudEventRWException;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.arc.All;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.stream.Collectors;

/**
 * The inbox: every service consumes the events it needs on the {@code inbound-events} channel
 * (its topics, group and dead-letter topic are the service's configuration). Each event is
 * recorded by its {@code ce_id} in the transaction that applies it, so a redelivered or
 * replayed event changes nothing. An event no retry can fix goes to the dead-letter topic with
 * the reason in its {@code dead-letter-reason} header; a passing failure (a lock, a lost
 * connection) is retried here, in order, before anything is given up. While the database
 * cannot be reached at all, the event is not at fault: it waits, with the events behind it,
 * for as long as the outage lasts, and none is dead-lettered for it. Nor is one the service could
 * not finish as it stops: it is left unacknowledged, so its offset is not committed and it is
 * delivered again after the restart.
 */
@ApplicationScoped
public class InboundEventConsumer {

    private static final Logger LOG = Logger.getLogger(InboundEventConsumer.class);
    private static final Duration DATABASE_RETRY = Duration.ofSeconds(2);

    private final Map<String, EventHandler<?>> handlers = new HashMap<>();
    private final Set<String> ignoredTypes;
    private final ObjectReader tolerantReader;
    private final Validator validator;
    private final EntityManager entityManager;
    private final MeterRegistry meters;
    private final int maxAttempts;
    private final AgroalDataSource dataSource;
    /** Events are consumed one at a time, on one worker thread after another. */
    private volatile boolean waitingForDatabase;
    private volatile boolean stopping;

    @Inject
    public InboundEventConsumer(@All List<EventHandler<?>> handlers, @All List<EventHandlers> handlerGroups,
                                @ConfigProperty(name = "cpa.inbox.ignored-types") Optional<Set<String>> ignoredTypes,
                                @ConfigProperty(name = "cpa.inbox.max-attempts", defaultValue = "8") int maxAttempts,
                                ObjectMapper objectMapper, Validator validator, EntityManager entityManager,
                                MeterRegistry meters, AgroalDataSource dataSource) {
        for (EventHandler<?> handler : java.util.stream.Stream.concat(handlers.stream(),
                handlerGroups.stream().flatMap(group -> group.handlers().stream())).toList()) {
            if (this.handlers.put(handler.eventType(), handler) != null) {
                throw new IllegalStateException("two handlers for " + handler.eventType());
            }
        }
        this.ignoredTypes = ignoredTypes.orElse(Set.of());
        // Producers may add fields and enum values to a version of an event; a consumer must not
        // break on them. An unknown value reads as null: fatal only where the consumer needs it.
        this.tolerantReader = objectMapper.reader().without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .with(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_AS_NULL);
        this.validator = validator;
        this.entityManager = entityManager;
        this.meters = meters;
        this.maxAttempts = maxAttempts;
        this.dataSource = dataSource;
    }

    /**
     * The service is stopping: the consumer still hands over events until it is closed, while the
     * database connections and Hibernate close under them.
     */
    void stopping(@Observes ShutdownEvent shutdown) {
        stopping = true;
    }

    @Incoming("inbound-events")
    @Blocking
    public CompletionStage<Void> consume(Message<byte[]> message) {
        try {
            CloudEvent event = readCloudEvent(message);
            EventHandler<?> handler = handlers.get(event.getType());
            if (handler == null) {
                if (ignoredTypes.contains(event.getType())) {
                    count("ignored", event.getType());
                    return message.ack();
                }
                throw new UnprocessableEventException("unknown event type " + event.getType());
            }
            // applied as a child of the record's reception span (the Kafka connector's, already ended), in the event's trace
            applyOnce(handler, event);
            return message.ack();
        } catch (UnprocessableEventException e) {
            LOG.warnf("event set aside on the dead-letter topic: %s", e.getMessage());
            count("dead-lettered", "unknown");
            return message.nack(e);
        } catch (RuntimeException e) {
            if (!stopping) {
                throw e;
            }
            LOG.infof("the service is stopping; the event at %s is left to be delivered again after its restart",
                    message.getMetadata(IncomingKafkaRecordMetadata.class)
                            .map(record -> record.getTopic() + "-" + record.getPartition() + "@" + record.getOffset())
                            .orElse("an unknown offset"));
            return new CompletableFuture<>();
        }
    }

    private <T> void applyOnce(EventHandler<T> handler, CloudEvent cloudEvent) {
        InboundEvent<T> event = new InboundEvent<>(eventId(cloudEvent), cloudEvent.getType(),
                cloudEvent.getSource().toString(), cloudEvent.getSubject(),
                cloudEvent.getTime() == null ? null : cloudEvent.getTime().toInstant(),
                readData(cloudEvent, handler.dataType()));
        for (int attempt = 1; ; attempt++) {
            try {
                boolean applied = QuarkusTransaction.requiringNew().call(() -> {
                    if (!recordInInbox(event)) {
                        return false;
                    }
                    handler.handle(event);
                    return true;
                });
                count(applied ? "applied" : "duplicate", event.type());
                if (waitingForDatabase) {
                    LOG.infof("the database answers again; event %s applied", event.id());
                    waitingForDatabase = false;
                }
                return;
            } catch (UnprocessableEventException e) {
                throw e;
            } catch (DomainException refused) {
                // The service's rules refuse what the event says; a retry would be refused alike.
                throw new UnprocessableEventException(event.type() + " " + event.id() + " refused: "
                        + refused.getMessage());
            } catch (RuntimeException e) {
                if (stopping) {
                    throw new ServiceStoppingException();
                }
                if (!databaseAnswers()) {
                    if (!waitingForDatabase) {
                        LOG.warnf("the database cannot be reached; event %s and those behind it wait for it: %s",
                                event.id(), rootCause(e));
                    }
                    waitingForDatabase = true;
                    attempt = 0;
                    pause(DATABASE_RETRY);
                    continue;
                }
                if (attempt >= maxAttempts) {
                    throw new UnprocessableEventException("processing failed " + attempt + " times: " + rootCause(e));
                }
                LOG.debugf("attempt %d at event %s failed, retrying: %s", attempt, event.id(), rootCause(e));
                pause(Duration.ofMillis(Math.min(5000, 50L << attempt)));
            }
        }
    }

    /** Whether a connection to the database can be had and answers: a failure while it cannot is not the event's. */
    private boolean databaseAnswers() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid((int) DATABASE_RETRY.toSeconds());
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }

    /** Records the event id; false when it was recorded before, i.e. this is a redelivery. */
    private boolean recordInInbox(InboundEvent<?> event) {
        return entityManager.createNativeQuery("""
                        INSERT INTO inbox_event (event_id, event_type, source, received_at)
                        VALUES (?1, ?2, ?3, now()) ON CONFLICT (event_id) DO NOTHING""")
                .setParameter(1, event.id())
                .setParameter(2, event.type())
                .setParameter(3, event.source())
                .executeUpdate() == 1;
    }

    private static CloudEvent readCloudEvent(Message<byte[]> message) {
        IncomingKafkaRecordMetadata<?, ?> record = message.getMetadata(IncomingKafkaRecordMetadata.class)
                .orElseThrow(() -> new UnprocessableEventException("not a Kafka record"));
        try {
            return KafkaMessageFactory.createReader(record.getHeaders(), message.getPayload()).toEvent();
        } catch (CloudEventRWException | IllegalStateException | IllegalArgumentException e) {
            throw new UnprocessableEventException("not a CloudEvent in binary mode: " + e.getMessage());
        }
    }

    private static UUID eventId(CloudEvent event) {
        try {
            return UUID.fromString(event.getId());
        } catch (IllegalArgumentException e) {
            throw new UnprocessableEventException("ce_id is not a UUID: " + event.getId());
        }
    }

    private <T> T readData(CloudEvent event, Class<T> type) {
        if (event.getData() == null) {
            throw new UnprocessableEventException(event.getType() + " has no data");
        }
        T data;
        try {
            data = tolerantReader.readValue(event.getData().toBytes(), type);
        } catch (JsonProcessingException e) {
            throw new UnprocessableEventException(event.getType() + " data is not valid JSON of its schema: "
                    + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UnprocessableEventException(event.getType() + " data is unreadable: " + e.getMessage());
        }
        if (data == null) {
            throw new UnprocessableEventException(event.getType() + " data is null");
        }
        Set<ConstraintViolation<T>> violations = validator.validate(data);
        if (!violations.isEmpty()) {
            throw new UnprocessableEventException(event.getType() + " data is invalid: " + violations.stream()
                    .map(v -> v.getPropertyPath() + " " + v.getMessage()).sorted().collect(Collectors.joining("; ")));
        }
        return data;
    }

    private void count(String outcome, String type) {
        meters.counter("cpa.inbox.events", "outcome", outcome, "type", type).increment();
    }

    private static String rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.toString();
    }

    private void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            if (stopping) {
                throw new ServiceStoppingException();
            }
            throw new IllegalStateException("interrupted while retrying an event", e);
        }
    }

    /** Ends the retries of an event neither applied nor at fault, because the service is stopping. */
    private static final class ServiceStoppingException extends RuntimeException {
        ServiceStoppingException() {
            super("the service is stopping", null, false, false);
        }
    }
}
