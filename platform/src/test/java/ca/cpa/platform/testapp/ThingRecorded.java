package ca.cpa.platform.testapp;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import java.util.UUID;

/**
 * The data of the event the test application consumes.
 *
 * @param transientFailures how many attempts at applying the event fail with a passing error first
 */
public record ThingRecorded(@NotNull UUID thingId, @NotBlank String text, @Min(0) @Max(3) int transientFailures) {

    /** The type the application has a handler for. */
    public static final String TYPE = "ca.cpa.platform-test.thing-recorded.v1";
    /** A type on the same topic that the application ignores (cpa.inbox.ignored-types). */
    public static final String IGNORED_TYPE = "ca.cpa.platform-test.thing-noticed.v1";
    /** The text the application's rules refuse, as a domain would refuse an event that contradicts its state. */
    public static final String REFUSED_TEXT = "against the rules";
    /** A type the application neither handles nor ignores. */
    public static final String UNKNOWN_TYPE = "ca.cpa.platform-test.thing-vanished.v1";
}
