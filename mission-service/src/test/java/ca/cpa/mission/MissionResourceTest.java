package ca.cpa.mission;

import ca.cpa.platform.security.Roles;
import ca.cpa.testing.KafkaEvents;
import ca.cpa.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static ca.cpa.mission.Api.as;
import static ca.cpa.mission.Api.missionJson;
import static ca.cpa.mission.Api.planner;
import static ca.cpa.mission.Api.uniqueCode;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class MissionResourceTest {

    @Test
    void createsAMissionThatStartsPlannedAndAnnouncesIt() {
        String code = uniqueCode("PROTEUS");
        String id = planner().body(missionJson(code, "PS"))
                .post("/api/v1/missions")
                .then().statusCode(201)
                .header("Location", startsWith("http"))
                .header("ETag", notNullValue())
                .body("code", equalTo(code))
                .body("status", equalTo("PLANNED"))
                .body("authorizedCeiling", equalTo(0))
                .body("deployedStrength", equalTo(0))
                .extract().path("id");

        as(Roles.GAC_APPROVER).get("/api/v1/missions/" + id)
                .then().statusCode(200).header("ETag", notNullValue()).header("Content-Language", "en")
                .body("nameFr", equalTo("Opération " + code));

        KafkaEvents.ReceivedEvent event = KafkaEvents.await("cpa.mission.events",
                e -> id.equals(e.subject()) && "ca.cpa.mission.created.v1".equals(e.type()), Duration.ofSeconds(30));
        assertEquals(id, event.key());
        assertEquals("/cpa/mission-service", event.header("ce_source"));
    }

    @Test
    void theEventContinuesTheTraceOfTheRequestThatCausedItAndTheRequestIdComesBack() {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        String id = planner().header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                .header("X-Request-Id", "trace-test-1")
                .body(missionJson(uniqueCode("TRACE"), "HT"))
                .post("/api/v1/missions")
                .then().statusCode(201).header("X-Request-Id", "trace-test-1")
                .extract().path("id");

        KafkaEvents.ReceivedEvent event = KafkaEvents.await("cpa.mission.events",
                e -> id.equals(e.subject()) && "ca.cpa.mission.created.v1".equals(e.type()), Duration.ofSeconds(30));
        assertTrue(event.header("ce_traceparent").matches("00-" + traceId + "-[0-9a-f]{16}-01"),
                event.header("ce_traceparent"));

        String untraced = planner().body(missionJson(uniqueCode("TRACE"), "HT")).post("/api/v1/missions")
                .then().statusCode(201).header("X-Request-Id", notNullValue()).extract().path("id");
        KafkaEvents.ReceivedEvent started = KafkaEvents.await("cpa.mission.events",
                e -> untraced.equals(e.subject()), Duration.ofSeconds(30));
        assertTrue(started.header("ce_traceparent").matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01"));
    }

    @Test
    void aDuplicateCodeIsAConflict() {
        String code = uniqueCode("DUP");
        planner().body(missionJson(code, "HT")).post("/api/v1/missions").then().statusCode(201);
        planner().body(missionJson(code, "HT")).post("/api/v1/missions")
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("urn:cpa:problem:conflict"))
                .body("detail", equalTo("A mission with code " + code + " already exists."));
    }

    @Test
    void listsMissionsByStatusAndCountryWithPaging() {
        String country = "CD";
        // other tests may have planned missions in the DR Congo: count from what is there
        int before = as(Roles.AUDITOR).queryParam("hostCountry", country).queryParam("status", "PLANNED")
                .get("/api/v1/missions").then().statusCode(200).extract().path("totalItems");
        for (int i = 0; i < 3; i++) {
            planner().body(missionJson(uniqueCode("MONUSCO"), country)).post("/api/v1/missions").then().statusCode(201);
        }
        int total = before + 3;
        int lastPage = (total - 1) / 2;
        as(Roles.AUDITOR).queryParam("hostCountry", country).queryParam("status", "PLANNED")
                .queryParam("size", 2).queryParam("page", lastPage)
                .get("/api/v1/missions")
                .then().statusCode(200)
                .body("items", hasSize(total - 2 * lastPage))
                .body("items.hostCountry", everyItem(equalTo(country)))
                .body("page", equalTo(lastPage))
                .body("size", equalTo(2))
                .body("totalPages", equalTo(lastPage + 1))
                .body("totalItems", equalTo(total));
        as(Roles.AUDITOR).queryParam("size", 101).get("/api/v1/missions")
                .then().statusCode(400).body("errors.field", contains("size"));
        as(Roles.AUDITOR).queryParam("page", Integer.MAX_VALUE).get("/api/v1/missions")
                .then().statusCode(400).body("errors.field", contains("page"));
        as(Roles.AUDITOR).queryParam("page", "last").get("/api/v1/missions")
                .then().statusCode(400).body("errors.field", contains("page"));
        as(Roles.AUDITOR).queryParam("hostCountry", "Haiti").get("/api/v1/missions")
                .then().statusCode(400).body("errors[0].field", equalTo("hostCountry"));
        as(Roles.AUDITOR).queryParam("status", "OPEN").get("/api/v1/missions")
                .then().statusCode(400).body("errors[0].field", equalTo("status"))
                .body("errors[0].message", equalTo("must be one of: PLANNED, ACTIVE, SUSPENDED, CLOSED"));
    }

    @Test
    void patchHonoursIfMatchAndTheStatusRules() {
        String id = Api.createMission("HAITI");
        String etag = planner().get("/api/v1/missions/" + id).then().extract().header("ETag");

        String newEtag = planner().contentType("application/merge-patch+json").header("If-Match", etag)
                .body("{\"status\": \"ACTIVE\"}")
                .patch("/api/v1/missions/" + id)
                .then().statusCode(200).body("status", equalTo("ACTIVE")).extract().header("ETag");

        planner().header("If-Match", etag).body("{\"nameEn\": \"Stale\"}")
                .patch("/api/v1/missions/" + id)
                .then().statusCode(412).body("type", equalTo("urn:cpa:problem:precondition-failed"));
        planner().get("/api/v1/missions/" + id).then().body("nameEn", startsWith("Operation"));

        planner().header("If-Match", newEtag).body("{\"status\": \"PLANNED\"}")
                .patch("/api/v1/missions/" + id)
                .then().statusCode(409).body("detail", equalTo("A mission cannot go from ACTIVE to PLANNED."));
        planner().body("{\"code\": \"RENAMED\"}").patch("/api/v1/missions/" + id)
                .then().statusCode(400).body("errors[0].field", equalTo("code"));

        KafkaEvents.ReceivedEvent changed = KafkaEvents.await("cpa.mission.events",
                e -> id.equals(e.subject()) && "ca.cpa.mission.status-changed.v1".equals(e.type()), Duration.ofSeconds(30));
        assertEquals(true, changed.data().contains("\"previousStatus\":\"PLANNED\""));
    }

    @Test
    void aReadOfTheVersionTheCallerHasIsNotModifiedWithoutABody() {
        String id = Api.createMission("HAITI");
        String etag = planner().get("/api/v1/missions/" + id).then().statusCode(200).extract().header("ETag");

        String unchanged = planner().header("If-None-Match", etag).get("/api/v1/missions/" + id)
                .then().statusCode(304).header("ETag", etag).header("Content-Type", nullValue())
                .extract().asString();
        assertEquals("", unchanged);
        // the weak comparison of RFC 9110: a weak tag, a list, or any version at all
        planner().header("If-None-Match", "W/" + etag).get("/api/v1/missions/" + id).then().statusCode(304);
        planner().header("If-None-Match", "\"999\", " + etag).get("/api/v1/missions/" + id).then().statusCode(304);
        planner().header("If-None-Match", "*").get("/api/v1/missions/" + id).then().statusCode(304);
        planner().header("If-None-Match", "\"999\"").get("/api/v1/missions/" + id)
                .then().statusCode(200).header("ETag", etag).body("id", equalTo(id));
        planner().header("If-None-Match", "not a tag").get("/api/v1/missions/" + id).then().statusCode(200);

        String changed = planner().contentType("application/merge-patch+json").header("If-Match", etag)
                .body("{\"nameEn\": \"Renamed\"}").patch("/api/v1/missions/" + id)
                .then().statusCode(200).extract().header("ETag");
        planner().header("If-None-Match", etag).get("/api/v1/missions/" + id)
                .then().statusCode(200).header("ETag", changed).body("nameEn", equalTo("Renamed"));
        // only a read is answered 304: a change names its precondition in If-Match
        planner().contentType("application/merge-patch+json").header("If-None-Match", changed)
                .body("{\"nameFr\": \"Operation renommee\"}").patch("/api/v1/missions/" + id)
                .then().statusCode(200).body("nameFr", equalTo("Operation renommee"));
        // an unknown mission is still unknown
        planner().header("If-None-Match", "*").get("/api/v1/missions/" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void invalidBodiesAreFieldErrorsInEnglishAndFrench() {
        String invalid = """
                {"code": "x", "nameEn": "", "nameFr": "Opération", "hostCountry": "XX", "type": "UN_PEACE_OPERATION",
                 "partnerOrganization": "UN"}""";
        planner().body(invalid).post("/api/v1/missions")
                .then().statusCode(400).contentType("application/problem+json").header("Content-Language", "en")
                .body("title", equalTo("Invalid request"))
                .body("errors.field", contains("code", "hostCountry", "nameEn"))
                .body("errors.find { it.field == 'hostCountry' }.message",
                        equalTo("must be an ISO 3166-1 alpha-2 country code, such as HT or CD"));

        planner().header("Accept-Language", "fr-CA,fr;q=0.9,en;q=0.5").body(invalid).post("/api/v1/missions")
                .then().statusCode(400).header("Content-Language", "fr")
                .body("title", equalTo("Requête invalide"))
                .body("errors.find { it.field == 'hostCountry' }.message",
                        equalTo("doit être un code de pays ISO 3166-1 alpha-2, comme HT ou CD"))
                .body("errors.find { it.field == 'nameEn' }.message", equalTo("ne doit pas être vide"));

        planner().body("{\"code\": ").post("/api/v1/missions")
                .then().statusCode(400).body("type", equalTo("urn:cpa:problem:malformed-request"));
        planner().body(missionJson(uniqueCode("ENUM"), "HT").replace("UN_PEACE_OPERATION", "WAR"))
                .post("/api/v1/missions")
                .then().statusCode(400).body("errors[0].field", equalTo("type"))
                .body("errors[0].message", equalTo("must be one of: UN_PEACE_OPERATION, BILATERAL, REGIONAL_ORGANIZATION"));
        planner().contentType(ContentType.TEXT).body("PROTEUS").post("/api/v1/missions")
                .then().statusCode(415).contentType("application/problem+json");
        planner().post("/api/v1/missions")
                .then().statusCode(400).body("errors[0].field", equalTo("body"));
    }

    @Test
    void unknownIdsAreNotFound() {
        as(Roles.AUDITOR).get("/api/v1/missions/0b9f3a1e-0000-4000-8000-000000000000")
                .then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("urn:cpa:problem:not-found"));
        as(Roles.AUDITOR).get("/api/v1/missions/not-a-uuid").then().statusCode(404);
    }

    @Test
    void aTokenAcceptedBeforeIsRefusedOnceItHasExpired() {
        String shortLived = Tokens.lasting(Roles.AUDITOR, Duration.ofSeconds(6));
        given().auth().oauth2(shortLived).get("/api/v1/missions").then().statusCode(200);
        given().auth().oauth2(shortLived).get("/api/v1/missions").then().statusCode(200);
        // The service keeps a verified token until its expiry (1 s of clock skew under test), not beyond.
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).until(() ->
                given().auth().oauth2(shortLived).get("/api/v1/missions").statusCode() == 401);
    }

    @Test
    void everyCallerMustPresentAValidTokenWithTheRightRole() {
        given().get("/api/v1/missions")
                .then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer")
                .body("type", equalTo("urn:cpa:problem:unauthenticated"));
        given().auth().oauth2(Tokens.expired(Roles.AUDITOR)).get("/api/v1/missions").then().statusCode(401);
        given().auth().oauth2(Tokens.fromAnotherIssuer(Roles.AUDITOR)).get("/api/v1/missions").then().statusCode(401);
        given().auth().oauth2("not.a.jwt").get("/api/v1/missions").then().statusCode(401);
        given().auth().oauth2(Tokens.expired(Roles.AUDITOR)).header("Accept-Language", "fr")
                .get("/api/v1/missions").then().statusCode(401).body("title", equalTo("Authentification requise"));

        as(Roles.AUDITOR).body(missionJson(uniqueCode("AUDIT"), "HT")).post("/api/v1/missions")
                .then().statusCode(403).contentType("application/problem+json")
                .body("type", equalTo("urn:cpa:problem:forbidden"));
        Api.partner().get("/api/v1/missions").then().statusCode(403);
    }

    @Test
    void aTokenNamingItsCallerBeyondWhatTheSuiteRecordsIsRefusedAndChangesNothing() {
        String mission = Api.createMission("LONG");
        String longName = "x".repeat(201);
        given().auth().oauth2(Tokens.named(longName, Roles.MISSION_PLANNER, null)).contentType("application/json")
                .body("""
                        {"kind": "PLANNING", "evaluationDate": "2026-11-27", "rating": "EFFECTIVE",
                         "summary": "Planning visit.", "recommendations": "Proceed."}""")
                .post("/api/v1/missions/" + mission + "/evaluations")
                .then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(Tokens.named("partner", Roles.REQUESTING_PARTNER, longName)).contentType("application/json")
                .body(Api.requestJson(mission)).post("/api/v1/mission-requests")
                .then().statusCode(401);
        as(Roles.AUDITOR).get("/api/v1/missions/" + mission + "/evaluations").then().body("totalItems", equalTo(0));
        as(Roles.AUDITOR).queryParam("missionId", mission).get("/api/v1/mission-requests").then().body("totalItems", equalTo(0));
    }

    @Test
    void anIdempotencySentTwiceCreatesOneMission() {
        String code = uniqueCode("IDEM");
        String key = "create-" + code;
        String first = planner().header("Idempotency-Key", key).body(missionJson(code, "HT"))
                .post("/api/v1/missions").then().statusCode(201).extract().path("id");
        planner().header("Idempotency-Key", key).body(missionJson(code, "HT"))
                .post("/api/v1/missions")
                .then().statusCode(201).header("Idempotent-Replayed", "true").body("id", equalTo(first));
        planner().header("Idempotency-Key", key).body(missionJson(uniqueCode("OTHER"), "HT"))
                .post("/api/v1/missions")
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("urn:cpa:problem:idempotency-key-reused"));
        as(Roles.AUDITOR).queryParam("size", 100).get("/api/v1/missions")
                .then().body("items.findAll { it.code == '" + code + "' }", hasSize(1));
    }

    @Test
    void evaluationsAreRecordedAndListed() {
        String id = Api.createMission("EVAL");
        String evaluation = """
                {"kind": "PLANNING", "evaluationDate": "2026-11-20", "rating": "EFFECTIVE",
                 "summary": "Ready to deploy.", "recommendations": "Two French speakers."}""";
        String location = planner().body(evaluation).post("/api/v1/missions/" + id + "/evaluations")
                .then().statusCode(201).body("evaluatedBy", equalTo("test-mission-planner"))
                .extract().header("Location");
        as(Roles.AUDITOR).get(location).then().statusCode(200).header("ETag", notNullValue())
                .body("kind", equalTo("PLANNING"));
        as(Roles.RCMP_APPROVER).get("/api/v1/missions/" + id + "/evaluations")
                .then().statusCode(200).body("totalItems", is(1)).body("items.rating", hasItem("EFFECTIVE"));
        planner().body(evaluation.replace("2026-11-20", "2999-01-01")).post("/api/v1/missions/" + id + "/evaluations")
                .then().statusCode(400).body("errors[0].field", equalTo("evaluationDate"));
        as(Roles.GAC_APPROVER).body(evaluation).post("/api/v1/missions/" + id + "/evaluations").then().statusCode(403);
    }
}
