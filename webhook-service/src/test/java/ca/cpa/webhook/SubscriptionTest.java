package ca.cpa.webhook;

import ca.cpa.testing.WebhookReceiver;
import ca.cpa.platform.security.Roles;
import ca.cpa.testing.Calls;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import static ca.cpa.webhook.Api.EVENTUALLY;
import static ca.cpa.webhook.Api.GRANTED;
import static ca.cpa.webhook.Api.MISSION_CREATED;
import static ca.cpa.webhook.Api.REQUEST_RECEIVED;
import static ca.cpa.webhook.Api.granted;
import static ca.cpa.webhook.Api.missionCreated;
import static ca.cpa.webhook.Api.newId;
import static ca.cpa.webhook.Api.partner;
import static ca.cpa.webhook.Api.planner;
import static ca.cpa.webhook.Api.requestReceived;
import static ca.cpa.webhook.Api.subscribe;
import static ca.cpa.webhook.Api.subscription;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Subscriptions: who may make and see them, which urls are refused, and what a partner receives. */
@QuarkusTest
class SubscriptionTest {

    @Inject
    AgroalDataSource dataSource;

    @ParameterizedTest
    @ValueSource(strings = {
            "http://10.0.0.1/hooks",                        // http outside the allow-list
            "https://10.0.0.1/hooks",                       // private
            "https://192.168.1.20/hooks",                   // private
            "https://169.254.169.254/latest/meta-data/",    // the cloud metadata service
            "https://localhost:8443/hooks",                 // loopback, by name
            "http://localhost:8085/hooks",                  // loopback by name is not the allow-listed 127.0.0.1
            "https://[::1]/hooks",                          // IPv6 loopback
            "https://[::ffff:127.0.0.1]/hooks",             // IPv4-mapped loopback
            "https://[fd00:ec2::254]/hooks",                // IPv6 metadata (unique local)
            "https://0.0.0.0/hooks",
            "https://100.64.0.1/hooks",                     // carrier-grade NAT
            "https://user:secret@example.org/hooks",        // credentials in the url
            "ftp://example.org/hooks",
            "/relative/hooks"})
    void aUrlThatReachesInsideOrIsNotHttpIsRefusedAndNothingIsMade(String url) {
        int before = subscriptionCount();
        planner().body(subscription(url, MISSION_CREATED)).post("/api/v1/webhook-subscriptions")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("url"));
        assertEquals(before, subscriptionCount());
    }

    @Test
    void aRefusalSaysWhyInFrench() {
        planner().header("Accept-Language", "fr").body(subscription("https://169.254.169.254/", MISSION_CREATED))
                .post("/api/v1/webhook-subscriptions")
                .then().statusCode(400).body("errors[0].message", containsString("adresse privée"));
    }

    @Test
    void eventTypesMustBeTheSuitesAndAPartnersOnlyThoseAboutItsRequests() {
        planner().body(subscription("http://127.0.0.1:9/x", "ca.cpa.mission.exploded.v1")).post("/api/v1/webhook-subscriptions")
                .then().statusCode(400).body("errors[0].field", equalTo("eventTypes"));
        planner().body("{\"url\": \"http://127.0.0.1:9/x\", \"eventTypes\": []}").post("/api/v1/webhook-subscriptions")
                .then().statusCode(400);
        planner().body("{\"url\": \"http://127.0.0.1:9/x\", \"eventTypes\": [\"" + MISSION_CREATED + "\"], \"colour\": 1}")
                .post("/api/v1/webhook-subscriptions").then().statusCode(400);
        for (String notForPartners : List.of("ca.cpa.deployment.planned.v1", "ca.cpa.deployment.welfare-alert.v1",
                "ca.cpa.authorization.decision-recorded.v1", MISSION_CREATED)) {
            partner("UN-DPO").body(subscription("http://127.0.0.1:9/x", notForPartners)).post("/api/v1/webhook-subscriptions")
                    .then().statusCode(400).body("errors[0].field", equalTo("eventTypes"))
                    .body("errors[0].message", containsString(REQUEST_RECEIVED));
        }
    }

    @Test
    void onlyPartnersAndPlannersSubscribeAndAnAuditorOnlyReads() {
        String body = subscription("http://127.0.0.1:9/x", MISSION_CREATED);
        for (String role : List.of(Roles.PERSONNEL_OFFICER, Roles.GAC_APPROVER, Roles.AUDITOR)) {
            Calls.as(role).body(body).post("/api/v1/webhook-subscriptions").then().statusCode(403);
        }
        given().contentType("application/json").body(body).post("/api/v1/webhook-subscriptions").then().statusCode(401);
        String id = subscribe(planner(), "http://127.0.0.1:9/x", MISSION_CREATED).getString("id");
        Calls.as(Roles.AUDITOR).get("/api/v1/webhook-subscriptions/" + id).then().statusCode(200);
        Calls.as(Roles.AUDITOR).delete("/api/v1/webhook-subscriptions/" + id).then().statusCode(403);
        Calls.as(Roles.PERSONNEL_OFFICER).get("/api/v1/webhook-subscriptions/" + id).then().statusCode(403);
    }

    @Test
    void theSecretIsShownOnceAndStoredEncrypted() throws Exception {
        String key = UUID.randomUUID().toString();
        String body = subscription("http://127.0.0.1:9/secret", MISSION_CREATED);
        JsonPath created = planner().header("Idempotency-Key", key).body(body).post("/api/v1/webhook-subscriptions")
                .then().statusCode(201).header("Location", containsString("/api/v1/webhook-subscriptions/"))
                .extract().jsonPath();
        String id = created.getString("id");
        String secret = created.getString("secret");
        assertTrue(secret.matches("whsec_[A-Za-z0-9+/]{43}="), secret);

        planner().get("/api/v1/webhook-subscriptions/" + id).then().statusCode(200).body("secret", nullValue());
        planner().get("/api/v1/webhook-subscriptions").then().statusCode(200).body("items.secret", org.hamcrest.Matchers.everyItem(nullValue()));
        planner().header("Idempotency-Key", key).body(body).post("/api/v1/webhook-subscriptions")
                .then().statusCode(201).header("Idempotent-Replayed", "true")
                .body("id", equalTo(id)).body("secret", nullValue());

        byte[] stored = storedSecret(id);
        String keyBytes = new String(Base64.getDecoder().decode(secret.substring(6)), StandardCharsets.ISO_8859_1);
        String storedText = new String(stored, StandardCharsets.ISO_8859_1);
        assertFalse(storedText.contains(secret.substring(6, 20)), "not the secret's text");
        assertFalse(storedText.contains(keyBytes.substring(0, 12)), "not the secret's bytes");
    }

    @Test
    void aRotatedSecretSignsBesideThePreviousOneDuringTheOverlap() {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            JsonPath created = subscribe(planner(), receiver.url("/rotating"), MISSION_CREATED);
            String id = created.getString("id");
            JsonPath rotated = planner().body("{\"overlapHours\": 2}").post("/api/v1/webhook-subscriptions/" + id + "/secret-rotation")
                    .then().statusCode(200).body("secret", startsWith("whsec_")).extract().jsonPath();
            String previous = created.getString("secret");
            String current = rotated.getString("secret");
            assertFalse(previous.equals(current));
            assertTrue(rotated.getString("previousSecretValidUntil") != null);

            missionCreated(newId());
            await().atMost(EVENTUALLY).until(() -> !receiver.received().isEmpty());
            WebhookReceiver.Received request = receiver.received().get(0);
            assertEquals(2, request.header("webhook-signature").split(" ").length, request.header("webhook-signature"));
            assertTrue(request.signedWith(current));
            assertTrue(request.signedWith(previous));

            planner().body("{\"overlapHours\": 1000}").post("/api/v1/webhook-subscriptions/" + id + "/secret-rotation")
                    .then().statusCode(400);
            planner().body("{\"secret\": \"whsec_short\"}").post("/api/v1/webhook-subscriptions/" + id + "/secret-rotation")
                    .then().statusCode(400).body("errors[0].field", equalTo("secret"));
        }
    }

    @Test
    void aRotationToASecretOfTheCallersOwnIsHarmlessToResendAndEndsTheOverlapWhenAsked() {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            String id = subscribe(planner(), receiver.url("/own-secret"), MISSION_CREATED).getString("id");
            String own = "whsec_" + Base64.getEncoder().encodeToString(UUID.randomUUID().toString().getBytes(StandardCharsets.US_ASCII));
            String rotation = "{\"secret\": \"" + own + "\", \"overlapHours\": 0}";
            long version = planner().body(rotation).post("/api/v1/webhook-subscriptions/" + id + "/secret-rotation")
                    .then().statusCode(200).body("secret", equalTo(own)).body("previousSecretValidUntil", nullValue())
                    .extract().header("ETag").hashCode();
            planner().body(rotation).post("/api/v1/webhook-subscriptions/" + id + "/secret-rotation")
                    .then().statusCode(200).body("secret", equalTo(own));
            assertEquals(version, planner().get("/api/v1/webhook-subscriptions/" + id).then().extract().header("ETag").hashCode(),
                    "the same secret again changed nothing");

            missionCreated(newId());
            await().atMost(EVENTUALLY).until(() -> !receiver.received().isEmpty());
            WebhookReceiver.Received request = receiver.received().get(0);
            assertEquals(1, request.header("webhook-signature").split(" ").length, "no overlap: one signature");
            assertTrue(request.signedWith(own));

            String key = UUID.randomUUID().toString();
            String first = planner().header("Idempotency-Key", key).body("{}").post("/api/v1/webhook-subscriptions/" + id + "/secret-rotation")
                    .then().statusCode(200).extract().path("secret");
            assertTrue(first.startsWith("whsec_"));
            planner().header("Idempotency-Key", key).body("{}").post("/api/v1/webhook-subscriptions/" + id + "/secret-rotation")
                    .then().statusCode(200).header("Idempotent-Replayed", "true").body("secret", nullValue());
        }
    }

    @Test
    void aPartnerReceivesOnlyEventsAboutItsOwnOrganizationsRequests() {
        String ours = "ORG-" + newId().substring(0, 8);
        String theirs = "ORG-" + newId().substring(0, 8);
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            JsonPath mine = subscribe(partner(ours), receiver.url("/ours"), REQUEST_RECEIVED, GRANTED);
            subscribe(partner(theirs), receiver.url("/theirs"), REQUEST_RECEIVED, GRANTED);
            assertEquals(ours, mine.getString("organization"));

            String ourRequest = newId();
            String theirRequest = newId();
            String lateRequest = newId();
            // the outcome of a request whose receipt comes later (the topics are read independently)
            String lateGrant = granted(newId(), lateRequest);
            String ourReceipt = requestReceived(ourRequest, ours);
            String theirReceipt = requestReceived(theirRequest, theirs);
            String ourGrant = granted(newId(), ourRequest);
            String amendment = granted(newId(), null);
            String lateReceipt = requestReceived(lateRequest, ours);

            await().atMost(EVENTUALLY).until(() -> receiver.received().size() >= 5);
            DeliveryTest.pause(Duration.ofSeconds(2));
            assertEquals(List.of(lateGrant, lateReceipt, ourGrant, ourReceipt).stream().sorted().toList(),
                    idsAt(receiver, "/ours"));
            assertEquals(List.of(theirReceipt), idsAt(receiver, "/theirs"));
            assertFalse(receiver.received().stream().anyMatch(request -> request.webhookId().equals(amendment)),
                    "a ceiling amendment is about no partner's request");
        }
    }

    @Test
    void aPartnerSeesOnlyItsOrganizationsSubscriptionsAndTheirDeliveries() {
        String ours = "ORG-" + newId().substring(0, 8);
        String id = subscribe(partner(ours), "http://127.0.0.1:9/mine", REQUEST_RECEIVED).getString("id");
        String other = "ORG-" + newId().substring(0, 8);
        partner(other).get("/api/v1/webhook-subscriptions/" + id).then().statusCode(404);
        partner(other).get("/api/v1/webhook-subscriptions/" + id + "/deliveries").then().statusCode(404);
        partner(other).delete("/api/v1/webhook-subscriptions/" + id).then().statusCode(404);
        partner(other).get("/api/v1/webhook-subscriptions").then().statusCode(200).body("totalItems", equalTo(0));
        partner(ours).get("/api/v1/webhook-subscriptions").then().statusCode(200)
                .body("totalItems", equalTo(1)).body("items[0].id", equalTo(id));
        planner().get("/api/v1/webhook-subscriptions/" + id).then().statusCode(200).body("organization", equalTo(ours));
    }

    @Test
    void aDeletedSubscriptionReceivesNothingMore() {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            String id = subscribe(planner(), receiver.url("/deleted"), MISSION_CREATED).getString("id");
            planner().delete("/api/v1/webhook-subscriptions/" + id).then().statusCode(204);
            planner().get("/api/v1/webhook-subscriptions/" + id).then().statusCode(404);
            try (WebhookReceiver marker = new WebhookReceiver()) {
                subscribe(planner(), marker.url("/marker"), MISSION_CREATED);
                missionCreated(newId());
                await().atMost(EVENTUALLY).until(() -> !marker.received().isEmpty());
            }
            DeliveryTest.pause(Duration.ofSeconds(1));
            assertTrue(receiver.received().isEmpty());
        }
    }

    @Test
    void badInputIsAClearProblem() {
        planner().body("{not json").post("/api/v1/webhook-subscriptions").then().statusCode(400)
                .contentType("application/problem+json");
        planner().get("/api/v1/webhook-subscriptions/not-a-uuid").then().statusCode(404);
        planner().queryParam("status", "SLEEPING").get("/api/v1/webhook-subscriptions").then().statusCode(400);
        planner().contentType("text/plain").body("x").post("/api/v1/webhook-subscriptions").then().statusCode(415);
        planner().get("/api/v1/webhook-subscriptions/" + newId() + "/deliveries").then().statusCode(404);
    }

    private static List<String> idsAt(WebhookReceiver receiver, String path) {
        return receiver.received().stream().filter(request -> request.path().equals(path))
                .map(WebhookReceiver.Received::webhookId).sorted().toList();
    }

    private int subscriptionCount() {
        return planner().get("/api/v1/webhook-subscriptions").then().statusCode(200).extract().path("totalItems");
    }

    private byte[] storedSecret(String id) throws Exception {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("SELECT secret FROM webhook_subscription WHERE id = ?")) {
            statement.setObject(1, UUID.fromString(id));
            try (ResultSet rows = statement.executeQuery()) {
                assertTrue(rows.next());
                return rows.getBytes(1);
            }
        }
    }
}
