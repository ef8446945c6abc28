package ca.cpa.platform.events;

import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerConfig;

import java.util.HashMap;
import java.util.Map;

/**
 * A service's one Kafka client configuration: every {@code kafka.*} property (and {@code KAFKA_*}
 * environment variable), as Quarkus collects it for the SmallRye consumers and their dead-letter
 * producers. The clients the platform builds itself (the outbox's producer, the topics' admin
 * client) start from it too, so that all of a service's clients reach the same brokers with the
 * same security: TLS ({@code kafka.ssl.*}) and SASL ({@code kafka.sasl.*}) included.
 */
@ApplicationScoped
public class KafkaClientConfig {

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> shared;

    /** The shared settings with a client's {@code own} on top. */
    public Map<String, Object> with(Map<String, Object> own) {
        return merge(shared, own);
    }

    static Map<String, Object> merge(Map<String, Object> shared, Map<String, Object> own) {
        Map<String, Object> config = new HashMap<>(shared);
        // Quarkus adds the application's name as group.id, which only a consumer uses.
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.putAll(own);
        return config;
    }
}
