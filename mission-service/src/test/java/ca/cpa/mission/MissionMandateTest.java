package ca.cpa.mission;

import ca.cpa.platform.security.Roles;
import ca.cpa.testing.KafkaEvents;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static ca.cpa.mission.Api.as;
import static ca.cpa.mission.Api.missionJson;
import static ca.cpa.mission.Api.planner;
import static ca.cpa.mission.Api.uniqueCode;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A mission's mandate and the CPA's start on it: kept, validated, and announced when they change. */
@QuarkusTest
class MissionMandateTest {

    private static final String TOPIC = "cpa.mission.events";
    private static final Duration EVENTUALLY = Duration.ofSeconds(30);
    private static final String MANDATE_CHANGED = "ca.cpa.mission.mandate-changed.v1";

    @Test
    void aMissionIsCreatedWithItsMandateAndAnnouncesIt() {
        String code = uniqueCode("MANDATE");
        String id = planner().body(withMandate(code, "2013-01-01", "2027-12-31", "2013-06-01"))
                .post("/api/v1/missions")
                .then().statusCode(201)
                .body("mandateStart", equalTo("2013-01-01"))
                .body("mandateEnd", equalTo("2027-12-31"))
                .body("cpaSince", equalTo("2013-06-01"))
                .extract().path("id");
        as(Roles.PERSONNEL_OFFICER).get("/api/v1/missions/" + id).then().statusCode(200)
                .body("mandateStart", equalTo("2013-01-01"))
                .body("mandateEnd", equalTo("2027-12-31"))
                .body("cpaSince", equalTo("2013-06-01"));

        KafkaEvents.ReceivedEvent created = KafkaEvents.await(TOPIC,
                e -> id.equals(e.subject()) && "ca.cpa.mission.created.v1".equals(e.type()), EVENTUALLY);
        assertTrue(created.data().contains("\"mandateStart\":\"2013-01-01\""), created.data());
        assertTrue(created.data().contains("\"mandateEnd\":\"2027-12-31\""), created.data());
        assertTrue(created.data().contains("\"cpaSince\":\"2013-06-01\""), created.data());

        // a mandate not known yet is no mandate at all
        String unknown = planner().body(missionJson(uniqueCode("NOMANDATE"), "HT")).post("/api/v1/missions")
                .then().statusCode(201).body("mandateStart", nullValue()).body("mandateEnd", nullValue())
                .body("cpaSince", nullValue()).extract().path("id");
        KafkaEvents.ReceivedEvent createdWithout = KafkaEvents.await(TOPIC,
                e -> unknown.equals(e.subject()) && "ca.cpa.mission.created.v1".equals(e.type()), EVENTUALLY);
        assertTrue(!createdWithout.data().contains("\"mandateEnd\":\""), createdWithout.data());
    }

    @Test
    void aMandateNeverEndsBeforeItStarts() {
        String code = uniqueCode("BACKWARDS");
        planner().body(withMandate(code, "2027-01-01", "2026-12-31", null)).post("/api/v1/missions")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("mandateEnd"))
                .body("errors[0].message", equalTo("The mandate cannot end before it starts."));
        planner().header("Accept-Language", "fr").body(withMandate(code, "2027-01-01", "2026-12-31", null))
                .post("/api/v1/missions")
                .then().statusCode(400).header("Content-Language", "fr")
                .body("errors[0].field", equalTo("mandateEnd"))
                .body("errors[0].message", equalTo("Le mandat ne peut pas se terminer avant de commencer."));
        // nothing was created: the code is still free; a one-day mandate is fine
        String id = planner().body(withMandate(code, "2027-01-01", "2027-01-01", null)).post("/api/v1/missions")
                .then().statusCode(201).extract().path("id");

        String etag = planner().get("/api/v1/missions/" + id).then().extract().header("ETag");
        planner().header("If-Match", etag).body("{\"mandateEnd\": \"2026-06-30\"}").patch("/api/v1/missions/" + id)
                .then().statusCode(400).body("errors[0].field", equalTo("mandateEnd"));
        planner().header("If-Match", etag).body("{\"mandateStart\": \"2027-01-02\"}").patch("/api/v1/missions/" + id)
                .then().statusCode(400);
        planner().get("/api/v1/missions/" + id).then().header("ETag", equalTo(etag))
                .body("mandateStart", equalTo("2027-01-01")).body("mandateEnd", equalTo("2027-01-01"));
    }

    @Test
    void aChangedMandateIsAnnouncedOnceAndChangesTheETag() {
        String id = planner().body(withMandate(uniqueCode("RENEWED"), "2020-01-01", "2026-12-31", "2020-03-01"))
                .post("/api/v1/missions").then().statusCode(201).extract().path("id");
        String etag = planner().get("/api/v1/missions/" + id).then().extract().header("ETag");

        String renewed = planner().contentType("application/merge-patch+json").header("If-Match", etag)
                .body("{\"mandateEnd\": \"2028-03-31\"}").patch("/api/v1/missions/" + id)
                .then().statusCode(200)
                .body("mandateStart", equalTo("2020-01-01"))
                .body("mandateEnd", equalTo("2028-03-31"))
                .body("cpaSince", equalTo("2020-03-01"))
                .extract().header("ETag");
        assertNotEquals(etag, renewed, "a new mandate is a new version");
        planner().get("/api/v1/missions/" + id).then().header("ETag", equalTo(renewed))
                .body("mandateEnd", equalTo("2028-03-31"));
        KafkaEvents.ReceivedEvent changed = KafkaEvents.await(TOPIC,
                e -> id.equals(e.subject()) && MANDATE_CHANGED.equals(e.type()), EVENTUALLY);
        assertEquals(id, changed.key());
        assertEquals("/cpa/mission-service", changed.header("ce_source"));
        assertTrue(changed.data().contains("\"mandateStart\":\"2020-01-01\""), changed.data());
        assertTrue(changed.data().contains("\"mandateEnd\":\"2028-03-31\""), changed.data());
        planner().header("If-Match", etag).body("{\"mandateEnd\": \"2029-03-31\"}").patch("/api/v1/missions/" + id)
                .then().statusCode(412);

        // the same dates again: nothing changes, nothing is announced
        String same = planner().header("If-Match", renewed)
                .body("{\"mandateStart\": \"2020-01-01\", \"mandateEnd\": \"2028-03-31\"}")
                .patch("/api/v1/missions/" + id)
                .then().statusCode(200).body("mandateEnd", equalTo("2028-03-31")).extract().header("ETag");
        assertEquals(renewed, same, "the same mandate is the same version");

        // the mission's next event follows any the same dates made (one mission, one partition, in order)
        planner().header("If-Match", same).body("{\"status\": \"ACTIVE\"}").patch("/api/v1/missions/" + id)
                .then().statusCode(200);
        KafkaEvents.await(TOPIC, e -> id.equals(e.subject()) && "ca.cpa.mission.status-changed.v1".equals(e.type()),
                EVENTUALLY);
        long announced = KafkaEvents.all(TOPIC).stream()
                .filter(e -> id.equals(e.subject()) && MANDATE_CHANGED.equals(e.type())).count();
        assertEquals(1, announced, "one change of the mandate, one event");
    }

    /** A mission with these dates; a null date is left out. */
    private static String withMandate(String code, String mandateStart, String mandateEnd, String cpaSince) {
        String json = missionJson(code, "HT");
        StringBuilder dates = new StringBuilder();
        if (mandateStart != null) {
            dates.append(", \"mandateStart\": \"").append(mandateStart).append('"');
        }
        if (mandateEnd != null) {
            dates.append(", \"mandateEnd\": \"").append(mandateEnd).append('"');
        }
        if (cpaSince != null) {
            dates.append(", \"cpaSince\": \"").append(cpaSince).append('"');
        }
        return json.substring(0, json.lastIndexOf('}')) + dates + "}";
    }
}
