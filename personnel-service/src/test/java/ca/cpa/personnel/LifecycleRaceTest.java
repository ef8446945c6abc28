package ca.cpa.personnel;

import ca.cpa.testing.Calls;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import static ca.cpa.personnel.Api.TODAY;
import static ca.cpa.personnel.Api.newId;
import static ca.cpa.personnel.Api.officerDesk;
import static ca.cpa.personnel.Lifecycle.cancel;
import static ca.cpa.personnel.Lifecycle.get;
import static ca.cpa.personnel.Lifecycle.planned;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The places a cancellation or a closure frees or takes, under concurrent plans. */
@QuarkusTest
class LifecycleRaceTest {

    private static final String ROLE = "HUMANITARIAN_RESPONSE";

    /** A call's answer: its status, the deployment (or candidacy) it made or is about, the detail when refused. */
    private record Answer(int status, String id, String detail) {
    }

    /** Ceiling 3, all taken; one is cancelled, then 16 plans at once: the one free place goes to exactly one. */
    @Test
    void theOnePlaceACancellationFreesGoesToExactlyOneOfManyConcurrentPlans() throws Exception {
        String course = Api.recentCourse();
        for (int round = 1; round <= 2; round++) {
            String missionId = newId();
            String request = Api.authorizedRequest(missionId, ROLE, 20, 3, 1);
            List<String> taken = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                taken.add(planned(Api.deployableCandidacy(request, ROLE, course)));
            }
            List<Callable<Answer>> attempts = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                String candidacy = Api.deployableCandidacy(request, ROLE, course);
                attempts.add(() -> plan(candidacy));
            }
            Api.plan(Api.deployableCandidacy(request, ROLE, course)).then().statusCode(409);
            cancel(taken.get(1), "WITHDRAWN_BY_OFFICER").then().statusCode(200);

            List<Answer> plans = Calls.concurrently(attempts, 16);
            String outcome = "round " + round + ": " + plans;
            assertEquals(1, plans.stream().filter(plan -> plan.status() == 201).count(), outcome);
            assertEquals(15, plans.stream().filter(plan -> plan.status() == 409).count(), outcome);
            assertTrue(plans.stream().filter(plan -> plan.status() == 409)
                    .allMatch(plan -> Lifecycle.ceilingReached(3).equals(plan.detail())), outcome);
            officerDesk().queryParam("missionId", missionId).queryParam("status", "PLANNED").get("/api/v1/deployments")
                    .then().body("totalItems", equalTo(3));
            officerDesk().queryParam("missionId", missionId).queryParam("status", "CANCELLED").get("/api/v1/deployments")
                    .then().body("totalItems", equalTo(1));
        }
    }

    /**
     * Twelve plans race the mission's closure: whatever the order, once the closure is applied no
     * deployment of the mission is PLANNED; each plan was refused because the mission is closed, or
     * came first and was cancelled by the closure.
     */
    @Test
    void noPlanOutlivesTheMissionsClosure() throws Exception {
        String course = Api.recentCourse();
        for (int round = 1; round <= 2; round++) {
            String missionId = newId();
            String request = Api.authorizedRequest(missionId, ROLE, 20, 20, 1);
            Lifecycle.missionCreated(missionId, "ACTIVE", TODAY.minusYears(1), TODAY.plusYears(2));
            String probe = Lifecycle.probe(request, ROLE);
            Lifecycle.awaitMissionEventsApplied(missionId, probe);
            String early = planned(Api.deployableCandidacy(request, ROLE, course));

            List<Callable<Answer>> calls = new ArrayList<>();
            calls.add(() -> {
                Lifecycle.missionStatusChanged(missionId, "ACTIVE", "CLOSED");
                return new Answer(0, null, "closure published");
            });
            for (int i = 0; i < 12; i++) {
                String candidacy = Api.deployableCandidacy(request, ROLE, course);
                long pause = i * 60L; // spread around the moment the closure is applied
                calls.add(() -> {
                    Thread.sleep(pause);
                    return plan(candidacy);
                });
            }
            List<Answer> plans = Calls.concurrently(calls, calls.size()).subList(1, calls.size());
            Lifecycle.awaitMissionNotOpen(probe, "CLOSED");

            String outcome = "round " + round + ": " + plans;
            officerDesk().queryParam("missionId", missionId).queryParam("status", "PLANNED").get("/api/v1/deployments")
                    .then().body("totalItems", equalTo(0));
            List<String> cancelled = new ArrayList<>(List.of(early));
            for (Answer plan : plans) {
                if (plan.status() == 201) {
                    cancelled.add(plan.id());
                } else {
                    assertEquals(409, plan.status(), outcome);
                    assertEquals(Lifecycle.missionNotOpen("CLOSED"), plan.detail(), outcome);
                }
            }
            for (String deployment : cancelled) {
                get(deployment).then().statusCode(200)
                        .body("status", equalTo("CANCELLED"))
                        .body("cancellationReason", equalTo("MISSION_CLOSED"));
                Lifecycle.awaitEvent("ca.cpa.deployment.cancelled.v1", deployment,
                        data -> data.contains("\"reason\":\"MISSION_CLOSED\""));
            }
            officerDesk().queryParam("missionId", missionId).queryParam("status", "CANCELLED").get("/api/v1/deployments")
                    .then().body("totalItems", equalTo(cancelled.size()));
        }
    }

    /**
     * Officers in theatre race the mission's closure with their arrival: each deployment ends either
     * IN_THEATRE, when its arrival was answered 200, or CANCELLED by the closure, when it was refused.
     */
    @Test
    void everyArrivalRacingTheClosureEitherCameFirstOrIsRefused() throws Exception {
        String course = Api.recentCourse();
        String missionId = newId();
        String request = Api.authorizedRequest(missionId, ROLE, 20, 20, 1);
        Lifecycle.missionCreated(missionId, "ACTIVE", null, null);
        String probe = Lifecycle.probe(request, ROLE);
        Lifecycle.awaitMissionEventsApplied(missionId, probe);
        List<String> deployments = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            deployments.add(planned(Api.deployableCandidacy(request, ROLE, course)));
        }

        List<Callable<Answer>> calls = new ArrayList<>();
        calls.add(() -> {
            Lifecycle.missionStatusChanged(missionId, "ACTIVE", "CLOSED");
            return new Answer(0, null, "closure published");
        });
        for (int i = 0; i < deployments.size(); i++) {
            String deployment = deployments.get(i);
            long pause = i * 60L; // spread around the moment the closure is applied
            calls.add(() -> {
                Thread.sleep(pause);
                var answer = Lifecycle.arrive(deployment).then().extract();
                return new Answer(answer.statusCode(), deployment, answer.statusCode() == 200 ? null : answer.path("detail"));
            });
        }
        List<Answer> arrivals = Calls.concurrently(calls, calls.size()).subList(1, calls.size());
        Lifecycle.awaitMissionNotOpen(probe, "CLOSED");

        String outcome = arrivals.toString();
        for (Answer arrival : arrivals) {
            if (arrival.status() == 200) {
                get(arrival.id()).then().body("status", equalTo("IN_THEATRE")).body("cancellationReason", nullValue());
            } else {
                assertEquals(409, arrival.status(), outcome);
                get(arrival.id()).then().body("status", equalTo("CANCELLED"))
                        .body("cancellationReason", equalTo("MISSION_CLOSED"));
            }
        }
        officerDesk().queryParam("missionId", missionId).queryParam("status", "PLANNED").get("/api/v1/deployments")
                .then().body("totalItems", equalTo(0));
        officerDesk().queryParam("missionId", missionId).queryParam("status", "IN_THEATRE").get("/api/v1/deployments")
                .then().body("totalItems", equalTo((int) arrivals.stream().filter(a -> a.status() == 200).count()));
    }

    /** A candidate being planned cannot be released at the same moment: one of the two wins, never both. */
    @Test
    void aCandidateIsEitherPlannedOrReleasedNeverBoth() throws Exception {
        String course = Api.recentCourse();
        String request = Api.authorizedRequest(newId(), ROLE, 20, 20, 1);
        List<String> candidacies = new ArrayList<>();
        List<Callable<Answer>> calls = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String candidacy = Api.deployableCandidacy(request, ROLE, course);
            candidacies.add(candidacy);
            calls.add(() -> plan(candidacy));
            calls.add(() -> {
                int status = officerDesk().body("{\"reason\": \"Withdrew at the last minute.\"}")
                        .post("/api/v1/candidacies/" + candidacy + "/release").statusCode();
                return new Answer(status, candidacy, null);
            });
        }
        List<Answer> outcomes = Calls.concurrently(calls, calls.size());
        for (int i = 0; i < candidacies.size(); i++) {
            Answer planning = outcomes.get(2 * i);
            Answer release = outcomes.get(2 * i + 1);
            String outcome = "candidacy " + i + ": plan " + planning + ", release " + release;
            if (planning.status() == 201) {
                assertEquals(409, release.status(), outcome);
                officerDesk().get("/api/v1/candidacies/" + candidacies.get(i)).then().body("status", equalTo("SELECTED"));
                get(planning.id()).then().body("status", equalTo("PLANNED"));
            } else {
                assertEquals(409, planning.status(), outcome);
                assertEquals(200, release.status(), outcome);
                officerDesk().get("/api/v1/candidacies/" + candidacies.get(i)).then().body("status", equalTo("RELEASED"));
            }
        }
        for (String candidacy : candidacies) {
            String officer = officerDesk().get("/api/v1/candidacies/" + candidacy).then().extract().path("officerId");
            boolean released = "RELEASED".equals(officerDesk().get("/api/v1/candidacies/" + candidacy).path("status"));
            officerDesk().queryParam("officerId", officer).get("/api/v1/deployments")
                    .then().body("totalItems", equalTo(released ? 0 : 1));
        }
    }

    /** Eight officers asked at once to replace the same one: exactly one replaces. */
    @Test
    void anOfficerIsReplacedByExactlyOneOfManyConcurrentRotations() throws Exception {
        String course = Api.recentCourse();
        String request = Api.authorizedRequest(newId(), ROLE, 20, 20, 1);
        String outgoing = planned(Api.deployableCandidacy(request, ROLE, course));
        List<Callable<Answer>> rotations = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String candidacy = Api.deployableCandidacy(request, ROLE, course);
            rotations.add(() -> {
                var answer = Lifecycle.planReplacing(candidacy, outgoing).then().extract();
                int status = answer.statusCode();
                return new Answer(status, status == 201 ? answer.path("id") : null,
                        status == 201 ? null : answer.path("detail"));
            });
        }
        List<Answer> plans = Calls.concurrently(rotations, rotations.size());
        String outcome = plans.toString();
        List<Answer> planned = plans.stream().filter(plan -> plan.status() == 201).toList();
        assertEquals(1, planned.size(), outcome);
        assertTrue(plans.stream().filter(plan -> plan.status() != 201).allMatch(plan -> plan.status() == 409
                && "Deployment %s already has a replacement.".formatted(outgoing).equals(plan.detail())), outcome);
        get(outgoing).then().body("replacedByDeploymentId", equalTo(planned.get(0).id()));
    }

    private static Answer plan(String candidacy) {
        var answer = Api.plan(candidacy).then().extract();
        int status = answer.statusCode();
        return new Answer(status, status == 201 ? answer.path("id") : null, status == 201 ? null : answer.path("detail"));
    }
}
