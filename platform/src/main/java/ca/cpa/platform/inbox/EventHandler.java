package ca.cpa.platform.inbox;

/**
 * Applies one type of event to a service's state. Each handler is a bean; {@link handle} runs
 * in the transaction that also records the event id, so an event takes effect exactly once.
 */
public interface EventHandler<T> {

    /** The CloudEvents type handled, e.g. {@code ca.cpa.authorization.granted.v1}. */
    String eventType();

    /** The record the event's JSON data is read into and validated as. */
    Class<T> dataType();

    /** Applies the event; throws {@link UnprocessableEventException} for data no retry can fix. */
    void handle(InboundEvent<T> event);
}
