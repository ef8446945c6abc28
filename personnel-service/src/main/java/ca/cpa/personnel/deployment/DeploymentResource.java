package ca.cpa.personnel.deployment;

import ca.cpa.platform.http.ETags;
import ca.cpa.platform.http.IdempotentCreate;
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
    IdempotentCreate idempotentCreate;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.PERSONNEL_OFFICER)
    @Transactional
    @Operation(operationId = "planDeployment", summary = "Plan a selected officer's deployment",
            description = "Needs a SELECTED candidacy of an AUTHORIZED request, a PASSED pre-deployment course ended in "
                    + "the 12 months before the start, and a free place under the mission's ceiling and the "
                    + "program-wide cap (409 otherwise). Emits ca.cpa.deployment.planned.v1.",
            extensions = @Extension(name = "x-cpa-problems", value = "409,422"))
    @APIResponse(responseCode = "201", description = "Planned",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DeploymentView.class)))
    public Response plan(@Parameter(description = "Makes a retried create safe") @HeaderParam(IdempotentCreate.HEADER) String idempotencyKey,
                         @NotNull @Valid DeploymentView.NewDeployment body, @Context UriInfo uri) {
        return idempotentCreate.create(idempotencyKey, "planDeployment", body, () -> {
            Deployment deployment = deployments.plan(body.candidacyId(), body.startDate(), body.endDate());
            return new IdempotentCreate.Created(uri.getAbsolutePathBuilder().path(deployment.id.toString()).build(),
                    deployment.version, DeploymentView.of(deployment));
        });
    }

    @GET
    @RolesAllowed({Roles.PERSONNEL_OFFICER, Roles.AUDITOR})
    @Operation(operationId = "listDeployments", summary = "List deployments", description = "By start date.")
    public PageResponse<DeploymentView> list(
            @Parameter(description = "Only to this mission", schema = @Schema(type = SchemaType.STRING, format = "uuid"))
            @QueryParam("missionId") String missionId,
            @Parameter(description = "Only in this status", schema = @Schema(implementation = Deployment.Status.class))
            @QueryParam("status") String status,
            @BeanParam PageParams page) {
        return deployments.list(QueryParams.uuid("missionId", missionId),
                QueryParams.enumValue("status", status, Deployment.Status.class), page.request());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.PERSONNEL_OFFICER, Roles.AUDITOR})
    @Operation(operationId = "getDeployment", summary = "Read a deployment",
            description = "PLANNED, IN_THEATRE or COMPLETED, with its dates and, once ended, the return.")
    public RestResponse<DeploymentView> get(@PathParam("id") UUID id) {
        return view(deployments.get(id));
    }

    @POST
    @Path("/{id}/arrival")
    @RolesAllowed(Roles.PERSONNEL_OFFICER)
    @Operation(operationId = "recordArrival", summary = "The officer arrived in theatre today",
            description = "PLANNED → IN_THEATRE. Emits ca.cpa.deployment.started.v1.",
            extensions = @Extension(name = "x-cpa-problems", value = "409"))
    public RestResponse<DeploymentView> arrive(@PathParam("id") UUID id) {
        return view(deployments.arrive(id));
    }

    @POST
    @Path("/{id}/repatriation")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.PERSONNEL_OFFICER)
    @Operation(operationId = "recordRepatriation", summary = "The officer came home",
            description = "IN_THEATRE → COMPLETED, at the end of the tour or early. Emits ca.cpa.deployment.ended.v1.",
            extensions = @Extension(name = "x-cpa-problems", value = "409"))
    public RestResponse<DeploymentView> repatriate(@PathParam("id") UUID id,
                                                   @NotNull @Valid DeploymentView.Repatriation body) {
        return view(deployments.repatriate(id, body.returnDate(), body.reason()));
    }

    private static RestResponse<DeploymentView> view(Deployment deployment) {
        return ETags.ok(DeploymentView.of(deployment), deployment.version);
    }
}
