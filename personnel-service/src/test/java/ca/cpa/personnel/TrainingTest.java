package ca.cpa.personnel;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static ca.cpa.personnel.Api.TODAY;
import static ca.cpa.personnel.Api.officerDesk;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
class TrainingTest {

    @Test
    void aFullCourseTakesNoMoreOfficersAndAResultIsRecordedOnce() {
        String course = officerDesk().body("""
                        {"title": "Haiti mission briefing", "kind": "MISSION_SPECIFIC", "startDate": "%s", "endDate": "%s",
                         "capacity": 1}""".formatted(TODAY.plusDays(10), TODAY.plusDays(12)))
                .post("/api/v1/training-courses").then().statusCode(201).extract().path("id");
        String first = Api.eligibleOfficer();
        String enrolment = officerDesk().body("{\"officerId\": \"%s\"}".formatted(first))
                .post("/api/v1/training-courses/" + course + "/enrolments").then().statusCode(201).extract().path("id");
        officerDesk().body("{\"officerId\": \"%s\"}".formatted(first))
                .post("/api/v1/training-courses/" + course + "/enrolments").then().statusCode(409);
        officerDesk().header("Accept-Language", "fr").body("{\"officerId\": \"%s\"}".formatted(Api.eligibleOfficer()))
                .post("/api/v1/training-courses/" + course + "/enrolments")
                .then().statusCode(409).header("Content-Language", "fr")
                .body("detail", equalTo("Le cours est complet (1 place(s))."));

        officerDesk().body("{\"outcome\": \"FAILED\"}").post("/api/v1/enrolments/" + enrolment + "/result")
                .then().statusCode(200).body("outcome", equalTo("FAILED"));
        officerDesk().body("{\"outcome\": \"PASSED\"}").post("/api/v1/enrolments/" + enrolment + "/result")
                .then().statusCode(409);
        officerDesk().body("""
                        {"title": "Backwards", "kind": "PRE_DEPLOYMENT", "startDate": "%s", "endDate": "%s", "capacity": 5}"""
                        .formatted(TODAY, TODAY.minusDays(1)))
                .post("/api/v1/training-courses").then().statusCode(400).body("errors[0].field", equalTo("endDate"));
        officerDesk().body("{\"title\": \"Far away\", \"kind\": \"PRE_DEPLOYMENT\", \"startDate\": \"2027-01-01\","
                        + " \"endDate\": \"+9999999-01-01\", \"capacity\": 5}")
                .post("/api/v1/training-courses").then().statusCode(400).contentType("application/problem+json")
                .body("detail", startsWith("A value is outside the range"));
    }
}
