package ca.cpa.e2e;

import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static ca.cpa.e2e.Api.as;
import static ca.cpa.e2e.Api.eventually;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Program's reports through the gateway, following the whole workflow, and naming no officer. */
@ExtendWith(RunningSuite.class)
class ReportingTest {

    private static final int THIS_YEAR = LocalDate.now(ZoneOffset.UTC).getYear();

    @Test
    void theProgramReportFollowsTheWorkflowAndNoReportNamesAnOfficer() {
        JsonPath historyBefore = history(THIS_YEAR);
        Workflows.DrcRequest drc = Workflows.drcRequestAuthorizedByTheThreePartners();
        Workflows.drcOfficersDeployedUpToTheCeiling(drc);

        // two officers arrived in theatre this year; one of them is home again
        eventually(() -> {
            Map<String, Object> mission = as("gac-approver").get("/api/v1/reports/program").then().statusCode(200)
                    .extract().jsonPath().param("id", drc.missionId()).getMap("byMission.find { it.missionId == id }");
            assertNotNull(mission);
            assertEquals(Map.of("missionId", drc.missionId(), "hostCountry", "CD", "authorizedCeiling", 2,
                    "deployed", 1, "planned", 0), without(mission, "code"));
        });
        // other tests' arrivals this year may add to it meanwhile: at least these two
        eventually(() -> assertTrue(history(THIS_YEAR).getLong("deployments") >= historyBefore.getLong("deployments") + 2));

        List<String> officerIds = as("personnel-officer").queryParam("missionId", drc.missionId())
                .get("/api/v1/deployments").then().statusCode(200).extract().path("items.officerId");
        assertEquals(2, officerIds.size());
        List<String> bodies = List.of(
                as("auditor").get("/api/v1/reports/program").asString(),
                as("auditor").accept("text/csv").get("/api/v1/reports/program.csv").asString(),
                as("auditor").get("/api/v1/reports/program/history").asString(),
                as("auditor").accept("text/csv").get("/api/v1/reports/program/history.csv").asString());
        for (String body : bodies) {
            for (String personal : List.of("Tremblay", "Roy", "Alex", "SN-", officerIds.get(0), officerIds.get(1))) {
                assertFalse(body.contains(personal), "a report shows " + personal + ": " + body);
            }
        }
    }

    @Test
    void theSampleHistoryImportsThroughTheGatewayOnceAndShowsSince1989() throws Exception {
        String sample = Files.readString(Path.of(System.getProperty("cpa.root", "..")).resolve("docs/samples/cpa-history-sample.csv"));
        // the demo may have imported it already: what counts is that a second import adds nothing
        as("mission-planner").contentType("text/csv").body(sample).post("/api/v1/history/imports").then().statusCode(201);
        JsonPath once = history(1989, THIS_YEAR);
        as("mission-planner").contentType("text/csv").body(sample).post("/api/v1/history/imports").then()
                .statusCode(201).body("rowsImported", equalTo(0));
        JsonPath twice = history(1989, THIS_YEAR);
        assertEquals(once.getLong("deployments"), twice.getLong("deployments"));
        assertEquals(1989, once.getInt("byYear[0].year"));
        assertFalse(once.getList("byCountry").isEmpty());

        String missionCode = "E2E" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        as("mission-planner").contentType("text/csv").body("""
                        missionCode,missionName,hostCountry,partnerOrganization,policeServiceCode,officerRef,memberType,startDate,endDate
                        %s,Test mission,HT,United Nations,RCMP,%s,SWORN_OFFICER,2005-04-01,2005-10-01
                        """.formatted(missionCode, UUID.randomUUID()))
                .post("/api/v1/history/imports").then().statusCode(201).body("rowsImported", equalTo(1));
        assertEquals(twice.getLong("deployments") + 1, history(1989, THIS_YEAR).getLong("deployments"));
        as("requesting-partner").get("/api/v1/reports/program").then().statusCode(403);
    }

    static JsonPath history(int year) {
        return history(year, year);
    }

    static JsonPath history(int from, int to) {
        return as("mission-planner").queryParam("from", from).queryParam("to", to)
                .get("/api/v1/reports/program/history").then().statusCode(200).extract().jsonPath();
    }

    private static Map<String, Object> without(Map<String, Object> map, String key) {
        Map<String, Object> copy = new HashMap<>(map);
        copy.remove(key);
        return copy;
    }
}
