package ca.cpa.platform.inbox;

import java.util.function.Consumer;

/**
 * Applies one type of event to a service's state. A service produces one bean of this type per
 * event type it consumes; the action runs in the transaction that also records the event id,
 * so an event takes effect exactly once. The action throws {@link UnprocessableEventException}
 * for data that no retry can fix; a {@code DomainException} (the service's rules refuse what
 * the event says) is treated alike.
 *
 * @param eventType the CloudEvents type handled, e.g. {@code ca.cpa.authorization.granted.v1}
 * @param dataType the record the event's JSON data is read into and validated as
 */
public record EventHandler<T>(String eventType, Class<T> dataType, Consumer<InboundEvent<T>> action) {

    public static <T> EventHandler<T> of(String eventType, Class<T> dataType, Consumer<InboundEvent<T>> action) {
        return new EventHandler<>(eventType, dataType, action);
    }

    void handle(InboundEvent<T> event) {
        action.accept(event);
    }
}
