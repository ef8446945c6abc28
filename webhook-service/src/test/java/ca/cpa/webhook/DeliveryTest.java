package ca.cpa.webhook;

import ca.cpa.testing.WebhookReceiver;
import ca.cpa.testing.KafkaEvents;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static ca.cpa.webhook.Api.EVENTUALLY;
import static ca.cpa.webhook.Api.MISSION_CREATED;
import static ca.cpa.webhook.Api.deliveries;
import static ca.cpa.webhook.Api.missionCreated;
import static ca.cpa.webhook.Api.newId;
import static ca.cpa.webhook.Api.planner;
import static ca.cpa.webhook.Api.subscribe;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Events from Kafka delivered to a real HTTP receiver on this machine, as Standard Webhooks says. */
@QuarkusTest
class DeliveryTest {

    @Test
    void anEventArrivesAsASignedStructuredCloudEventWithItsIdAsWebhookId() {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            JsonPath subscription = subscribe(planner(), receiver.url("/hooks?source=cpa"), MISSION_CREATED);
            String secret = subscription.getString("secret");
            assertTrue(secret.startsWith("whsec_"), secret);

            String missionId = newId();
            Instant published = Instant.now();
            String eventId = missionCreated(missionId);
            WebhookReceiver.Received request = awaitOne(receiver);

            assertEquals("/hooks?source=cpa", request.path());
            assertEquals(eventId, request.webhookId());
            long timestamp = Long.parseLong(request.header("webhook-timestamp"));
            assertTrue(Math.abs(timestamp - published.getEpochSecond()) < 60, "timestamp " + timestamp);
            assertTrue(request.signedWith(secret), "signed with the subscription's secret: " + request.header("webhook-signature"));
            assertTrue(request.header("content-type").startsWith("application/cloudevents+json"), request.header("content-type"));

            JsonPath body = JsonPath.from(request.body());
            assertEquals("1.0", body.getString("specversion"));
            assertEquals(eventId, body.getString("id"));
            assertEquals(MISSION_CREATED, body.getString("type"));
            assertEquals("/cpa/mission-service", body.getString("source"));
            assertEquals(missionId, body.getString("subject"));
            assertNotNull(body.getString("time"));
            assertEquals(missionId, body.getString("data.missionId"));
            assertEquals(7, body.getInt("data.aFieldThisServiceDoesNotKnow"), "the data as the producer sent it");

            await().atMost(EVENTUALLY).untilAsserted(() -> {
                JsonPath delivery = deliveries(subscription.getString("id"));
                assertEquals("SUCCEEDED", delivery.getString("items[0].status"));
                assertEquals(eventId, delivery.getString("items[0].webhookId"));
                assertEquals(1, delivery.getInt("items[0].attempts"));
                assertEquals(204, delivery.getInt("items[0].lastResponseCode"));
            });
        }
    }

    @Test
    void aReceiverThatFailsForAWhileGetsTheDeliveryOnceItAnswers() {
        AtomicInteger calls = new AtomicInteger();
        try (WebhookReceiver receiver = new WebhookReceiver().answering(request ->
                WebhookReceiver.Answer.of(calls.incrementAndGet() <= 3 ? 503 : 200))) {
            JsonPath subscription = subscribe(planner(), receiver.url("/flaky"), MISSION_CREATED);
            String eventId = missionCreated(newId());

            await().atMost(EVENTUALLY).until(() -> receiver.succeeded().size() == 1);
            List<WebhookReceiver.Received> received = receiver.received();
            assertEquals(4, received.size(), "three refusals, then the delivery");
            assertTrue(received.stream().allMatch(request -> request.webhookId().equals(eventId)));
            for (int i = 1; i < received.size(); i++) {
                assertTrue(received.get(i).at().isAfter(received.get(i - 1).at().plusMillis(100)),
                        "each retry waits: " + received);
            }
            await().atMost(EVENTUALLY).untilAsserted(() -> {
                JsonPath delivery = deliveries(subscription.getString("id"));
                assertEquals("SUCCEEDED", delivery.getString("items[0].status"));
                assertEquals(4, delivery.getInt("items[0].attempts"));
            });
            pause(Duration.ofSeconds(2));
            assertEquals(4, receiver.received().size(), "nothing more once delivered");
        }
    }

    @Test
    void aDeliveryFailingForTheWholeRetryPeriodIsFailedVisiblyAndCanBeRetriedByHand() {
        AtomicInteger status = new AtomicInteger(500);
        try (WebhookReceiver receiver = new WebhookReceiver().answering(request -> new WebhookReceiver.Answer(status.get(), Map.of(),
                "the case system is down".getBytes()))) {
            JsonPath subscription = subscribe(planner(), receiver.url("/down"), MISSION_CREATED);
            String id = subscription.getString("id");
            missionCreated(newId());

            await().atMost(EVENTUALLY).untilAsserted(() ->
                    assertEquals("FAILED", deliveries(id).getString("items[0].status")));
            JsonPath failed = deliveries(id);
            assertTrue(failed.getInt("items[0].attempts") >= 3, failed.prettify());
            assertEquals(500, failed.getInt("items[0].lastResponseCode"));
            assertTrue(failed.getString("items[0].lastError").contains("the case system is down"), failed.prettify());
            assertNull(failed.get("items[0].nextAttemptAt"));
            JsonPath failing = planner().get("/api/v1/webhook-subscriptions/" + id).then().statusCode(200).extract().jsonPath();
            assertNotNull(failing.getString("failingSince"), "its owner sees it failing");

            status.set(200);
            int before = receiver.received().size();
            planner().post("/api/v1/webhook-subscriptions/" + id + "/deliveries/" + failed.getString("items[0].id") + "/retry")
                    .then().statusCode(200).body("status", equalTo("PENDING"));
            await().atMost(EVENTUALLY).untilAsserted(() ->
                    assertEquals("SUCCEEDED", deliveries(id).getString("items[0].status")));
            assertEquals(before + 1, receiver.received().size());
            assertNull(planner().get("/api/v1/webhook-subscriptions/" + id).then().extract().jsonPath().get("failingSince"));
            planner().post("/api/v1/webhook-subscriptions/" + id + "/deliveries/" + newId() + "/retry")
                    .then().statusCode(404);
        }
    }

    @Test
    void aSubscriptionFailingLongerThanItsLimitIsDisabledSaysWhyAndCanBeReactivated() {
        try (WebhookReceiver receiver = new WebhookReceiver().answering(request -> WebhookReceiver.Answer.of(410))) {
            JsonPath subscription = subscribe(planner(), receiver.url("/gone"), MISSION_CREATED);
            String id = subscription.getString("id");
            // events keep coming while it fails: after 15 s (the limit under test) a failure disables it
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2)).until(() -> {
                missionCreated(newId());
                return "DISABLED".equals(planner().get("/api/v1/webhook-subscriptions/" + id).then().extract().path("status"));
            });
            JsonPath disabled = planner().get("/api/v1/webhook-subscriptions/" + id).then().statusCode(200).extract().jsonPath();
            assertTrue(disabled.getString("disabledReason").contains("HTTP 410"), disabled.prettify());
            assertNotNull(disabled.getString("disabledAt"));
            await().atMost(EVENTUALLY).untilAsserted(() ->
                    assertEquals(0, planner().queryParam("status", "PENDING")
                            .get("/api/v1/webhook-subscriptions/" + id + "/deliveries").then().extract().jsonPath()
                            .getInt("totalItems")));

            int before = receiver.received().size();
            String whileDisabled = missionCreated(newId());
            pause(Duration.ofSeconds(2));
            assertEquals(before, receiver.received().size(), "a disabled subscription receives nothing");
            assertFalse(deliveries(id).getList("items.webhookId").contains(whileDisabled));

            receiver.answering(request -> WebhookReceiver.Answer.of(200));
            planner().post("/api/v1/webhook-subscriptions/" + id + "/reactivation").then().statusCode(200)
                    .body("status", equalTo("ACTIVE"));
            planner().post("/api/v1/webhook-subscriptions/" + id + "/reactivation").then().statusCode(409);
            String afterwards = missionCreated(newId());
            await().atMost(EVENTUALLY).until(() -> receiver.succeeded().stream()
                    .anyMatch(request -> request.webhookId().equals(afterwards)));
        }
    }

    @Test
    void aSubjectsEventsArriveInOrderEvenWhileTheFirstIsRetried() {
        String missionId = newId();
        AtomicInteger firstCalls = new AtomicInteger();
        List<String> ids = new java.util.ArrayList<>();
        try (WebhookReceiver receiver = new WebhookReceiver().answering(request ->
                request.body().contains(MISSION_CREATED) && firstCalls.incrementAndGet() <= 2
                        ? WebhookReceiver.Answer.of(500) : WebhookReceiver.Answer.of(200))) {
            subscribe(planner(), receiver.url("/ordered"), MISSION_CREATED, "ca.cpa.mission.status-changed.v1");
            ids.add(KafkaEvents.publish("cpa.mission.events", MISSION_CREATED, "/cpa/mission-service", missionId,
                    Api.missionCreatedData(missionId)));
            for (String status : List.of("ACTIVE", "SUSPENDED", "ACTIVE", "CLOSED")) {
                ids.add(KafkaEvents.publish("cpa.mission.events", "ca.cpa.mission.status-changed.v1", "/cpa/mission-service",
                        missionId, """
                                {"missionId": "%s", "code": "X", "previousStatus": "PLANNED", "status": "%s",
                                 "changedAt": "2026-11-28T10:00:00Z"}""".formatted(missionId, status)));
            }
            await().atMost(EVENTUALLY).until(() -> receiver.succeeded().size() == ids.size());
            assertEquals(ids, receiver.succeeded().stream().map(WebhookReceiver.Received::webhookId).toList());
            List<String> attempts = receiver.received().stream().map(WebhookReceiver.Received::webhookId).toList();
            assertEquals(List.of(ids.get(0), ids.get(0), ids.get(0)), attempts.subList(0, 3),
                    "nothing of the subject goes before its first event is delivered: " + attempts);
        }
    }

    @Test
    void aDeliveryQueuedBehindItsSubjectsFailingFirstSaysItWaitsForItsRetry() {
        String missionId = newId();
        try (WebhookReceiver receiver = new WebhookReceiver().answering(request -> WebhookReceiver.Answer.of(503))) {
            String id = subscribe(planner(), receiver.url("/queued"), MISSION_CREATED, "ca.cpa.mission.status-changed.v1")
                    .getString("id");
            KafkaEvents.publish("cpa.mission.events", MISSION_CREATED, "/cpa/mission-service", missionId,
                    Api.missionCreatedData(missionId));
            KafkaEvents.publish("cpa.mission.events", "ca.cpa.mission.status-changed.v1", "/cpa/mission-service", missionId, """
                    {"missionId": "%s", "code": "X", "previousStatus": "PLANNED", "status": "ACTIVE",
                     "changedAt": "2026-11-28T10:00:00Z"}""".formatted(missionId));

            // once the first has failed again after the second was recorded, the second waits for the first's retry
            await().atMost(EVENTUALLY).untilAsserted(() -> {
                JsonPath both = deliveries(id); // newest first
                assertEquals(2, both.getList("items").size(), both.prettify());
                assertEquals("PENDING", both.getString("items[1].status"), both.prettify());
                Instant secondRecorded = Instant.parse(both.getString("items[0].createdAt"));
                assertTrue(Instant.parse(both.getString("items[1].lastAttemptAt")).isAfter(secondRecorded), both.prettify());
                Instant firstRetried = Instant.parse(both.getString("items[1].nextAttemptAt"));
                Instant secondTried = Instant.parse(both.getString("items[0].nextAttemptAt"));
                assertFalse(secondTried.isBefore(firstRetried), "the second is not tried before the first: " + both.prettify());
            });
            assertTrue(receiver.received().stream().noneMatch(request -> request.body().contains("status-changed")),
                    "the second was never sent: " + receiver.received());
        }
    }

    @Test
    void anEventDeliveredAgainByKafkaIsDeliveredOnceToEachSubscription() {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            subscribe(planner(), receiver.url("/one"), MISSION_CREATED);
            subscribe(planner(), receiver.url("/two"), MISSION_CREATED);
            String missionId = newId();
            String eventId = newId();
            KafkaEvents.publish("cpa.mission.events", eventId, MISSION_CREATED, "/cpa/mission-service", missionId,
                    Api.missionCreatedData(missionId));
            KafkaEvents.publish("cpa.mission.events", eventId, MISSION_CREATED, "/cpa/mission-service", missionId,
                    Api.missionCreatedData(missionId));
            await().atMost(EVENTUALLY).until(() ->
                    receiver.received().stream().filter(r -> r.webhookId().equals(eventId)).count() >= 2);
            pause(Duration.ofSeconds(2));
            assertEquals(List.of("/one", "/two"), receiver.received().stream().filter(r -> r.webhookId().equals(eventId))
                    .map(WebhookReceiver.Received::path).sorted().toList());
        }
    }

    @Test
    void aRedirectIsNotFollowedAndCountsAsAFailure() {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            receiver.answering(request -> request.path().equals("/moved")
                    ? new WebhookReceiver.Answer(302, Map.of("Location", receiver.url("/elsewhere")), new byte[0])
                    : WebhookReceiver.Answer.of(200));
            JsonPath subscription = subscribe(planner(), receiver.url("/moved"), MISSION_CREATED);
            missionCreated(newId());
            await().atMost(EVENTUALLY).untilAsserted(() -> {
                JsonPath delivery = deliveries(subscription.getString("id"));
                assertEquals(302, delivery.getInt("items[0].lastResponseCode"));
                assertTrue(delivery.getInt("items[0].attempts") >= 2, "retried: " + delivery.prettify());
            });
            assertTrue(receiver.received().stream().noneMatch(request -> request.path().equals("/elsewhere")));
        }
    }

    @Test
    void aSlowReceiverTimesOutAndAHugeAnswerIsReadOnlyInPart() {
        byte[] huge = new byte[32 * 1024 * 1024];
        java.util.Arrays.fill(huge, (byte) 'x');
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            receiver.answering(request -> {
                if (request.path().equals("/slow")) {
                    pause(Duration.ofSeconds(5)); // the timeout under test is 3 s
                    return WebhookReceiver.Answer.of(200);
                }
                return new WebhookReceiver.Answer(200, Map.of(), huge);
            });
            JsonPath slow = subscribe(planner(), receiver.url("/slow"), MISSION_CREATED);
            JsonPath talkative = subscribe(planner(), receiver.url("/talkative"), MISSION_CREATED);
            missionCreated(newId());
            await().atMost(EVENTUALLY).untilAsserted(() -> {
                JsonPath delivery = deliveries(slow.getString("id"));
                assertTrue(String.valueOf(delivery.getString("items[0].lastError")).contains("no answer within 3000 ms"),
                        delivery.prettify());
                assertNull(delivery.get("items[0].lastResponseCode"));
            });
            await().atMost(EVENTUALLY).untilAsserted(() ->
                    assertEquals("SUCCEEDED", deliveries(talkative.getString("id")).getString("items[0].status")));
            await().atMost(EVENTUALLY).until(() -> receiver.answersCut() == 1);
        }
    }

    static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static WebhookReceiver.Received awaitOne(WebhookReceiver receiver) {
        await().atMost(EVENTUALLY).until(() -> !receiver.received().isEmpty());
        return receiver.received().get(0);
    }
}
