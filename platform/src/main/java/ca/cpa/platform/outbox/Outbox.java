package ca.cpa.platform.outbox;

import ca.cpa.platform.core.events.IntegrationEvent;
import ca.cpa.platform.tracing.Traces;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Where domain code announces what happened. The event is stored in the caller's transaction,
 * so it exists if and only if the change it describes was committed; the relay is woken as
 * soon as that commit happens.
 */
@ApplicationScoped
public class Outbox {

    @Inject
    ObjectMapper objectMapper;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    OutboxRelay relay;

    @Inject
    Tracer tracer;

    /** Absent in a service that publishes no events. */
    @ConfigProperty(name = "cpa.events.topic")
    Optional<String> topic;

    /** Stores the events an aggregate's change caused, in the order it gave them. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void publish(List<? extends IntegrationEvent> events) {
        events.forEach(this::publish);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void publish(IntegrationEvent event) {
        OutboxMessage message = new OutboxMessage();
        message.eventId = UUID.randomUUID();
        message.topic = topic.orElseThrow(() -> new IllegalStateException("cpa.events.topic is not set: this service publishes no events"));
        message.eventType = event.eventType();
        message.subject = event.subject();
        message.occurredAt = Instant.now();
        message.payload = toJson(event);
        message.traceparent = Traces.currentTraceparent().orElseGet(() -> newTrace(event));
        message.persist();
        relay.wakeUpAfterCommit(transactions);
    }

    /** Work no request or event started (a test's direct call): the event begins a trace of its own. */
    private String newTrace(IntegrationEvent event) {
        Span origin = tracer.spanBuilder("announce " + event.eventType()).setNoParent().startSpan();
        try (Scope ignored = origin.makeCurrent()) {
            return Traces.currentTraceparent().orElse(null);
        } finally {
            origin.end();
        }
    }

    private String toJson(IntegrationEvent event) {
        try {
            return objectMapper.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize " + event.eventType(), e);
        }
    }
}
