package ca.cpa.platform.core.events;

/**
 * An event another service or partner may act on. Its record components are the event's JSON
 * data; the two methods below become CloudEvents attributes, not data.
 */
public interface IntegrationEvent {

    /** The CloudEvents type, e.g. {@code ca.cpa.mission.created.v1}. */
    String eventType();

    /** The aggregate the event is about: the CloudEvents subject and the Kafka key. */
    String subject();
}
