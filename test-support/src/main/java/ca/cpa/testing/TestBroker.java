package ca.cpa.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@code KafkaBroker} field that receives the broker the tests started, so a test can
 * stop and restart it. The field stays null when the tests use a broker named by
 * {@code KAFKA_BOOTSTRAP_SERVERS}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface TestBroker {
}
