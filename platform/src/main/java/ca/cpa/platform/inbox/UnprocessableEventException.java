package ca.cpa.platform.inbox;

/**
 * An event that no retry can make processable (not a CloudEvent, unknown type, invalid data):
 * it is set aside on the dead-letter topic, with this message as the reason, and consumption
 * goes on.
 */
public class UnprocessableEventException extends RuntimeException {

    public UnprocessableEventException(String reason) {
        super(reason);
    }
}
