package ca.cpa.personnel;

import ca.cpa.testing.KafkaEvents;
import io.restassured.response.Response;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Predicate;

import static ca.cpa.personnel.Api.EVENTUALLY;
import static ca.cpa.personnel.Api.PERSONNEL_TOPIC;
import static ca.cpa.personnel.Api.TODAY;
import static ca.cpa.personnel.Api.officerDesk;
import static org.awaitility.Awaitility.await;

/**
 * The life of a deployment after planning, as its users and mission-service drive it: the
 * mission's status and mandate announced on mission-service's topic, and the calls that cancel,
 * extend, replace and bring home.
 */
final class Lifecycle {

    static final String MISSION_TOPIC = "cpa.mission.events";
    static final String NEEDS_TRAINING =
            "The officer needs a PASSED pre-deployment course that ended in the 12 months before the start.";
    static final LocalDate START = TODAY.plusWeeks(2);
    /** The end of a tour planned with {@link Api#plan}. */
    static final LocalDate END = START.plusMonths(12);

    private Lifecycle() {
    }

    static String missionNotOpen(String status) {
        return "The mission is %s: no officer can be planned for it or arrive there.".formatted(status);
    }

    static String ceilingReached(int ceiling) {
        return "The mission's ceiling of %d is reached (planned and in theatre).".formatted(ceiling);
    }

    // ----- mission-service's events -------------------------------------------------------------

    /** mission-service announces a new mission in {@code status}; either end of the mandate may be null. */
    static void missionCreated(String missionId, String status, LocalDate mandateStart, LocalDate mandateEnd) {
        KafkaEvents.publish(MISSION_TOPIC, "ca.cpa.mission.created.v1", "/cpa/mission-service", missionId, """
                {"missionId": "%s", "code": "%s", "nameEn": "Operation %s", "nameFr": "Opération %s",
                 "hostCountry": "HT", "type": "UN_PEACE_OPERATION", "partnerOrganization": "United Nations",
                 "status": "%s", "createdAt": "%s", "mandateStart": %s, "mandateEnd": %s, "cpaSince": null}"""
                .formatted(missionId, code(missionId), code(missionId), code(missionId), status, Instant.now(),
                        quoted(mandateStart), quoted(mandateEnd)));
    }

    static void missionStatusChanged(String missionId, String previous, String status) {
        KafkaEvents.publish(MISSION_TOPIC, "ca.cpa.mission.status-changed.v1", "/cpa/mission-service", missionId, """
                {"missionId": "%s", "code": "%s", "previousStatus": "%s", "status": "%s", "changedAt": "%s"}"""
                .formatted(missionId, code(missionId), previous, status, Instant.now()));
    }

    static void mandateChanged(String missionId, LocalDate mandateStart, LocalDate mandateEnd) {
        KafkaEvents.publish(MISSION_TOPIC, "ca.cpa.mission.mandate-changed.v1", "/cpa/mission-service", missionId, """
                {"missionId": "%s", "code": "%s", "mandateStart": %s, "mandateEnd": %s, "changedAt": "%s"}"""
                .formatted(missionId, code(missionId), quoted(mandateStart), quoted(mandateEnd), Instant.now()));
    }

    private static String code(String missionId) {
        return "T-" + missionId.substring(0, 8).toUpperCase();
    }

    private static String quoted(LocalDate date) {
        return date == null ? "null" : "\"" + date + "\"";
    }

    // ----- what personnel-service made of them ---------------------------------------------------

    /**
     * An officer selected for the request but never trained: planning the candidacy always fails,
     * and says why: the mission is not open, or else the missing training. A probe that changes nothing.
     */
    static String probe(String requestId, String role) {
        String candidacy = Api.nominate(Api.eligibleOfficer(), requestId, role);
        Api.select(candidacy);
        return candidacy;
    }

    /** Waits until planning the probe says the mission is {@code status} (SUSPENDED or CLOSED). */
    static void awaitMissionNotOpen(String probe, String status) {
        awaitRefusal(probe, missionNotOpen(status));
    }

    /** Waits until planning the probe no longer says the mission is suspended or closed. */
    static void awaitMissionOpen(String probe) {
        awaitRefusal(probe, NEEDS_TRAINING);
    }

    private static void awaitRefusal(String probe, String detail) {
        await().atMost(EVENTUALLY).pollInterval(Duration.ofMillis(250)).until(() -> {
            Response refusal = Api.plan(probe);
            if (refusal.statusCode() != 409) {
                throw new AssertionError("the probe was planned: " + refusal.asString());
            }
            return detail.equals(refusal.path("detail"));
        });
    }

    /**
     * Waits until personnel-service applied every event published so far about the ACTIVE mission:
     * the mission is suspended and made active again (one mission's events are applied in order),
     * and both are awaited through the probe.
     */
    static void awaitMissionEventsApplied(String missionId, String probe) {
        missionStatusChanged(missionId, "ACTIVE", "SUSPENDED");
        awaitMissionNotOpen(probe, "SUSPENDED");
        missionStatusChanged(missionId, "SUSPENDED", "ACTIVE");
        awaitMissionOpen(probe);
    }

    // ----- deployments ---------------------------------------------------------------------------

    /** Plans the candidacy (201 expected); answers the deployment's id. */
    static String planned(String candidacyId) {
        return Api.plan(candidacyId).then().statusCode(201).extract().path("id");
    }

    static Response planReplacing(String candidacyId, String replacedId) {
        return officerDesk().body("""
                        {"candidacyId": "%s", "startDate": "%s", "endDate": "%s", "replacesDeploymentId": "%s"}"""
                        .formatted(candidacyId, START, END, replacedId))
                .post("/api/v1/deployments");
    }

    static Response get(String deploymentId) {
        return officerDesk().get("/api/v1/deployments/" + deploymentId);
    }

    static String etag(String deploymentId) {
        return get(deploymentId).then().statusCode(200).extract().header("ETag");
    }

    static Response arrive(String deploymentId) {
        return officerDesk().post("/api/v1/deployments/" + deploymentId + "/arrival");
    }

    static Response cancel(String deploymentId, String reason) {
        return officerDesk().body("{\"reason\": \"%s\"}".formatted(reason))
                .post("/api/v1/deployments/" + deploymentId + "/cancellation");
    }

    static Response extend(String deploymentId, LocalDate endDate) {
        return officerDesk().body(extensionJson(endDate, "Elections postponed to March."))
                .post("/api/v1/deployments/" + deploymentId + "/extension");
    }

    static String extensionJson(LocalDate endDate, String justification) {
        return "{\"endDate\": \"%s\", \"justification\": \"%s\"}".formatted(endDate, justification);
    }

    static Response repatriate(String deploymentId, String reason) {
        return officerDesk().body("{\"returnDate\": \"%s\", \"reason\": \"%s\"}".formatted(TODAY, reason))
                .post("/api/v1/deployments/" + deploymentId + "/repatriation");
    }

    // ----- personnel-service's events -------------------------------------------------------------

    static KafkaEvents.ReceivedEvent awaitEvent(String type, String subject) {
        return KafkaEvents.await(PERSONNEL_TOPIC, e -> type.equals(e.type()) && subject.equals(e.subject()), EVENTUALLY);
    }

    static KafkaEvents.ReceivedEvent awaitEvent(String type, String subject, Predicate<String> data) {
        return KafkaEvents.await(PERSONNEL_TOPIC,
                e -> type.equals(e.type()) && subject.equals(e.subject()) && data.test(e.data()), EVENTUALLY);
    }

    /** How many events of {@code type} about {@code subject} stand on personnel-service's topic now. */
    static long count(String type, String subject) {
        List<KafkaEvents.ReceivedEvent> events = KafkaEvents.all(PERSONNEL_TOPIC);
        return events.stream().filter(e -> type.equals(e.type()) && subject.equals(e.subject())).count();
    }
}
