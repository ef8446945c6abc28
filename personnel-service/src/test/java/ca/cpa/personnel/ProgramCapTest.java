package ca.cpa.personnel;

import ca.cpa.testing.Calls;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import static ca.cpa.personnel.Api.newId;
import static ca.cpa.personnel.Api.officerDesk;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The program-wide cap (150 by default) holds over all missions under concurrent requests.
 * It fills the program to the cap, so it runs after every other class that deploys
 * (see junit-platform.properties), and before the events check.
 */
@QuarkusTest
@Order(Integer.MAX_VALUE - 1)
class ProgramCapTest {

    private static final String ROLE = "SERIOUS_ORGANIZED_CRIME";
    private static final int LEFT_BEFORE_THE_RACE = 3;

    @ConfigProperty(name = "cpa.program.cap")
    int cap;

    @Test
    void theProgramWideCapHoldsAcrossMissionsUnderConcurrentDeployments() throws Exception {
        String course = Api.recentCourse();
        int active = activeDeployments();
        // Room under every mission's ceiling; only the program-wide cap can refuse.
        String first = Api.authorizedRequest(newId(), ROLE, cap, cap, 1);
        for (int i = active; i < cap - LEFT_BEFORE_THE_RACE; i++) {
            Api.plan(Api.deployableCandidacy(first, ROLE, course)).then().statusCode(201);
        }
        String second = Api.authorizedRequest(newId(), ROLE, 20, 20, 1);
        List<Callable<Integer>> attempts = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String candidacy = Api.deployableCandidacy(i % 2 == 0 ? first : second, ROLE, course);
            attempts.add(() -> Api.plan(candidacy).statusCode());
        }
        List<Integer> statuses = Calls.concurrently(attempts, 12);
        assertEquals(LEFT_BEFORE_THE_RACE, statuses.stream().filter(status -> status == 201).count(), statuses.toString());
        assertEquals(12 - LEFT_BEFORE_THE_RACE, statuses.stream().filter(status -> status == 409).count(), statuses.toString());
        assertEquals(cap, activeDeployments());
    }

    private static int activeDeployments() {
        int planned = officerDesk().queryParam("status", "PLANNED").get("/api/v1/deployments").then().extract().path("totalItems");
        int inTheatre = officerDesk().queryParam("status", "IN_THEATRE").get("/api/v1/deployments").then().extract().path("totalItems");
        return planned + inTheatre;
    }
}
