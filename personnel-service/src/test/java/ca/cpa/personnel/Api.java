package ca.cpa.personnel;

import ca.cpa.platform.security.Roles;
import ca.cpa.testing.Calls;
import ca.cpa.testing.KafkaEvents;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/** Calls personnel-service as its users do, and publishes the other services' events as they would. */
final class Api {

    static final Duration EVENTUALLY = Duration.ofSeconds(30);
    static final String PERSONNEL_TOPIC = "cpa.personnel.events";
    /** Every test officer's family name starts so, which lets a test look for it in events. */
    static final String FAMILY_NAME_PREFIX = "Lavoie";
    static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    private Api() {
    }

    static RequestSpecification as(String role) {
        return Calls.as(role);
    }

    static RequestSpecification officerDesk() {
        return as(Roles.PERSONNEL_OFFICER);
    }

    static String newId() {
        return UUID.randomUUID().toString();
    }

    /** mission-service announces a submitted request with one position of {@code count} in {@code role}. */
    static String submitted(String missionId, String requestId, String role, int count, String language, int minYears,
                            String memberType) {
        return KafkaEvents.publish("cpa.mission.events", "ca.cpa.mission-request.submitted.v1", "/cpa/mission-service",
                requestId, submittedData(missionId, requestId, role, count, language, minYears, memberType));
    }

    static String submittedData(String missionId, String requestId, String role, int count, String language,
                                int minYears, String memberType) {
        return """
                {"missionRequestId": "%s", "missionId": "%s", "missionCode": "TEST",
                 "requestingOrganization": {"type": "UNITED_NATIONS", "name": "UN-DPO"},
                 "positions": [{"role": "%s", "count": %d, "languages": ["%s"], "minYearsOfService": %d, "memberType": "%s"}],
                 "totalPositions": %d, "durationMonths": 12, "submittedAt": "2026-11-27T10:00:00Z"}"""
                .formatted(requestId, missionId, role, count, language, minYears, memberType, count);
    }

    static void granted(String missionId, String requestId, int ceiling, int number) {
        String caseId = newId();
        KafkaEvents.publish("cpa.authorization.events", "ca.cpa.authorization.granted.v1", "/cpa/authorization-service",
                caseId, grantedData(caseId, missionId, requestId, ceiling, number));
    }

    static String grantedData(String caseId, String missionId, String requestId, int ceiling, int number) {
        return """
                {"caseId": "%s", "kind": "DEPLOYMENT", "missionId": "%s", "missionRequestId": "%s", "newCeiling": %d,
                 "previousCeiling": 0, "authorizationNumber": %d, "effectiveDate": "2026-11-27"}"""
                .formatted(caseId, missionId, requestId, ceiling, number);
    }

    static void withdrawn(String missionId, String requestId) {
        KafkaEvents.publish("cpa.mission.events", "ca.cpa.mission-request.withdrawn.v1", "/cpa/mission-service", requestId,
                "{\"missionRequestId\": \"%s\", \"missionId\": \"%s\", \"reason\": \"No longer needed\"}"
                        .formatted(requestId, missionId));
    }

    /** An authorized request for French-speaking sworn officers with 5 years of service. */
    static String authorizedRequest(String missionId, String role, int count, int ceiling, int number) {
        String requestId = newId();
        submitted(missionId, requestId, role, count, "fr", 5, "SWORN_OFFICER");
        granted(missionId, requestId, ceiling, number);
        awaitKnown(requestId, role);
        return requestId;
    }

    /** Waits until personnel-service knows the request as authorized, probing with a throwaway nomination. */
    static void awaitKnown(String requestId, String role) {
        await().atMost(EVENTUALLY).pollInterval(Duration.ofMillis(250)).until(() -> {
            String probe = officer(List.of("fr"), 10, "SWORN_OFFICER", TODAY.plusYears(3), TODAY.plusYears(3));
            var response = officerDesk().body(candidacyJson(probe, requestId, role)).post("/api/v1/candidacies");
            return response.statusCode() == 201 && "ELIGIBLE".equals(response.path("status"));
        });
    }

    static String officer(List<String> languages, int years, String memberType, LocalDate clearanceExpiry,
                          LocalDate medicalExpiry) {
        String languageList = String.join(", ", languages.stream().map(l -> "\"" + l + "\"").toList());
        return officerDesk().body("""
                        {"policeServiceCode": "RCMP", "serviceNumber": "SN-%s", "givenName": "Marie",
                         "familyName": "%s-%s", "memberType": "%s", "rank": "Sergeant", "yearsOfService": %d,
                         "languages": [%s], "specialties": ["COMMUNITY_POLICING"],
                         "securityClearance": {"level": "SECRET", "expiry": "%s"}, "medicalClearanceExpiry": "%s"}"""
                        .formatted(newId().substring(0, 12), FAMILY_NAME_PREFIX, newId().substring(0, 8), memberType,
                                years, languageList, clearanceExpiry, medicalExpiry))
                .post("/api/v1/officers").then().statusCode(201).extract().path("id");
    }

    /** A French-speaking sworn officer with 10 years of service and long clearances. */
    static String eligibleOfficer() {
        return officer(List.of("en", "fr"), 10, "SWORN_OFFICER", TODAY.plusYears(3), TODAY.plusYears(3));
    }

    static String candidacyJson(String officerId, String requestId, String role) {
        return "{\"officerId\": \"%s\", \"missionRequestId\": \"%s\", \"role\": \"%s\"}".formatted(officerId, requestId, role);
    }

    static String nominate(String officerId, String requestId, String role) {
        return officerDesk().body(candidacyJson(officerId, requestId, role)).post("/api/v1/candidacies")
                .then().statusCode(201).extract().path("id");
    }

    static void select(String candidacyId) {
        officerDesk().body("{\"decision\": \"SELECT\"}").post("/api/v1/candidacies/" + candidacyId + "/selection")
                .then().statusCode(200);
    }

    /** A pre-deployment course that ended last week, with room for everyone a test trains. */
    static String recentCourse() {
        return officerDesk().body("""
                        {"title": "Pre-deployment", "kind": "PRE_DEPLOYMENT", "startDate": "%s", "endDate": "%s", "capacity": 500}"""
                        .formatted(TODAY.minusWeeks(3), TODAY.minusWeeks(1)))
                .post("/api/v1/training-courses").then().statusCode(201).extract().path("id");
    }

    /** Enrols the officer on the course and records a PASSED result; answers the enrolment id. */
    static String train(String courseId, String officerId) {
        String enrolment = officerDesk().body("{\"officerId\": \"%s\"}".formatted(officerId))
                .post("/api/v1/training-courses/" + courseId + "/enrolments").then().statusCode(201).extract().path("id");
        officerDesk().body("{\"outcome\": \"PASSED\"}").post("/api/v1/enrolments/" + enrolment + "/result")
                .then().statusCode(200);
        return enrolment;
    }

    /** An eligible officer, nominated, selected and trained for the request: ready to deploy. */
    static String deployableCandidacy(String requestId, String role, String courseId) {
        String officer = eligibleOfficer();
        String candidacy = nominate(officer, requestId, role);
        select(candidacy);
        train(courseId, officer);
        return candidacy;
    }

    /** One officer's tour, from the nomination to the return home, and the ids its events carry as subjects. */
    record Tour(String officerId, String candidacyId, String enrolmentId, String deploymentId) {

        /** Every type of event personnel-service publishes, each as the subject of this tour it is about. */
        Map<String, String> events() {
            return Map.of("ca.cpa.candidate.selected.v1", candidacyId,
                    "ca.cpa.training.completed.v1", enrolmentId,
                    "ca.cpa.deployment.planned.v1", deploymentId,
                    "ca.cpa.deployment.started.v1", deploymentId,
                    "ca.cpa.deployment.welfare-alert.v1", deploymentId,
                    "ca.cpa.deployment.ended.v1", deploymentId);
        }
    }

    /**
     * An eligible officer nominated, selected, trained, deployed on the authorized request, arrived,
     * checked in URGENT and repatriated: one event of every type personnel-service publishes. The
     * officer is home again at the end, so the tour leaves no place taken under the ceilings and the cap.
     */
    static Tour fullTour(String requestId, String role, String courseId) {
        String officer = eligibleOfficer();
        String candidacy = nominate(officer, requestId, role);
        select(candidacy);
        String enrolment = train(courseId, officer);
        String deployment = plan(candidacy).then().statusCode(201).extract().path("id");
        officerDesk().post("/api/v1/deployments/" + deployment + "/arrival").then().statusCode(200);
        officerDesk().body("{\"wellbeing\": \"URGENT\", \"notes\": \"Needs medical evacuation.\"}")
                .post("/api/v1/deployments/" + deployment + "/check-ins").then().statusCode(201);
        officerDesk().body("{\"returnDate\": \"%s\", \"reason\": \"EARLY_RETURN\"}".formatted(TODAY))
                .post("/api/v1/deployments/" + deployment + "/repatriation").then().statusCode(200);
        return new Tour(officer, candidacy, enrolment, deployment);
    }

    /** Waits until every event of the tours stands on personnel-service's topic. */
    static void awaitEvents(List<Tour> tours) {
        await().atMost(EVENTUALLY).pollInterval(Duration.ofMillis(500)).until(() -> {
            Set<String> published = new HashSet<>();
            KafkaEvents.all(PERSONNEL_TOPIC).forEach(event -> published.add(event.type() + " " + event.subject()));
            return tours.stream().flatMap(tour -> tour.events().entrySet().stream())
                    .allMatch(event -> published.contains(event.getKey() + " " + event.getValue()));
        });
    }

    static Response plan(String candidacyId) {
        return officerDesk().body("{\"candidacyId\": \"%s\", \"startDate\": \"%s\", \"endDate\": \"%s\"}"
                        .formatted(candidacyId, TODAY.plusWeeks(2), TODAY.plusWeeks(2).plusMonths(12)))
                .post("/api/v1/deployments");
    }
}
