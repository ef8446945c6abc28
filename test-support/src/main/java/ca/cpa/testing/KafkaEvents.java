package ca.cpa.testing;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.CloudEventSerializer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import io.smallrye.config.SmallRyeConfig;
import org.eclipse.microprofile.config.ConfigProvider;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/**
 * Publishes and reads events on the test broker the way other services and partners do:
 * CloudEvents 1.0 in Kafka binary mode, through the CloudEvents SDK.
 */
public final class KafkaEvents {

    private static final String KAFKA_PREFIX = "kafka.";

    private KafkaEvents() {
    }

    /** An event as it stands on a topic: key, headers and the data as text. */
    public record ReceivedEvent(String topic, int partition, long offset, String key, Map<String, String> headers,
                                String data) {
        public String header(String name) {
            return headers.get(name);
        }

        public String type() {
            return headers.get("ce_type");
        }

        public String subject() {
            return headers.get("ce_subject");
        }
    }

    /**
     * What the probes connect with: every {@code kafka.*} property of the configuration, without
     * its prefix (the brokers, and on a secured broker a login), as a service takes its own.
     * Read afresh at each call: a suite's tests set them as system properties when they start one.
     */
    public static Map<String, Object> clientSettings() {
        SmallRyeConfig config = ConfigProvider.getConfig().unwrap(SmallRyeConfig.class);
        Map<String, Object> settings = new HashMap<>();
        for (String name : config.getLatestPropertyNames()) {
            if (name.startsWith(KAFKA_PREFIX)) {
                config.getOptionalValue(name, String.class)
                        .ifPresent(value -> settings.put(name.substring(KAFKA_PREFIX.length()), value));
            }
        }
        return settings;
    }

    /** Publishes a CloudEvent, keyed by its subject, and waits for the broker's acknowledgement. */
    public static String publish(String topic, String type, String source, String subject, String jsonData) {
        String id = UUID.randomUUID().toString();
        publish(topic, id, type, source, subject, jsonData);
        return id;
    }

    /** Publishes a CloudEvent with a chosen id: publishing the same id twice is a redelivery. */
    public static void publish(String topic, String id, String type, String source, String subject, String jsonData) {
        CloudEvent event = CloudEventBuilder.v1()
                .withId(id)
                .withSource(URI.create(source))
                .withType(type)
                .withSubject(subject)
                .withTime(OffsetDateTime.now(ZoneOffset.UTC))
                .withDataContentType("application/json")
                .withData(jsonData.getBytes(StandardCharsets.UTF_8))
                .build();
        Properties config = producerConfig();
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, CloudEventSerializer.class.getName());
        try (KafkaProducer<String, CloudEvent> producer = new KafkaProducer<>(config)) {
            producer.send(new ProducerRecord<>(topic, subject, event)).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not publish " + type + " to " + topic, e);
        }
    }

    /** Publishes raw bytes with no CloudEvents headers at all: what a broken producer sends. */
    public static void publishRaw(String topic, String key, byte[] value) {
        Properties config = producerConfig();
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config)) {
            producer.send(new ProducerRecord<>(topic, key, value)).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not publish to " + topic, e);
        }
    }

    /** Waits until an event matching {@code match} is on {@code topic}, reading it from its start. */
    public static ReceivedEvent await(String topic, Predicate<ReceivedEvent> match, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            List<TopicPartition> partitions = assignFromStart(consumer, topic, deadline);
            while (Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    ReceivedEvent event = toEvent(record);
                    if (match.test(event)) {
                        return event;
                    }
                }
                if (partitions.isEmpty()) {
                    partitions = assignFromStart(consumer, topic, deadline);
                }
            }
        }
        throw new AssertionError("no matching event on " + topic + " within " + timeout.toSeconds() + " s");
    }

    /** Every event now on {@code topic}, from its start to its current end. */
    public static List<ReceivedEvent> all(String topic) {
        List<ReceivedEvent> events = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            List<TopicPartition> partitions = assignFromStart(consumer, topic, Instant.now().plusSeconds(10));
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            Instant deadline = Instant.now().plusSeconds(30);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p)) && Instant.now().isBefore(deadline)) {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> events.add(toEvent(record)));
            }
        }
        return events;
    }

    private static List<TopicPartition> assignFromStart(KafkaConsumer<String, byte[]> consumer, String topic, Instant deadline) {
        List<TopicPartition> partitions = new ArrayList<>();
        while (partitions.isEmpty() && Instant.now().isBefore(deadline)) {
            consumer.partitionsFor(topic, Duration.ofSeconds(5))
                    .forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
            if (partitions.isEmpty()) {
                sleep();
            }
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        return partitions;
    }

    private static ReceivedEvent toEvent(ConsumerRecord<String, byte[]> record) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8));
        }
        String data = record.value() == null ? null : new String(record.value(), StandardCharsets.UTF_8);
        return new ReceivedEvent(record.topic(), record.partition(), record.offset(), record.key(), headers, data);
    }

    private static KafkaConsumer<String, byte[]> consumer() {
        Properties config = new Properties();
        config.putAll(clientSettings());
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return new KafkaConsumer<>(config);
    }

    private static Properties producerConfig() {
        Properties config = new Properties();
        config.putAll(clientSettings());
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        return config;
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
