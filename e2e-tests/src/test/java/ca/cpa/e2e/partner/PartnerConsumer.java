package ca.cpa.e2e.partner;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/** A partner's subscription to CPA events: at-least-once delivery, made exactly-once in effect by ce_id. */
public class PartnerConsumer implements AutoCloseable {

    private final KafkaConsumer<String, String> consumer;
    private final Set<String> handled = new HashSet<>(); // keep these ids in your own database, with your effects
    private final Map<String, BiConsumer<String, String>> handlers; // ce_type -> (subject, data JSON)

    public PartnerConsumer(String bootstrapServers, String groupId, Map<String, BiConsumer<String, String>> handlers) {
        this.handlers = handlers;
        this.consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, groupId,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()));
        consumer.subscribe(List.of("cpa.mission.events", "cpa.authorization.events", "cpa.personnel.events"));
    }

    /** Reads what has arrived, handles each new event once, then commits: a crash before the commit replays. */
    public void pollOnce() {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
            String id = header(record, "ce_id");
            String type = header(record, "ce_type");
            BiConsumer<String, String> handler = handlers.get(type);
            if (id == null || !handled.add(id) || handler == null) {
                continue; // a repeat, or a type this partner does not use (new types may appear)
            }
            handler.accept(header(record, "ce_subject"), record.value());
        }
        consumer.commitSync();
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        consumer.close();
    }
}
