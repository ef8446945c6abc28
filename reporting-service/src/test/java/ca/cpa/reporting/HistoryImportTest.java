package ca.cpa.reporting;

import ca.cpa.platform.security.Roles;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static ca.cpa.reporting.Api.CSV_HEADER;
import static ca.cpa.reporting.Api.as;
import static ca.cpa.reporting.Api.csvRow;
import static ca.cpa.reporting.Api.history;
import static ca.cpa.reporting.Api.planner;
import static ca.cpa.reporting.Api.pseudonym;
import static ca.cpa.reporting.Api.uniqueCode;
import static ca.cpa.reporting.Api.upload;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Importing history files: every test works in years of its own past (what live events touch is
 * this year), and compares the figures before and after.
 */
@QuarkusTest
class HistoryImportTest {

    private static final String CSV = "text/csv";

    @Test
    void aValidFileIsImportedAndCountsAtOnceEachOfficerOnce() {
        String mission = uniqueCode("M");
        String officer = pseudonym();
        String file = lines(CSV_HEADER,
                csvRow(mission, "HT", "RCMP", officer, "1994-03-01", "1994-09-30"),
                csvRow(mission, "HT", "RCMP", officer, "1994-11-01", "1995-04-30"),
                csvRow(mission, "KE", "SPVM", pseudonym(), "1994-06-15", "1995-06-14"));
        JsonPath before = history(1994, 1994);

        Response imported = upload(CSV, file).post("/api/v1/history/imports");
        imported.then().statusCode(201).header("Location", startsWith("http"))
                .body("status", equalTo("IMPORTED")).body("rowsRead", equalTo(3)).body("rowsImported", equalTo(3))
                .body("rowsAlreadyImported", equalTo(0)).body("rowsRejected", equalTo(0)).body("errors", hasSize(0));

        JsonPath after = history(1994, 1994);
        assertEquals(before.getLong("deployments") + 3, after.getLong("deployments"));
        assertEquals(before.getLong("officersDeployed") + 2, after.getLong("officersDeployed"));
        assertEquals(before.getLong("missions") + 1, after.getLong("missions"));
        assertEquals(countryDeployments(before, "KE") + 1, countryDeployments(after, "KE"));
        planner().get(imported.header("Location")).then().statusCode(200)
                .body("id", equalTo(imported.path("id"))).body("rowsImported", equalTo(3))
                .body("contentSha256", equalTo(imported.path("contentSha256")));
    }

    @Test
    void theSameFileSentTwiceImportsNothingNew() {
        String file = lines(CSV_HEADER,
                csvRow(uniqueCode("M"), "BA", "RCMP", pseudonym(), "1996-01-10", "1996-07-10"),
                csvRow(uniqueCode("M"), "BA", "OPP", pseudonym(), "1996-02-10", "1996-08-10"));
        upload(CSV, file).post("/api/v1/history/imports").then().statusCode(201).body("rowsImported", equalTo(2));
        JsonPath between = history(1996, 1996);

        upload(CSV, file).post("/api/v1/history/imports").then().statusCode(201)
                .body("rowsRead", equalTo(2)).body("rowsImported", equalTo(0)).body("rowsAlreadyImported", equalTo(2));
        assertEquals(between.getLong("deployments"), history(1996, 1996).getLong("deployments"));
    }

    @Test
    void aDryRunChecksEverythingAndKeepsNothing() {
        String file = lines(CSV_HEADER,
                csvRow(uniqueCode("M"), "TL", "RCMP", pseudonym(), "1997-01-10", "1997-07-10"),
                csvRow(uniqueCode("M"), "TL", "SQ", pseudonym(), "1997-02-10", "1997-08-10"));
        JsonPath before = history(1997, 1997);

        planner().contentType(CSV).body(file).queryParam("dryRun", true).post("/api/v1/history/imports")
                .then().statusCode(200).body("id", nullValue()).body("status", equalTo("CHECKED"))
                .body("rowsImported", equalTo(2));
        assertEquals(before.getLong("deployments"), history(1997, 1997).getLong("deployments"));

        upload(CSV, file).post("/api/v1/history/imports").then().statusCode(201).body("rowsImported", equalTo(2));
    }

    @Test
    void aFileWithAnInvalidRowKeepsNothingAndNamesEachRowAndField() {
        String good = csvRow(uniqueCode("M"), "HT", "RCMP", pseudonym(), "1998-01-10", "1998-07-10");
        String file = lines(CSV_HEADER, good,
                csvRow(uniqueCode("M"), "HT", "RCMP", pseudonym(), "1998-02-30", "1998-07-10"),
                csvRow(uniqueCode("M"), "XX", "RCMP", pseudonym(), "1998-01-10", "1998-07-10"),
                csvRow(uniqueCode("M"), "HT", "RCMP", "Jean Tremblay", "1998-01-10", "1998-07-10"),
                csvRow(uniqueCode("M"), "HT", "RCMP", "RCMP-48213", "1998-01-10", "1998-07-10"),
                csvRow(uniqueCode("M"), "HT", "RCMP", pseudonym(), "1998-08-10", "1998-07-10"),
                csvRow(uniqueCode("M"), "HT", "RCMP", pseudonym(), "1985-01-10", "1985-07-10"),
                csvRow(uniqueCode("M"), "HT", "RCMP", pseudonym(), "1998-01-10", "1998-07-10").replace("SWORN_OFFICER", "CONSTABLE"));
        JsonPath before = history(1998, 1998);

        JsonPath problem = upload(CSV, file).post("/api/v1/history/imports").then().statusCode(400)
                .contentType("application/problem+json").extract().jsonPath();
        assertEquals(List.of(
                Map.of("row", 2, "field", "startDate"), Map.of("row", 3, "field", "hostCountry"),
                Map.of("row", 4, "field", "officerRef"), Map.of("row", 5, "field", "officerRef"),
                Map.of("row", 6, "field", "endDate"), Map.of("row", 7, "field", "startDate"),
                Map.of("row", 8, "field", "memberType")), rowsAndFields(problem));
        assertTrue(problem.getString("detail").startsWith("7 of 8 rows are invalid"), problem.getString("detail"));
        assertEquals(before.getLong("deployments"), history(1998, 1998).getLong("deployments"));
        // nothing of the file was kept, the valid row included
        upload(CSV, lines(CSV_HEADER, good)).post("/api/v1/history/imports").then().statusCode(201)
                .body("rowsImported", equalTo(1));
    }

    @Test
    void partialKeepsTheValidRowsAndListsTheOthers() {
        String file = lines(CSV_HEADER,
                csvRow(uniqueCode("M"), "ML", "RCMP", pseudonym(), "1999-01-10", "1999-07-10"),
                csvRow(uniqueCode("M"), "ML", "RCMP", "", "1999-01-10", "1999-07-10"),
                csvRow(uniqueCode("M"), "ML", "RCMP", pseudonym(), "1999-03-10", "1999-09-10"));
        JsonPath before = history(1999, 1999);

        Response imported = planner().contentType(CSV).body(file).queryParam("partial", true).post("/api/v1/history/imports");
        imported.then().statusCode(201).body("status", equalTo("PARTIALLY_IMPORTED"))
                .body("rowsRead", equalTo(3)).body("rowsImported", equalTo(2)).body("rowsRejected", equalTo(1))
                .body("errors", hasSize(1)).body("errors[0].row", equalTo(2)).body("errors[0].field", equalTo("officerRef"))
                .body("errors[0].message", equalTo("is required"));
        assertEquals(before.getLong("deployments") + 2, history(1999, 1999).getLong("deployments"));
        planner().header("Accept-Language", "fr").get(imported.header("Location")).then().statusCode(200)
                .body("errors[0].message", equalTo("est obligatoire"));
    }

    @Test
    void aByteOrderMarkQuotedFieldsCrlfAndAnyColumnOrderAreRead() {
        String mission = uniqueCode("Q");
        String file = "\uFEFFofficerRef,missionCode,missionName,hostCountry,partnerOrganization,policeServiceCode,memberType,startDate,endDate\r\n"
                + pseudonym() + "," + mission + ",\"Mission \"\"Hope\"\", Haiti\r\nphase 2\",HT,\"United Nations, DPO\",RCMP,"
                + "CIVILIAN_MEMBER,2000-01-10,2000-07-10\r\n"
                + pseudonym() + "," + mission + ",Plain,HT,,RCMP,SWORN_OFFICER,2000-02-10,2000-08-10";
        upload(CSV + "; charset=UTF-8", file).post("/api/v1/history/imports").then().statusCode(201)
                .body("rowsRead", equalTo(2)).body("rowsImported", equalTo(2));
    }

    @Test
    void aJsonArrayOfRowsIsImportedAndItsUnknownFieldsRefused() {
        String mission = uniqueCode("J");
        String row = """
                {"missionCode": "%s", "missionName": "Mission", "hostCountry": "SD", "partnerOrganization": null,
                 "policeServiceCode": "RCMP", "officerRef": "%s", "memberType": "SWORN_OFFICER",
                 "startDate": "2001-05-01", "endDate": "2001-11-01"%s}""";
        JsonPath before = history(2001, 2001);
        upload("application/json", "[" + row.formatted(mission, pseudonym(), "") + "," + row.formatted(mission, pseudonym(), "") + "]")
                .post("/api/v1/history/imports").then().statusCode(201).body("rowsImported", equalTo(2));
        assertEquals(before.getLong("deployments") + 2, history(2001, 2001).getLong("deployments"));

        JsonPath problem = upload("application/json", "[" + row.formatted(mission, pseudonym(), ", \"name\": \"Jean Tremblay\"") + "]")
                .post("/api/v1/history/imports").then().statusCode(400).extract().jsonPath();
        assertEquals(List.of(Map.of("row", 1, "field", "name")), rowsAndFields(problem));
    }

    @Test
    void aFileThatIsNotAHistoryFileIsRefusedWhole() {
        upload(CSV, "").post("/api/v1/history/imports").then().statusCode(400).body("errors[0].field", equalTo("header"));
        upload(CSV, CSV_HEADER + "\n").post("/api/v1/history/imports").then().statusCode(400)
                .body("errors[0].field", equalTo("rows"));
        JsonPath header = upload(CSV, CSV_HEADER.replace("officerRef", "officerName") + "\n"
                + csvRow("ABC", "HT", "RCMP", "Jean Tremblay", "2002-01-01", "2002-02-01"))
                .post("/api/v1/history/imports").then().statusCode(400).extract().jsonPath();
        assertEquals(List.of(Map.of("row", 0, "field", "officerName"), Map.of("row", 0, "field", "officerRef")),
                rowsAndFields(header));
        upload(CSV, lines(CSV_HEADER, csvRow("ABC", "HT", "RCMP", pseudonym(), "2002-01-01", "2002-02-01") + ",\"open"))
                .post("/api/v1/history/imports").then().statusCode(400).body("errors[0].row", equalTo(1));
        upload("application/json", "{\"rows\": []}").post("/api/v1/history/imports").then().statusCode(400);
        upload("application/json", "[{\"missionCode\": ").post("/api/v1/history/imports").then().statusCode(400);
        upload(CSV, "x").body(new byte[]{'m', (byte) 0xC3, (byte) 0x28}).post("/api/v1/history/imports")
                .then().statusCode(400).body("errors[0].field", equalTo("body"));
        for (String broken : List.of("[[}]", "[{\"missionCode\": {\"a\": }}]", "[{\"missionName\": \"a\u0001\tb\"}]")) {
            upload("application/json", broken).post("/api/v1/history/imports").then().statusCode(400);
        }
        upload(CSV, lines(CSV_HEADER, csvRow(uniqueCode("M"), "HT", "RCMP", pseudonym(), "2002-01-01", "+10000-01-01"),
                        csvRow(uniqueCode("M"), "HT", "RCMP", pseudonym(), "2002-01-01", "2002-02-01").replace("Mission ", "Mission\u0000")))
                .post("/api/v1/history/imports").then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.contains("endDate", "missionName"));
        upload("application/xml", "<rows/>").post("/api/v1/history/imports").then().statusCode(415);
        planner().contentType(CSV).body(lines(CSV_HEADER)).queryParam("dryRun", "maybe").post("/api/v1/history/imports")
                .then().statusCode(400).body("errors[0].field", equalTo("dryRun"));
    }

    @Test
    void aHundredThousandRowsAreImported() {
        String mission = uniqueCode("K");
        long officers = UUID.randomUUID().getMostSignificantBits() >>> 12;
        StringBuilder file = new StringBuilder(CSV_HEADER).append('\n');
        for (int i = 0; i < 100_000; i++) {
            file.append(mission).append(",Mission,HT,United Nations,RCMP,").append(String.format("ab0%013x", officers + i))
                    .append(",SWORN_OFFICER,2003-").append(String.format("%02d", 1 + i % 12)).append("-01,2003-12-31\n");
        }
        JsonPath before = history(2003, 2003);
        upload(CSV, file.toString()).post("/api/v1/history/imports").then().statusCode(201)
                .body("rowsRead", equalTo(100_000)).body("rowsImported", equalTo(100_000));
        JsonPath after = history(2003, 2003);
        assertEquals(before.getLong("deployments") + 100_000, after.getLong("deployments"));
        assertEquals(before.getLong("officersDeployed") + 100_000, after.getLong("officersDeployed"));
    }

    @Test
    void onlyPlannersImportAndStaffWhoReadReportsReadImports() {
        String file = lines(CSV_HEADER, csvRow(uniqueCode("M"), "HT", "RCMP", pseudonym(), "2002-01-01", "2002-02-01"));
        for (String role : List.of(Roles.AUDITOR, Roles.GAC_APPROVER, Roles.PERSONNEL_OFFICER, Roles.REQUESTING_PARTNER)) {
            given().auth().oauth2(ca.cpa.testing.Tokens.of(role)).contentType(CSV).body(file)
                    .post("/api/v1/history/imports").then().statusCode(403);
        }
        String location = upload(CSV, file).post("/api/v1/history/imports").then().statusCode(201).extract().header("Location");
        as(Roles.AUDITOR).get(location).then().statusCode(200);
        as(Roles.RCMP_APPROVER).get(location).then().statusCode(200);
        as(Roles.PERSONNEL_OFFICER).get(location).then().statusCode(403);
        planner().get("/api/v1/history/imports/" + Api.newId()).then().statusCode(404);
    }

    @Test
    void theHistoryReportCoversEveryYearAskedAndRefusesOthers() {
        JsonPath report = history(1989, 1995);
        assertEquals(7, report.getList("byYear").size());
        assertEquals(1989, report.getInt("byYear[0].year"));
        planner().queryParam("from", 1988).get("/api/v1/reports/program/history").then().statusCode(400)
                .body("errors[0].field", equalTo("from"));
        planner().queryParam("from", 2000).queryParam("to", 1999).get("/api/v1/reports/program/history")
                .then().statusCode(400).body("errors[0].field", equalTo("to"));
        planner().queryParam("from", "nineteen").get("/api/v1/reports/program/history").then().statusCode(400);
        String csv = planner().accept(CSV).queryParam("from", 1994).queryParam("to", 1995)
                .get("/api/v1/reports/program/history.csv").then().statusCode(200).extract().asString();
        List<String> lines = csv.lines().toList();
        assertEquals("dimension,key,deployments,officersDeployed,countries", lines.get(0));
        assertTrue(lines.get(1).startsWith("total,1994-1995,"), lines.get(1));
        assertTrue(lines.get(2).startsWith("year,1994,"), lines.get(2));
    }

    private static String lines(String... lines) {
        return String.join("\n", lines) + "\n";
    }

    private static long countryDeployments(JsonPath report, String country) {
        Object count = report.param("c", country).get("byCountry.find { it.country == c }.deployments");
        return count == null ? 0 : ((Number) count).longValue();
    }

    private static List<Map<String, Object>> rowsAndFields(JsonPath problem) {
        return problem.<Map<String, Object>>getList("errors").stream()
                .map(error -> Map.of("row", error.get("row"), "field", error.get("field"))).toList();
    }
}
