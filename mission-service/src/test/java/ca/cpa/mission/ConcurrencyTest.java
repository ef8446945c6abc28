package ca.cpa.mission;

import ca.cpa.testing.Calls;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;

import static ca.cpa.mission.Api.partner;
import static ca.cpa.mission.Api.planner;
import static ca.cpa.mission.Api.requestJson;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class ConcurrencyTest {

    private static final int CALLERS = 12;

    @Test
    void concurrentWithdrawalsWithdrawOnceAndTheOthersAreConflicts() throws Exception {
        String missionId = Api.createMission("RACE");
        String requestId = Api.submittedRequest(missionId);
        List<Integer> statuses = Calls.concurrently(copies(() -> planner().body("{\"reason\": \"race\"}")
                .post("/api/v1/mission-requests/" + requestId + "/withdrawal").statusCode()), CALLERS);
        assertEquals(1, statuses.stream().filter(status -> status == 200).count(), statuses.toString());
        assertEquals(CALLERS - 1, statuses.stream().filter(status -> status == 409).count(), statuses.toString());
        planner().get("/api/v1/mission-requests/" + requestId).then().body("status", equalTo("WITHDRAWN"));
    }

    @Test
    void concurrentCopiesOfAnIdempotencyMakeOneRequest() throws Exception {
        String missionId = Api.createMission("RACEIDEM");
        String key = UUID.randomUUID().toString();
        List<String> ids = Calls.concurrently(copies(() -> partner().header("Idempotency-Key", key).body(requestJson(missionId))
                .post("/api/v1/mission-requests").then().statusCode(201).extract().path("id")), CALLERS);
        assertEquals(1, ids.stream().distinct().count(), ids.toString());
        planner().queryParam("missionId", missionId).get("/api/v1/mission-requests").then().body("totalItems", equalTo(1));
    }

    private static <T> List<Callable<T>> copies(Callable<T> call) {
        return Collections.nCopies(CALLERS, call);
    }
}
