package ca.cpa.authorization;

import ca.cpa.testing.Calls;
import ca.cpa.testing.KafkaEvents;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static ca.cpa.authorization.Api.EVENTUALLY;
import static ca.cpa.authorization.Api.caseOfRequest;
import static ca.cpa.authorization.Api.decide;
import static ca.cpa.authorization.Api.newId;
import static ca.cpa.authorization.Api.planner;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class ConcurrentDecisionsTest {

    private static final int CASES_PER_MISSION = 10;

    /**
     * Two missions, several requests each, every case decided by its three partners at the
     * same moment: each case is granted exactly once with three decisions, and each mission's
     * authorizations are numbered without a gap or a repeat.
     */
    @Test
    void threePartnersDecidingAtOnceResolveEachCaseExactlyOnce() throws Exception {
        List<String> missions = List.of(newId(), newId());
        List<String> caseIds = new ArrayList<>();
        for (String missionId : missions) {
            for (int i = 0; i < CASES_PER_MISSION; i++) {
                String requestId = newId();
                Api.submitted(missionId, requestId, 2);
                caseIds.add((String) caseOfRequest(missionId, requestId).get("id"));
            }
        }
        for (String caseId : caseIds) {
            List<Integer> statuses = Calls.concurrently(List.of(
                    () -> decide(caseId, "GAC", "APPROVE", null).statusCode(),
                    () -> decide(caseId, "PS", "APPROVE", null).statusCode(),
                    () -> decide(caseId, "RCMP", "APPROVE", null).statusCode()), 3);
            assertEquals(List.of(201, 201, 201), statuses, "case " + caseId);
            planner().get("/api/v1/authorization-cases/" + caseId)
                    .then().body("status", equalTo("APPROVED")).body("decisions", hasSize(3));
        }

        await().atMost(EVENTUALLY).untilAsserted(() -> {
            Map<String, Long> grantsPerCase = KafkaEvents.all(Api.AUTHORIZATION_TOPIC).stream()
                    .filter(e -> "ca.cpa.authorization.granted.v1".equals(e.type()) && caseIds.contains(e.subject()))
                    .collect(Collectors.groupingBy(KafkaEvents.ReceivedEvent::subject, Collectors.counting()));
            assertEquals(caseIds.size(), grantsPerCase.size());
            grantsPerCase.forEach((caseId, grants) -> assertEquals(1L, grants, "granted events for " + caseId));
        });
        for (String missionId : missions) {
            Api.as("auditor").queryParam("missionId", missionId).get("/api/v1/ministerial-authorizations")
                    .then().body("items.number", equalTo(IntStream.iterate(CASES_PER_MISSION, n -> n - 1).limit(CASES_PER_MISSION).boxed().toList()))
                    .body("items[0].ceiling", equalTo(2 * CASES_PER_MISSION));
        }
    }

    @Test
    void onePartnerDecidingTwiceAtOnceIsRecordedOnce() throws Exception {
        for (int round = 0; round < 5; round++) {
            String missionId = newId();
            String requestId = newId();
            Api.submitted(missionId, requestId, 1);
            String caseId = (String) caseOfRequest(missionId, requestId).get("id");
            List<Integer> statuses = Calls.concurrently(List.of(
                    () -> decide(caseId, "GAC", "APPROVE", null).statusCode(),
                    () -> decide(caseId, "GAC", "REJECT", "No").statusCode()), 2);
            assertEquals(List.of(201, 409), statuses.stream().sorted().toList(), "round " + round);
            planner().get("/api/v1/authorization-cases/" + caseId).then().body("decisions", hasSize(1));
        }
    }
}
