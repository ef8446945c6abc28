package ca.cpa.mission;

import ca.cpa.testing.KafkaEvents;

import java.util.UUID;

/** The events other services publish, as the tests publish them to the real broker. */
final class Events {

    static final String AUTHORIZATION_TOPIC = "cpa.authorization.events";
    static final String PERSONNEL_TOPIC = "cpa.personnel.events";
    static final String GRANTED = "ca.cpa.authorization.granted.v1";

    private Events() {
    }

    /** The mission's Ministerial Authorization number {@code number} grants {@code newCeiling}. */
    static String granted(String missionId, String requestId, int newCeiling, int number) {
        String caseId = UUID.randomUUID().toString();
        return KafkaEvents.publish(AUTHORIZATION_TOPIC, GRANTED, "/cpa/authorization-service", caseId,
                grantedData(caseId, missionId, requestId, newCeiling, number));
    }

    static String grantedData(String caseId, String missionId, String requestId, int newCeiling, int number) {
        return """
                {"caseId": "%s", "kind": "%s", "missionId": "%s", "missionRequestId": %s, "newCeiling": %d,
                 "authorizationNumber": %d, "effectiveDate": "2026-11-27"}""".formatted(caseId,
                requestId == null ? "CEILING_AMENDMENT" : "DEPLOYMENT", missionId,
                requestId == null ? "null" : "\"" + requestId + "\"", newCeiling, number);
    }


    static void denied(String missionId, String requestId) {
        String caseId = UUID.randomUUID().toString();
        KafkaEvents.publish(AUTHORIZATION_TOPIC, "ca.cpa.authorization.denied.v1", "/cpa/authorization-service", caseId,
                """
                        {"caseId": "%s", "kind": "DEPLOYMENT", "missionId": "%s", "missionRequestId": "%s"}"""
                        .formatted(caseId, missionId, requestId));
    }

    /** An officer of {@code role} arrived in theatre; answers the deployment id. */
    static String deploymentStarted(String missionId, String requestId, String role) {
        String deploymentId = UUID.randomUUID().toString();
        KafkaEvents.publish(PERSONNEL_TOPIC, "ca.cpa.deployment.started.v1", "/cpa/personnel-service", deploymentId,
                deploymentData(deploymentId, missionId, requestId, role));
        return deploymentId;
    }

    static void deploymentEnded(String deploymentId, String missionId, String requestId, String role) {
        KafkaEvents.publish(PERSONNEL_TOPIC, "ca.cpa.deployment.ended.v1", "/cpa/personnel-service", deploymentId,
                deploymentData(deploymentId, missionId, requestId, role));
    }

    private static String deploymentData(String deploymentId, String missionId, String requestId, String role) {
        return """
                {"deploymentId": "%s", "officerId": "%s", "missionId": "%s", "missionRequestId": "%s", "role": "%s",
                 "startDate": "2026-12-01", "endDate": "2027-11-30"}"""
                .formatted(deploymentId, UUID.randomUUID(), missionId, requestId, role);
    }
}
