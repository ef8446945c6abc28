package ca.cpa.reporting.history;

import ca.cpa.platform.core.problem.Messages;
import ca.cpa.platform.core.problem.Problem;
import ca.cpa.platform.domain.NotFoundException;
import ca.cpa.platform.http.ETags;
import ca.cpa.platform.http.QueryParams;
import ca.cpa.platform.problem.ProblemException;
import ca.cpa.platform.problem.RequestLocale;
import ca.cpa.platform.security.Caller;
import ca.cpa.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

@Path("/api/v1/history/imports")
@Tag(name = "History", description = "Deployments before this suite, imported from files")
@Produces(MediaType.APPLICATION_JSON)
public class HistoryImportResource {

    private static final String CSV = "text/csv";

    @Inject
    HistoryImporter importer;

    @Inject
    Caller caller;

    @POST
    @Consumes({CSV, MediaType.APPLICATION_JSON})
    @RolesAllowed(Roles.MISSION_PLANNER)
    @Operation(operationId = "importHistory", summary = "Import past deployments",
            description = "A CSV file (RFC 4180, UTF-8 with or without a byte order mark, a header row naming the columns "
                    + "missionCode, missionName, hostCountry, partnerOrganization, policeServiceCode, officerRef, memberType, "
                    + "startDate, endDate in any order) or a JSON array of objects with the same names. Read as it arrives, "
                    + "row by row; each row is checked: a known mission code form, an ISO 3166-1 country, SWORN_OFFICER or "
                    + "CIVILIAN_MEMBER, dates since 1989 with the start not after the end nor after today, and an officerRef "
                    + "that is a pseudonymous key (a UUID, or 8 to 64 hexadecimal digits with letters and digits), "
                    + "never a name or a service number. A file with any invalid row keeps nothing (400, each error naming "
                    + "its row and field) unless partial=true. A deployment imported before (same officerRef, missionCode "
                    + "and startDate) is not imported again: the same file sent twice imports nothing new. The figures of "
                    + "GET /api/v1/reports/program/history include an import as soon as this answers.",
            extensions = @org.eclipse.microprofile.openapi.annotations.extensions.Extension(name = "x-cpa-problems", value = "415"))
    @RequestBody(required = true, content = {
            @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING, maxLength = 209715200),
                    example = "missionCode,missionName,hostCountry,partnerOrganization,policeServiceCode,officerRef,memberType,startDate,endDate\r\n"
                            + "MINUSTAH,United Nations Stabilization Mission in Haiti,HT,United Nations,RCMP,3f2a9c1e-77b0-4d1e-9a51-0c6f2d8e4b10,SWORN_OFFICER,2004-09-01,2005-03-31\r\n"),
            @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, maxItems = 10000000, implementation = HistoryRowExample.class))})
    @APIResponse(responseCode = "201", description = "Imported (every row, or with partial=true the valid ones)",
            headers = @Header(name = "Location", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = HistoryImportView.class)))
    @APIResponse(responseCode = "200", description = "Dry run: what an import would do; nothing kept",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = HistoryImportView.class)))
    public Response importHistory(
            @Parameter(description = "Check everything and keep nothing", schema = @Schema(type = SchemaType.BOOLEAN)) @QueryParam("dryRun") String dryRun,
            @Parameter(description = "Keep the valid rows of a file that has invalid ones", schema = @Schema(type = SchemaType.BOOLEAN)) @QueryParam("partial") String partial,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) MediaType contentType,
            InputStream body, @Context UriInfo uri, @Context ContainerRequestContext request) {
        boolean checkOnly = Boolean.TRUE.equals(QueryParams.bool("dryRun", dryRun));
        boolean keepValid = Boolean.TRUE.equals(QueryParams.bool("partial", partial));
        HistoryImporter.Format format = MediaType.APPLICATION_JSON_TYPE.isCompatible(contentType)
                ? HistoryImporter.Format.JSON : HistoryImporter.Format.CSV;
        Locale locale = RequestLocale.of(request);
        HistoryImporter.Outcome outcome;
        try {
            outcome = importer.importFile(body, format, checkOnly, keepValid, caller.subject());
        } catch (HistoryFileException unreadable) {
            throw new ProblemException(400, "invalid-request", fieldErrors(unreadable.violations(), locale),
                    "history.file.unreadable", unreadable.violations().size());
        }
        if (outcome.rejected()) {
            throw new ProblemException(400, "invalid-request", fieldErrors(outcome.errors(), locale),
                    "history.import.rejected", outcome.rowsRejected(), outcome.rowsRead());
        }
        HistoryImportView view = view(outcome, locale);
        if (outcome.id() == null) {
            return Response.ok(view).build();
        }
        return Response.created(uri.getAbsolutePathBuilder().path(outcome.id().toString()).build())
                .tag(ETags.of(ETags.UNCHANGING)).entity(view).build();
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.MISSION_PLANNER, Roles.GAC_APPROVER, Roles.PS_APPROVER, Roles.RCMP_APPROVER, Roles.AUDITOR})
    @Operation(operationId = "getHistoryImport", summary = "Read an import", description = "What an import kept and refused.")
    @APIResponse(responseCode = "200", description = "The import",
            headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = HistoryImportView.class)))
    public Response get(@PathParam("id") UUID id, @Context ContainerRequestContext request) {
        HistoryImport kept = HistoryImport.<HistoryImport>findByIdOptional(id)
                .orElseThrow(() -> new NotFoundException("history.import.not-found", id));
        Locale locale = RequestLocale.of(request);
        HistoryImportView view = new HistoryImportView(kept.id, kept.status, kept.rowsRead, kept.rowsImported,
                kept.rowsAlreadyImported, kept.rowsRejected,
                rowErrors(kept.errors.stream().map(StoredError::violation).toList(), locale),
                kept.contentSha256, kept.importedAt);
        return Response.ok(view).tag(ETags.of(ETags.UNCHANGING)).build();
    }

    private static HistoryImportView view(HistoryImporter.Outcome outcome, Locale locale) {
        return new HistoryImportView(outcome.id(), outcome.status(), outcome.rowsRead(), outcome.rowsImported(),
                outcome.rowsAlreadyImported(), outcome.rowsRejected(), rowErrors(outcome.errors(), locale),
                outcome.contentSha256(), outcome.importedAt());
    }

    private static List<HistoryImportView.RowError> rowErrors(List<HistoryRow.Violation> violations, Locale locale) {
        return violations.stream().map(v -> new HistoryImportView.RowError(v.row(), v.field(),
                Messages.get(locale, v.messageKey(), v.arguments()))).toList();
    }

    private static List<Problem.FieldError> fieldErrors(List<HistoryRow.Violation> violations, Locale locale) {
        return violations.stream().map(v -> new Problem.FieldError(v.row(), v.field(),
                Messages.get(locale, v.messageKey(), v.arguments()))).toList();
    }
}
