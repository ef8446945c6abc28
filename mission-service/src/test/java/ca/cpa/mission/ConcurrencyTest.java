package ca.cpa.mission;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

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
        List<Integer> statuses = inParallel(() -> planner().body("{\"reason\": \"race\"}")
                .post("/api/v1/mission-requests/" + requestId + "/withdrawal").statusCode());
        assertEquals(1, statuses.stream().filter(status -> status == 200).count(), statuses.toString());
        assertEquals(CALLERS - 1, statuses.stream().filter(status -> status == 409).count(), statuses.toString());
        planner().get("/api/v1/mission-requests/" + requestId).then().body("status", equalTo("WITHDRAWN"));
    }

    @Test
    void concurrentCopiesOfAnIdempotentCreateMakeOneRequest() throws Exception {
        String missionId = Api.createMission("RACEIDEM");
        String key = UUID.randomUUID().toString();
        List<String> ids = inParallel(() -> partner().header("Idempotency-Key", key).body(requestJson(missionId))
                .post("/api/v1/mission-requests").then().statusCode(201).extract().path("id"));
        assertEquals(1, ids.stream().distinct().count(), ids.toString());
        planner().queryParam("missionId", missionId).get("/api/v1/mission-requests").then().body("totalItems", equalTo(1));
    }

    private static <T> List<T> inParallel(Callable<T> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CALLERS);
        try {
            List<Future<T>> futures = pool.invokeAll(IntStream.range(0, CALLERS).mapToObj(i -> call).toList());
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
