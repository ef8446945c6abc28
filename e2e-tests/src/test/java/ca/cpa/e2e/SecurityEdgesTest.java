package ca.cpa.e2e;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;

import static ca.cpa.e2e.Api.approver;
import static ca.cpa.e2e.Api.as;
import static ca.cpa.e2e.Api.created;
import static ca.cpa.e2e.Api.eventually;
import static ca.cpa.e2e.Api.partner;
import static ca.cpa.e2e.Api.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The security edges, as a caller of the gateway meets them. */
@ExtendWith(RunningSuite.class)
class SecurityEdgesTest {

    @Test
    void withoutAValidTokenNothingPassesTheGateway() {
        given().get("/api/v1/missions").then().statusCode(401).contentType("application/problem+json");
        String foreign = ca.cpa.runtime.DevTokens.committed().issue("intruder", List.of("auditor"), null,
                Duration.ofHours(1));
        given().auth().oauth2(foreign).get("/api/v1/missions").then().statusCode(401)
                .body("type", equalTo("urn:cpa:problem:unauthenticated"));
        String expired = RunningSuite.suite().tokens().sign(ca.cpa.runtime.DevTokens.ISSUER, "late", List.of("auditor"),
                null, Instant.now().minus(Duration.ofHours(2)), Duration.ofHours(1));
        given().auth().oauth2(expired).get("/api/v1/missions").then().statusCode(401);
    }

    @Test
    void aRoleMayDoOnlyWhatContractMdGivesIt() {
        as("auditor").body(mission()).post("/api/v1/missions").then().statusCode(403)
                .contentType("application/problem+json").body("type", equalTo("urn:cpa:problem:forbidden"));
        partner("UN-DPO").get("/api/v1/officers").then().statusCode(403);
        as("mission-planner").get("/api/v1/officers").then().statusCode(403);
        as("gac-approver").get("/api/v1/missions").then().statusCode(200);
    }

    @Test
    void aPartnerCannotSeeAnotherOrganizationsRequest() {
        String mission = created(as("mission-planner").body(mission()).post("/api/v1/missions").then());
        String request = created(partner("UN-DPO").body("""
                        {"missionId": "%s", "requestingOrganization": {"type": "UNITED_NATIONS"},
                         "positions": [{"role": "ELECTIONS_SUPPORT", "count": 1, "languages": ["fr"],
                                        "minYearsOfService": 3, "memberType": "SWORN_OFFICER"}],
                         "durationMonths": 6, "justification": "Support to the electoral process."}"""
                .formatted(mission)).post("/api/v1/mission-requests").then());
        partner("UN-DPO").get("/api/v1/mission-requests/" + request).then().statusCode(200);
        partner("OSCE").get("/api/v1/mission-requests/" + request).then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void gacCannotDecideForTheRcmp() {
        String mission = created(as("mission-planner").body(mission()).post("/api/v1/missions").then());
        String[] caseId = new String[1];
        eventually(() -> caseId[0] = created(as("mission-planner").body("""
                        {"kind": "CEILING_AMENDMENT", "missionId": "%s", "proposedCeiling": 4, "rationale": "Start-up."}"""
                .formatted(mission)).post("/api/v1/authorization-cases").then()));
        approver("GAC").body("{\"partner\": \"RCMP\", \"decision\": \"APPROVE\"}")
                .post("/api/v1/authorization-cases/" + caseId[0] + "/decisions").then().statusCode(403)
                .contentType("application/problem+json");
        as("auditor").get("/api/v1/authorization-cases/" + caseId[0]).then()
                .body("status", equalTo("PENDING")).body("decisions.size()", equalTo(0));
    }

    /**
     * A service builds its links from the X-Forwarded-* headers of the gateway only: the same
     * headers sent to it from another address are ignored. The gateway runs on this machine, so
     * the other address is this machine's own address on its network.
     */
    @Test
    void aServiceBelievesXForwardedHeadersFromTheGatewayOnly() throws Exception {
        String token = RunningSuite.suite().tokens().issue("forwarding-test", List.of("mission-planner"), null,
                Duration.ofHours(1));
        int port = RunningSuite.suite().serviceUrl("mission-service").getPort();
        String fromTheGatewaysAddress = given().baseUri("http://127.0.0.1:" + port).auth().oauth2(token)
                .contentType("application/json").header("X-Forwarded-Host", "cpa.example.gc.ca")
                .header("X-Forwarded-Proto", "https").body(mission()).post("/api/v1/missions")
                .then().statusCode(201).extract().header("Location");
        assertTrue(fromTheGatewaysAddress.startsWith("https://cpa.example.gc.ca/api/v1/missions/"), fromTheGatewaysAddress);

        String otherAddress = ownNetworkAddress();
        Assumptions.assumeTrue(otherAddress != null, "this machine has no network address besides loopback");
        String fromElsewhere = given().baseUri("http://" + otherAddress + ":" + port).auth().oauth2(token)
                .contentType("application/json").header("X-Forwarded-Host", "attacker.example")
                .header("X-Forwarded-Proto", "https").body(mission()).post("/api/v1/missions")
                .then().statusCode(201).extract().header("Location");
        assertTrue(fromElsewhere.startsWith("http://" + otherAddress + ":" + port + "/api/v1/missions/"), fromElsewhere);
    }

    private static String ownNetworkAddress() throws SocketException {
        for (NetworkInterface network : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (network.isUp() && !network.isLoopback()) {
                for (InetAddress address : Collections.list(network.getInetAddresses())) {
                    if (address instanceof Inet4Address && !address.isLoopbackAddress()) {
                        return address.getHostAddress();
                    }
                }
            }
        }
        return null;
    }

    private static String mission() {
        return """
                {"code": "%s", "nameEn": "Electoral support mission", "nameFr": "Mission d’appui électoral",
                 "hostCountry": "HT", "type": "UN_PEACE_OPERATION", "partnerOrganization": "United Nations"}"""
                .formatted(unique("EAS"));
    }
}
