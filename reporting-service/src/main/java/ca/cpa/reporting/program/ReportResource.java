package ca.cpa.reporting.program;

import ca.cpa.platform.security.Roles;
import ca.cpa.reporting.csv.CsvWriter;
import ca.cpa.reporting.history.HistoryReport;
import ca.cpa.reporting.history.HistoryReports;
import ca.cpa.reporting.history.YearSpan;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The Program's figures, as JSON or CSV: now, and since 1989. Counts only; no report names or
 * identifies an officer.
 */
@Path("/api/v1/reports")
@Tag(name = "Reports", description = "The Program's figures, now and since 1989: counts only")
@RolesAllowed({Roles.MISSION_PLANNER, Roles.GAC_APPROVER, Roles.PS_APPROVER, Roles.RCMP_APPROVER, Roles.AUDITOR})
public class ReportResource {

    private static final String CSV = "text/csv";
    /** The ETag of a report: a weak tag of its figures (tagOf). */
    private static final String FIGURES_TAG = "^W/\"[0-9a-f]{1,8}\"$";

    @Inject
    ProgramReports program;

    @Inject
    HistoryReports history;

    @GET
    @Path("program")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getProgramReport", summary = "The Program now",
            description = "Deployed and planned officers against the program cap, by mission (with its authorized ceiling), "
                    + "police service and member type. Built from the services' events; asOf says up to when.")
    @APIResponse(responseCode = "200", description = "The figures now",
            headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING, pattern = FIGURES_TAG, maxLength = 12)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProgramReport.class)))
    public Response now() {
        ProgramReport report = program.now();
        return Response.ok(report).tag(tagOf(report)).build();
    }

    @GET
    @Path("program.csv")
    @Produces(CSV)
    @Operation(operationId = "getProgramReportCsv", summary = "The Program now, as CSV",
            description = "The figures of GET /api/v1/reports/program, one row each: dimension (program, mission, "
                    + "policeService, memberType), key, hostCountry, authorizedCeiling, deployed, planned; the program row "
                    + "holds the cap in authorizedCeiling. asOf is in every row's first column.")
    @APIResponse(responseCode = "200", description = "RFC 4180 CSV with a header row",
            headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING, pattern = FIGURES_TAG, maxLength = 12)),
            content = @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING, maxLength = 10485760)))
    public Response nowAsCsv() {
        ProgramReport report = program.now();
        CsvWriter csv = new CsvWriter().row("asOf", "dimension", "key", "hostCountry", "authorizedCeiling", "deployed", "planned");
        csv.row(report.asOf(), "program", "ALL", null, report.programCap(), report.deployedNow(), report.plannedNow());
        report.byMission().forEach(m -> csv.row(report.asOf(), "mission", m.code() == null ? m.missionId() : m.code(),
                m.hostCountry(), m.authorizedCeiling(), m.deployed(), m.planned()));
        report.byPoliceService().forEach(s -> csv.row(report.asOf(), "policeService", s.policeServiceCode(), null, null,
                s.deployed(), s.planned()));
        report.byMemberType().forEach(t -> csv.row(report.asOf(), "memberType", t.memberType(), null, null,
                t.deployed(), t.planned()));
        return csv(csv, "cpa-program.csv", tagOf(report));
    }

    @GET
    @Path("program/history")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getProgramHistory", summary = "The Program since 1989",
            description = "Every deployment that began in the years from..to, imported and live, by year and host country; "
                    + "each officer counted once in officersDeployed.")
    @APIResponse(responseCode = "200", description = "The figures of those years",
            headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING, pattern = FIGURES_TAG, maxLength = 12)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = HistoryReport.class)))
    public Response history(@BeanParam YearSpan span) {
        HistoryReport report = history.between(span.from(), span.to());
        return Response.ok(report).tag(tagOf(report)).build();
    }

    @GET
    @Path("program/history.csv")
    @Produces(CSV)
    @Operation(operationId = "getProgramHistoryCsv", summary = "The Program since 1989, as CSV",
            description = "The figures of GET /api/v1/reports/program/history, one row each: dimension (total, year, "
                    + "country), key, deployments, officersDeployed, countries (officers and countries are blank by country).")
    @APIResponse(responseCode = "200", description = "RFC 4180 CSV with a header row",
            headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING, pattern = FIGURES_TAG, maxLength = 12)),
            content = @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING, maxLength = 10485760)))
    public Response historyAsCsv(@BeanParam YearSpan span) {
        HistoryReport report = history.between(span.from(), span.to());
        CsvWriter csv = new CsvWriter().row("dimension", "key", "deployments", "officersDeployed", "countries");
        csv.row("total", report.from() + "-" + report.to(), report.deployments(), report.officersDeployed(),
                report.countriesServed());
        report.byYear().forEach(y -> csv.row("year", y.year(), y.deployments(), y.officersDeployed(), y.countries()));
        report.byCountry().forEach(c -> csv.row("country", c.country(), c.deployments(), null, null));
        return csv(csv, "cpa-program-history.csv", tagOf(report));
    }

    private static Response csv(CsvWriter csv, String fileName, EntityTag tag) {
        return Response.ok(csv.toString(), CSV + "; charset=UTF-8; header=present")
                .header("Content-Disposition", "attachment; filename=\"" + fileName + "\"")
                .tag(tag).build();
    }

    /** Reports are values: equal figures, equal tag. */
    private static EntityTag tagOf(Record report) {
        return new EntityTag(Integer.toHexString(report.hashCode()), true);
    }
}
