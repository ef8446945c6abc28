package ca.cpa.platform.testapp;

import ca.cpa.platform.core.events.IntegrationEvent;

/** The event the test application publishes through its outbox; its subject is the thing. */
public record ThingHappened(String thingId, int sequence, String note) implements IntegrationEvent {

    public static final String TYPE = "ca.cpa.platform-test.thing-happened.v1";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String subject() {
        return thingId;
    }
}
