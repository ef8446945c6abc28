package ca.cpa.platform.testapp;

import ca.cpa.platform.domain.ConflictException;
import ca.cpa.platform.inbox.EventHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** The test application's one event handler, and how often it was called for each event. */
@ApplicationScoped
public class TestHandlers {

    private final Map<UUID, AtomicInteger> attempts = new ConcurrentHashMap<>();

    @Produces
    EventHandler<ThingRecorded> thingRecorded() {
        return EventHandler.of(ThingRecorded.TYPE, ThingRecorded.class, event -> {
            if (ThingRecorded.REFUSED_TEXT.equals(event.data().text())) {
                attempts.computeIfAbsent(event.id(), id -> new AtomicInteger()).incrementAndGet();
                throw new ConflictException("platform-test.refused", event.data().thingId());
            }
            // written before a failure, so a failed attempt that left it behind would show
            Note.of(event.subject(), event.id(), event.data().text()).persist();
            int attempt = attempts.computeIfAbsent(event.id(), id -> new AtomicInteger()).incrementAndGet();
            if (attempt <= event.data().transientFailures()) {
                throw new IllegalStateException("passing failure of attempt " + attempt + " at " + event.id());
            }
        });
    }

    /** How many times the handler was called with the event {@code eventId}, failed calls included. */
    public int attempts(UUID eventId) {
        AtomicInteger count = attempts.get(eventId);
        return count == null ? 0 : count.get();
    }
}
