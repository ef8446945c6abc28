package ca.cpa.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.InputFormat;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EventSchemasTest {

    /** The event types of CONTRACT.md, and those added since (1.1.0): each must be documented with a schema. */
    private static final Set<String> CONTRACT_TYPES = Set.of(
            "ca.cpa.mission.created.v1", "ca.cpa.mission.status-changed.v1", "ca.cpa.mission.mandate-changed.v1",
            "ca.cpa.mission-request.received.v1",
            "ca.cpa.mission-request.submitted.v1", "ca.cpa.mission-request.withdrawn.v1", "ca.cpa.mission-request.fulfilled.v1",
            "ca.cpa.authorization.case-opened.v1", "ca.cpa.authorization.decision-recorded.v1",
            "ca.cpa.authorization.granted.v1", "ca.cpa.authorization.denied.v1",
            "ca.cpa.candidate.selected.v1", "ca.cpa.training.completed.v1", "ca.cpa.deployment.planned.v1",
            "ca.cpa.deployment.started.v1", "ca.cpa.deployment.ended.v1", "ca.cpa.deployment.welfare-alert.v1",
            "ca.cpa.deployment.cancelled.v1", "ca.cpa.deployment.extended.v1");

    /** How an optional field says which minor version added it (events published before lack it). */
    private static final Pattern SINCE = Pattern.compile("Since (\\d+\\.\\d+\\.\\d+): optional");

    private final ContractDocuments documents = ContractDocuments.current();

    @Test
    void everyContractTypeHasASchemaAndNothingElseIsPublished() {
        assertEquals(new TreeSet<>(CONTRACT_TYPES), new TreeSet<>(documents.schemasByType().keySet()));
    }

    @Test
    void everySchemaIsAValidDraft202012SchemaNamedByItsType() {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
        var metaSchema = registry.getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
        documents.schemasByType().forEach((type, schema) -> {
            assertEquals("https://json-schema.org/draft/2020-12/schema", schema.path("$schema").asText(), type);
            assertEquals(ContractDocuments.SCHEMA_ID_PREFIX + type, schema.path("$id").asText(), type);
            assertEquals(List.of(), metaSchema.validate(schema.toString(), InputFormat.JSON).stream()
                    .map(error -> error.getInstanceLocation() + " " + error.getMessage()).toList(), type);
            assertTrue(schema.path("description").asText().length() > 20, type + " is described");
            schema.path("properties").properties().forEach(property -> {
                if (schema.path("required").toString().contains('"' + property.getKey() + '"')) {
                    return;
                }
                // a field a minor version added is sent (null when it has no value) but absent from older events
                Matcher since = SINCE.matcher(property.getValue().path("description").asText());
                String where = type + "." + property.getKey();
                assertTrue(since.find(), where + " is always sent, so it is required, unless a minor version added it"
                        + " and its description says since which one (\"Since x.y.z: optional\")");
                assertTrue(Releases.compare(since.group(1), documents.version()) <= 0
                                && Releases.major(since.group(1)) == Releases.major(documents.version()),
                        where + " was added by a minor version of this one, not " + since.group(1));
                assertTrue(property.getValue().path("type").toString().contains("\"null\""),
                        where + " is sent as null when it has no value, so null is allowed");
            });
        });
    }

    @Test
    void everyMessageIsOnATopicAndCarriesTheCloudEventsHeaders() {
        JsonNode asyncApi = documents.asyncApi();
        Set<String> onChannels = new TreeSet<>();
        asyncApi.path("channels").forEach(channel -> channel.path("messages").forEach(message -> onChannels.add(
                asyncApi.at(message.path("$ref").asText().substring(1)).path("name").asText())));
        CONTRACT_TYPES.forEach(type -> assertTrue(onChannels.contains(type), type + " is on a channel"));
        JsonNode headers = asyncApi.at("/components/messageTraits/cloudEvent/headers/required");
        for (String header : List.of("ce_specversion", "ce_id", "ce_source", "ce_type", "ce_subject", "ce_time",
                "ce_dataschema", "content-type")) {
            assertTrue(headers.toString().contains('"' + header + '"'), header);
        }
    }

    @Test
    void theBundledDocumentInlinesEverySchema() {
        String bundled = documents.bundledAsyncApi().toString();
        assertFalse(bundled.contains("./events/"), "no file reference is left");
        CONTRACT_TYPES.forEach(type -> assertTrue(bundled.contains(ContractDocuments.SCHEMA_ID_PREFIX + type), type));
    }

    @Test
    void anEventIsCheckedAgainstItsSchemaStrictly() {
        EventContract contract = EventContract.current();
        String type = "ca.cpa.mission.status-changed.v1";
        String dataschema = ContractDocuments.SCHEMA_ID_PREFIX + type;
        String valid = """
                {"missionId": "0c6f2b8e-2f0a-4c55-a3f6-9a1d3e4b5c60", "code": "PROTEUS", "previousStatus": "PLANNED",
                 "status": "ACTIVE", "changedAt": "2026-11-27T15:04:05.123Z"}""";
        assertEquals(List.of(), contract.violations(type, dataschema, valid));
        assertEquals(1, contract.violations(type, dataschema, valid.replace("ACTIVE", "DORMANT")).size());
        assertEquals(1, contract.violations(type, dataschema, valid.replace("0c6f2b8e-", "0c6f2b8X-")).size(),
                "formats are asserted");
        assertEquals(1, contract.violations(type, dataschema, valid.replace("\"code\"", "\"officerName\": \"x\", \"code\"")).size(),
                "an undocumented field is refused");
        assertEquals(1, contract.violations(type, dataschema, valid.replace("\"code\": \"PROTEUS\",", "")).size());
        assertEquals(List.of("ce_dataschema is null, not " + dataschema), contract.violations(type, null, valid));
        assertEquals(List.of("no schema published for type ca.cpa.mission.renamed.v1"),
                contract.violations("ca.cpa.mission.renamed.v1", dataschema, valid));
    }

    @Test
    void fieldsAddedByAMinorVersionAreOptionalAndNullable() {
        EventContract contract = EventContract.current();
        String type = "ca.cpa.mission.created.v1";
        String dataschema = ContractDocuments.SCHEMA_ID_PREFIX + type;
        String released = """
                {"missionId": "0c6f2b8e-2f0a-4c55-a3f6-9a1d3e4b5c60", "code": "PROTEUS", "nameEn": "Proteus",
                 "nameFr": "Protée", "hostCountry": "UA", "type": "BILATERAL", "partnerOrganization": "EUAM",
                 "status": "PLANNED", "createdAt": "2026-11-27T15:04:05.123Z"}""";
        assertEquals(List.of(), contract.violations(type, dataschema, released), "an event published before 1.1.0");
        String current = released.replace("}", ", \"mandateStart\": \"2014-12-01\", \"mandateEnd\": null, \"cpaSince\": null}");
        assertEquals(List.of(), contract.violations(type, dataschema, current));
        assertEquals(1, contract.violations(type, dataschema, current.replace("2014-12-01", "2014-13-01")).size(),
                "formats are asserted");
        String ended = """
                {"deploymentId": "0c6f2b8e-2f0a-4c55-a3f6-9a1d3e4b5c60", "officerId": "5b0f3c1e-8a51-4d1f-9d52-3b7a1f0c2e11",
                 "missionId": "0c6f2b8e-2f0a-4c55-a3f6-9a1d3e4b5c61", "missionRequestId": "5b0f3c1e-8a51-4d1f-9d52-3b7a1f0c2e12",
                 "role": "COMMUNITY_POLICING", "returnDate": "2027-03-01", "reason": "MEDICAL_EVACUATION"}""";
        assertEquals(List.of(), contract.violations("ca.cpa.deployment.ended.v1",
                ContractDocuments.SCHEMA_ID_PREFIX + "ca.cpa.deployment.ended.v1", ended));
    }
}
