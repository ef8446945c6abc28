package ca.cpa.e2e;

import ca.cpa.testing.Calls;
import ca.cpa.testing.SuiteUnderTest;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

import static ca.cpa.e2e.Api.as;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Replay, as an operator does it: stop a service, reset its consumer group to the start of the
 * topics it reads (kafka-consumer-groups --reset-offsets --to-earliest), start it again. It
 * reads every event again and changes nothing: the same state in every service, not one event
 * applied twice, nothing new published. The test runs the whole workflow first, so that every
 * service has events to replay whatever ran before it, and waits until the suite is quiet.
 */
@ExtendWith(RunningSuite.class)
class ReplayTest {

    private static final Map<String, List<String>> CONSUMED = Map.of(
            "mission-service", List.of("cpa.authorization.events", "cpa.personnel.events"),
            "authorization-service", List.of("cpa.mission.events"),
            "personnel-service", List.of("cpa.mission.events", "cpa.authorization.events"));
    private static final List<String> ALL_TOPICS = List.of("cpa.mission.events", "cpa.authorization.events",
            "cpa.personnel.events", "cpa.mission-service.dead-letter", "cpa.authorization-service.dead-letter",
            "cpa.personnel-service.dead-letter");
    /** What the events decide, read through the gateway. */
    private static final List<String> STATE = List.of("/api/v1/missions", "/api/v1/mission-requests",
            "/api/v1/authorization-cases", "/api/v1/ministerial-authorizations", "/api/v1/candidacies",
            "/api/v1/deployments");

    @Test
    void replayingEveryTopicFromTheStartChangesNoServicesState() throws Exception {
        Workflows.wholeWorkflow();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                RunningSuite.suite().bootstrapServers()))) {
            awaitQuiet(admin);
            for (String service : List.of("mission-service", "authorization-service", "personnel-service")) {
                Map<String, String> stateBefore = state();
                Map<TopicPartition, Long> endsBefore = ends(admin, ALL_TOPICS);

                RunningSuite.suite().stopService(service);
                Map<TopicPartition, Long> start = earliest(admin, CONSUMED.get(service));
                admin.alterConsumerGroupOffsets(service, start.entrySet().stream().collect(Collectors.toMap(
                        Map.Entry::getKey, e -> new OffsetAndMetadata(e.getValue())))).all().get();
                RunningSuite.suite().startService(service);

                Map<TopicPartition, Long> ends = ends(admin, CONSUMED.get(service));
                long events = ends.entrySet().stream().mapToLong(e -> e.getValue() - start.get(e.getKey())).sum();
                await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                        .until(() -> caughtUp(admin, service, ends));

                assertTrue(events > 0, service + " had events to replay");
                assertTrue(inboxCount(service, "duplicate") > 0, service + " recognized replayed events");
                assertEquals(0, inboxCount(service, "applied"), service + " applied no event a second time");
                assertEquals(stateBefore, state(), "every service's state after " + service + " replayed " + events + " events");
                assertEquals(endsBefore, ends(admin, ALL_TOPICS), "nothing published, nothing dead-lettered by the replay");
            }
        }
    }

    /**
     * Waits until every event the workflow caused has been published and consumed: each service's
     * consumer group at the end of what it reads, no outbox message left to publish, and the topics'
     * ends the same before and after those checks (so no reaction to a last event is on its way).
     */
    private static void awaitQuiet(Admin admin) {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() -> {
            Map<TopicPartition, Long> ends = ends(admin, ALL_TOPICS);
            for (String service : CONSUMED.keySet()) {
                Map<TopicPartition, Long> consumed = new HashMap<>();
                ends.forEach((partition, end) -> {
                    if (CONSUMED.get(service).contains(partition.topic())) {
                        consumed.put(partition, end);
                    }
                });
                if (!caughtUp(admin, service, consumed) || !"0".equals(SuiteUnderTest.value(RunningSuite.suite(), service,
                        "SELECT count(*) FROM outbox_message WHERE published_at IS NULL"))) {
                    return false;
                }
            }
            return ends.equals(ends(admin, ALL_TOPICS));
        });
    }

    private static Map<String, String> state() {
        Map<String, String> state = new LinkedHashMap<>();
        for (String path : STATE) {
            int pages = 1;
            for (int page = 0; page < pages; page++) {
                var response = as("auditor").queryParam("size", 100).queryParam("page", page).get(path)
                        .then().statusCode(200).extract();
                pages = response.path("totalPages");
                state.put(path + "?page=" + page, response.asString());
            }
        }
        return state;
    }

    private static boolean caughtUp(Admin admin, String group, Map<TopicPartition, Long> ends)
            throws ExecutionException, InterruptedException {
        Map<TopicPartition, OffsetAndMetadata> committed =
                admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
        return ends.entrySet().stream().allMatch(end -> end.getValue() == 0
                || (committed.get(end.getKey()) != null && committed.get(end.getKey()).offset() >= end.getValue()));
    }

    private static Map<TopicPartition, Long> earliest(Admin admin, List<String> topics) throws Exception {
        return offsets(admin, topics, OffsetSpec.earliest());
    }

    private static Map<TopicPartition, Long> ends(Admin admin, List<String> topics) throws Exception {
        return offsets(admin, topics, OffsetSpec.latest());
    }

    private static Map<TopicPartition, Long> offsets(Admin admin, List<String> topics, OffsetSpec spec) throws Exception {
        List<String> existing = new ArrayList<>(admin.listTopics().names().get());
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        for (var description : admin.describeTopics(topics.stream().filter(existing::contains).toList())
                .allTopicNames().get().values()) {
            description.partitions().forEach(p -> request.put(new TopicPartition(description.name(), p.partition()), spec));
        }
        Map<TopicPartition, Long> offsets = new HashMap<>();
        admin.listOffsets(request).all().get().forEach((partition, info) -> offsets.put(partition, info.offset()));
        return offsets;
    }

    /** The service's own count of inbox outcomes since it started (its /q/metrics). */
    private static double inboxCount(String service, String outcome) throws Exception {
        URI metrics = RunningSuite.suite().serviceUrl(service).resolve("/q/metrics");
        String text = HttpClient.newHttpClient().send(HttpRequest.newBuilder(metrics).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        return Calls.inboxCount(text, outcome, null);
    }
}
