package ca.cpa.platform.testapp;

import ca.cpa.platform.outbox.Outbox;
import ca.cpa.platform.outbox.OutboxMessage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.UUID;

/** The test application's domain service: changes that announce themselves through the outbox. */
@ApplicationScoped
public class Things {

    @Inject
    Outbox outbox;

    @Inject
    EntityManager entityManager;

    /** In one transaction: a note, and an event for each of {@code events}, all about {@code thingId}. */
    @Transactional
    public void happen(String thingId, ThingHappened... events) {
        Note.of(thingId, null, "happened " + events.length).persist();
        for (ThingHappened event : events) {
            outbox.publish(event);
        }
    }

    /** Like {@link #happen}, but the transaction fails after publishing, and is rolled back. */
    @Transactional
    public void happenThenFail(String thingId, ThingHappened... events) {
        happen(thingId, events);
        throw new Failure("the change about " + thingId + " failed after its events were published");
    }

    @Transactional
    public List<OutboxMessage> outbox(String subject) {
        return entityManager.createQuery("FROM OutboxMessage WHERE subject = ?1 ORDER BY position", OutboxMessage.class)
                .setParameter(1, subject).getResultList();
    }

    @Transactional
    public List<Note> notes(String subject) {
        return entityManager.createQuery("FROM Note WHERE subject = ?1 ORDER BY id", Note.class)
                .setParameter(1, subject).getResultList();
    }

    @Transactional
    public long notesOfEvent(UUID eventId) {
        return entityManager.createQuery("SELECT count(n) FROM Note n WHERE n.eventId = ?1", Long.class)
                .setParameter(1, eventId).getSingleResult();
    }

    /** Whether the inbox recorded the event {@code eventId} as consumed. */
    @Transactional
    public boolean inInbox(UUID eventId) {
        return ((Number) entityManager.createNativeQuery("SELECT count(*) FROM inbox_event WHERE event_id = ?1")
                .setParameter(1, eventId).getSingleResult()).longValue() > 0;
    }

    /** What makes a change fail; being a RuntimeException, it rolls the transaction back. */
    public static class Failure extends RuntimeException {
        public Failure(String message) {
            super(message);
        }
    }
}
