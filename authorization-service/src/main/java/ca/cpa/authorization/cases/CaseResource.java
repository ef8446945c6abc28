package ca.cpa.authorization.cases;

import ca.cpa.authorization.cases.CasePayloads.NewCeilingAmendment;
import ca.cpa.authorization.cases.CasePayloads.NewDecision;
import ca.cpa.events.authorization.CaseStatus;
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

import java.net.URI;
import java.util.UUID;

@Path("/api/v1/authorization-cases")
@Tag(name = "Authorization cases", description = "The joint decision of GAC, PS and the RCMP")
@Produces(MediaType.APPLICATION_JSON)
public class CaseResource {

    @Inject
    CaseService cases;

    @Inject
    Idempotency idempotency;

    @GET
    @RolesAllowed({Roles.MISSION_PLANNER, Roles.GAC_APPROVER, Roles.PS_APPROVER, Roles.RCMP_APPROVER, Roles.AUDITOR})
    @Operation(operationId = "listAuthorizationCases", summary = "List authorization cases", description = "Oldest first.")
    public PageResponse<CaseView> list(
            @Parameter(description = "Only cases in this status", schema = @Schema(implementation = CaseStatus.class))
            @QueryParam("status") String status,
            @Parameter(description = "Only this mission's cases", schema = @Schema(type = SchemaType.STRING, format = "uuid"))
            @QueryParam("missionId") String missionId,
            @Parameter(description = "true: only cases pending longer than allowed; false: only the others",
                    schema = @Schema(type = SchemaType.BOOLEAN))
            @QueryParam("overdue") String overdue,
            @BeanParam PageParams page) {
        return cases.list(QueryParams.enumValue("status", status, CaseStatus.class),
                QueryParams.uuid("missionId", missionId), QueryParams.bool("overdue", overdue), page.request());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.MISSION_PLANNER, Roles.GAC_APPROVER, Roles.PS_APPROVER, Roles.RCMP_APPROVER, Roles.AUDITOR})
    @Operation(operationId = "getAuthorizationCase", summary = "Read an authorization case",
            description = "With every partner's decision so far; the ETag is the case's version.")
    @APIResponse(responseCode = "200", description = "The case",
            headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CaseView.class)))
    public RestResponse<CaseView> get(@PathParam("id") UUID id) {
        AuthorizationCase authorizationCase = cases.get(id);
        return ETags.ok(cases.view(authorizationCase), authorizationCase.version);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.MISSION_PLANNER)
    @Transactional
    @Operation(operationId = "openCeilingAmendment", summary = "Propose a new ceiling for a mission",
            description = "Opens a CEILING_AMENDMENT case (e.g. PROTEUS from 7 to 12), decided like any case. "
                    + "One pending amendment per mission. Emits ca.cpa.authorization.case-opened.v1.",
            extensions = @Extension(name = "x-cpa-problems", value = "409,422"))
    @APIResponse(responseCode = "201", description = "Opened",
            headers = {@Header(name = "Location", schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING))},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CaseView.class)))
    public Response open(@Parameter(description = "Makes a retried create safe") @HeaderParam(Idempotency.HEADER) String idempotencyKey,
                         @NotNull @Valid NewCeilingAmendment amendment, @Context UriInfo uri) {
        return idempotency.create(idempotencyKey, "openCeilingAmendment", amendment, () -> {
            AuthorizationCase opened = cases.openCeilingAmendment(amendment);
            return new Idempotency.Created(uri.getAbsolutePathBuilder().path(opened.id.toString()).build(),
                    opened.version, cases.view(opened));
        });
    }

    @POST
    @Path("/{id}/decisions")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.GAC_APPROVER, Roles.PS_APPROVER, Roles.RCMP_APPROVER})
    @Transactional
    @Operation(operationId = "recordAuthorizationDecision", summary = "Record your partner's decision",
            description = "The partner must be the caller's own (gac-approver: GAC, ps-approver: PS, rcmp-approver: "
                    + "RCMP). One decision per partner; none on a closed case; a rejection needs a rationale. "
                    + "The third approval approves the case and puts its ceiling in force "
                    + "(ca.cpa.authorization.granted.v1); one rejection rejects it (ca.cpa.authorization.denied.v1). "
                    + "Answers the case, where the decision now stands.",
            extensions = @Extension(name = "x-cpa-problems", value = "409,422"))
    @APIResponse(responseCode = "201", description = "Recorded",
            headers = @Header(name = "Location", description = "The case", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CaseView.class)))
    public Response decide(@PathParam("id") UUID id,
                           @Parameter(description = "Makes a retried decision safe") @HeaderParam(Idempotency.HEADER) String idempotencyKey,
                           @NotNull @Valid NewDecision decision, @Context UriInfo uri) {
        return idempotency.create(idempotencyKey, "recordAuthorizationDecision " + id, decision, () -> {
            AuthorizationCase decided = cases.decide(id, decision);
            URI location = uri.getBaseUriBuilder().path("api/v1/authorization-cases").path(id.toString()).build();
            return new Idempotency.Created(location, decided.version, cases.view(decided));
        });
    }
}
