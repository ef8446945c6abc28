package ca.cpa.personnel;

import ca.cpa.testing.Calls;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import static ca.cpa.personnel.Api.newId;
import static ca.cpa.personnel.Api.officerDesk;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class RaceTest {

    private static final String ROLE = "TRAINING_MENTORING_MONITORING";

    /** Ceiling 12, 7 already planned, 40 deployments asked for at once: exactly 5 fit. */
    @Test
    void theMissionCeilingHoldsUnderConcurrentDeployments() throws Exception {
        String course = Api.recentCourse();
        for (int round = 1; round <= 3; round++) {
            String missionId = newId();
            String request = Api.authorizedRequest(missionId, ROLE, 60, 12, 1);
            for (int i = 0; i < 7; i++) {
                Api.plan(Api.deployableCandidacy(request, ROLE, course)).then().statusCode(201);
            }
            List<Callable<Integer>> attempts = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                String candidacy = Api.deployableCandidacy(request, ROLE, course);
                attempts.add(() -> Api.plan(candidacy).statusCode());
            }
            List<Integer> statuses = Calls.concurrently(attempts, 20);
            assertEquals(5, statuses.stream().filter(status -> status == 201).count(), "round " + round + ": " + statuses);
            assertEquals(35, statuses.stream().filter(status -> status == 409).count(), "round " + round + ": " + statuses);
            officerDesk().queryParam("missionId", missionId).queryParam("status", "PLANNED").get("/api/v1/deployments")
                    .then().body("totalItems", equalTo(12));
        }
    }

    /** A position of count 2, eight eligible candidates selected at once: two are selected. */
    @Test
    void selectionNeverExceedsThePositionsCount() throws Exception {
        for (int round = 1; round <= 3; round++) {
            String request = Api.authorizedRequest(newId(), ROLE, 2, 5, 1);
            List<Callable<Integer>> selections = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String candidacy = Api.nominate(Api.eligibleOfficer(), request, ROLE);
                selections.add(() -> officerDesk().body("{\"decision\": \"SELECT\"}")
                        .post("/api/v1/candidacies/" + candidacy + "/selection").statusCode());
            }
            List<Integer> statuses = Calls.concurrently(selections, 8);
            assertEquals(2, statuses.stream().filter(status -> status == 200).count(), "round " + round + ": " + statuses);
            assertEquals(6, statuses.stream().filter(status -> status == 409).count(), "round " + round + ": " + statuses);
            officerDesk().queryParam("missionRequestId", request).queryParam("status", "SELECTED")
                    .get("/api/v1/candidacies").then().body("totalItems", equalTo(2));
        }
    }
}
