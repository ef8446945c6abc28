package ca.cpa.runtime;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Realistic demo data, loaded through the public API as its users would: real CPA missions
 * (Op PROTEUS in the West Bank with its ceiling of 7 authorized by GAC, PS and the
 * RCMP; a UN mission in the DRC that needs French speakers; Haiti), partner police services,
 * officers and a pre-deployment course, and two requests from the UN at different stages.
 * Loaded once: a data directory that already has PROTEUS is left as it is. Then the sample
 * history of deployments before the suite ({@value #HISTORY_SAMPLE}) is imported into
 * reporting-service, as an analyst would import a file: importing it again adds nothing.
 */
final class DemoData {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    /** The sample history file, under the repository's root. */
    static final String HISTORY_SAMPLE = "docs/samples/cpa-history-sample.csv";

    private final JsonApi api;
    private final String planner;
    private final String personnelOfficer;
    private final String unPartner;
    private final DevTokens tokens;
    private final Path root;
    private final List<String> summary = new ArrayList<>();

    /** Demo data for the suite behind {@code gateway}, its files found under the repository's {@code root}. */
    DemoData(URI gateway, DevTokens tokens, Path root) {
        this.api = new JsonApi(gateway);
        this.tokens = tokens;
        this.root = root;
        this.planner = token("demo-planner", "mission-planner", null);
        this.personnelOfficer = token("demo-personnel", "personnel-officer", null);
        this.unPartner = token("demo-un-dpo", "requesting-partner", "UN-DPO");
    }

    /** Loads the data and returns what it loaded, one line each. */
    List<String> load() {
        List<String> loaded = new ArrayList<>(workflows());
        loaded.add(importHistory());
        return List.copyOf(loaded);
    }

    /** The missions, requests, officers and deployments, once. */
    private List<String> workflows() {
        JsonNode missions = api.get(planner, "/api/v1/missions?size=100").body();
        for (JsonNode mission : missions.path("items")) {
            if ("PROTEUS".equals(mission.path("code").asText())) {
                return List.of("demo data already loaded (Op PROTEUS exists)");
            }
        }
        String proteus = mission("PROTEUS", "Operation PROTEUS", "Opération PROTEUS", "PS", "BILATERAL",
                "Office of the United States Security Coordinator");
        String monusco = mission("MONUSCO", "United Nations Organization Stabilization Mission in the DR Congo",
                "Mission de l’Organisation des Nations Unies pour la stabilisation en RD Congo", "CD",
                "UN_PEACE_OPERATION", "United Nations");
        String binuh = mission("BINUH", "United Nations Integrated Office in Haiti",
                "Bureau intégré des Nations Unies en Haïti", "HT", "UN_PEACE_OPERATION", "United Nations");
        summary.add("missions PROTEUS (West Bank), MONUSCO (DRC), BINUH (Haiti)");

        authorizeCeiling(proteus, 7);

        policeService("SPVM", "Montreal Police Service", "Service de police de la Ville de Montréal", "QC");
        policeService("SQ", "Sûreté du Québec", "Sûreté du Québec", "QC");
        policeService("TPS", "Toronto Police Service", "Service de police de Toronto", "ON");
        summary.add("police services SPVM, SQ, TPS (beside the RCMP)");

        officer("RCMP", "100231", "Marie", "Tremblay", "SWORN_OFFICER", "Sergeant", 14, "[\"fr\", \"en\"]",
                "TRAINING_MENTORING_MONITORING");
        officer("SPVM", "SP-4471", "Jean-Luc", "Gagnon", "SWORN_OFFICER", "Sergent", 11, "[\"fr\", \"en\"]",
                "COMMUNITY_POLICING");
        officer("SQ", "SQ-20877", "Isabelle", "Roy", "SWORN_OFFICER", "Lieutenante", 9, "[\"fr\"]",
                "HUMAN_RIGHTS_INVESTIGATION");
        officer("TPS", "TPS-9120", "David", "Chen", "SWORN_OFFICER", "Detective", 8, "[\"en\"]",
                "SERIOUS_ORGANIZED_CRIME");
        officer("TPS", "TPS-7712", "Sarah", "Wilson", "SWORN_OFFICER", "Staff Sergeant", 15, "[\"en\"]",
                "MANAGEMENT_DEVELOPMENT");
        officer("RCMP", "C-55310", "Aisha", "Mohamed", "CIVILIAN_MEMBER", "Strategic Analyst", 6, "[\"en\", \"ar\"]",
                "STRATEGIC_ANALYSIS");
        summary.add("6 officers of 4 police services (3 speak French)");

        LocalDate start = LocalDate.now().plusWeeks(3);
        api.postUntil(personnelOfficer, "/api/v1/training-courses", """
                {"title": "International Peace Operations pre-deployment course", "kind": "PRE_DEPLOYMENT",
                 "startDate": "%s", "endDate": "%s", "capacity": 24}""".formatted(start, start.plusDays(11)), 201, PATIENCE);
        summary.add("a pre-deployment course starting " + start);

        String drcRequest = request(monusco, "TRAINING_MENTORING_MONITORING", 2, "SWORN_OFFICER", 5,
                "Mentoring of the Congolese National Police in Kinshasa; French essential.");
        api.postUntil(planner, "/api/v1/mission-requests/" + drcRequest + "/assessment", """
                {"riskLevel": "HIGH", "recommendation": "PROCEED", "notes": "French speakers essential."}""", 200, PATIENCE);
        api.postUntil(planner, "/api/v1/mission-requests/" + drcRequest + "/submission", "", 200, PATIENCE);
        summary.add("a UN request for MONUSCO (2 French-speaking mentors), submitted: its case waits for GAC, PS and RCMP");
        request(binuh, "COMMUNITY_POLICING", 1, "SWORN_OFFICER", 8,
                "Community policing advisor to the Haitian National Police.");
        summary.add("a UN request for BINUH, received: it waits for assessment");

        api.getUntil(planner, "/api/v1/missions/" + proteus, mission -> mission.path("authorizedCeiling").asInt() == 7,
                PATIENCE);
        proteusRotation(proteus);
        return List.copyOf(summary);
    }

    /**
     * The sample history file, POSTed as it is ({@code text/csv}) by a mission-planner through
     * the gateway. A file imported before imports nothing new (201, {@code rowsImported} 0).
     */
    private String importHistory() {
        Path file = root.resolve(HISTORY_SAMPLE);
        if (!Files.isRegularFile(file)) {
            return "no history imported: " + file + " is missing";
        }
        Instant deadline = Instant.now().plus(PATIENCE);
        JsonApi.Answer answer = api.postFile(planner, "/api/v1/history/imports", "text/csv", file);
        while (answer.status() >= 500 && Instant.now().isBefore(deadline)) {
            Pause.of(Pause.BETWEEN_POLLS);
            answer = api.postFile(planner, "/api/v1/history/imports", "text/csv", file);
        }
        if (answer.status() != 201) {
            throw new IllegalStateException("POST /api/v1/history/imports of " + file + " answered " + answer.status()
                    + ": " + answer.body());
        }
        JsonNode result = answer.body();
        return String.format(Locale.ROOT,
                "history before the suite: %d deployments imported from %s (%d rows read, %d already imported, "
                        + "%d rejected; import %s)", result.path("rowsImported").asInt(), HISTORY_SAMPLE,
                result.path("rowsRead").asInt(), result.path("rowsAlreadyImported").asInt(),
                result.path("rowsRejected").asInt(), result.path("id").asText());
    }

    /**
     * A USSC request for two more PROTEUS mentors, authorized by the three partners; two
     * officers trained, selected and planned; then one deployment cancelled and the other extended.
     */
    // A list's items and its totalItems are read by two statements, so an answer may count a row
    // its items do not hold yet: the demo waits on the items themselves.
    private void proteusRotation(String proteus) {
        String ussc = token("demo-ussc", "requesting-partner", "USSC");
        String request = api.postUntil(ussc, "/api/v1/mission-requests", """
                {"missionId": "%s", "requestingOrganization": {"type": "COUNTRY", "country": "US"},
                 "positions": [{"role": "TRAINING_MENTORING_MONITORING", "count": 2, "languages": ["en"],
                                "minYearsOfService": 5, "memberType": "SWORN_OFFICER"}],
                 "durationMonths": 12, "justification": "Two more mentors for the Palestinian Authority Security Forces."}"""
                .formatted(proteus), 201, PATIENCE).path("id").asText();
        api.postUntil(planner, "/api/v1/mission-requests/" + request + "/assessment", """
                {"riskLevel": "MODERATE", "recommendation": "PROCEED"}""", 200, PATIENCE);
        api.postUntil(planner, "/api/v1/mission-requests/" + request + "/submission", "", 200, PATIENCE);
        String caseId = api.getUntil(planner, "/api/v1/authorization-cases?missionId=" + proteus + "&status=PENDING",
                cases -> cases.path("items").size() == 1, PATIENCE).path("items").get(0).path("id").asText();
        decide(caseId);
        api.getUntil(planner, "/api/v1/mission-requests/" + request, body -> "AUTHORIZED".equals(body.path("status").asText()),
                PATIENCE);

        LocalDate today = LocalDate.now();
        String course = api.postUntil(personnelOfficer, "/api/v1/training-courses", """
                {"title": "Pre-deployment course (autumn)", "kind": "PRE_DEPLOYMENT", "startDate": "%s",
                 "endDate": "%s", "capacity": 24}""".formatted(today.minusDays(40), today.minusDays(30)), 201, PATIENCE)
                .path("id").asText();
        JsonNode officers = api.getUntil(personnelOfficer, "/api/v1/officers?language=en&size=100",
                page -> page.path("items").size() >= 4, PATIENCE).path("items");
        List<String> candidacies = new ArrayList<>();
        for (JsonNode officer : officers) {
            if (candidacies.size() == 2) {
                break;
            }
            String officerId = officer.path("id").asText();
            JsonNode candidacy = api.postUntil(personnelOfficer, "/api/v1/candidacies", """
                    {"officerId": "%s", "missionRequestId": "%s", "role": "TRAINING_MENTORING_MONITORING"}"""
                    .formatted(officerId, request), 201, PATIENCE);
            if ("ELIGIBLE".equals(candidacy.path("status").asText())) {
                String enrolment = api.postUntil(personnelOfficer, "/api/v1/training-courses/" + course + "/enrolments",
                        "{\"officerId\": \"%s\"}".formatted(officerId), 201, PATIENCE).path("id").asText();
                api.postUntil(personnelOfficer, "/api/v1/enrolments/" + enrolment + "/result", "{\"outcome\": \"PASSED\"}",
                        200, PATIENCE);
                api.postUntil(personnelOfficer, "/api/v1/candidacies/" + candidacy.path("id").asText() + "/selection",
                        "{\"decision\": \"SELECT\"}", 200, PATIENCE);
                candidacies.add(candidacy.path("id").asText());
            }
        }
        if (candidacies.size() < 2) {
            throw new IllegalStateException("too few eligible officers for the PROTEUS request");
        }
        LocalDate start = today.plusWeeks(6);
        List<String> deployments = new ArrayList<>();
        for (String candidacy : candidacies) {
            deployments.add(api.postUntil(personnelOfficer, "/api/v1/deployments", """
                    {"candidacyId": "%s", "startDate": "%s", "endDate": "%s"}"""
                    .formatted(candidacy, start, start.plusMonths(12)), 201, PATIENCE).path("id").asText());
        }
        api.postUntil(personnelOfficer, "/api/v1/deployments/" + deployments.get(0) + "/cancellation", """
                {"reason": "OPERATIONAL", "note": "Posting deferred by the USSC."}""", 200, PATIENCE);
        api.postUntil(personnelOfficer, "/api/v1/deployments/" + deployments.get(1) + "/extension", """
                {"endDate": "%s", "justification": "Continuity of mentoring through the transition."}"""
                .formatted(start.plusMonths(15)), 200, PATIENCE);
        summary.add("a USSC request for two PROTEUS mentors, authorized; one deployment cancelled, the other "
                + "extended to " + start.plusMonths(15));
    }

    private String mission(String code, String nameEn, String nameFr, String country, String type, String partner) {
        return api.postUntil(planner, "/api/v1/missions", """
                {"code": "%s", "nameEn": "%s", "nameFr": "%s", "hostCountry": "%s", "type": "%s",
                 "partnerOrganization": "%s"}""".formatted(code, nameEn, nameFr, country, type, partner), 201, PATIENCE)
                .path("id").asText();
    }

    /** A ceiling amendment decided by all three partners: the Ministerial Authorization of the mission. */
    private void authorizeCeiling(String missionId, int ceiling) {
        String caseId = api.postUntil(planner, "/api/v1/authorization-cases", """
                {"kind": "CEILING_AMENDMENT", "missionId": "%s", "proposedCeiling": %d,
                 "rationale": "Canada's contribution to the USSC in the West Bank."}""".formatted(missionId, ceiling),
                201, PATIENCE).path("id").asText();
        decide(caseId);
        summary.add("Op PROTEUS ceiling " + ceiling + ", approved by GAC, PS and RCMP (case " + caseId + ")");
    }

    /** GAC, PS and the RCMP each approve the case. */
    private void decide(String caseId) {
        for (String partner : List.of("GAC", "PS", "RCMP")) {
            String approver = token("demo-" + partner.toLowerCase() + "-approver", partner.toLowerCase() + "-approver", null);
            api.postUntil(approver, "/api/v1/authorization-cases/" + caseId + "/decisions", """
                    {"partner": "%s", "decision": "APPROVE", "rationale": "Consistent with Canada's engagement."}"""
                    .formatted(partner), 201, PATIENCE);
        }
    }

    private void policeService(String code, String nameEn, String nameFr, String province) {
        api.postUntil(personnelOfficer, "/api/v1/police-services", """
                {"code": "%s", "nameEn": "%s", "nameFr": "%s", "province": "%s"}"""
                .formatted(code, nameEn, nameFr, province), 201, PATIENCE);
    }

    private void officer(String service, String number, String given, String family, String memberType, String rank,
                         int years, String languages, String specialty) {
        LocalDate today = LocalDate.now();
        api.postUntil(personnelOfficer, "/api/v1/officers", """
                {"policeServiceCode": "%s", "serviceNumber": "%s", "givenName": "%s", "familyName": "%s",
                 "memberType": "%s", "rank": "%s", "yearsOfService": %d, "languages": %s, "specialties": ["%s"],
                 "securityClearance": {"level": "SECRET", "expiry": "%s"}, "medicalClearanceExpiry": "%s"}"""
                .formatted(service, number, given, family, memberType, rank, years, languages, specialty,
                        today.plusYears(4), today.plusYears(2)), 201, PATIENCE);
    }

    private String request(String missionId, String role, int count, String memberType, int years, String justification) {
        return api.postUntil(unPartner, "/api/v1/mission-requests", """
                {"missionId": "%s", "requestingOrganization": {"type": "UNITED_NATIONS"},
                 "positions": [{"role": "%s", "count": %d, "languages": ["fr"], "minYearsOfService": %d,
                                "memberType": "%s"}],
                 "durationMonths": 12, "justification": "%s"}"""
                .formatted(missionId, role, count, years, memberType, justification), 201, PATIENCE)
                .path("id").asText();
    }

    private String token(String subject, String role, String organization) {
        return tokens.issue(subject, List.of(role), organization, Duration.ofHours(1));
    }
}
