package ca.cpa.webhook.inbound;

import ca.cpa.events.mission.MissionRequestReceived;
import ca.cpa.events.mission.MissionRequestSubmitted;
import ca.cpa.platform.inbox.InboundEvent;
import ca.cpa.platform.inbox.UnprocessableEventException;
import ca.cpa.webhook.delivery.Dispatcher;
import ca.cpa.webhook.subscription.EventCatalog;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Turns a consumed event into deliveries, in the inbox's transaction: the event is kept as it
 * will be delivered (a CloudEvent in structured JSON mode) with one delivery per matching ACTIVE
 * subscription, so nothing is lost while this service or a partner is down. CPA staff's
 * subscriptions match by type; a requesting partner's also need the event to be about one of its
 * organization's requests. Such an event met before the request's organization is known (the
 * three topics are consumed independently) waits, and is matched once it is.
 */
@ApplicationScoped
public class Fanout {

    @Inject
    EntityManager entityManager;

    @Inject
    ObjectMapper objectMapper;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    Dispatcher dispatcher;

    public void record(InboundEvent<JsonNode> event) {
        String subject = event.subject() == null ? "" : event.subject();
        entityManager.createNativeQuery("""
                        INSERT INTO webhook_event (id, type, subject, body, received_at)
                        VALUES (?1, ?2, ?3, ?4, now()) ON CONFLICT (id) DO NOTHING""")
                .setParameter(1, event.id()).setParameter(2, event.type()).setParameter(3, subject)
                .setParameter(4, structured(event))
                .executeUpdate();
        int deliveries = deliver(event.id(), event.type(), subject, null);
        if (EventCatalog.PARTNER_TYPES.contains(event.type())) {
            deliveries += deliverToPartner(event, subject);
        }
        if (deliveries > 0) {
            dispatcher.wakeUpAfterCommit(transactions);
        }
    }

    private int deliverToPartner(InboundEvent<JsonNode> event, String subject) {
        Optional<UUID> request = uuid(event.data().path("missionRequestId"));
        if (request.isEmpty()) {
            return 0; // a ceiling amendment's outcome: about no partner's request
        }
        int deliveries = 0;
        Optional<String> owner = Optional.empty();
        if (event.type().equals(MissionRequestReceived.TYPE) || event.type().equals(MissionRequestSubmitted.TYPE)) {
            owner = Optional.of(event.data().path("requestingOrganization").path("name").asText(""))
                    .filter(organization -> !organization.isEmpty());
            if (owner.isPresent() && recordOwner(request.get(), owner.get())) {
                deliveries += releaseWaiting(request.get(), owner.get());
            }
        }
        owner = owner.or(() -> owner(request.get()));
        if (owner.isPresent()) {
            return deliveries + deliver(event.id(), event.type(), subject, owner.get());
        }
        entityManager.createNativeQuery("INSERT INTO webhook_unowned_event (event_id, mission_request_id) VALUES (?1, ?2)")
                .setParameter(1, event.id()).setParameter(2, request.get())
                .executeUpdate();
        return deliveries;
    }

    /** One PENDING delivery per ACTIVE subscription to this type: staff's ({@code organization} null) or that partner's. */
    private int deliver(UUID eventId, String type, String subject, String organization) {
        return entityManager.createNativeQuery("""
                        INSERT INTO webhook_delivery (id, subscription_id, event_id, event_type, subject, status, attempts,
                                                      created_at, retry_from, next_attempt_at)
                        SELECT gen_random_uuid(), s.id, ?1, ?3, ?2, 'PENDING', 0, now(), now(), now()
                        FROM webhook_subscription s JOIN webhook_subscription_event_type t ON t.subscription_id = s.id
                        WHERE t.event_type = ?3 AND s.status = 'ACTIVE'
                          AND s.organization IS NOT DISTINCT FROM ?4
                        ORDER BY s.id
                        ON CONFLICT (subscription_id, event_id) DO NOTHING""")
                .setParameter(1, eventId).setParameter(2, subject).setParameter(3, type)
                .setParameter(4, organization)
                .executeUpdate();
    }

    /** True when the owner is newly known. */
    private boolean recordOwner(UUID request, String organization) {
        return entityManager.createNativeQuery("""
                        INSERT INTO webhook_request_owner (mission_request_id, organization) VALUES (?1, ?2)
                        ON CONFLICT (mission_request_id) DO NOTHING""")
                .setParameter(1, request).setParameter(2, organization)
                .executeUpdate() == 1;
    }

    private Optional<String> owner(UUID request) {
        @SuppressWarnings("unchecked")
        List<String> owners = entityManager.createNativeQuery(
                        "SELECT organization FROM webhook_request_owner WHERE mission_request_id = ?1")
                .setParameter(1, request).getResultList();
        return owners.stream().findFirst();
    }

    /** The events about this request that came before its organization was known, in the order they came. */
    private int releaseWaiting(UUID request, String organization) {
        @SuppressWarnings("unchecked")
        List<Object[]> waiting = entityManager.createNativeQuery("""
                        SELECT e.id, e.type, e.subject FROM webhook_unowned_event u JOIN webhook_event e ON e.id = u.event_id
                        WHERE u.mission_request_id = ?1 ORDER BY u.sequence""")
                .setParameter(1, request).getResultList();
        int deliveries = 0;
        for (Object[] event : waiting) {
            deliveries += deliver((UUID) event[0], (String) event[1], (String) event[2], organization);
        }
        entityManager.createNativeQuery("DELETE FROM webhook_unowned_event WHERE mission_request_id = ?1")
                .setParameter(1, request).executeUpdate();
        return deliveries;
    }

    /** The CloudEvent in structured JSON mode, as the CloudEvents HTTP binding writes it. */
    private String structured(InboundEvent<JsonNode> event) {
        ObjectNode body = objectMapper.createObjectNode()
                .put("specversion", "1.0")
                .put("id", event.id().toString())
                .put("source", event.source())
                .put("type", event.type());
        if (event.subject() != null) {
            body.put("subject", event.subject());
        }
        if (event.time() != null) {
            body.put("time", event.time().toString());
        }
        body.put("datacontenttype", "application/json");
        body.set("data", event.data());
        try {
            return objectMapper.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new UnprocessableEventException(event.type() + " " + event.id() + " cannot be written as JSON: " + e);
        }
    }

    private static Optional<UUID> uuid(JsonNode node) {
        try {
            return node.isTextual() ? Optional.of(UUID.fromString(node.asText())) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
