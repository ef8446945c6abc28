package ca.cpa.mission.evaluation;

import ca.cpa.platform.http.ETags;
import ca.cpa.platform.http.Idempotency;
import ca.cpa.platform.paging.PageParams;
import ca.cpa.platform.paging.PageResponse;
import ca.cpa.platform.security.Caller;
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

@Path("/api/v1/missions/{missionId}/evaluations")
@Tag(name = "Mission evaluations", description = "Planning and evaluation of a mission")
@Produces(MediaType.APPLICATION_JSON)
public class EvaluationResource {

    @Inject
    EvaluationService evaluations;

    @Inject
    Idempotency idempotency;

    @Inject
    Caller caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.MISSION_PLANNER)
    @Transactional
    @Operation(operationId = "recordMissionEvaluation", summary = "Record a planning assessment or an evaluation of a mission",
            description = "By a mission planner; recorded as made, never changed.",
            extensions = @Extension(name = "x-cpa-problems", value = "422"))
    @APIResponse(responseCode = "201", description = "Recorded",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EvaluationView.class)))
    public Response record(@PathParam("missionId") UUID missionId,
                           @Parameter(description = "Makes a retried create safe") @HeaderParam(Idempotency.HEADER) String idempotencyKey,
                           @NotNull @Valid NewEvaluation request, @Context UriInfo uri) {
        return idempotency.create(idempotencyKey, "recordMissionEvaluation " + missionId, request, () -> {
            Evaluation evaluation = evaluations.record(missionId, request, caller.subject());
            return new Idempotency.Created(uri.getAbsolutePathBuilder().path(evaluation.id.toString()).build(),
                    ETags.UNCHANGING, EvaluationView.of(evaluation));
        });
    }

    @GET
    @RolesAllowed({Roles.MISSION_PLANNER, Roles.GAC_APPROVER, Roles.PS_APPROVER, Roles.RCMP_APPROVER,
            Roles.PERSONNEL_OFFICER, Roles.AUDITOR})
    @Operation(operationId = "listMissionEvaluations", summary = "List a mission's evaluations", description = "Newest first.")
    public PageResponse<EvaluationView> list(@PathParam("missionId") UUID missionId, @BeanParam PageParams page) {
        return evaluations.list(missionId, page.request());
    }

    @GET
    @Path("/{evaluationId}")
    @RolesAllowed({Roles.MISSION_PLANNER, Roles.GAC_APPROVER, Roles.PS_APPROVER, Roles.RCMP_APPROVER,
            Roles.PERSONNEL_OFFICER, Roles.AUDITOR})
    @Operation(operationId = "getMissionEvaluation", summary = "Read one evaluation of a mission",
            description = "An evaluation is a record: it does not change once made.")
    @APIResponse(responseCode = "200", description = "The evaluation",
            headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EvaluationView.class)))
    public RestResponse<EvaluationView> get(@PathParam("missionId") UUID missionId,
                                            @PathParam("evaluationId") UUID evaluationId) {
        return ETags.ok(EvaluationView.of(evaluations.get(missionId, evaluationId)), ETags.UNCHANGING);
    }
}
