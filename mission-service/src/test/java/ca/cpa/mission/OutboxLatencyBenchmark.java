package ca.cpa.mission;

import ca.cpa.testing.KafkaEvents;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import static ca.cpa.mission.Api.missionJson;
import static ca.cpa.mission.Api.planner;
import static ca.cpa.mission.Api.uniqueCode;

/**
 * Prints how long an event takes from its transaction to Kafka. Not part of the test run:
 * {@code ./mvnw -pl mission-service -am verify -Dtest=OutboxLatencyBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 * It measures and prints; it asserts nothing about time.
 */
@QuarkusTest
class OutboxLatencyBenchmark {

    private static final int WARM_UP = 100;
    private static final int MEASURED = 500;

    @Inject
    MeterRegistry meters;

    @Test
    void commitToKafka() throws Exception {
        for (int i = 0; i < WARM_UP; i++) {
            createMission();
        }
        Map<String, Long> responded = new ConcurrentHashMap<>();
        Map<String, Long> consumed = new ConcurrentHashMap<>();
        try (KafkaConsumer<String, byte[]> consumer = consumerAtEnd()) {
            Thread reader = new Thread(() -> {
                while (consumed.size() < MEASURED && !Thread.currentThread().isInterrupted()) {
                    for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(5))) {
                        long now = System.nanoTime();
                        String type = new String(record.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8);
                        if ("ca.cpa.mission.created.v1".equals(type)) {
                            consumed.put(record.key(), now);
                        }
                    }
                }
            });
            reader.start();
            long started = System.nanoTime();
            for (int i = 0; i < MEASURED; i++) {
                String id = createMission();
                responded.put(id, System.nanoTime());
            }
            long elapsed = System.nanoTime() - started;
            reader.join(TimeUnit.SECONDS.toMillis(60));
            reader.interrupt();

            List<Double> responseToConsumer = new ArrayList<>();
            responded.forEach((id, at) -> {
                Long seen = consumed.get(id);
                if (seen != null) {
                    responseToConsumer.add(Math.max(0, seen - at) / 1e6);
                }
            });
            Collections.sort(responseToConsumer);
            Timer relay = meters.find("cpa.outbox.delay").timer();
            System.out.printf("%nOutbox latency, %d sequential creates after %d warm-up (one broker, one PostgreSQL, this machine)%n",
                    MEASURED, WARM_UP);
            System.out.printf("  creates per second (sequential, HTTP + commit)      %8.1f%n", MEASURED / (elapsed / 1e9));
            for (ValueAtPercentile p : relay.takeSnapshot().percentileValues()) {
                System.out.printf("  relay, event written to broker ack, p%-4.0f      %8.2f ms%n", p.percentile() * 100,
                        p.value(TimeUnit.MILLISECONDS));
            }
            System.out.printf("  relay, max                                          %8.2f ms%n", relay.max(TimeUnit.MILLISECONDS));
            System.out.printf("  HTTP response to event at a consumer, p50 / p99 / max %6.2f / %.2f / %.2f ms (%d of %d seen)%n%n",
                    percentile(responseToConsumer, 0.50), percentile(responseToConsumer, 0.99),
                    responseToConsumer.isEmpty() ? Double.NaN : responseToConsumer.get(responseToConsumer.size() - 1),
                    responseToConsumer.size(), MEASURED);
        }
    }

    private static String createMission() {
        return planner().body(missionJson(uniqueCode("BENCH"), "HT"))
                .post("/api/v1/missions").then().statusCode(201).extract().path("id");
    }

    private static double percentile(List<Double> sorted, double p) {
        return sorted.isEmpty() ? Double.NaN : sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(p * sorted.size()) - 1));
    }

    private static KafkaConsumer<String, byte[]> consumerAtEnd() {
        Properties config = new Properties();
        config.putAll(KafkaEvents.clientSettings());
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        config.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "5");
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config);
        List<TopicPartition> partitions = consumer.partitionsFor("cpa.mission.events", Duration.ofSeconds(10)).stream()
                .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        return consumer;
    }
}
