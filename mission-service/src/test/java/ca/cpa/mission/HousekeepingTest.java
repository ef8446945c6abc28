package ca.cpa.mission;

import ca.cpa.platform.Housekeeping;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static ca.cpa.mission.Api.missionJson;
import static ca.cpa.mission.Api.planner;
import static ca.cpa.mission.Api.uniqueCode;

@QuarkusTest
class HousekeepingTest {

    @Inject
    Housekeeping housekeeping;

    @Inject
    EntityManager entityManager;

    @Test
    void anIdempotencyKeyIsHonouredForADayThenForgotten() {
        String expired = UUID.randomUUID().toString();
        String recent = UUID.randomUUID().toString();
        planner().header("Idempotency-Key", expired).body(missionJson(uniqueCode("OLD"), "HT"))
                .post("/api/v1/missions").then().statusCode(201);
        planner().header("Idempotency-Key", recent).body(missionJson(uniqueCode("NEW"), "HT"))
                .post("/api/v1/missions").then().statusCode(201);
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                        "UPDATE idempotency_key SET created_at = now() - interval '2 days' WHERE idempotency_key = ?1")
                .setParameter(1, expired).executeUpdate());

        housekeeping.removeExpired();

        planner().header("Idempotency-Key", expired).body(missionJson(uniqueCode("REUSED"), "HT"))
                .post("/api/v1/missions").then().statusCode(201);
        planner().header("Idempotency-Key", recent).body(missionJson(uniqueCode("REUSED"), "HT"))
                .post("/api/v1/missions").then().statusCode(422);
    }
}
