package ca.cpa.e2e;

import ca.cpa.testing.NodeTools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static ca.cpa.e2e.Api.as;
import static ca.cpa.e2e.Api.created;
import static ca.cpa.e2e.Api.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The typed client a frontend team would build: types generated from the merged document
 * (openapi-typescript), clients/typescript/example.ts compiled with tsc --strict against them,
 * then run with Node against the suite to file a mission request and read it back.
 */
@ExtendWith(RunningSuite.class)
class TypeScriptClientTest {

    @Test
    void aClientGeneratedFromTheDocumentCompilesStrictlyAndFilesAndReadsARequest() {
        NodeTools.Run generate = NodeTools.run("openapi-typescript", MergedDocument.file().toString(),
                "--output", "clients/typescript/generated/cpa-api.d.ts");
        assertEquals(0, generate.exitCode(), generate.output());

        NodeTools.Run compile = NodeTools.run("tsc", "--project", "clients/typescript");
        assertEquals(0, compile.exitCode(), "tsc --strict:\n" + compile.output());

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
                "node", "clients/typescript/dist/example.js");
        assertEquals(0, example.exitCode(), example.output());
        assertTrue(example.output().contains("\"status\":\"RECEIVED\",\"positions\":1"), example.output());
        String id = example.output().replaceAll("(?s).*\"id\":\"([0-9a-f-]{36})\".*", "$1");
        as("mission-planner").get("/api/v1/mission-requests/" + id).then().statusCode(200);
    }
}
