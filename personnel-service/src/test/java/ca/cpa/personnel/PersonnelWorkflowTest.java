package ca.cpa.personnel;

import ca.cpa.testing.KafkaEvents;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static ca.cpa.personnel.Api.EVENTUALLY;
import static ca.cpa.personnel.Api.PERSONNEL_TOPIC;
import static ca.cpa.personnel.Api.TODAY;
import static ca.cpa.personnel.Api.newId;
import static ca.cpa.personnel.Api.officerDesk;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class PersonnelWorkflowTest {

    @Test
    void fromAnAuthorizedRequestToAnOfficerHomeAgain() {
        String missionId = newId();
        String requestId = Api.authorizedRequest(missionId, "COMMUNITY_POLICING", 2, 5, 1);

        String officer = Api.eligibleOfficer();
        String candidacy = officerDesk().body(Api.candidacyJson(officer, requestId, "COMMUNITY_POLICING"))
                .post("/api/v1/candidacies").then().statusCode(201)
                .body("status", equalTo("ELIGIBLE")).body("reasons", empty()).extract().path("id");
        officerDesk().body("{\"decision\": \"SELECT\"}").post("/api/v1/candidacies/" + candidacy + "/selection")
                .then().statusCode(200).body("status", equalTo("SELECTED"));
        KafkaEvents.await(PERSONNEL_TOPIC,
                e -> candidacy.equals(e.subject()) && "ca.cpa.candidate.selected.v1".equals(e.type()), EVENTUALLY);

        Api.plan(candidacy).then().statusCode(409).body("detail", equalTo(
                "The officer needs a PASSED pre-deployment course that ended in the 12 months before the start."));
        String course = Api.recentCourse();
        Api.train(course, officer);
        KafkaEvents.await(PERSONNEL_TOPIC, e -> "ca.cpa.training.completed.v1".equals(e.type())
                && e.data().contains(officer) && e.data().contains("PASSED"), EVENTUALLY);

        String key = newId();
        String body = "{\"candidacyId\": \"%s\", \"startDate\": \"%s\", \"endDate\": \"%s\"}"
                .formatted(candidacy, TODAY.plusWeeks(2), TODAY.plusWeeks(2).plusMonths(12));
        String deployment = officerDesk().header("Idempotency-Key", key).body(body).post("/api/v1/deployments")
                .then().statusCode(201)
                .body("status", equalTo("PLANNED")).body("missionId", equalTo(missionId)).extract().path("id");
        officerDesk().header("Idempotency-Key", key).body(body).post("/api/v1/deployments")
                .then().statusCode(201).header("Idempotent-Replayed", "true").body("id", equalTo(deployment));
        Api.plan(candidacy).then().statusCode(409);
        officerDesk().body("{\"wellbeing\": \"GOOD\"}").post("/api/v1/deployments/" + deployment + "/check-ins")
                .then().statusCode(409);
        officerDesk().post("/api/v1/deployments/" + deployment + "/arrival")
                .then().statusCode(200).body("status", equalTo("IN_THEATRE")).body("arrivalDate", equalTo(TODAY.toString()));
        officerDesk().post("/api/v1/deployments/" + deployment + "/arrival").then().statusCode(409);

        String checkIn = officerDesk().body("{\"wellbeing\": \"GOOD\", \"notes\": \"Settled in well.\"}")
                .post("/api/v1/deployments/" + deployment + "/check-ins").then().statusCode(201).extract().header("Location");
        officerDesk().get(checkIn).then().statusCode(200).body("notes", equalTo("Settled in well."));
        officerDesk().body("{\"wellbeing\": \"URGENT\", \"notes\": \"Injured in a road accident.\"}")
                .post("/api/v1/deployments/" + deployment + "/check-ins").then().statusCode(201);
        officerDesk().get("/api/v1/deployments/" + deployment + "/check-ins")
                .then().body("items.wellbeing", contains("URGENT", "GOOD"));
        KafkaEvents.ReceivedEvent alert = KafkaEvents.await(PERSONNEL_TOPIC,
                e -> deployment.equals(e.subject()) && "ca.cpa.deployment.welfare-alert.v1".equals(e.type()), EVENTUALLY);
        assertTrue(!alert.data().contains("road accident"), "an alert carries no notes: " + alert.data());

        officerDesk().body("{\"returnDate\": \"%s\", \"reason\": \"EARLY_RETURN\"}".formatted(TODAY))
                .post("/api/v1/deployments/" + deployment + "/repatriation")
                .then().statusCode(200).body("status", equalTo("COMPLETED")).body("returnReason", equalTo("EARLY_RETURN"));

        for (String type : new String[]{"planned", "started", "ended"}) {
            KafkaEvents.ReceivedEvent event = KafkaEvents.await(PERSONNEL_TOPIC,
                    e -> deployment.equals(e.subject()) && ("ca.cpa.deployment." + type + ".v1").equals(e.type()), EVENTUALLY);
            assertEquals(deployment, event.key());
            assertEquals("/cpa/personnel-service", event.header("ce_source"));
            assertTrue(event.data().contains("\"missionRequestId\":\"" + requestId + "\""), event.data());
            assertTrue(event.data().contains("\"role\":\"COMMUNITY_POLICING\""), event.data());
        }
    }

    @Test
    void policeServicesIncludeTheRcmpAndTakeNewPartners() {
        officerDesk().get("/api/v1/police-services/RCMP").then().statusCode(200)
                .body("nameFr", equalTo("Gendarmerie royale du Canada"));
        String code = "SQ" + newId().substring(0, 4).toUpperCase().replaceAll("[^A-Z0-9]", "X");
        officerDesk().body("""
                        {"code": "%s", "nameEn": "Sûreté du Québec", "nameFr": "Sûreté du Québec", "province": "QC"}"""
                        .formatted(code))
                .post("/api/v1/police-services").then().statusCode(201).body("province", equalTo("QC"));
        officerDesk().body("""
                        {"code": "%s", "nameEn": "Again", "nameFr": "Encore", "province": "QC"}""".formatted(code))
                .post("/api/v1/police-services").then().statusCode(409);
    }
}
