package ca.cpa.e2e;

import ca.cpa.testing.NodeTools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static ca.cpa.e2e.Api.as;
import static ca.cpa.e2e.Api.created;
import static ca.cpa.e2e.Api.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The npm package @cpa/client as a partner uses it: its example (clients/typescript/example),
 * which the clients/typescript module's build installs from the packed tarball and compiles with
 * tsc --strict, run with Node against the suite to file a mission request and read it back.
 */
@ExtendWith(RunningSuite.class)
class TypeScriptClientTest {

    @Test
    void theExampleOnThePackagedClientFilesAndReadsARequest() {
        Path script = NodeTools.root().resolve("clients/typescript/example/dist/example.js");
        assertTrue(Files.exists(script), script + " is missing: the clients/typescript module builds it (package phase)");

        String missionId = created(as("mission-planner").body("""
                        {"code": "%s", "nameEn": "Police mission in Haiti", "nameFr": "Mission de police en Haïti",
                         "hostCountry": "HT", "type": "UN_PEACE_OPERATION", "partnerOrganization": "United Nations"}"""
                .formatted(unique("BINUH"))).post("/api/v1/missions").then());
        String partnerToken = RunningSuite.suite().tokens().issue("e2e-partner@UN-DPO", List.of("requesting-partner"),
                "UN-DPO", Duration.ofMinutes(10));
        NodeTools.Run example = NodeTools.run(Map.of(
                        "CPA_URL", RunningSuite.suite().gatewayUrl().toString(),
                        "CPA_PARTNER_TOKEN", partnerToken,
                        "CPA_MISSION_ID", missionId),
                "node", script.toString());
        assertEquals(0, example.exitCode(), example.output());
        assertTrue(example.output().contains("\"status\":\"RECEIVED\",\"positions\":1"), example.output());
        String id = example.output().replaceAll("(?s).*\"id\":\"([0-9a-f-]{36})\".*", "$1");
        as("mission-planner").get("/api/v1/mission-requests/" + id).then().statusCode(200);
    }
}
