package ca.cpa.resilience;

import ca.cpa.runtime.LocalSuite;
import ca.cpa.runtime.Supervisor;
import ca.cpa.testing.Calls;
import ca.cpa.testing.KafkaEvents;
import ca.cpa.testing.SuiteClient;
import ca.cpa.testing.SuiteUnderTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.response.Response;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Faults on purpose, against the whole suite as {@code ./cpa up} runs it, supervised: malformed
 * input generated from the OpenAPI document, a service down, a service killed under load, the
 * broker killed while requests come in, and a service and the broker killed from outside, which
 * the supervisor starts again. Each part is bounded in time, makes its own data, and leaves the
 * suite running, so the parts run in any order.
 */
class ResilienceTest {

    /**
     * The services behind the gateway, each with its database and consumer group: the domain
     * services, reporting-service and webhook-service.
     */
    private static final List<String> SERVICES = List.of("mission-service", "personnel-service", "authorization-service",
            "reporting-service", "webhook-service");
    /** The topics each service's consumer group (named as the service) reads. */
    private static final Map<String, List<String>> CONSUMED = Map.of(
            "mission-service", List.of("cpa.authorization.events", "cpa.personnel.events"),
            "authorization-service", List.of("cpa.mission.events"),
            "personnel-service", List.of("cpa.mission.events", "cpa.authorization.events"),
            "reporting-service", List.of("cpa.mission.events", "cpa.authorization.events", "cpa.personnel.events"),
            "webhook-service", List.of("cpa.mission.events", "cpa.authorization.events", "cpa.personnel.events"));
    private static final List<String> TOPICS = List.of("cpa.mission.events", "cpa.authorization.events", "cpa.personnel.events");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger CODES = new AtomicInteger();
    /** Longer than any Kafka client's timeout (a minute by default), as an outage in production may be. */
    private static final Duration OUTAGE = Duration.ofSeconds(120);
    /** How long of that outage the broker stalls before it dies. */
    private static final Duration STALL = Duration.ofSeconds(70);

    private static LocalSuite suite;
    private static SuiteClient gateway;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void startTheSuite() {
        // stopped or killed on purpose through the suite, a part stays down until the test starts it
        suite = SuiteUnderTest.start("resilience", Map.of()).supervise();
        gateway = new SuiteClient(suite.gatewayUrl(), suite.tokens());
    }

    @AfterAll
    static void stopTheSuite() {
        if (suite != null) {
            suite.close();
        }
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void malformedInputFromTheOpenApiDocumentIsRefusedWithAProblemAndChangesNothing() throws Exception {
        String mission = mission("FUZZ");
        String request = fileRequest(mission, 2);
        awaitCount("authorization-service", "SELECT count(*) FROM known_mission WHERE id = '" + mission + "'", 1);
        for (String service : SERVICES) {
            awaitCount(service, "SELECT count(*) FROM outbox_message WHERE published_at IS NULL", 0);
        }
        // what other tests set going (events still to consume) would change the state counted below
        awaitQuiet();
        JsonNode document = JSON.readTree(raw(null, "GET", "/q/openapi?format=json", null, null).body());
        Map<String, String> fixtures = Map.of("/api/v1/missions", mission, "/api/v1/mission-requests", request);
        List<ApiFuzzer.Case> cases = new ApiFuzzer(document, fixtures::get).cases();

        Map<String, Long> before = state();
        List<String> findings = new CopyOnWriteArrayList<>();
        List<String> serverErrors = new CopyOnWriteArrayList<>();
        List<ApiFuzzer.Case> refusable = cases.stream().filter(ApiFuzzer.Case::mustFail).toList();
        run(refusable, findings, serverErrors);
        Map<String, Long> after = state();
        List<ApiFuzzer.Case> acceptable = cases.stream().filter(c -> !c.mustFail()).toList();
        run(acceptable, findings, serverErrors);

        System.out.printf("fuzzing: %d requests (%d that must be refused), %d 5xx, %d findings%n",
                cases.size(), refusable.size(), serverErrors.size(), findings.size());
        // a 5xx from the gateway or a service is a fault of ours, whatever the request
        assertEquals(List.of(), serverErrors.stream().sorted().limit(40).toList(), serverErrors.size() + " 5xx");
        assertEquals(List.of(), findings.stream().sorted().limit(40).toList(), findings.size() + " findings");
        assertTrue(cases.size() >= 2000, "only " + cases.size() + " requests");
        assertEquals(before, after, "a refused request changed what the services keep");
    }

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void aServiceDownIsA503ProblemAtOnceAndTheGatewayRecoversAlone() throws Exception {
        suite.stopService("authorization-service");
        try {
            for (int i = 0; i < 10; i++) {
                Instant start = Instant.now();
                HttpResponse<String> answer = raw("auditor", "GET", "/api/v1/authorization-cases", null, null);
                long millis = Duration.between(start, Instant.now()).toMillis();
                assertEquals(503, answer.statusCode(), answer.body());
                assertTrue(answer.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
                assertTrue(answer.headers().firstValue("Retry-After").isPresent());
                assertTrue(millis < 1000, "the 503 took " + millis + " ms");
            }
        } finally {
            suite.startService("authorization-service");
        }
        Instant deadline = Instant.now().plusSeconds(30);
        int status = 0;
        while (status != 200 && Instant.now().isBefore(deadline)) {
            status = raw("auditor", "GET", "/api/v1/authorization-cases", null, null).statusCode();
            SuiteClient.pause(Duration.ofMillis(200));
        }
        assertEquals(200, status, "the gateway did not send calls to the service again");
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void aServiceKilledUnderLoadAndRestartedKeepsEveryAnsweredRequestAndTheWorkflowCompletes() throws Exception {
        String mission = mission("CRASH");
        List<String> submitted = new CopyOnWriteArrayList<>();
        AtomicInteger started = new AtomicInteger();
        ExecutorService workers = Executors.newFixedThreadPool(6);
        List<Future<?>> load = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            load.add(workers.submit(() -> {
                started.incrementAndGet();
                String request = fileRequest(mission, 1);
                gateway.advanceRequest(request, "assessment", "{\"riskLevel\": \"LOW\", \"recommendation\": \"PROCEED\"}", "ASSESSED");
                gateway.advanceRequest(request, "submission", null, "SUBMITTED");
                submitted.add(request);
                return null;
            }));
        }
        while (started.get() < 30) {
            SuiteClient.pause(Duration.ofMillis(20));
        }
        suite.killService("mission-service");
        SuiteClient.pause(Duration.ofSeconds(2));
        suite.startService("mission-service");
        try {
            for (Future<?> work : load) {
                work.get();
            }
        } finally {
            workers.shutdownNow();
        }
        assertEquals(120, submitted.size());
        assertEquals(new HashSet<>(submitted), ids("mission-service", "SELECT id FROM mission_request WHERE mission_id = '" + mission + "'"),
                "the requests kept are exactly those answered, each once");
        for (String request : submitted) {
            Response answer = gateway.get("mission-planner", null, "/api/v1/mission-requests/" + request);
            assertEquals("SUBMITTED", answer.jsonPath().getString("status"), answer.asString());
        }
        awaitCount("authorization-service", "SELECT count(*) FROM authorization_case WHERE mission_id = '" + mission + "'",
                submitted.size());
        List<String> cases = new ArrayList<>(ids("authorization-service",
                "SELECT id FROM authorization_case WHERE mission_id = '" + mission + "'"));
        Collections.sort(cases);
        for (String caseId : cases.subList(0, 5)) {
            for (String partner : List.of("GAC", "PS", "RCMP")) {
                assertEquals(201, gateway.create(partner.toLowerCase() + "-approver", null,
                        "/api/v1/authorization-cases/" + caseId + "/decisions",
                        "{\"partner\": \"%s\", \"decision\": \"APPROVE\"}".formatted(partner)).statusCode());
            }
        }
        gateway.getUntil("mission-planner", null, "/api/v1/mission-requests?missionId=" + mission + "&status=AUTHORIZED&size=100",
                page -> page.getList("items").size() == 5);
    }

    /**
     * For two minutes, longer than any Kafka client's timeout (a minute by default), the broker
     * first stalls (it keeps its connections and answers nothing), then dies, while a service
     * is catching up on a backlog and requests keep coming. Every service answers the requests,
     * reports itself not ready while it cannot reach the broker, and once the broker is back
     * applies every event once, without a restart.
     */
    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void aBrokerStalledThenDownForTwoMinutesUnderTrafficEndsWithEveryEventAppliedOnceAndNoServiceRestarted()
            throws Exception {
        // mission.created events other tests caused, still on their way, would count as applied below
        awaitQuiet();
        Map<String, Double> appliedBefore = new TreeMap<>();
        for (String consumer : List.of("personnel-service", "reporting-service", "webhook-service")) {
            appliedBefore.put(consumer, appliedMissionsCreated(consumer));
        }
        // authorization-service comes back to a backlog: it meets each partition anew, and asks
        // the broker for the partition's committed offset the first time it does
        suite.stopService("authorization-service");
        List<String> backlog = Calls.concurrently(IntStream.range(0, 300)
                .<Callable<String>>mapToObj(i -> () -> mission("BACKLOG")).toList(), 8);
        CompletableFuture<Void> restarted = CompletableFuture.runAsync(() -> suite.startService("authorization-service"));
        awaitFirstApplied(backlog);
        Instant outage = Instant.now();
        suite.freezeBroker();
        Map<String, Long> processes = suite.processIds();
        List<String> duringOutage = new ArrayList<>();
        Map<String, Integer> readinessWhileDown = new TreeMap<>();
        boolean stalled = true;
        try {
            // a mission every half second for the whole outage, as a steady trickle of work would come
            while (Instant.now().isBefore(outage.plus(OUTAGE))) {
                if (stalled && Instant.now().isAfter(outage.plus(STALL))) {
                    suite.killBroker();
                    stalled = false;
                }
                duringOutage.add(mission("OUTAGE"));
                SuiteClient.pause(Duration.ofMillis(500));
            }
            for (String service : SERVICES) {
                readinessWhileDown.put(service, health(service, "ready").statusCode());
            }
        } finally {
            suite.startBroker();
        }
        restarted.get(SuiteClient.PATIENCE.toSeconds(), TimeUnit.SECONDS);
        System.out.printf("broker stalled %d s, then down until %d s: %d missions created meanwhile%n",
                STALL.toSeconds(), Duration.between(outage, Instant.now()).toSeconds(), duringOutage.size());
        assertEquals(Map.of("authorization-service", 503, "mission-service", 503, "personnel-service", 503,
                "reporting-service", 503, "webhook-service", 503), readinessWhileDown,
                "a service cut off from the broker is not ready");

        // the consumers go on after the outage: a mission created now reaches them too
        Set<String> created = new HashSet<>(backlog);
        created.addAll(duringOutage);
        created.add(mission("AFTER-OUTAGE"));
        awaitCount("authorization-service", "SELECT count(*) FROM known_mission WHERE id IN (" + quoted(created) + ")",
                created.size());
        awaitQuiet();
        assertEquals(created.size(), appliedMissionsCreated("authorization-service"),
                "authorization-service (restarted before the outage) applied each mission.created event once");
        for (String consumer : appliedBefore.keySet()) {
            assertEquals(created.size(), appliedMissionsCreated(consumer) - appliedBefore.get(consumer),
                    consumer + " applied each mission.created event once");
        }
        Map<String, Long> copies = KafkaEvents.all("cpa.mission.events").stream()
                .filter(event -> created.contains(event.subject()))
                .collect(Collectors.groupingBy(e -> e.header("ce_id"), Collectors.counting()));
        assertEquals(created.size(), copies.size(), "one mission.created event per mission");
        for (String service : SERVICES) {
            awaitStatus(service, "ready", 200);
            assertEquals(200, health(service, "live").statusCode(), service + " live after the outage");
        }
        Map<String, Long> servicesBefore = new TreeMap<>(processes);
        Map<String, Long> servicesAfter = new TreeMap<>(suite.processIds());
        servicesBefore.remove("kafka");
        servicesAfter.remove("kafka");
        assertEquals(servicesBefore, servicesAfter, "no service was restarted");
        // delivery is at least once: a send the broker took but could not acknowledge is sent again
        long resent = copies.values().stream().mapToLong(count -> count - 1).sum();
        System.out.printf("broker outage: every event applied once by every consumer; %d events sent twice%n", resent);
    }

    @Test
    @Timeout(value = 6, unit = TimeUnit.MINUTES)
    void aServiceStoppedWhileApplyingABacklogAppliesAllOfItAfterItsRestartAndSetsNoneAside() throws Exception {
        awaitQuiet();
        suite.stopService("authorization-service");
        Set<String> backlog = new HashSet<>(Calls.concurrently(IntStream.range(0, 300)
                .<Callable<String>>mapToObj(i -> () -> mission("STOPPED")).toList(), 8));
        suite.startService("authorization-service");
        awaitFirstApplied(List.copyOf(backlog));
        // stopped as an operator stops it (SIGTERM) in the middle of the backlog, then started again
        suite.stopService("authorization-service");
        String appliedBeforeTheStop = SuiteUnderTest.value(suite, "authorization-service",
                "SELECT count(*) FROM known_mission WHERE id IN (" + quoted(backlog) + ")");
        suite.startService("authorization-service");
        System.out.printf("authorization-service stopped after applying %s of a backlog of %d%n", appliedBeforeTheStop,
                backlog.size());

        awaitCount("authorization-service", "SELECT count(*) FROM known_mission WHERE id IN (" + quoted(backlog) + ")",
                backlog.size());
        awaitQuiet();
        assertEquals(List.of(), KafkaEvents.all("cpa.authorization-service.dead-letter").stream()
                .filter(event -> backlog.contains(event.subject())).map(event -> event.header("ce_id")).toList(),
                "no event of the backlog was set aside because the service stopped while applying it");
    }

    private static double appliedMissionsCreated(String service) throws IOException, InterruptedException {
        return Calls.inboxCount(metrics(service), "applied", "ca.cpa.mission.created.v1");
    }

    /** Waits until authorization-service has applied the first of {@code missions}' events, looking often. */
    private static void awaitFirstApplied(List<String> missions) throws SQLException {
        Instant deadline = Instant.now().plus(SuiteClient.PATIENCE);
        String query = "SELECT count(*) FROM known_mission WHERE id IN (" + quoted(new HashSet<>(missions)) + ")";
        while ("0".equals(SuiteUnderTest.value(suite, "authorization-service", query))) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("authorization-service applied none of the backlog within " + SuiteClient.PATIENCE);
            }
            SuiteClient.pause(Duration.ofMillis(20));
        }
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void aServiceAndTheBrokerKilledFromOutsideAreStartedAgainByTheSupervisorAndTheSuiteWorksOn() throws Exception {
        Map<String, Long> before = suite.processIds();
        int serviceRestarts = part("mission-service").restarts();
        int brokerRestarts = part("kafka").restarts();

        ProcessHandle.of(before.get("kafka")).orElseThrow().destroyForcibly();
        ProcessHandle.of(before.get("mission-service")).orElseThrow().destroyForcibly();

        Supervisor.Status broker = awaitRestarted("kafka", brokerRestarts + 1);
        Supervisor.Status service = awaitRestarted("mission-service", serviceRestarts + 1);
        for (Supervisor.Status restarted : List.of(broker, service)) {
            assertNotEquals(before.get(restarted.name()), restarted.pid());
            assertTrue(restarted.lastExit().startsWith("exit status 137 (signal 9) at "), restarted.lastExit());
        }
        assertEquals(broker.pid(), suite.processIds().get("kafka"));
        assertEquals(service.pid(), suite.processIds().get("mission-service"));
        // the restarted service takes a mission, and its event reaches authorization-service through the restarted broker
        String mission = mission("REVIVED");
        awaitCount("authorization-service", "SELECT count(*) FROM known_mission WHERE id = '" + mission + "'", 1);
    }

    private static Supervisor.Status part(String name) {
        return suite.partStatus().stream().filter(status -> status.name().equals(name)).findFirst().orElseThrow();
    }

    /** The part's status once it runs again after its {@code restarts}-th restart; the test fails if that never comes. */
    private static Supervisor.Status awaitRestarted(String name, int restarts) {
        Instant deadline = Instant.now().plus(SuiteClient.PATIENCE);
        Supervisor.Status status = part(name);
        while (!(status.state() == Supervisor.State.RUNNING && status.restarts() == restarts) && Instant.now().isBefore(deadline)) {
            SuiteClient.pause(Duration.ofMillis(200));
            status = part(name);
        }
        assertEquals(Supervisor.State.RUNNING, status.state(), status.toString());
        assertEquals(restarts, status.restarts(), status.toString());
        return status;
    }

    /** Sends every case, four at a time: a 5xx goes to {@code serverErrors}, anything else amiss to {@code findings}. */
    private static void run(List<ApiFuzzer.Case> cases, List<String> findings, List<String> serverErrors) throws Exception {
        Map<String, String> tokens = new ConcurrentHashMap<>();
        Calls.concurrently(cases.stream().<Callable<Void>>map(fuzz -> () -> {
            String token = fuzz.role() == null ? null : tokens.computeIfAbsent(fuzz.role(), role -> suite.tokens().issue(
                    "fuzz-" + role, List.of(role), role.equals("requesting-partner") ? "UN-DPO" : null, Duration.ofHours(1)));
            HttpResponse<String> answer;
            try {
                answer = send(token, fuzz.method().toUpperCase(), fuzz.path(), fuzz.contentType(), fuzz.body());
            } catch (IOException | IllegalArgumentException e) {
                findings.add(fuzz.name() + ": no answer (" + e + ")");
                return null;
            }
            check(fuzz, answer).ifPresent(answer.statusCode() >= 500 ? serverErrors::add : findings::add);
            return null;
        }).toList(), 4);
    }

    private static java.util.Optional<String> check(ApiFuzzer.Case fuzz, HttpResponse<String> answer) {
        int status = answer.statusCode();
        if (status >= 500) {
            return java.util.Optional.of(fuzz.name() + ": " + status + " " + abbreviated(answer.body()));
        }
        if (status < 400) {
            return fuzz.mustFail() && !fuzz.method().equals("get")
                    ? java.util.Optional.of(fuzz.name() + ": accepted with " + status)
                    : java.util.Optional.empty();
        }
        if (!answer.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")) {
            return java.util.Optional.of(fuzz.name() + ": " + status + " not a problem document but "
                    + answer.headers().firstValue("Content-Type").orElse("nothing"));
        }
        try {
            if (JSON.readTree(answer.body()).path("status").asInt() != status) {
                return java.util.Optional.of(fuzz.name() + ": problem status differs from " + status);
            }
        } catch (IOException e) {
            return java.util.Optional.of(fuzz.name() + ": problem document is not JSON");
        }
        return java.util.Optional.empty();
    }

    private static String abbreviated(String text) {
        return text == null ? "" : text.length() > 160 ? text.substring(0, 160) + "…" : text;
    }

    /**
     * Waits until the suite has settled: every consumer group at the end of the topics it reads,
     * no outbox message left to publish, and the topics' ends unchanged while that was checked.
     */
    private static void awaitQuiet() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, suite.bootstrapServers()))) {
            Instant deadline = Instant.now().plus(SuiteClient.PATIENCE);
            while (!quiet(admin)) {
                if (Instant.now().isAfter(deadline)) {
                    throw new AssertionError("the suite did not settle within " + SuiteClient.PATIENCE);
                }
                SuiteClient.pause(Duration.ofMillis(200));
            }
        }
    }

    private static boolean quiet(Admin admin) throws Exception {
        Map<TopicPartition, Long> ends = ends(admin);
        for (String service : SERVICES) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(service)
                    .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
            for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
                OffsetAndMetadata offset = committed.get(end.getKey());
                if (CONSUMED.get(service).contains(end.getKey().topic()) && end.getValue() > 0
                        && (offset == null || offset.offset() < end.getValue())) {
                    return false;
                }
            }
            if (!"0".equals(SuiteUnderTest.value(suite, service,
                    "SELECT count(*) FROM outbox_message WHERE published_at IS NULL"))) {
                return false;
            }
        }
        return ends.equals(ends(admin));
    }

    private static Map<TopicPartition, Long> ends(Admin admin) throws Exception {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (TopicDescription topic : admin.describeTopics(TOPICS).allTopicNames().get(10, TimeUnit.SECONDS).values()) {
            topic.partitions().forEach(partition -> latest.put(new TopicPartition(topic.name(), partition.partition()),
                    OffsetSpec.latest()));
        }
        Map<TopicPartition, Long> ends = new HashMap<>();
        admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS).forEach((partition, info) -> ends.put(partition, info.offset()));
        return ends;
    }

    /** How many rows each table of each service holds. */
    private static Map<String, Long> state() throws SQLException {
        Map<String, Long> counts = new TreeMap<>();
        for (String service : SERVICES) {
            try (Connection connection = suite.database(service); Statement statement = connection.createStatement()) {
                List<String> tables = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery("""
                        SELECT table_name FROM information_schema.tables
                        WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> 'flyway_schema_history'""")) {
                    while (rows.next()) {
                        tables.add(rows.getString(1));
                    }
                }
                for (String table : tables) {
                    try (ResultSet rows = statement.executeQuery("SELECT count(*) FROM " + table)) {
                        rows.next();
                        counts.put(service + "." + table, rows.getLong(1));
                    }
                }
            }
        }
        return counts;
    }

    private static String mission(String prefix) {
        Response answer = gateway.create("mission-planner", null, "/api/v1/missions", """
                {"code": "%s-%d-%d", "nameEn": "Mission under test", "nameFr": "Mission sous test", "hostCountry": "HT",
                 "type": "UN_PEACE_OPERATION", "partnerOrganization": "United Nations"}"""
                .formatted(prefix, CODES.incrementAndGet(), System.nanoTime() % 1000000));
        assertEquals(201, answer.statusCode(), answer.asString());
        return answer.jsonPath().getString("id");
    }

    private static String fileRequest(String mission, int places) {
        Response answer = gateway.create("requesting-partner", "UN-DPO", "/api/v1/mission-requests", """
                {"missionId": "%s", "requestingOrganization": {"type": "UNITED_NATIONS"},
                 "positions": [{"role": "TRAINING_MENTORING_MONITORING", "count": %d, "languages": ["en"],
                                "minYearsOfService": 5, "memberType": "SWORN_OFFICER"}],
                 "durationMonths": 12, "justification": "Mentoring of the host state police."}""".formatted(mission, places));
        assertEquals(201, answer.statusCode(), answer.asString());
        return answer.jsonPath().getString("id");
    }

    private static HttpResponse<String> raw(String role, String method, String path, String contentType, byte[] body)
            throws IOException, InterruptedException {
        String token = role == null ? null : suite.tokens().issue("resilience-" + role, List.of(role), null, Duration.ofHours(1));
        return send(token, method, path, contentType, body);
    }

    private static HttpResponse<String> send(String token, String method, String path, String contentType, byte[] body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(suite.gatewayUrl() + path))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (method.equals("PATCH")) {
            request.header("If-Match", "*");
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> health(String service, String check) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(suite.serviceUrl(service).resolve("/q/health/" + check))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void awaitStatus(String service, String check, int expected) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(SuiteClient.PATIENCE);
        HttpResponse<String> answer = health(service, check);
        while (answer.statusCode() != expected && Instant.now().isBefore(deadline)) {
            SuiteClient.pause(Duration.ofMillis(500));
            answer = health(service, check);
        }
        assertEquals(expected, answer.statusCode(), service + " /q/health/" + check + ": " + answer.body());
    }

    private static String metrics(String service) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(suite.serviceUrl(service).resolve("/q/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private static void awaitCount(String service, String query, long expected) throws SQLException {
        SuiteUnderTest.awaitValue(suite, service, query, Long.toString(expected));
    }

    private static Set<String> ids(String service, String query) throws SQLException {
        return SuiteUnderTest.column(suite, service, query);
    }

    private static String quoted(Set<String> ids) {
        return ids.stream().map(id -> "'" + id + "'").collect(Collectors.joining(","));
    }
}
