package ca.cpa.platform.events;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class KafkaClientConfigTest {

    private static final Map<String, Object> SHARED = Map.of(
            "bootstrap.servers", "kafka-1:9093,kafka-2:9093",
            "security.protocol", "SASL_SSL",
            "sasl.mechanism", "SCRAM-SHA-512",
            "sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"u\" password=\"p\";",
            "ssl.truststore.location", "/etc/kafka/truststore.p12",
            "request.timeout.ms", "30000",
            "group.id", "mission-service");

    @Test
    void aClientGetsTheSharedBrokersAndSecurityWithItsOwnSettingsOnTop() {
        Map<String, Object> config = KafkaClientConfig.merge(SHARED, Map.of("client.id", "outbox-relay", "request.timeout.ms", "7000"));

        assertEquals(Map.of(
                "bootstrap.servers", "kafka-1:9093,kafka-2:9093",
                "security.protocol", "SASL_SSL",
                "sasl.mechanism", "SCRAM-SHA-512",
                "sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"u\" password=\"p\";",
                "ssl.truststore.location", "/etc/kafka/truststore.p12",
                "request.timeout.ms", "7000",
                "client.id", "outbox-relay"), config);
    }
}
