package ca.cpa.reporting;

import ca.cpa.platform.security.Roles;
import ca.cpa.testing.KafkaEvents;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static ca.cpa.reporting.Api.EVENTUALLY;
import static ca.cpa.reporting.Api.as;
import static ca.cpa.reporting.Api.missionFigures;
import static ca.cpa.reporting.Api.newId;
import static ca.cpa.reporting.Api.planner;
import static ca.cpa.reporting.Api.program;
import static ca.cpa.reporting.Api.uniqueCode;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Program now, built from the three services' events as they arrive through Kafka. */
@QuarkusTest
class ProgramReportTest {

    @Test
    void aMissionsDeploymentsAreCountedAsTheirEventsArrive() {
        String missionId = newId();
        String code = uniqueCode("R");
        String service = uniqueCode("S");
        String first = newId();
        String second = newId();
        String officer = newId();
        Instant before = Instant.now().minusSeconds(1);

        Api.missionCreated(missionId, code, "HT");
        Api.planned(first, officer, missionId, service, "SWORN_OFFICER");
        Api.planned(second, newId(), missionId, service, "CIVILIAN_MEMBER");
        Api.started(first, officer, missionId, LocalDate.now(ZoneOffset.UTC));
        awaitMission(missionId, 1, 1);

        JsonPath report = program();
        Map<String, Object> mission = missionFigures(report, missionId);
        assertEquals(code, mission.get("code"));
        assertEquals("HT", mission.get("hostCountry"));
        assertEquals(Map.of("policeServiceCode", service, "deployed", 1, "planned", 1), policeService(report, service));
        assertEquals(report.getInt("deployedNow") + report.getInt("plannedNow"), report.getInt("capInUse"));
        assertEquals(150, report.getInt("programCap"));
        assertFalse(Instant.parse(report.getString("asOf")).isBefore(before), "asOf follows the events: " + report.getString("asOf"));

        Api.ended(first, officer, missionId);
        Api.cancelled(second, newId(), missionId);
        awaitMission(missionId, 0, 0);
        assertNull(policeService(program(), service), "a service with no one deployed or planned is not listed");
    }

    @Test
    void theCeilingInForceIsTheLatestAuthorizationWhateverOrderItsEventsArriveIn() {
        String missionId = newId();
        Api.missionCreated(missionId, uniqueCode("C"), "CD");
        Api.ceilingGranted(missionId, 20, 3, newId());
        await().atMost(EVENTUALLY).untilAsserted(() ->
                assertEquals(20, missionFigures(program(), missionId).get("authorizedCeiling")));

        // an older grant arrives late; a grant of another mission after it, on its case's key, shows it was read
        String lateCase = newId();
        String marker = newId();
        Api.ceilingGranted(missionId, 15, 2, lateCase);
        Api.missionCreated(marker, uniqueCode("C"), "CD");
        Api.ceilingGranted(marker, 4, 1, lateCase);
        await().atMost(EVENTUALLY).untilAsserted(() ->
                assertEquals(4, missionFigures(program(), marker).get("authorizedCeiling")));
        assertEquals(20, missionFigures(program(), missionId).get("authorizedCeiling"));
    }

    @Test
    void aClosedMissionLeavesTheReportOnceNoOneIsDeployedThere() {
        String missionId = newId();
        String code = uniqueCode("X");
        String deployment = newId();
        String officer = newId();
        Api.missionCreated(missionId, code, "PS");
        Api.planned(deployment, officer, missionId, "RCMP", "SWORN_OFFICER");
        Api.started(deployment, officer, missionId, LocalDate.now(ZoneOffset.UTC));
        Api.missionStatusChanged(missionId, code, "CLOSED");
        awaitMission(missionId, 1, 0);
        Api.ended(deployment, officer, missionId);
        await().atMost(EVENTUALLY).untilAsserted(() -> assertNull(missionFigures(program(), missionId)));
    }

    @Test
    void anEventDeliveredAgainChangesNothing() {
        String missionId = newId();
        Api.missionCreated(missionId, uniqueCode("D"), "HT");
        String deployment = newId();
        String officer = newId();
        String startedId = newId();
        String started = Api.startedData(deployment, officer, missionId, LocalDate.now(ZoneOffset.UTC));
        Api.planned(deployment, officer, missionId, "RCMP", "SWORN_OFFICER");
        KafkaEvents.publish("cpa.personnel.events", startedId, "ca.cpa.deployment.started.v1", "/cpa/personnel-service",
                deployment, started);
        Api.ended(deployment, officer, missionId);
        // the arrival delivered again after the return, then another deployment on the same key (so after it)
        KafkaEvents.publish("cpa.personnel.events", startedId, "ca.cpa.deployment.started.v1", "/cpa/personnel-service",
                deployment, started);
        KafkaEvents.publish("cpa.personnel.events", newId(), "ca.cpa.deployment.planned.v1", "/cpa/personnel-service",
                deployment, Api.plannedData(newId(), newId(), missionId, "RCMP", "SWORN_OFFICER"));
        awaitMission(missionId, 0, 1);
    }

    @Test
    void aDeploymentBeforeItsMissionIsKnownIsCountedAndNamedOnceItIs() {
        String missionId = newId();
        String code = uniqueCode("L");
        Api.planned(newId(), newId(), missionId, "RCMP", "SWORN_OFFICER");
        awaitMission(missionId, 0, 1);
        Api.missionCreated(missionId, code, "SS");
        await().atMost(EVENTUALLY).untilAsserted(() -> assertEquals(code, missionFigures(program(), missionId).get("code")));
    }

    @Test
    void theReportAsCsvHasTheSameFigures() {
        String missionId = newId();
        String code = uniqueCode("V");
        Api.missionCreated(missionId, code, "HT");
        Api.planned(newId(), newId(), missionId, "RCMP", "SWORN_OFFICER");
        awaitMission(missionId, 0, 1);
        String csv = planner().accept("text/csv").get("/api/v1/reports/program.csv").then().statusCode(200)
                .contentType(startsWith("text/csv")).extract().asString();
        List<String> lines = csv.lines().toList();
        assertEquals("asOf,dimension,key,hostCountry,authorizedCeiling,deployed,planned", lines.get(0));
        assertTrue(lines.get(1).contains(",program,ALL,,150,"), lines.get(1));
        assertTrue(lines.stream().anyMatch(line -> line.endsWith(",mission," + code + ",HT,,0,1")), csv);
    }

    @Test
    void theReportIsReadByPlannersApproversAndAuditorsOnly() {
        for (String role : List.of(Roles.MISSION_PLANNER, Roles.GAC_APPROVER, Roles.PS_APPROVER, Roles.RCMP_APPROVER,
                Roles.AUDITOR)) {
            as(role).get("/api/v1/reports/program").then().statusCode(200);
            as(role).accept("text/csv").get("/api/v1/reports/program.csv").then().statusCode(200);
        }
        for (String role : List.of(Roles.PERSONNEL_OFFICER, Roles.REQUESTING_PARTNER)) {
            as(role).get("/api/v1/reports/program").then().statusCode(403)
                    .contentType("application/problem+json");
        }
        given().get("/api/v1/reports/program").then().statusCode(401);
    }

    @Test
    void aReadAnswersAnEntityTagThatFollowsTheFigures() {
        String tag = planner().get("/api/v1/reports/program").then().statusCode(200).extract().header("ETag");
        assertNotNull(tag);
        String missionId = newId();
        Api.missionCreated(missionId, uniqueCode("E"), "HT");
        await().atMost(EVENTUALLY).untilAsserted(() -> assertNotNull(missionFigures(program(), missionId)));
        planner().get("/api/v1/reports/program").then().header("ETag", org.hamcrest.Matchers.not(equalTo(tag)));
    }

    @Test
    void aProblemIsInTheCallersLanguage() {
        as(Roles.PERSONNEL_OFFICER).header("Accept-Language", "fr").get("/api/v1/reports/program")
                .then().statusCode(403).header("Content-Language", "fr").body("title", equalTo("Interdit"));
    }

    private static void awaitMission(String missionId, int deployed, int planned) {
        await().atMost(EVENTUALLY).untilAsserted(() -> {
            Map<String, Object> mission = missionFigures(program(), missionId);
            assertNotNull(mission, "mission " + missionId + " listed");
            assertEquals(deployed, mission.get("deployed"));
            assertEquals(planned, mission.get("planned"));
        });
    }

    private static Map<String, Object> policeService(JsonPath report, String code) {
        return report.param("code", code).getMap("byPoliceService.find { it.policeServiceCode == code }");
    }
}
