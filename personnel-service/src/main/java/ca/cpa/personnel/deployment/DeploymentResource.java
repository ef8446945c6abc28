package ca.cpa.personnel.deployment;

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

import java.util.UUID;

@Path("/api/v1/deployments")
@Tag(name = "Deployments", description = "Officers' tours, under the mission ceilings and the program-wide cap")
@Produces(MediaType.APPLICATION_JSON)
public class DeploymentResource {

    @Inject
    DeploymentService deployments;

    @Inject
    Idempotency idempotency;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.PERSONNEL_OFFICER)
    @Transactional
    @Operation(operationId = "planDeployment", summary = "Plan a selected officer's deployment",
            description = "Needs a SELECTED candidacy of an AUTHORIZED request on a mission neither SUSPENDED nor CLOSED, "
                    + "a PASSED pre-deployment course ended in the 12 months before the start, and a free place under "
                    + "the mission's ceiling and the program-wide cap (409 otherwise). With replacesDeploymentId, the "
                    + "officer replaces another on the same mission (a rotation; the ceiling and cap apply as to any "
                    + "deployment). Emits ca.cpa.deployment.planned.v1.",
            extensions = @Extension(name = "x-cpa-problems", value = "409,422"))
    @APIResponse(responseCode = "201", description = "Planned",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DeploymentView.class)))
    public Response plan(@Parameter(description = "Makes a retried create safe") @HeaderParam(Idempotency.HEADER) String idempotencyKey,
                         @NotNull @Valid DeploymentView.NewDeployment body, @Context UriInfo uri) {
        return idempotency.create(idempotencyKey, "planDeployment", body, () -> {
            Deployment deployment = deployments.plan(body.candidacyId(), body.startDate(), body.endDate(),
                    body.replacesDeploymentId());
            return new Idempotency.Created(uri.getAbsolutePathBuilder().path(deployment.id.toString()).build(),
                    deployment.version, DeploymentView.of(deployment));
        });
    }

    @GET
    @RolesAllowed({Roles.PERSONNEL_OFFICER, Roles.AUDITOR})
    @Operation(operationId = "listDeployments", summary = "List deployments", description = "By start date.")
    public PageResponse<DeploymentView> list(
            @Parameter(description = "Only this officer's", schema = @Schema(type = SchemaType.STRING, format = "uuid"))
            @QueryParam("officerId") String officerId,
            @Parameter(description = "Only to this mission", schema = @Schema(type = SchemaType.STRING, format = "uuid"))
            @QueryParam("missionId") String missionId,
            @Parameter(description = "Only in this status", schema = @Schema(implementation = Deployment.Status.class))
            @QueryParam("status") String status,
            @BeanParam PageParams page) {
        return deployments.list(QueryParams.uuid("officerId", officerId), QueryParams.uuid("missionId", missionId),
                QueryParams.enumValue("status", status, Deployment.Status.class), page.request());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.PERSONNEL_OFFICER, Roles.AUDITOR})
    @Operation(operationId = "getDeployment", summary = "Read a deployment",
            description = "PLANNED, IN_THEATRE, COMPLETED or CANCELLED, with its dates, its extension, its rotation "
                    + "links and, once ended, the return or the cancellation.")
    @APIResponse(responseCode = "200", description = "The deployment",
            headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DeploymentView.class)))
    public RestResponse<DeploymentView> get(@PathParam("id") UUID id) {
        return view(deployments.get(id));
    }

    @POST
    @Path("/{id}/arrival")
    @Transactional
    @RolesAllowed(Roles.PERSONNEL_OFFICER)
    @Operation(operationId = "recordArrival", summary = "The officer arrived in theatre today",
            description = "PLANNED → IN_THEATRE, on a mission neither SUSPENDED nor CLOSED. Emits "
                    + "ca.cpa.deployment.started.v1.",
            extensions = @Extension(name = "x-cpa-problems", value = "409,412,422"))
    @APIResponse(responseCode = "200", description = "Done; the deployment as it now stands",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DeploymentView.class)))
    public Response arrive(@PathParam("id") UUID id,
                           @Parameter(description = "Makes a retried transition safe") @HeaderParam(Idempotency.HEADER) String idempotencyKey,
                           @Parameter(description = "The ETag last read") @HeaderParam("If-Match") String ifMatch) {
        return idempotency.change(idempotencyKey, "recordArrival " + id, id,
                () -> changed(deployments.arrive(id, ifMatch)));
    }

    @POST
    @Path("/{id}/repatriation")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @RolesAllowed(Roles.PERSONNEL_OFFICER)
    @Operation(operationId = "recordRepatriation", summary = "The officer came home",
            description = "IN_THEATRE → COMPLETED, at the end of the tour or early (EARLY_RETURN, MEDICAL_EVACUATION, "
                    + "COMPASSIONATE: an early return is recorded as an URGENT welfare contact and raises "
                    + "ca.cpa.deployment.welfare-alert.v1). Emits ca.cpa.deployment.ended.v1.",
            extensions = @Extension(name = "x-cpa-problems", value = "409,412,422"))
    @APIResponse(responseCode = "200", description = "Done; the deployment as it now stands",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DeploymentView.class)))
    public Response repatriate(@PathParam("id") UUID id,
                               @Parameter(description = "Makes a retried transition safe") @HeaderParam(Idempotency.HEADER) String idempotencyKey,
                               @Parameter(description = "The ETag last read") @HeaderParam("If-Match") String ifMatch,
                               @NotNull @Valid DeploymentView.Repatriation body) {
        return idempotency.change(idempotencyKey, "recordRepatriation " + id, body,
                () -> changed(deployments.repatriate(id, ifMatch, body.returnDate(), body.reason())));
    }

    @POST
    @Path("/{id}/cancellation")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @RolesAllowed(Roles.PERSONNEL_OFFICER)
    @Operation(operationId = "cancelDeployment", summary = "Cancel a planned deployment",
            description = "PLANNED → CANCELLED; its place under the mission's ceiling and the program cap is free at "
                    + "once. The note stays in personnel-service. Emits ca.cpa.deployment.cancelled.v1.",
            extensions = @Extension(name = "x-cpa-problems", value = "409,412,422"))
    @APIResponse(responseCode = "200", description = "Done; the deployment as it now stands",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DeploymentView.class)))
    public Response cancel(@PathParam("id") UUID id,
                           @Parameter(description = "Makes a retried transition safe") @HeaderParam(Idempotency.HEADER) String idempotencyKey,
                           @Parameter(description = "The ETag last read") @HeaderParam("If-Match") String ifMatch,
                           @NotNull @Valid DeploymentView.Cancellation body) {
        return idempotency.change(idempotencyKey, "cancelDeployment " + id, body,
                () -> changed(deployments.cancel(id, ifMatch, body.reason(), blankToNull(body.note()))));
    }

    @POST
    @Path("/{id}/extension")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @RolesAllowed(Roles.PERSONNEL_OFFICER)
    @Operation(operationId = "extendDeployment", summary = "Extend a planned or current tour",
            description = "PLANNED or IN_THEATRE; the new end must be later than the current one, within the officer's "
                    + "security and medical clearances and not past the mission's mandate end, when known (409 with "
                    + "the reason otherwise). Emits ca.cpa.deployment.extended.v1.",
            extensions = @Extension(name = "x-cpa-problems", value = "409,412,422"))
    @APIResponse(responseCode = "200", description = "Done; the deployment as it now stands",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DeploymentView.class)))
    public Response extend(@PathParam("id") UUID id,
                           @Parameter(description = "Makes a retried transition safe") @HeaderParam(Idempotency.HEADER) String idempotencyKey,
                           @Parameter(description = "The ETag last read") @HeaderParam("If-Match") String ifMatch,
                           @NotNull @Valid DeploymentView.TourExtension body) {
        return idempotency.change(idempotencyKey, "extendDeployment " + id, body,
                () -> changed(deployments.extend(id, ifMatch, body.endDate(), body.justification().trim())));
    }

    private static Idempotency.Changed changed(Deployment deployment) {
        return new Idempotency.Changed(deployment.version, DeploymentView.of(deployment));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    private static RestResponse<DeploymentView> view(Deployment deployment) {
        return ETags.ok(DeploymentView.of(deployment), deployment.version);
    }
}
