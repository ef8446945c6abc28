package ca.cpa.personnel;

import ca.cpa.platform.security.Roles;
import ca.cpa.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;

import static ca.cpa.personnel.Api.TODAY;
import static ca.cpa.personnel.Api.as;
import static ca.cpa.personnel.Api.officerDesk;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
class OfficerRecordsTest {

    @Test
    void onlyPersonnelOfficersAndAuditorsReadOfficersAndEveryReadIsLogged() {
        String officer = Api.eligibleOfficer();
        for (String role : List.of(Roles.MISSION_PLANNER, Roles.GAC_APPROVER, Roles.PS_APPROVER, Roles.RCMP_APPROVER,
                Roles.REQUESTING_PARTNER)) {
            as(role).get("/api/v1/officers/" + officer).then().statusCode(403).contentType("application/problem+json");
            as(role).get("/api/v1/officers").then().statusCode(403);
        }
        given().get("/api/v1/officers/" + officer).then().statusCode(401);

        officerDesk().get("/api/v1/officers/" + officer).then().statusCode(200).body("familyName", startsWith(Api.FAMILY_NAME_PREFIX));
        as(Roles.AUDITOR).get("/api/v1/officers/" + officer).then().statusCode(200);
        as(Roles.AUDITOR).queryParam("officerId", officer).get("/api/v1/officer-access-log")
                .then().statusCode(200)
                .body("items.action", hasItem("CREATE"))
                .body("items.findAll { it.action == 'READ' }.actor", hasItem("test-personnel-officer"))
                .body("items.findAll { it.action == 'READ' }.actor", hasItem("test-auditor"))
                .body("items.officerId", everyItem(equalTo(officer)));
        officerDesk().get("/api/v1/officer-access-log").then().statusCode(403);
    }

    @Test
    void officersAreUniqueByServiceAndNumberAndChangedWithIfMatch() {
        String body = """
                {"policeServiceCode": "RCMP", "serviceNumber": "DUP-%s", "givenName": "Luc", "familyName": "%s-Dup",
                 "memberType": "SWORN_OFFICER", "rank": "Constable", "yearsOfService": 4, "languages": ["fr"]}"""
                .formatted(Api.newId().substring(0, 8), Api.FAMILY_NAME_PREFIX);
        String id = officerDesk().body(body).post("/api/v1/officers").then().statusCode(201).extract().path("id");
        officerDesk().body(body).post("/api/v1/officers").then().statusCode(409);
        officerDesk().body(body.replace("\"RCMP\"", "\"NOPE\"")).post("/api/v1/officers")
                .then().statusCode(400).body("errors[0].field", equalTo("policeServiceCode"));
        String etag = officerDesk().get("/api/v1/officers/" + id).then().extract().header("ETag");
        officerDesk().header("If-Match", etag).body("{\"rank\": \"Corporal\"}").patch("/api/v1/officers/" + id)
                .then().statusCode(200).body("rank", equalTo("Corporal"));
        officerDesk().header("If-Match", etag).body("{\"rank\": \"Sergeant\"}").patch("/api/v1/officers/" + id)
                .then().statusCode(412);
    }

    @Test
    void plannersFindAvailableOfficersBySkills() {
        String service = "SPVM" + Api.newId().substring(0, 4).toUpperCase().replaceAll("[^A-Z0-9]", "X");
        officerDesk().body("""
                        {"code": "%s", "nameEn": "Montreal Police", "nameFr": "Police de Montréal", "province": "QC"}"""
                        .formatted(service)).post("/api/v1/police-services").then().statusCode(201);
        String arabicSpeaker = officerDesk().body("""
                        {"policeServiceCode": "%s", "serviceNumber": "AR-1", "givenName": "Samir", "familyName": "%s-Haddad",
                         "memberType": "SWORN_OFFICER", "rank": "Sergeant", "yearsOfService": 9, "languages": ["fr", "ar"],
                         "specialties": ["HUMAN_RIGHTS_INVESTIGATION"]}""".formatted(service, Api.FAMILY_NAME_PREFIX))
                .post("/api/v1/officers").then().statusCode(201).extract().path("id");
        officerDesk().queryParam("policeService", service).queryParam("language", "ar")
                .queryParam("specialty", "HUMAN_RIGHTS_INVESTIGATION")
                .queryParam("availableFrom", TODAY.toString()).queryParam("availableTo", TODAY.plusMonths(6).toString())
                .get("/api/v1/officers")
                .then().statusCode(200).body("items.id", equalTo(List.of(arabicSpeaker)));
        officerDesk().queryParam("policeService", service).queryParam("language", "es").get("/api/v1/officers")
                .then().body("items.id", not(hasItem(arabicSpeaker)));
        officerDesk().queryParam("availableFrom", TODAY.toString()).get("/api/v1/officers")
                .then().statusCode(400).body("errors[0].field", equalTo("availableTo"));
        given().auth().oauth2(Tokens.of(Roles.PERSONNEL_OFFICER)).queryParam("availableFrom", "tomorrow")
                .get("/api/v1/officers").then().statusCode(400).body("errors[0].field", equalTo("availableFrom"));
    }
}
