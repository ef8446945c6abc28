package ca.cpa.personnel;

import ca.cpa.testing.Calls;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import static ca.cpa.personnel.Api.TODAY;
import static ca.cpa.personnel.Api.newId;
import static ca.cpa.personnel.Api.officerDesk;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The program-wide cap (150 by default) holds over all missions under concurrent requests.
 * The test fills the program to the cap from whatever other tests left active, and brings every
 * officer it deployed home again (arrival, then repatriation, through the API) whatever happens,
 * so that the program is as it found it and the tests after it can still deploy.
 */
@QuarkusTest
class ProgramCapTest {

    private static final String ROLE = "SERIOUS_ORGANIZED_CRIME";
    private static final int LEFT_BEFORE_THE_RACE = 3;
    private static final int RACERS = 12;

    @ConfigProperty(name = "cpa.program.cap")
    int cap;

    /** A call to plan a deployment: its status and, when planned, the deployment's id. */
    private record Plan(int status, String id) {
    }

    @Test
    void theProgramWideCapHoldsAcrossMissionsUnderConcurrentDeployments() throws Exception {
        int active = activeDeployments();
        List<String> planned = new ArrayList<>();
        Throwable failure = null;
        try {
            String course = Api.recentCourse();
            // Room under every mission's ceiling and in every position (for whoever is selected before
            // the race and in it, however few deployments other tests left active); only the program-wide cap can refuse.
            String first = Api.authorizedRequest(newId(), ROLE, cap + RACERS, cap, 1);
            for (int i = active; i < cap - LEFT_BEFORE_THE_RACE; i++) {
                planned.add(Api.plan(Api.deployableCandidacy(first, ROLE, course)).then().statusCode(201)
                        .extract().<String>path("id"));
            }
            String second = Api.authorizedRequest(newId(), ROLE, RACERS, RACERS, 1);
            List<Callable<Plan>> attempts = new ArrayList<>();
            for (int i = 0; i < RACERS; i++) {
                String candidacy = Api.deployableCandidacy(i % 2 == 0 ? first : second, ROLE, course);
                attempts.add(() -> {
                    var answer = Api.plan(candidacy).then().extract();
                    return new Plan(answer.statusCode(), answer.statusCode() == 201 ? answer.path("id") : null);
                });
            }
            List<Plan> plans = Calls.concurrently(attempts, RACERS);
            plans.stream().filter(plan -> plan.status() == 201).forEach(plan -> planned.add(plan.id()));
            List<Integer> statuses = plans.stream().map(Plan::status).toList();
            assertEquals(LEFT_BEFORE_THE_RACE, statuses.stream().filter(status -> status == 201).count(), statuses.toString());
            assertEquals(RACERS - LEFT_BEFORE_THE_RACE, statuses.stream().filter(status -> status == 409).count(), statuses.toString());
            assertEquals(cap, activeDeployments());
        } catch (Throwable t) {
            failure = t;
            throw t;
        } finally {
            try {
                bringHome(planned);
            } catch (AssertionError notHome) {
                if (failure == null) {
                    throw notHome;
                }
                failure.addSuppressed(notHome);
            }
        }
        assertEquals(active, activeDeployments(), "the active deployments once the test's officers are home");
    }

    /** Each deployment arrives in theatre and ends with the tour; all are tried, and what failed is reported. */
    private static void bringHome(List<String> deployments) {
        List<String> failures = new ArrayList<>();
        for (String deployment : deployments) {
            try {
                officerDesk().post("/api/v1/deployments/" + deployment + "/arrival").then().statusCode(200);
                officerDesk().body("{\"returnDate\": \"%s\", \"reason\": \"END_OF_TOUR\"}".formatted(TODAY))
                        .post("/api/v1/deployments/" + deployment + "/repatriation").then().statusCode(200);
                officerDesk().get("/api/v1/deployments/" + deployment).then().statusCode(200)
                        .body("status", equalTo("COMPLETED"))
                        .body("returnDate", equalTo(TODAY.toString()))
                        .body("returnReason", equalTo("END_OF_TOUR"));
            } catch (AssertionError e) {
                failures.add(deployment + ": " + e.getMessage());
            }
        }
        if (!failures.isEmpty()) {
            throw new AssertionError(failures.size() + " of " + deployments.size() + " deployments not brought home:\n"
                    + String.join("\n", failures));
        }
    }

    private static int activeDeployments() {
        int planned = officerDesk().queryParam("status", "PLANNED").get("/api/v1/deployments").then().extract().path("totalItems");
        int inTheatre = officerDesk().queryParam("status", "IN_THEATRE").get("/api/v1/deployments").then().extract().path("totalItems");
        return planned + inTheatre;
    }
}
