package ca.cpa.personnel.officer;

import ca.cpa.events.mission.PositionRole;
import ca.cpa.personnel.officer.OfficerPayloads.NewOfficer;
import ca.cpa.personnel.officer.OfficerPayloads.OfficerChanges;
import ca.cpa.platform.http.ETags;
import ca.cpa.platform.http.Idempotency;
import ca.cpa.platform.http.QueryParams;
import ca.cpa.platform.paging.PageParams;
import ca.cpa.platform.paging.PageResponse;
import ca.cpa.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import java.util.UUID;

@Path("/api/v1")
@Tag(name = "Officers", description = "Officers and civilian members who may deploy (personal information)")
@Produces(MediaType.APPLICATION_JSON)
public class OfficerResource {

    @Inject
    OfficerService officers;

    @Inject
    Idempotency idempotency;

    @POST
    @Path("/officers")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.PERSONNEL_OFFICER)
    @Transactional
    @Operation(operationId = "createOfficer", summary = "Record an officer",
            description = "Unique by police service and service number (409 on a duplicate).",
            extensions = @Extension(name = "x-cpa-problems", value = "409,422"))
    @APIResponse(responseCode = "201", description = "Recorded",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OfficerView.class)))
    public Response create(@Parameter(description = "Makes a retried create safe") @HeaderParam(Idempotency.HEADER) String idempotencyKey,
                           @NotNull @Valid NewOfficer body, @Context UriInfo uri) {
        return idempotency.create(idempotencyKey, "createOfficer", body, () -> {
            Officer officer = officers.create(body);
            return new Idempotency.Created(uri.getAbsolutePathBuilder().path(officer.id.toString()).build(),
                    officer.version, OfficerView.of(officer));
        });
    }

    @GET
    @Path("/officers")
    @RolesAllowed({Roles.PERSONNEL_OFFICER, Roles.AUDITOR})
    @Operation(operationId = "searchOfficers", summary = "Find officers",
            description = "By language, specialty, police service and availability (no planned or current deployment "
                    + "overlapping the period). Each officer returned is logged as read.")
    public PageResponse<OfficerView> search(
            @Parameter(description = "Speaks this language (ISO 639-1)", example = "fr",
                    schema = @Schema(type = SchemaType.STRING, maxLength = 2, pattern = "^[a-z]{2}$")) @QueryParam("language") String language,
            @Parameter(description = "Has this specialty", schema = @Schema(implementation = PositionRole.class))
            @QueryParam("specialty") String specialty,
            @Parameter(description = "From this police service", example = "RCMP",
                    schema = @Schema(type = SchemaType.STRING, maxLength = 16)) @QueryParam("policeService") String policeService,
            @Parameter(description = "Free from this date (with availableTo)", schema = @Schema(type = SchemaType.STRING, format = "date"))
            @QueryParam("availableFrom") String availableFrom,
            @Parameter(description = "Free until this date (with availableFrom)", schema = @Schema(type = SchemaType.STRING, format = "date"))
            @QueryParam("availableTo") String availableTo,
            @BeanParam PageParams page) {
        return officers.search(new OfficerService.Search(blankToNull(language),
                QueryParams.enumValue("specialty", specialty, PositionRole.class), blankToNull(policeService),
                QueryParams.date("availableFrom", availableFrom), QueryParams.date("availableTo", availableTo)),
                page.request());
    }

    @GET
    @Path("/officers/{id}")
    @RolesAllowed({Roles.PERSONNEL_OFFICER, Roles.AUDITOR})
    @Operation(operationId = "getOfficer", summary = "Read an officer's record", description = "The read is logged.")
    @APIResponse(responseCode = "200", description = "The officer's record",
            headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OfficerView.class)))
    public RestResponse<OfficerView> get(@PathParam("id") UUID id) {
        Officer officer = officers.read(id);
        return ETags.ok(OfficerView.of(officer), officer.version);
    }

    @PATCH
    @Path("/officers/{id}")
    @Consumes({"application/merge-patch+json", MediaType.APPLICATION_JSON})
    @RolesAllowed(Roles.PERSONNEL_OFFICER)
    @Operation(operationId = "updateOfficer", summary = "Change an officer's record",
            description = "A JSON merge patch; with If-Match, a stale version is refused (412). The change is logged.",
            extensions = @Extension(name = "x-cpa-problems", value = "412"))
    public RestResponse<OfficerView> update(@PathParam("id") UUID id,
                                            @Parameter(description = "The ETag last read") @HeaderParam("If-Match") String ifMatch,
                                            @NotNull @Valid OfficerChanges changes) {
        Officer officer = officers.change(id, ifMatch, changes);
        return ETags.ok(OfficerView.of(officer), officer.version);
    }

    @GET
    @Path("/officer-access-log")
    @RolesAllowed(Roles.AUDITOR)
    @Operation(operationId = "listOfficerAccess", summary = "Who read or changed officer records",
            description = "Newest first.")
    public PageResponse<OfficerAccessView> accessLog(
            @Parameter(description = "Only this officer's record", schema = @Schema(type = SchemaType.STRING, format = "uuid"))
            @QueryParam("officerId") String officerId,
            @BeanParam PageParams page) {
        return officers.accessLog(QueryParams.uuid("officerId", officerId), page.request());
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
