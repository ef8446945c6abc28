package ca.cpa.e2e;

import ca.cpa.testing.KafkaEvents;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import static ca.cpa.e2e.Api.approver;
import static ca.cpa.e2e.Api.as;
import static ca.cpa.e2e.Api.created;
import static ca.cpa.e2e.Api.eventually;
import static ca.cpa.e2e.Api.partner;
import static ca.cpa.e2e.Api.unique;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The CPA workflow end to end, only through the gateway and only with the roles of
 * CONTRACT.md, each part checking what it does as it goes: a UN request for the DRC from filing
 * to fulfilment, and Op PROTEUS's ceiling amendment and a declined request. Each part makes its
 * own missions, requests and officers, so any test can run what it needs, in any order.
 */
public final class Workflows {

    private static final String UN = "UN-DPO";
    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);
    private static final String MENTORING = "TRAINING_MENTORING_MONITORING";
    private static final String HUMAN_RIGHTS = "HUMAN_RIGHTS_INVESTIGATION";

    /** A mission and its request, authorized for two places. */
    public record DrcRequest(String missionId, String requestId) {
    }

    private Workflows() {
    }

    /** The whole workflow: the DRC request authorized and fulfilled, and PROTEUS amended and declined. */
    public static void wholeWorkflow() {
        drcOfficersDeployedUpToTheCeiling(drcRequestAuthorizedByTheThreePartners());
        proteusCeilingGoesFrom7To12AndARejectedRequestIsDeclined();
    }

    /**
     * A UN request for the DRC filed, assessed and submitted, its case approved by GAC, PS and the
     * RCMP, the ceiling set everywhere; answers the mission and the authorized request.
     */
    public static DrcRequest drcRequestAuthorizedByTheThreePartners() {
        String drcMission = created(as("mission-planner").body("""
                        {"code": "%s", "nameEn": "Stabilization mission in the DR Congo",
                         "nameFr": "Mission de stabilisation en RD Congo", "hostCountry": "CD",
                         "type": "UN_PEACE_OPERATION", "partnerOrganization": "United Nations"}"""
                .formatted(unique("MONUSCO"))).post("/api/v1/missions").then());

        String drcRequest = created(partner(UN).body("""
                        {"missionId": "%s", "requestingOrganization": {"type": "UNITED_NATIONS"},
                         "positions": [
                           {"role": "%s", "count": 1, "languages": ["fr"], "minYearsOfService": 5, "memberType": "SWORN_OFFICER"},
                           {"role": "%s", "count": 1, "languages": ["fr"], "minYearsOfService": 5, "memberType": "SWORN_OFFICER"}],
                         "durationMonths": 12, "justification": "Mentoring of the Congolese National Police in Kinshasa."}"""
                .formatted(drcMission, MENTORING, HUMAN_RIGHTS)).post("/api/v1/mission-requests").then()
                .body("status", equalTo("RECEIVED")).body("requestingOrganization.name", equalTo(UN)));

        as("mission-planner").body("""
                        {"riskLevel": "HIGH", "recommendation": "PROCEED", "notes": "French speakers essential."}""")
                .post("/api/v1/mission-requests/" + drcRequest + "/assessment").then().statusCode(200)
                .body("status", equalTo("ASSESSED"));
        String traceId = "0af7651916cd43dd8448eb211c80319c";
        as("mission-planner").header("traceparent", "00-" + traceId + "-b7ad6b7169203331-01")
                .post("/api/v1/mission-requests/" + drcRequest + "/submission").then().statusCode(200)
                .body("status", equalTo("SUBMITTED"));

        String[] caseId = new String[1];
        eventually(() -> caseId[0] = approver("GAC").queryParam("missionId", drcMission)
                .get("/api/v1/authorization-cases").then().statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].kind", equalTo("DEPLOYMENT"))
                .body("items[0].missionRequestId", equalTo(drcRequest))
                .body("items[0].proposedCeiling", equalTo(2))
                .body("items[0].status", equalTo("PENDING"))
                .extract().path("items[0].id"));

        // the submission's trace went on through mission-service's event into the case's own event
        KafkaEvents.ReceivedEvent opened = KafkaEvents.await("cpa.authorization.events",
                e -> caseId[0].equals(e.subject()) && "ca.cpa.authorization.case-opened.v1".equals(e.type()),
                Api.EVENTUALLY);
        assertTrue(opened.header("ce_traceparent").startsWith("00-" + traceId + "-"), opened.header("ce_traceparent"));

        for (String partner : List.of("GAC", "PS", "RCMP")) {
            approver(partner).body("""
                            {"partner": "%s", "decision": "APPROVE", "rationale": "Consistent with Canada's commitments."}"""
                    .formatted(partner)).post("/api/v1/authorization-cases/" + caseId[0] + "/decisions")
                    .then().statusCode(201);
        }
        approver("RCMP").get("/api/v1/authorization-cases/" + caseId[0]).then().statusCode(200)
                .body("status", equalTo("APPROVED")).body("decisions.partner", contains("GAC", "PS", "RCMP"));

        eventually(() -> as("auditor").get("/api/v1/mission-requests/" + drcRequest).then()
                .body("status", equalTo("AUTHORIZED")));
        eventually(() -> as("mission-planner").get("/api/v1/missions/" + drcMission).then()
                .body("authorizedCeiling", equalTo(2)));
        as("auditor").queryParam("missionId", drcMission).get("/api/v1/ministerial-authorizations").then()
                .statusCode(200).body("items", hasSize(1)).body("items[0].ceiling", equalTo(2));
        return new DrcRequest(drcMission, drcRequest);
    }

    /**
     * French-speaking officers of two police services screened, selected, trained and deployed on
     * the authorized DRC request up to its ceiling (the request fulfilled), one of them home again.
     */
    public static void drcOfficersDeployedUpToTheCeiling(DrcRequest drc) {
        String drcMission = drc.missionId();
        String drcRequest = drc.requestId();
        String montreal = policeService("SPVM", "QC");
        String quebec = policeService("SQ", "QC");
        String englishOnly = officer(montreal, "Chen", "[\"en\"]");
        String french = officer(montreal, "Tremblay", "[\"fr\", \"en\"]");
        String alsoFrench = officer(quebec, "Roy", "[\"fr\"]");

        // personnel-service learns of the authorization from the event; a throwaway nominee tells when
        eventually(() -> as("personnel-officer").body(candidacy(officer(quebec, "Probe", "[\"fr\"]"), drcRequest, MENTORING))
                .post("/api/v1/candidacies").then().statusCode(201).body("status", equalTo("ELIGIBLE")));

        String ineligible = created(as("personnel-officer").body(candidacy(englishOnly, drcRequest, MENTORING))
                .post("/api/v1/candidacies").then()
                .body("status", equalTo("INELIGIBLE")).body("reasons", contains("LANGUAGE")));
        as("personnel-officer").body("{\"decision\": \"SELECT\"}")
                .post("/api/v1/candidacies/" + ineligible + "/selection").then().statusCode(409);

        String mentor = created(as("personnel-officer").body(candidacy(french, drcRequest, MENTORING)).post("/api/v1/candidacies")
                .then().body("status", equalTo("ELIGIBLE")));
        String investigator = created(as("personnel-officer").body(candidacy(alsoFrench, drcRequest, HUMAN_RIGHTS))
                .post("/api/v1/candidacies").then().body("status", equalTo("ELIGIBLE")));
        for (String candidacy : List.of(mentor, investigator)) {
            as("personnel-officer").body("{\"decision\": \"SELECT\"}")
                    .post("/api/v1/candidacies/" + candidacy + "/selection").then().statusCode(200)
                    .body("status", equalTo("SELECTED"));
        }

        String course = created(as("personnel-officer").body("""
                        {"title": "International Peace Operations pre-deployment course", "kind": "PRE_DEPLOYMENT",
                         "startDate": "%s", "endDate": "%s", "capacity": 24}"""
                .formatted(TODAY.minusWeeks(3), TODAY.minusWeeks(1))).post("/api/v1/training-courses").then());
        for (String officer : List.of(french, alsoFrench)) {
            String enrolment = created(as("personnel-officer").body("{\"officerId\": \"%s\"}".formatted(officer))
                    .post("/api/v1/training-courses/" + course + "/enrolments").then());
            as("personnel-officer").body("{\"outcome\": \"PASSED\"}").post("/api/v1/enrolments/" + enrolment + "/result")
                    .then().statusCode(200);
        }

        String mentorTour = created(as("personnel-officer").body(deployment(mentor)).post("/api/v1/deployments")
                .then().body("status", equalTo("PLANNED")));
        String investigatorTour = created(as("personnel-officer").body(deployment(investigator))
                .post("/api/v1/deployments").then().body("status", equalTo("PLANNED")));
        for (String tour : List.of(mentorTour, investigatorTour)) {
            as("personnel-officer").post("/api/v1/deployments/" + tour + "/arrival").then().statusCode(200)
                    .body("status", equalTo("IN_THEATRE"));
        }
        as("personnel-officer").body("{\"wellbeing\": \"GOOD\", \"notes\": \"Settled in Kinshasa.\"}")
                .post("/api/v1/deployments/" + mentorTour + "/check-ins").then().statusCode(201);

        eventually(() -> as("mission-planner").get("/api/v1/missions/" + drcMission).then()
                .body("deployedStrength", equalTo(2)));
        eventually(() -> partner(UN).get("/api/v1/mission-requests/" + drcRequest).then()
                .body("status", equalTo("FULFILLED")));

        as("personnel-officer").body("{\"returnDate\": \"%s\", \"reason\": \"EARLY_RETURN\"}".formatted(TODAY))
                .post("/api/v1/deployments/" + mentorTour + "/repatriation").then().statusCode(200)
                .body("status", equalTo("COMPLETED"));
        eventually(() -> as("auditor").get("/api/v1/missions/" + drcMission).then()
                .body("deployedStrength", equalTo(1)));
    }

    /** Op PROTEUS's ceiling amended from 7 to 12 by all three partners, and a request of it rejected by PS and declined. */
    public static void proteusCeilingGoesFrom7To12AndARejectedRequestIsDeclined() {
        String proteus = created(as("mission-planner").body("""
                        {"code": "%s", "nameEn": "Operation PROTEUS", "nameFr": "Opération PROTEUS", "hostCountry": "PS",
                         "type": "BILATERAL", "partnerOrganization": "Office of the United States Security Coordinator"}"""
                .formatted(unique("PROTEUS"))).post("/api/v1/missions").then());
        amendCeiling(proteus, 7);
        eventually(() -> as("mission-planner").get("/api/v1/missions/" + proteus).then()
                .body("authorizedCeiling", equalTo(7)));
        amendCeiling(proteus, 12);
        eventually(() -> as("gac-approver").get("/api/v1/missions/" + proteus).then()
                .body("authorizedCeiling", equalTo(12)));
        as("auditor").queryParam("missionId", proteus).get("/api/v1/ministerial-authorizations").then()
                .body("items.ceiling", contains(12, 7));

        String request = created(partner("USSC").body("""
                        {"missionId": "%s", "requestingOrganization": {"type": "COUNTRY", "country": "US"},
                         "positions": [{"role": "SERIOUS_ORGANIZED_CRIME", "count": 3, "languages": ["en", "ar"],
                                        "minYearsOfService": 10, "memberType": "SWORN_OFFICER"}],
                         "durationMonths": 12, "justification": "Support to the Palestinian Authority Security Forces."}"""
                .formatted(proteus)).post("/api/v1/mission-requests").then());
        as("mission-planner").body("{\"riskLevel\": \"EXTREME\", \"recommendation\": \"PROCEED\"}")
                .post("/api/v1/mission-requests/" + request + "/assessment").then().statusCode(200);
        as("mission-planner").post("/api/v1/mission-requests/" + request + "/submission").then().statusCode(200);
        String[] caseId = new String[1];
        eventually(() -> caseId[0] = as("ps-approver").queryParam("missionId", proteus)
                .queryParam("status", "PENDING").get("/api/v1/authorization-cases").then()
                .body("items", hasSize(1)).body("items[0].proposedCeiling", equalTo(15))
                .extract().path("items[0].id"));
        approver("GAC").body("{\"partner\": \"GAC\", \"decision\": \"APPROVE\"}")
                .post("/api/v1/authorization-cases/" + caseId[0] + "/decisions").then().statusCode(201);
        approver("PS").body("{\"partner\": \"PS\", \"decision\": \"REJECT\", \"rationale\": \"Risk too high.\"}")
                .post("/api/v1/authorization-cases/" + caseId[0] + "/decisions").then().statusCode(201);
        as("auditor").get("/api/v1/authorization-cases/" + caseId[0]).then().body("status", equalTo("REJECTED"));
        approver("RCMP").body("{\"partner\": \"RCMP\", \"decision\": \"APPROVE\"}")
                .post("/api/v1/authorization-cases/" + caseId[0] + "/decisions").then().statusCode(409);

        eventually(() -> partner("USSC").get("/api/v1/mission-requests/" + request).then()
                .body("status", equalTo("DECLINED")));
        as("auditor").get("/api/v1/missions/" + proteus).then().body("authorizedCeiling", equalTo(12));
    }

    private static void amendCeiling(String missionId, int ceiling) {
        String[] caseId = new String[1];
        // authorization-service learns of the mission from its event
        eventually(() -> caseId[0] = created(as("mission-planner").body("""
                        {"kind": "CEILING_AMENDMENT", "missionId": "%s", "proposedCeiling": %d,
                         "rationale": "Canada's contribution to the USSC in the West Bank."}"""
                .formatted(missionId, ceiling)).post("/api/v1/authorization-cases").then()));
        for (String partner : List.of("GAC", "PS", "RCMP")) {
            approver(partner).body("{\"partner\": \"%s\", \"decision\": \"APPROVE\"}".formatted(partner))
                    .post("/api/v1/authorization-cases/" + caseId[0] + "/decisions").then().statusCode(201);
        }
        as("auditor").get("/api/v1/authorization-cases/" + caseId[0]).then()
                .body("status", equalTo("APPROVED")).body("kind", equalTo("CEILING_AMENDMENT"));
    }

    private static String policeService(String prefix, String province) {
        String code = unique(prefix);
        as("personnel-officer").body("""
                        {"code": "%s", "nameEn": "%s police", "nameFr": "Police %s", "province": "%s"}"""
                .formatted(code, prefix, prefix, province)).post("/api/v1/police-services").then().statusCode(201);
        return code;
    }

    private static String officer(String policeService, String familyName, String languages) {
        return created(as("personnel-officer").body("""
                        {"policeServiceCode": "%s", "serviceNumber": "%s", "givenName": "Alex", "familyName": "%s",
                         "memberType": "SWORN_OFFICER", "rank": "Sergeant", "yearsOfService": 10, "languages": %s,
                         "specialties": ["%s"], "securityClearance": {"level": "SECRET", "expiry": "%s"},
                         "medicalClearanceExpiry": "%s"}"""
                .formatted(policeService, unique("SN"), familyName, languages, MENTORING, TODAY.plusYears(3),
                        TODAY.plusYears(3))).post("/api/v1/officers").then());
    }

    private static String candidacy(String officerId, String requestId, String role) {
        return "{\"officerId\": \"%s\", \"missionRequestId\": \"%s\", \"role\": \"%s\"}".formatted(officerId, requestId, role);
    }

    private static String deployment(String candidacyId) {
        return "{\"candidacyId\": \"%s\", \"startDate\": \"%s\", \"endDate\": \"%s\"}"
                .formatted(candidacyId, TODAY.plusWeeks(2), TODAY.plusWeeks(2).plusMonths(12));
    }
}
