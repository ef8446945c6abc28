package ca.cpa.personnel;

import ca.cpa.platform.security.Roles;
import ca.cpa.testing.Calls;
import ca.cpa.testing.KafkaEvents;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static ca.cpa.personnel.Api.EVENTUALLY;
import static ca.cpa.personnel.Api.as;
import static ca.cpa.personnel.Api.newId;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class EventsAndRedeliveryTest {

    @Test
    void aRedeliveredEventChangesNothing() {
        String missionId = newId();
        String requestId = newId();
        String submittedId = Api.submitted(missionId, requestId, "ELECTIONS_SUPPORT", 1, "fr", 5, "SWORN_OFFICER");
        String caseId = newId();
        String grantedId = newId();
        KafkaEvents.publish("cpa.authorization.events", grantedId, "ca.cpa.authorization.granted.v1",
                "/cpa/authorization-service", caseId, Api.grantedData(caseId, missionId, requestId, 1, 1));
        Api.awaitKnown(requestId, "ELECTIONS_SUPPORT");

        double duplicates = Calls.inboxCount("duplicate", null);
        KafkaEvents.publish("cpa.mission.events", submittedId, "ca.cpa.mission-request.submitted.v1", "/cpa/mission-service",
                requestId, Api.submittedData(missionId, requestId, "ELECTIONS_SUPPORT", 9, "en", 0, "CIVILIAN_MEMBER"));
        KafkaEvents.publish("cpa.authorization.events", grantedId, "ca.cpa.authorization.granted.v1",
                "/cpa/authorization-service", caseId, Api.grantedData(caseId, missionId, requestId, 1, 1));
        await().atMost(EVENTUALLY).until(() -> Calls.inboxCount("duplicate", null) >= duplicates + 2);

        // Still the first submission's position: French-speaking sworn officers, one place.
        Api.officerDesk().body(Api.candidacyJson(Api.officer(List.of("en"), 10, "SWORN_OFFICER",
                        Api.TODAY.plusYears(3), Api.TODAY.plusYears(3)), requestId, "ELECTIONS_SUPPORT"))
                .post("/api/v1/candidacies").then().statusCode(201)
                .body("reasons", contains("LANGUAGE"));
    }

    @Test
    void noPersonnelEventCarriesAnOfficersNameOrServiceNumber() {
        // two whole tours: every type of personnel event, twice; the check below also covers what other tests caused
        String role = "COMMUNITY_POLICING";
        String request = Api.authorizedRequest(newId(), role, 2, 2, 1);
        String course = Api.recentCourse();
        List<Api.Tour> tours = List.of(Api.fullTour(request, role, course), Api.fullTour(request, role, course));
        Api.awaitEvents(tours);

        List<String> personal = new ArrayList<>();
        int page = 0;
        int pages;
        do {
            var response = as(Roles.AUDITOR).queryParam("size", 100).queryParam("page", page).get("/api/v1/officers");
            List<Map<String, Object>> officers = response.path("items");
            for (Map<String, Object> officer : officers) {
                personal.add((String) officer.get("familyName"));
                personal.add((String) officer.get("serviceNumber"));
            }
            pages = response.path("totalPages");
            page++;
        } while (page < pages);
        assertFalse(personal.isEmpty());

        List<KafkaEvents.ReceivedEvent> events = KafkaEvents.all(Api.PERSONNEL_TOPIC);
        assertTrue(events.size() > 10, "the tours produced events: " + events.size());
        for (KafkaEvents.ReceivedEvent event : events) {
            for (String value : personal) {
                assertFalse(event.data().contains(value), event.type() + " carries " + value + ": " + event.data());
            }
            assertFalse(event.data().contains(Api.FAMILY_NAME_PREFIX), event.type() + ": " + event.data());
            assertFalse(event.data().contains("givenName") || event.data().contains("serviceNumber"), event.data());
        }
    }
}
