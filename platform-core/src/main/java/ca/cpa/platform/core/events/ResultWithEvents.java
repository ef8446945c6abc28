package ca.cpa.platform.core.events;

import java.util.List;

/**
 * What an aggregate's factory gives back: the new aggregate and the events its creation
 * caused, which the application service hands to the outbox in the same transaction.
 */
public record ResultWithEvents<T>(T result, List<IntegrationEvent> events) {

    public ResultWithEvents {
        events = List.copyOf(events);
    }

    public static <T> ResultWithEvents<T> of(T result, IntegrationEvent... events) {
        return new ResultWithEvents<>(result, List.of(events));
    }
}
