package ca.cpa.e2e;

import io.restassured.path.json.JsonPath;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static ca.cpa.e2e.Api.as;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Program's read model rebuilt from scratch, as an operator does it (docs/reporting.md):
 * reporting-service stopped, what the events built dropped, its consumer group set back to the
 * start of the three topics, the service started. It replays every event the topics kept (they
 * keep them for ever) and answers the same figures; the imported history, which no topic holds,
 * is kept.
 */
@ExtendWith(RunningSuite.class)
class ReportRebuildTest {

    private static final String SERVICE = "reporting-service";
    private static final List<String> TOPICS = List.of("cpa.mission.events", "cpa.authorization.events",
            "cpa.personnel.events");

    @Test
    void droppingTheReadModelAndReplayingTheTopicsGivesTheSameFigures() throws Exception {
        Workflows.wholeWorkflow();
        int thisYear = LocalDate.now(ZoneOffset.UTC).getYear();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                RunningSuite.suite().bootstrapServers()))) {
            awaitCaughtUp(admin);
            Map<String, Object> before = figures(thisYear);
            assertTrue(((Number) program().get("deployedNow")).longValue() > 0, "there is something to rebuild");

            RunningSuite.suite().stopService(SERVICE);
            try (Connection database = RunningSuite.suite().database(SERVICE);
                 Statement statement = database.createStatement()) {
                statement.execute("TRUNCATE reported_mission, reported_deployment, inbox_event");
                statement.execute("UPDATE read_model_position SET last_event_at = NULL");
            }
            Map<TopicPartition, OffsetAndMetadata> start = new HashMap<>();
            offsets(admin, OffsetSpec.earliest()).forEach((partition, offset) -> start.put(partition, new OffsetAndMetadata(offset)));
            admin.alterConsumerGroupOffsets(SERVICE, start).all().get();
            RunningSuite.suite().startService(SERVICE);

            awaitCaughtUp(admin);
            assertEquals(before, figures(thisYear));
        }
    }

    private static Map<String, Object> figures(int thisYear) {
        return Map.of("program", program(), "history", as("auditor").queryParam("to", thisYear)
                .get("/api/v1/reports/program/history").then().statusCode(200).extract().jsonPath().getMap(""));
    }

    private static Map<String, Object> program() {
        JsonPath report = as("auditor").get("/api/v1/reports/program").then().statusCode(200).extract().jsonPath();
        return report.getMap("");
    }

    /** Until the service's group has read to the end of every topic, and the topics' ends stand still. */
    private static void awaitCaughtUp(Admin admin) {
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() -> {
            Map<TopicPartition, Long> ends = offsets(admin, OffsetSpec.latest());
            Map<TopicPartition, OffsetAndMetadata> committed =
                    admin.listConsumerGroupOffsets(SERVICE).partitionsToOffsetAndMetadata().get();
            boolean caughtUp = ends.entrySet().stream().allMatch(end -> end.getValue() == 0
                    || (committed.get(end.getKey()) != null && committed.get(end.getKey()).offset() >= end.getValue()));
            return caughtUp && ends.equals(offsets(admin, OffsetSpec.latest()));
        });
    }

    private static Map<TopicPartition, Long> offsets(Admin admin, OffsetSpec spec) throws Exception {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        for (var description : admin.describeTopics(TOPICS).allTopicNames().get().values()) {
            description.partitions().forEach(p -> request.put(new TopicPartition(description.name(), p.partition()), spec));
        }
        Map<TopicPartition, Long> offsets = new HashMap<>();
        admin.listOffsets(request).all().get().forEach((partition, info) -> offsets.put(partition, info.offset()));
        return offsets;
    }
}
