package ca.cpa.deployment;

import ca.cpa.runtime.Directories;
import ca.cpa.runtime.KafkaBroker;
import ca.cpa.runtime.KafkaBroker.ScramUser;
import ca.cpa.runtime.LocalSuite;
import ca.cpa.testing.KafkaEvents;
import ca.cpa.testing.SuiteClient;
import ca.cpa.testing.SuiteUnderTest;
import io.restassured.response.Response;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The suite on a broker secured as production brokers are: every client logs in
 * (SASL/SCRAM-SHA-512) and may do only what an ACL allows. Each service logs in as a principal
 * of its own that may touch its own topics only (the ACLs of docs/operations.md), and an
 * integration partner's principal may only read the public topics. That the services work
 * there shows that every Kafka client of a service (the outbox's producer, the topics' admin
 * client, the consumers and their dead-letter producers) takes the service's one Kafka
 * configuration, the login included.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class SecuredKafkaTest {

    private static final List<String> PUBLIC_TOPICS = List.of("cpa.mission.events", "cpa.authorization.events",
            "cpa.personnel.events");
    /** A partner's principal, and the prefix of the consumer groups it may use. */
    private static final String PARTNER = "partner-acme";
    private static final AtomicInteger CODES = new AtomicInteger();

    /** What a service does on the broker: the topics it reads (with its group, named as it), publishes to, dead-letters to. */
    private record Access(String service, List<String> reads, String publishes, String deadLetters) {

        /** The topics the service writes to, which it creates at start when missing (platform TopicProvisioning). */
        List<String> writes() {
            List<String> topics = new ArrayList<>();
            if (publishes != null) {
                topics.add(publishes);
            }
            topics.add(deadLetters);
            return topics;
        }
    }

    private static final List<Access> SERVICES = List.of(
            new Access("mission-service", List.of("cpa.authorization.events", "cpa.personnel.events"),
                    "cpa.mission.events", "cpa.mission-service.dead-letter"),
            new Access("personnel-service", List.of("cpa.mission.events", "cpa.authorization.events"),
                    "cpa.personnel.events", "cpa.personnel-service.dead-letter"),
            new Access("authorization-service", List.of("cpa.mission.events"),
                    "cpa.authorization.events", "cpa.authorization-service.dead-letter"),
            new Access("reporting-service", PUBLIC_TOPICS, null, "cpa.reporting-service.dead-letter"),
            new Access("webhook-service", PUBLIC_TOPICS, null, "cpa.webhook-service.dead-letter"));

    private static final ScramUser ADMIN = newUser("cpa-admin");
    private static final ScramUser PARTNER_LOGIN = newUser(PARTNER);
    private static final Map<String, ScramUser> LOGINS = new LinkedHashMap<>();

    private static KafkaBroker broker;
    private static LocalSuite suite;
    private static SuiteClient gateway;

    @BeforeAll
    static void startTheSuiteOnASecuredBroker() throws Exception {
        SERVICES.forEach(access -> LOGINS.put(access.service(), newUser(access.service())));
        List<ScramUser> users = new ArrayList<>(LOGINS.values());
        users.add(PARTNER_LOGIN);
        Path brokerDirectory = Path.of("target", "cpa-secured-kafka").toAbsolutePath();
        Directories.deleteRecursively(brokerDirectory);
        broker = KafkaBroker.withScram(brokerDirectory, 0, "512m", ADMIN, users).start();
        grant(acls());

        Map<String, Map<String, String>> serviceLogins = new HashMap<>();
        LOGINS.forEach((service, login) -> serviceLogins.put(service, environmentVariables(login.clientSettings())));
        suite = SuiteUnderTest.start("secured-kafka", Map.of("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers()),
                serviceLogins);
        SuiteUnderTest.probeKafkaWith(ADMIN.clientSettings());
        gateway = new SuiteClient(suite.gatewayUrl(), suite.tokens());
    }

    @AfterAll
    static void stopTheSuite() {
        if (suite != null) {
            suite.close();
        }
        if (broker != null) {
            broker.stop();
        }
    }

    @Test
    void aMissionCreatedThroughTheGatewayIsPublishedAndAppliedByTheServicesUnderTheirOwnLogins() throws Exception {
        String mission = mission();

        SuiteUnderTest.awaitValue(suite, "authorization-service",
                "SELECT count(*) FROM known_mission WHERE id = '" + mission + "'", "1");
        SuiteUnderTest.awaitValue(suite, "personnel-service",
                "SELECT count(*) FROM known_mission WHERE id = '" + mission + "'", "1");
        SuiteUnderTest.awaitValue(suite, "reporting-service",
                "SELECT count(*) FROM reported_mission WHERE mission_id = '" + mission + "'", "1");
    }

    @Test
    void thePartnerReadsThePublicEvents() {
        String mission = mission();

        try (KafkaConsumer<String, String> partner = partnerConsumer()) {
            partner.subscribe(PUBLIC_TOPICS);
            Instant deadline = Instant.now().plus(SuiteClient.PATIENCE);
            Set<String> types = new HashSet<>();
            while (!types.contains("ca.cpa.mission.created.v1") && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, String> record : partner.poll(Duration.ofMillis(500))) {
                    if (mission.equals(record.key())) {
                        types.add(new String(record.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8));
                    }
                }
            }
            assertTrue(types.contains("ca.cpa.mission.created.v1"), "the partner read " + types + " of mission " + mission);
        }
    }

    @Test
    void thePartnerCannotPublishToAPublicTopic() {
        Throwable refusal = refusalOfPublishing(PARTNER_LOGIN, "cpa.mission.events");

        assertInstanceOf(AuthorizationException.class, refusal, refusal.toString());
    }

    @Test
    void aServiceCannotPublishToAnotherServicesTopic() {
        Throwable refusal = refusalOfPublishing(LOGINS.get("mission-service"), "cpa.authorization.events");

        assertInstanceOf(TopicAuthorizationException.class, refusal, refusal.toString());
        assertEquals(Set.of("cpa.authorization.events"), ((TopicAuthorizationException) refusal).unauthorizedTopics());
    }

    @Test
    void thePartnerCannotReadADeadLetterTopic() {
        try (KafkaConsumer<String, String> partner = partnerConsumer()) {
            partner.subscribe(List.of("cpa.authorization-service.dead-letter"));
            Instant deadline = Instant.now().plus(SuiteClient.PATIENCE);
            TopicAuthorizationException refusal = null;
            while (refusal == null && Instant.now().isBefore(deadline)) {
                try {
                    partner.poll(Duration.ofMillis(500));
                } catch (TopicAuthorizationException e) {
                    refusal = e;
                }
            }
            assertTrue(refusal != null, "the partner was let read a dead-letter topic");
            assertEquals(Set.of("cpa.authorization-service.dead-letter"), refusal.unauthorizedTopics());
        }
    }

    @Test
    void whatAServiceCannotUseGoesToItsDeadLetterTopicUnderItsOwnLogin() {
        String key = "not-a-cloud-event-" + UUID.randomUUID();
        KafkaEvents.publishRaw("cpa.mission.events", key, "{not a cloud event".getBytes(StandardCharsets.UTF_8));

        for (String deadLetters : List.of("cpa.authorization-service.dead-letter", "cpa.personnel-service.dead-letter",
                "cpa.reporting-service.dead-letter", "cpa.webhook-service.dead-letter")) {
            KafkaEvents.ReceivedEvent setAside = KafkaEvents.await(deadLetters, event -> key.equals(event.key()),
                    SuiteClient.PATIENCE);
            assertEquals("{not a cloud event", setAside.data(), deadLetters);
        }
    }

    /** The ACLs of docs/operations.md: each service its own topics and group; the partner a read of the public topics. */
    private static List<AclBinding> acls() {
        List<AclBinding> acls = new ArrayList<>();
        for (Access access : SERVICES) {
            String principal = access.service();
            access.reads().forEach(topic -> acls.add(allow(principal, ResourceType.TOPIC, topic, AclOperation.READ)));
            acls.add(allow(principal, ResourceType.GROUP, access.service(), AclOperation.READ));
            if (access.publishes() != null) {
                acls.add(allow(principal, ResourceType.TOPIC, access.publishes(), AclOperation.WRITE));
                acls.add(allow(principal, ResourceType.TOPIC, access.publishes(), AclOperation.ALTER_CONFIGS));
            }
            acls.add(allow(principal, ResourceType.TOPIC, access.deadLetters(), AclOperation.WRITE));
            access.writes().forEach(topic -> acls.add(allow(principal, ResourceType.TOPIC, topic, AclOperation.CREATE)));
        }
        PUBLIC_TOPICS.forEach(topic -> acls.add(allow(PARTNER, ResourceType.TOPIC, topic, AclOperation.READ)));
        acls.add(new AclBinding(new ResourcePattern(ResourceType.GROUP, PARTNER, PatternType.PREFIXED),
                new AccessControlEntry("User:" + PARTNER, "*", AclOperation.READ, AclPermissionType.ALLOW)));
        return acls;
    }

    private static AclBinding allow(String user, ResourceType type, String name, AclOperation operation) {
        return new AclBinding(new ResourcePattern(type, name, PatternType.LITERAL),
                new AccessControlEntry("User:" + user, "*", operation, AclPermissionType.ALLOW));
    }

    /** Creates the ACLs, and waits until the broker enforces them all, so that no service starts before its rights. */
    private static void grant(List<AclBinding> acls) throws Exception {
        try (Admin admin = Admin.create(clientConfig(ADMIN, Map.of()))) {
            admin.createAcls(acls).all().get(30, TimeUnit.SECONDS);
            Instant deadline = Instant.now().plus(SuiteClient.PATIENCE);
            Set<AclBinding> enforced = Set.of();
            while (!enforced.containsAll(acls) && Instant.now().isBefore(deadline)) {
                SuiteClient.pause(Duration.ofMillis(100));
                enforced = new HashSet<>(admin.describeAcls(AclBindingFilter.ANY).values().get(30, TimeUnit.SECONDS));
            }
            assertTrue(enforced.containsAll(acls), "the broker enforces " + enforced.size() + " of " + acls.size() + " ACLs");
        }
    }

    /** Client settings as environment variables: {@code sasl.jaas.config} is {@code KAFKA_SASL_JAAS_CONFIG}. */
    private static Map<String, String> environmentVariables(Map<String, String> clientSettings) {
        Map<String, String> variables = new HashMap<>();
        clientSettings.forEach((setting, value) ->
                variables.put("KAFKA_" + setting.toUpperCase(Locale.ROOT).replace('.', '_'), value));
        return variables;
    }

    private static Map<String, Object> clientConfig(ScramUser login, Map<String, Object> own) {
        Map<String, Object> config = new HashMap<>(login.clientSettings());
        config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        config.putAll(own);
        return config;
    }

    private static KafkaConsumer<String, String> partnerConsumer() {
        return new KafkaConsumer<>(clientConfig(PARTNER_LOGIN, Map.of(
                ConsumerConfig.GROUP_ID_CONFIG, PARTNER + "-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName())));
    }

    /** What the broker answers {@code login} publishing to {@code topic}; fails the test if it takes the record. */
    private static Throwable refusalOfPublishing(ScramUser login, String topic) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(clientConfig(login, Map.of(
                ProducerConfig.MAX_BLOCK_MS_CONFIG, "30000",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName())))) {
            producer.send(new ProducerRecord<>(topic, "forged", "{}")).get(60, TimeUnit.SECONDS);
            return fail(login.name() + " was let publish to " + topic);
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (KafkaException e) {
            // When the broker refused the producer's id before the send, the send fails at once with
            // "in an error state", the refusal being its cause.
            return e.getCause() instanceof AuthorizationException refusal ? refusal : e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String mission() {
        Response answer = gateway.create("mission-planner", null, "/api/v1/missions", """
                {"code": "SASL-%d-%d", "nameEn": "Mission under test", "nameFr": "Mission sous test", "hostCountry": "HT",
                 "type": "UN_PEACE_OPERATION", "partnerOrganization": "United Nations"}"""
                .formatted(CODES.incrementAndGet(), System.nanoTime() % 1000000));
        assertEquals(201, answer.statusCode(), answer.asString());
        return answer.jsonPath().getString("id");
    }

    private static ScramUser newUser(String name) {
        return new ScramUser(name, UUID.randomUUID().toString().replace("-", ""));
    }
}
