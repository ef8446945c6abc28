package ca.cpa.personnel;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;

import static ca.cpa.personnel.Api.EVENTUALLY;
import static ca.cpa.personnel.Api.TODAY;
import static ca.cpa.personnel.Api.newId;
import static ca.cpa.personnel.Api.officer;
import static ca.cpa.personnel.Api.officerDesk;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

/** One officer ineligible for each reason, each for that reason alone. */
@QuarkusTest
class ScreeningTest {

    private static final String ROLE = "COMMUNITY_POLICING";

    @Test
    void everyReasonOfIneligibilityHasItsCode() {
        String missionId = newId();
        String request = Api.authorizedRequest(missionId, ROLE, 3, 10, 1);
        String longAhead = TODAY.plusYears(3).toString();

        expect(officer(List.of("en"), 10, "SWORN_OFFICER", TODAY.plusYears(3), TODAY.plusYears(3)), request, ROLE, "LANGUAGE");
        expect(officer(List.of("fr"), 2, "SWORN_OFFICER", TODAY.plusYears(3), TODAY.plusYears(3)), request, ROLE, "YEARS_OF_SERVICE");
        expect(officer(List.of("fr"), 10, "CIVILIAN_MEMBER", TODAY.plusYears(3), TODAY.plusYears(3)), request, ROLE, "MEMBER_TYPE");
        expect(officer(List.of("fr"), 10, "SWORN_OFFICER", TODAY.plusMonths(3), TODAY.plusYears(3)), request, ROLE,
                "SECURITY_CLEARANCE_EXPIRES");
        expect(officer(List.of("fr"), 10, "SWORN_OFFICER", TODAY.plusYears(3), TODAY.plusMonths(6)), request, ROLE,
                "MEDICAL_CLEARANCE_EXPIRES");
        expect(Api.eligibleOfficer(), request, "ELECTIONS_SUPPORT", "ROLE_NOT_REQUESTED");

        String course = Api.recentCourse();
        String deployedCandidacy = Api.deployableCandidacy(request, ROLE, course);
        Api.plan(deployedCandidacy).then().statusCode(201);
        String busyOfficer = officerDesk().get("/api/v1/candidacies/" + deployedCandidacy).then().extract().path("officerId");
        String otherRequest = Api.authorizedRequest(newId(), ROLE, 1, 5, 1);
        expect(busyOfficer, otherRequest, ROLE, "ALREADY_DEPLOYED_OR_PLANNED");

        String notAuthorized = newId();
        Api.submitted(newId(), notAuthorized, ROLE, 1, "fr", 5, "SWORN_OFFICER");
        awaitStatus(notAuthorized, "REQUEST_NOT_AUTHORIZED");

        String withdrawnMission = newId();
        String withdrawn = newId();
        Api.submitted(withdrawnMission, withdrawn, ROLE, 1, "fr", 5, "SWORN_OFFICER");
        Api.withdrawn(withdrawnMission, withdrawn);
        awaitStatus(withdrawn, "REQUEST_WITHDRAWN");
    }

    private static void expect(String officerId, String requestId, String role, String reason) {
        officerDesk().body(Api.candidacyJson(officerId, requestId, role)).post("/api/v1/candidacies")
                .then().statusCode(201)
                .body("status", equalTo("INELIGIBLE"))
                .body("reasons", contains(reason));
    }

    /** Nominates fresh eligible officers until the request's state has arrived, then checks the reason. */
    private static void awaitStatus(String requestId, String reason) {
        await().atMost(EVENTUALLY).until(() -> {
            var response = officerDesk().body(Api.candidacyJson(Api.eligibleOfficer(), requestId, ROLE))
                    .post("/api/v1/candidacies");
            return response.statusCode() == 201 && List.of(reason).equals(response.path("reasons"));
        });
    }
}
