package ca.cpa.deployment;

import ca.cpa.runtime.LocalSuite;
import ca.cpa.testing.Calls;
import ca.cpa.testing.KafkaEvents;
import ca.cpa.testing.SuiteClient;
import ca.cpa.testing.SuiteUnderTest;
import ca.cpa.testing.WebhookReceiver;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two replicas of each service (the three domain services, reporting-service and webhook-service)
 * on ports of their own, one PostgreSQL and one broker, the gateway balancing over the replicas:
 * concurrent work on both replicas keeps the ceilings, a replica of each service stopped in the
 * middle of the load loses nothing, and afterwards every event stands once on its topic and was
 * applied once by each consumer, and the Program's report counts each mission once. One
 * scenario in three parts, each on what the one before left (the ceiling race needs both replicas,
 * the stop leaves one, the final count covers all that both parts did), so one test. A second
 * test, on the same suite and on webhook-service's replicas, which the first leaves alone: both
 * deliver, each event once and in order, and one killed mid-delivery loses nothing.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class ScaleOutTest {

    /** The services that publish events, each to its topic. */
    private static final List<String> DOMAIN_SERVICES = List.of("mission-service", "personnel-service", "authorization-service");
    /** Every service behind the gateway, in two replicas, each consuming events: the domain services and reporting-service. */
    private static final List<String> SERVICES = List.of("mission-service", "personnel-service", "authorization-service",
            "reporting-service");
    private static final Map<String, String> TOPIC_OF = Map.of("mission-service", "cpa.mission.events",
            "personnel-service", "cpa.personnel.events", "authorization-service", "cpa.authorization.events");
    private static final int PARTITIONS = 6;
    private static final int FLOWS = 60;
    private static final int THREADS = 8;
    private static final int STOP_AFTER_FLOWS = 20;
    private static final int CANDIDATES = 8;
    private static final int PLACES = 6;
    private static final int CEILING = 2;
    private static final String MENTORING = "TRAINING_MENTORING_MONITORING";
    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);
    private static final AtomicInteger CODES = new AtomicInteger();

    private static final String WEBHOOKS = "webhook-service";
    /**
     * How long a webhook-service replica holds a delivery it took: short, so the test soon sees one
     * taken over; and longer than an attempt may take (the receiver answers within half a second).
     */
    private static final String WEBHOOK_LEASE = "5s";
    private static final String WEBHOOK_TIMEOUT = "4s";
    private static final List<String> MISSION_EVENTS = List.of("ca.cpa.mission.created.v1", "ca.cpa.mission.status-changed.v1");
    /** After its creation, each mission goes through these, each change an event. */
    private static final List<String> STATUS_CHANGES = List.of("ACTIVE", "SUSPENDED", "ACTIVE", "CLOSED");
    private static final int SUBSCRIPTIONS = 3;
    private static final int MISSIONS_WITH_BOTH_UP = 6;
    private static final int PLANNERS = 3;
    private static final int MISSIONS_PER_PLANNER_AROUND_THE_KILL = 6;
    /** Long enough for a killed replica's consumer group membership (10 s), its leases and its restart to pass. */
    private static final Duration DELIVERY_PATIENCE = Duration.ofMinutes(4);

    private static LocalSuite suite;
    private static SuiteClient gateway;
    private static Admin kafka;

    @BeforeAll
    static void startTwoReplicasOfEachService() {
        // webhooks go to receivers on this machine, over http
        suite = SuiteUnderTest.start("scale-out", Map.of("CPA_SERVICE_REPLICAS", "2",
                "CPA_WEBHOOK_ALLOWED_HOSTS", "127.0.0.1", "CPA_WEBHOOK_LEASE", WEBHOOK_LEASE,
                "CPA_WEBHOOK_TIMEOUT", WEBHOOK_TIMEOUT));
        gateway = new SuiteClient(suite.gatewayUrl(), suite.tokens());
        kafka = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, suite.bootstrapServers()));
    }

    @AfterAll
    static void stopTheSuite() {
        if (kafka != null) {
            kafka.close();
        }
        if (suite != null) {
            suite.close();
        }
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.MINUTES) // the three parts, ten minutes each at most
    void twoReplicasOfEachServiceKeepTheCeilingsLoseNothingWhenOneStopsAndApplyEveryEventOnce() throws Exception {
        String ceilingMission = selectionsAndDeploymentsRacingOverBothReplicasStayWithinThePlacesAndTheCeiling();
        List<String> flowMissions = requestsThroughBothReplicasAllCompleteWhenOneReplicaOfEachServiceStopsMidRun();
        everyEventStandsOnceOnItsTopicAndEachConsumerAppliedItOnce(ceilingMission, flowMissions);
    }

    /**
     * Three planners' subscriptions to the missions' events, called back by a receiver that takes
     * 200 to 500 ms to answer, so that deliveries are under way at any moment. With both
     * replicas up, each event reaches each subscription once and both replicas deliver. Then
     * planners create missions and move them through their statuses while the second replica is
     * killed ({@code kill -9}) in the middle of deliveries, and started again: every event still
     * reaches every subscription, each subject's in the order published, recorded as delivered
     * once; an event reaches a subscription twice only if its delivery was under way on the killed
     * replica (leased by it, not recorded), at most as many as the receiver was answering then.
     */
    @Test
    void twoWebhookReplicasDeliverEachEventOnceInOrderAndLoseNothingWhenOneIsKilledMidDelivery() throws Exception {
        AtomicInteger started = new AtomicInteger();
        AtomicInteger answering = new AtomicInteger();
        Map<String, String> subscriptions = new LinkedHashMap<>(); // by the receiver's path: the subscription's id
        try (WebhookReceiver receiver = new WebhookReceiver().answering(request -> {
            started.incrementAndGet();
            answering.incrementAndGet();
            try {
                SuiteClient.pause(Duration.ofMillis(ThreadLocalRandom.current().nextInt(200, 501)));
                return WebhookReceiver.Answer.of(200);
            } finally {
                answering.decrementAndGet();
            }
        })) {
            try {
                for (int i = 1; i <= SUBSCRIPTIONS; i++) {
                    String path = "/planner-" + i;
                    subscriptions.put(path, created(gateway.create("mission-planner", null, "/api/v1/webhook-subscriptions", """
                            {"url": "%s", "eventTypes": ["%s", "%s"]}""".formatted(receiver.url(path),
                            MISSION_EVENTS.get(0), MISSION_EVENTS.get(1)))));
                }
                List<URI> replicas = suite.replicaUrls(WEBHOOKS);

                List<String> missions = new ArrayList<>();
                for (int i = 0; i < MISSIONS_WITH_BOTH_UP; i++) {
                    missions.add(missionThroughItsStatuses());
                }
                awaitEveryEventDelivered(receiver, subscriptions, publishedInOrder(missions));
                assertEquals(Map.of(), copies(receiver.succeeded()), "events delivered twice with both replicas up");
                for (URI replica : replicas) {
                    assertTrue(delivered(replica) > 0, "the replica at " + replica + " delivered nothing");
                }

                double deliveredBySecond = delivered(replicas.get(1));
                int succeededBefore = receiver.succeeded().size();
                int expectedAroundTheKill = PLANNERS * MISSIONS_PER_PLANNER_AROUND_THE_KILL * (1 + STATUS_CHANGES.size())
                        * SUBSCRIPTIONS;
                ExecutorService planners = Executors.newFixedThreadPool(PLANNERS);
                List<Future<List<String>>> planned = new ArrayList<>();
                Set<String> underWayAtTheKill;
                int answeringAtTheKill;
                try {
                    for (int i = 0; i < PLANNERS; i++) {
                        planned.add(planners.submit(() -> {
                            List<String> theirs = new ArrayList<>();
                            for (int j = 0; j < MISSIONS_PER_PLANNER_AROUND_THE_KILL; j++) {
                                theirs.add(missionThroughItsStatuses());
                            }
                            return theirs;
                        }));
                    }
                    // a quarter delivered, and the receiver answering: deliveries are under way
                    Instant deadline = Instant.now().plus(DELIVERY_PATIENCE);
                    while ((receiver.succeeded().size() - succeededBefore < expectedAroundTheKill / 4 || answering.get() == 0)
                            && Instant.now().isBefore(deadline)) {
                        SuiteClient.pause(Duration.ofMillis(5));
                    }
                    assertTrue(Instant.now().isBefore(deadline), "deliveries did not get under way");
                    assertTrue(delivered(replicas.get(1)) > deliveredBySecond, "the second replica was not delivering");
                    // what the receiver answers meanwhile, or begins to, may be under way on the killed replica
                    int answeringBefore = answering.get();
                    int startedBefore = started.get();
                    suite.killReplica(WEBHOOKS, 2);
                    answeringAtTheKill = answeringBefore + started.get() - startedBefore;
                    // its leases hold for a while yet: what it had taken and not recorded is among these
                    underWayAtTheKill = values(WEBHOOKS, "SELECT subscription_id || ' ' || event_id FROM webhook_delivery"
                            + " WHERE status = 'PENDING' AND leased_until > now()");
                    for (Future<List<String>> planner : planned) {
                        missions.addAll(planner.get());
                    }
                } finally {
                    planners.shutdownNow();
                }
                suite.startReplica(WEBHOOKS, 2);

                Map<String, List<String>> published = publishedInOrder(missions);
                awaitEveryEventDelivered(receiver, subscriptions, published);
                List<WebhookReceiver.Received> succeeded = receiver.succeeded();
                for (var subscription : subscriptions.entrySet()) {
                    assertEquals(published, firstReceiptsBySubject(succeeded, subscription.getKey(), published.keySet()),
                            "the order in which " + subscription.getKey() + " first received each mission's events");
                    List<Map<String, Object>> recorded = deliveries(subscription.getValue());
                    Map<String, Long> recordedPerEvent = recorded.stream().collect(Collectors.groupingBy(
                            delivery -> (String) delivery.get("webhookId"), Collectors.counting()));
                    for (List<String> events : published.values()) {
                        for (String event : events) {
                            assertEquals(1L, recordedPerEvent.get(event), subscription.getKey() + ": deliveries of " + event);
                        }
                    }
                    assertEquals(List.of(), recorded.stream()
                            .filter(delivery -> published.containsKey((String) delivery.get("subject")))
                            .filter(delivery -> !"SUCCEEDED".equals(delivery.get("status"))).toList(),
                            subscription.getKey() + ": deliveries not SUCCEEDED");
                }

                Map<String, Long> copies = copies(succeeded);
                long secondCopies = copies.values().stream().mapToLong(count -> count - 1).sum();
                System.out.printf("webhooks: %d deliveries received, %d of them second copies; at the kill the receiver"
                                + " was answering %d, %d deliveries were leased%n", succeeded.size(), secondCopies,
                        answeringAtTheKill, underWayAtTheKill.size());
                assertTrue(secondCopies <= answeringAtTheKill,
                        "more copies than the receiver was answering at the kill (" + answeringAtTheKill + "): " + copies);
                List<String> copiesNotUnderWay = copies.keySet().stream()
                        .filter(copy -> !underWayAtTheKill.contains(subscriptions.get(copy.split(" ")[0])
                                + " " + copy.split(" ")[1]))
                        .toList();
                assertEquals(List.of(), copiesNotUnderWay, "events delivered twice whose delivery was not under way at the kill");
            } finally {
                for (String subscription : subscriptions.values()) {
                    gateway.delete("mission-planner", "/api/v1/webhook-subscriptions/" + subscription);
                }
            }
        }
    }

    /** A mission created, then moved through {@link #STATUS_CHANGES}: five events about it. */
    private static String missionThroughItsStatuses() {
        String mission = mission("HOOK");
        for (String status : STATUS_CHANGES) {
            Response answer = gateway.patch("mission-planner", "/api/v1/missions/" + mission,
                    "{\"status\": \"%s\"}".formatted(status));
            assertEquals(200, answer.statusCode(), answer.asString());
        }
        return mission;
    }

    /** By mission, the ids of its events the subscriptions receive, in the order they stand on the topic. */
    private static Map<String, List<String>> publishedInOrder(List<String> missions) throws SQLException {
        awaitValue("mission-service", "SELECT count(*) FROM outbox_message WHERE published_at IS NULL", "0");
        Map<String, List<String>> published = new TreeMap<>();
        for (KafkaEvents.ReceivedEvent event : KafkaEvents.all(TOPIC_OF.get("mission-service"))) {
            if (missions.contains(event.subject()) && MISSION_EVENTS.contains(event.type())) {
                published.computeIfAbsent(event.subject(), subject -> new ArrayList<>()).add(event.header("ce_id"));
            }
        }
        assertEquals(new TreeSet<>(missions), published.keySet());
        published.forEach((mission, events) -> assertEquals(1 + STATUS_CHANGES.size(), events.size(), mission + ": " + events));
        return published;
    }

    /** Waits until each subscription has had each event answered 2xx, then until webhook-service has recorded each as delivered. */
    private static void awaitEveryEventDelivered(WebhookReceiver receiver, Map<String, String> subscriptions,
                                                 Map<String, List<String>> published) {
        Set<String> expected = new TreeSet<>();
        subscriptions.keySet().forEach(path -> published.values().forEach(events -> events.forEach(event ->
                expected.add(path + " " + event))));
        Instant deadline = Instant.now().plus(DELIVERY_PATIENCE);
        Set<String> missing = new TreeSet<>(expected);
        while (true) {
            receiver.succeeded().forEach(received -> missing.remove(received.path() + " " + received.webhookId()));
            if (missing.isEmpty() || Instant.now().isAfter(deadline)) {
                break;
            }
            SuiteClient.pause(Duration.ofMillis(200));
        }
        assertEquals(Set.of(), missing, "events not delivered (subscription, webhook-id) of " + expected.size());
        for (String subscription : subscriptions.values()) {
            Set<String> events = published.values().stream().flatMap(List::stream).collect(Collectors.toSet());
            while (!deliveries(subscription).stream().filter(delivery -> events.contains((String) delivery.get("webhookId")))
                    .allMatch(delivery -> "SUCCEEDED".equals(delivery.get("status")))) {
                assertTrue(Instant.now().isBefore(deadline), "deliveries of " + subscription + " not recorded as SUCCEEDED");
                SuiteClient.pause(Duration.ofMillis(200));
            }
        }
    }

    /** Every delivery of a subscription, as webhook-service lists it to its owner, page by page. */
    private static List<Map<String, Object>> deliveries(String subscription) {
        List<Map<String, Object>> all = new ArrayList<>();
        for (int page = 0; ; page++) {
            Response answer = gateway.get("mission-planner", null,
                    "/api/v1/webhook-subscriptions/" + subscription + "/deliveries?size=100&page=" + page);
            assertEquals(200, answer.statusCode(), answer.asString());
            all.addAll(answer.jsonPath().getList("items"));
            if (page + 1 >= answer.jsonPath().getInt("totalPages")) {
                return all;
            }
        }
    }

    /** By mission, the webhook-ids one subscription received answered 2xx, each where it was first received. */
    private static Map<String, List<String>> firstReceiptsBySubject(List<WebhookReceiver.Received> succeeded, String path,
                                                                   Set<String> missions) {
        Map<String, List<String>> bySubject = new TreeMap<>();
        Set<String> seen = new HashSet<>();
        succeeded.stream().filter(received -> received.path().equals(path))
                .sorted(Comparator.comparing(WebhookReceiver.Received::at))
                .filter(received -> seen.add(received.webhookId()))
                .forEach(received -> {
                    String subject = JsonPath.from(received.body()).getString("subject");
                    if (missions.contains(subject)) {
                        bySubject.computeIfAbsent(subject, key -> new ArrayList<>()).add(received.webhookId());
                    }
                });
        return bySubject;
    }

    /** "path webhook-id" of each event a subscription received answered 2xx more than once, and how many times. */
    private static Map<String, Long> copies(List<WebhookReceiver.Received> succeeded) {
        Map<String, Long> times = succeeded.stream().collect(Collectors.groupingBy(
                received -> received.path() + " " + received.webhookId(), TreeMap::new, Collectors.counting()));
        times.values().removeIf(count -> count == 1);
        return times;
    }

    /** What a webhook-service replica has delivered (2xx, recorded) since it started. */
    private static double delivered(URI replica) {
        return sum(metricsOf(replica), line -> line.startsWith("cpa_webhook_deliveries_total{")
                && line.contains("outcome=\"delivered\""));
    }

    /** Answers the mission whose ceiling the deployments raced for. */
    private static String selectionsAndDeploymentsRacingOverBothReplicasStayWithinThePlacesAndTheCeiling() throws Exception {
        String ceilingMission = mission("CEILING");
        String request = authorizedRequest(ceilingMission, PLACES);
        awaitValue("personnel-service", "SELECT status FROM known_request WHERE id = '" + request + "'", "AUTHORIZED");
        decideAll(created(gateway.create("mission-planner", null, "/api/v1/authorization-cases", """
                {"kind": "CEILING_AMENDMENT", "missionId": "%s", "proposedCeiling": %d,
                 "rationale": "Fewer places in theatre after the mandate review."}""".formatted(ceilingMission, CEILING))));
        awaitValue("personnel-service", "SELECT ceiling FROM mission_ceiling WHERE mission_id = '" + ceilingMission + "'",
                Integer.toString(CEILING));

        String policeService = "SC" + CODES.incrementAndGet() + "-" + System.nanoTime() % 100000;
        assertEquals(201, gateway.create("personnel-officer", null, "/api/v1/police-services", """
                {"code": "%s", "nameEn": "Scale police", "nameFr": "Police d'échelle", "province": "ON"}"""
                .formatted(policeService)).statusCode());
        List<String> candidacies = new ArrayList<>();
        for (int i = 0; i < CANDIDATES; i++) {
            String officer = created(gateway.create("personnel-officer", null, "/api/v1/officers", """
                    {"policeServiceCode": "%s", "serviceNumber": "SN-%d-%d", "givenName": "Alex", "familyName": "Replica",
                     "memberType": "SWORN_OFFICER", "rank": "Sergeant", "yearsOfService": 10, "languages": ["en"],
                     "specialties": ["%s"], "securityClearance": {"level": "SECRET", "expiry": "%s"},
                     "medicalClearanceExpiry": "%s"}""".formatted(policeService, i, System.nanoTime(), MENTORING,
                    TODAY.plusYears(3), TODAY.plusYears(3))));
            candidacies.add(created(gateway.create("personnel-officer", null, "/api/v1/candidacies", """
                    {"officerId": "%s", "missionRequestId": "%s", "role": "%s"}""".formatted(officer, request, MENTORING))));
        }

        List<Integer> selections = concurrently(candidacies, candidacy -> gateway.post("personnel-officer",
                "/api/v1/candidacies/" + candidacy + "/selection", "{\"decision\": \"SELECT\"}").statusCode());
        assertEquals(PLACES, selections.stream().filter(status -> status == 200).count(), "selections: " + selections);
        assertEquals(CANDIDATES - PLACES, selections.stream().filter(status -> status == 409).count(), "selections: " + selections);
        List<String> selected = new ArrayList<>();
        for (int i = 0; i < CANDIDATES; i++) {
            if (selections.get(i) == 200) {
                selected.add(candidacies.get(i));
            }
        }

        String course = created(gateway.create("personnel-officer", null, "/api/v1/training-courses", """
                {"title": "Pre-deployment course", "kind": "PRE_DEPLOYMENT", "startDate": "%s", "endDate": "%s", "capacity": 24}"""
                .formatted(TODAY.minusWeeks(3), TODAY.minusWeeks(1))));
        for (String candidacy : selected) {
            String officer = gateway.get("personnel-officer", null, "/api/v1/candidacies/" + candidacy).jsonPath().getString("officerId");
            String enrolment = created(gateway.create("personnel-officer", null,
                    "/api/v1/training-courses/" + course + "/enrolments", "{\"officerId\": \"%s\"}".formatted(officer)));
            assertEquals(200, gateway.post("personnel-officer", "/api/v1/enrolments/" + enrolment + "/result",
                    "{\"outcome\": \"PASSED\"}").statusCode());
        }

        List<Response> plans = concurrently(selected, candidacy -> gateway.create("personnel-officer", null,
                "/api/v1/deployments", """
                        {"candidacyId": "%s", "startDate": "%s", "endDate": "%s"}"""
                        .formatted(candidacy, TODAY.plusWeeks(2), TODAY.plusWeeks(2).plusMonths(12))));
        List<Integer> statuses = plans.stream().map(Response::statusCode).toList();
        assertEquals(CEILING, statuses.stream().filter(status -> status == 201).count(), "deployments: " + statuses);
        assertEquals(PLACES - CEILING, statuses.stream().filter(status -> status == 409).count(), "deployments: " + statuses);
        assertEquals(Integer.toString(CEILING), value("personnel-service",
                "SELECT count(*) FROM deployment WHERE mission_id = '" + ceilingMission + "'"));
        for (Response plan : plans) {
            if (plan.statusCode() == 201) {
                assertEquals(200, gateway.post("personnel-officer",
                        "/api/v1/deployments/" + plan.jsonPath().getString("id") + "/arrival", null).statusCode());
            }
        }
        return ceilingMission;
    }

    /**
     * Answers the missions of the flows, each with a request authorized. The flows run on
     * until the replicas have been stopped, so some are in progress while they stop, and each
     * worker then completes one begun after the stop: it holds whatever the stops take.
     */
    private static List<String> requestsThroughBothReplicasAllCompleteWhenOneReplicaOfEachServiceStopsMidRun() throws Exception {
        List<String> flowMissions = new CopyOnWriteArrayList<>();
        AtomicBoolean replicasStopped = new AtomicBoolean();
        ExecutorService workers = Executors.newFixedThreadPool(THREADS);
        List<Future<?>> load = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            load.add(workers.submit(() -> {
                boolean done = false;
                while (!done) {
                    boolean begunAfterTheStop = replicasStopped.get();
                    String mission = mission("FLOW");
                    authorizedRequest(mission, 1 + flowMissions.size() % 3);
                    // the report, read through both replicas of reporting-service while the events come in
                    Response report = gateway.get("mission-planner", null, "/api/v1/reports/program");
                    assertEquals(200, report.statusCode(), report.asString());
                    flowMissions.add(mission);
                    done = begunAfterTheStop && flowMissions.size() >= FLOWS;
                }
                return null;
            }));
        }
        try {
            Instant deadline = Instant.now().plus(SuiteClient.PATIENCE);
            while (flowMissions.size() < STOP_AFTER_FLOWS && Instant.now().isBefore(deadline)) {
                SuiteClient.pause(Duration.ofMillis(50));
            }
            for (String service : SERVICES) {
                for (URI replica : suite.replicaUrls(service)) {
                    String metrics = metricsOf(replica);
                    assertTrue(apiRequests(metrics) > 0, service + " at " + replica + " served no request");
                    assertTrue(inboxApplied(metrics) > 0, service + " at " + replica + " applied no event");
                }
                ConsumerGroupDescription group = group(service);
                assertEquals(2, group.members().size(), service + ": " + group);
                for (MemberDescription member : group.members()) {
                    assertTrue(!member.assignment().topicPartitions().isEmpty(), service + ": " + group);
                }
            }

            List<Future<?>> stops = new ArrayList<>();
            ExecutorService stopping = Executors.newFixedThreadPool(SERVICES.size());
            SERVICES.forEach(service -> stops.add(stopping.submit(() -> suite.stopReplica(service, 2))));
            for (Future<?> stop : stops) {
                stop.get();
            }
            stopping.shutdown();
            replicasStopped.set(true);
            for (Future<?> worker : load) {
                worker.get();
            }
        } finally {
            workers.shutdownNow();
        }
        assertTrue(gateway.calls() >= 500, "only " + gateway.calls() + " requests through the gateway");
        System.out.printf("scale-out: %d requests through the gateway, %d of them retries of a 503/504%n",
                gateway.calls(), gateway.retries());

        for (String service : SERVICES) {
            Instant deadline = Instant.now().plus(SuiteClient.PATIENCE);
            ConsumerGroupDescription group = group(service);
            while (!(group.members().size() == 1 && group.members().iterator().next().assignment().topicPartitions().size()
                    == PARTITIONS * consumedTopics(service).size()) && Instant.now().isBefore(deadline)) {
                SuiteClient.pause(Duration.ofMillis(200));
                group = group(service);
            }
            assertEquals(1, group.members().size(), service + ": " + group);
            assertEquals(PARTITIONS * consumedTopics(service).size(),
                    group.members().iterator().next().assignment().topicPartitions().size(), service + ": " + group);
        }
        return flowMissions;
    }

    private static void everyEventStandsOnceOnItsTopicAndEachConsumerAppliedItOnce(String ceilingMission,
                                                                                 List<String> flowMissions) throws Exception {
        for (String service : DOMAIN_SERVICES) {
            awaitValue(service, "SELECT count(*) FROM outbox_message WHERE published_at IS NULL", "0");
        }
        Map<String, List<KafkaEvents.ReceivedEvent>> onTopic = new TreeMap<>();
        for (String service : DOMAIN_SERVICES) {
            String topic = TOPIC_OF.get(service);
            List<KafkaEvents.ReceivedEvent> events = KafkaEvents.all(topic);
            onTopic.put(topic, events);
            List<String> ids = events.stream().map(event -> event.header("ce_id")).toList();
            Map<String, Long> copies = ids.stream().collect(Collectors.groupingBy(id -> id, Collectors.counting()));
            copies.values().removeIf(count -> count == 1);
            assertEquals(Map.of(), copies, "events published more than once on " + topic);
            assertEquals(values(service, "SELECT event_id FROM outbox_message"), new HashSet<>(ids),
                    "the outbox of " + service + " and " + topic);
        }

        for (String service : SERVICES) {
            awaitNoLag(service);
            Set<String> ignored = Set.of(property(service, "cpa.inbox.ignored-types").split("\\s*,\\s*"));
            Set<String> expected = consumedTopics(service).stream().flatMap(topic -> onTopic.get(topic).stream())
                    .filter(event -> !ignored.contains(event.type()))
                    .map(event -> event.header("ce_id")).collect(Collectors.toSet());
            assertEquals(expected, values(service, "SELECT event_id FROM inbox_event"), "the inbox of " + service);
            String deadLetters = property(service, "mp.messaging.incoming.inbound-events.dead-letter-queue.topic");
            assertEquals(List.of(), KafkaEvents.all(deadLetters), deadLetters);
        }

        int requests = flowMissions.size() + 1;
        assertEquals(Integer.toString(requests), value("authorization-service",
                "SELECT count(*) FROM authorization_case WHERE kind = 'DEPLOYMENT'"));
        assertEquals(Integer.toString(requests + 1), value("authorization-service",
                "SELECT count(*) FROM ministerial_authorization"));
        assertEquals(Integer.toString(requests), value("personnel-service",
                "SELECT count(*) FROM known_request WHERE status = 'AUTHORIZED'"));
        for (String mission : flowMissions) {
            Response answer = gateway.get("mission-planner", null, "/api/v1/missions/" + mission);
            assertTrue(answer.jsonPath().getInt("authorizedCeiling") > 0, answer.asString());
        }
        // a deployment-started event applied twice would count the officer twice
        gateway.getUntil("mission-planner", null, "/api/v1/missions/" + ceilingMission,
                mission -> mission.getInt("deployedStrength") == CEILING);

        // reporting-service read every topic through both replicas, then through one: each mission once
        JsonPath report = gateway.getUntil("mission-planner", null, "/api/v1/reports/program",
                body -> body.getList("byMission.missionId").containsAll(flowMissions));
        List<String> reported = report.getList("byMission.missionId", String.class);
        Map<String, Long> timesReported = reported.stream().collect(Collectors.groupingBy(id -> id, Collectors.counting()));
        timesReported.values().removeIf(count -> count == 1);
        assertEquals(Map.of(), timesReported, "missions listed more than once in the report");
        assertTrue(reported.contains(ceilingMission), "the ceiling mission is not in the report: " + reported);
        Map<String, Object> ceilingFigures = report.getMap("byMission.find { it.missionId == '" + ceilingMission + "' }");
        assertEquals(CEILING, ((Number) ceilingFigures.get("deployed")).intValue(), ceilingFigures.toString());
        assertEquals(CEILING, ((Number) ceilingFigures.get("authorizedCeiling")).intValue(), ceilingFigures.toString());
    }

    /** A request of {@code places} officers filed, assessed, submitted and approved by the three partners. */
    private static String authorizedRequest(String mission, int places) {
        String request = created(gateway.create("requesting-partner", "UN-DPO", "/api/v1/mission-requests", """
                {"missionId": "%s", "requestingOrganization": {"type": "UNITED_NATIONS"},
                 "positions": [{"role": "%s", "count": %d, "languages": ["en"], "minYearsOfService": 5,
                                "memberType": "SWORN_OFFICER"}],
                 "durationMonths": 12, "justification": "Mentoring of the host state police."}"""
                .formatted(mission, MENTORING, places)));
        gateway.advanceRequest(request, "assessment", "{\"riskLevel\": \"MODERATE\", \"recommendation\": \"PROCEED\"}", "ASSESSED");
        gateway.advanceRequest(request, "submission", null, "SUBMITTED");
        String caseId = gateway.getUntil("gac-approver", null, "/api/v1/authorization-cases?missionId=" + mission,
                cases -> cases.getList("items").size() == 1).getString("items[0].id");
        decideAll(caseId);
        gateway.getUntil("requesting-partner", "UN-DPO", "/api/v1/mission-requests/" + request,
                body -> "AUTHORIZED".equals(body.getString("status")));
        return request;
    }

    private static void decideAll(String caseId) {
        for (String partner : List.of("GAC", "PS", "RCMP")) {
            Response answer = gateway.create(partner.toLowerCase() + "-approver", null,
                    "/api/v1/authorization-cases/" + caseId + "/decisions", """
                            {"partner": "%s", "decision": "APPROVE", "rationale": "Within Canada's commitments."}"""
                            .formatted(partner));
            assertEquals(201, answer.statusCode(), answer.asString());
        }
    }

    private static String mission(String prefix) {
        return created(gateway.create("mission-planner", null, "/api/v1/missions", """
                {"code": "%s-%d-%d", "nameEn": "Mission under load", "nameFr": "Mission sous charge", "hostCountry": "HT",
                 "type": "UN_PEACE_OPERATION", "partnerOrganization": "United Nations"}"""
                .formatted(prefix, CODES.incrementAndGet(), System.nanoTime() % 1000000)));
    }

    private static String created(Response response) {
        assertEquals(201, response.statusCode(), response.asString());
        return response.jsonPath().getString("id");
    }

    /** Runs one call per item at the same moment; answers the results in the items' order. */
    private static <T, R> List<R> concurrently(List<T> items, Function<T, R> call) throws Exception {
        return Calls.concurrently(items.stream().<Callable<R>>map(item -> () -> call.apply(item)).toList(), items.size());
    }

    private static ConsumerGroupDescription group(String service) throws Exception {
        return kafka.describeConsumerGroups(List.of(service)).all().get(10, TimeUnit.SECONDS).get(service);
    }

    /** Waits until the service's consumer group has committed the end of every partition it reads. */
    private static void awaitNoLag(String service) throws Exception {
        Instant deadline = Instant.now().plus(SuiteClient.PATIENCE);
        while (true) {
            Map<TopicPartition, Long> committed = new HashMap<>();
            kafka.listConsumerGroupOffsets(service).partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS)
                    .forEach((partition, offset) -> committed.put(partition, offset == null ? 0 : offset.offset()));
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (String topic : consumedTopics(service)) {
                for (int partition = 0; partition < PARTITIONS; partition++) {
                    latest.put(new TopicPartition(topic, partition), OffsetSpec.latest());
                }
            }
            long lag = 0;
            for (var end : kafka.listOffsets(latest).all().get(10, TimeUnit.SECONDS).entrySet()) {
                lag += end.getValue().offset() - committed.getOrDefault(end.getKey(), 0L);
            }
            if (lag == 0) {
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError(service + " still lags " + lag + " events behind");
            }
            SuiteClient.pause(Duration.ofMillis(200));
        }
    }

    private static String metricsOf(URI replica) {
        return given().baseUri(replica.toString()).get("/q/metrics").then().statusCode(200)
                .extract().asString();
    }

    private static double apiRequests(String metrics) {
        return sum(metrics, line -> line.startsWith("http_server_requests_seconds_count{") && line.contains("uri=\"/api/v1/"));
    }

    private static double inboxApplied(String metrics) {
        return sum(metrics, line -> line.startsWith("cpa_inbox_events_total{") && line.contains("outcome=\"applied\""));
    }

    private static double sum(String metrics, Predicate<String> lines) {
        return metrics.lines().filter(lines)
                .mapToDouble(Calls::sampleValue).sum();
    }

    private static List<String> consumedTopics(String service) {
        return Arrays.asList(property(service, "mp.messaging.incoming.inbound-events.topics").split("\\s*,\\s*"));
    }

    /** A setting from the service's own application.properties, as it ships. */
    private static String property(String service, String name) {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(root().resolve(service).resolve("src/main/resources/application.properties"))) {
            properties.load(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return properties.getProperty(name);
    }

    private static void awaitValue(String service, String query, String expected) throws SQLException {
        SuiteUnderTest.awaitValue(suite, service, query, expected);
    }

    private static String value(String service, String query) throws SQLException {
        return SuiteUnderTest.value(suite, service, query);
    }

    private static Set<String> values(String service, String query) throws SQLException {
        return SuiteUnderTest.column(suite, service, query);
    }

    private static Path root() {
        return SuiteUnderTest.root();
    }
}
