package ca.cpa.personnel.welfare;

import ca.cpa.personnel.deployment.Deployment;
import ca.cpa.personnel.deployment.DeploymentService;
import ca.cpa.platform.outbox.Outbox;
import ca.cpa.platform.paging.PageParams;
import ca.cpa.platform.paging.PageResponse;
import ca.cpa.platform.problem.ProblemException;
import ca.cpa.platform.security.Caller;
import ca.cpa.platform.security.Roles;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.UUID;

@Path("/api/v1/deployments/{id}/check-ins")
@Tag(name = "Welfare", description = "Support of officers during their tour")
@Produces(MediaType.APPLICATION_JSON)
public class CheckInResource {

    @Schema(name = "NewCheckIn")
    public record NewCheckIn(@NotNull CheckIn.Wellbeing wellbeing,
                             @Schema(example = "Asked for a call with family support services.") @Size(max = 4000) String notes) {
    }

    @Schema(name = "CheckIn")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CheckInView(UUID id, UUID deploymentId, CheckIn.Wellbeing wellbeing, String notes, String recordedBy,
                              Instant recordedAt) {
        static CheckInView of(CheckIn checkIn) {
            return new CheckInView(checkIn.id, checkIn.deploymentId, checkIn.wellbeing, checkIn.notes,
                    checkIn.recordedBy, checkIn.recordedAt);
        }
    }

    @Inject
    DeploymentService deployments;

    @Inject
    Outbox outbox;

    @Inject
    Caller caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.PERSONNEL_OFFICER)
    @Transactional
    @Operation(operationId = "recordCheckIn", summary = "Record a welfare check-in with an officer in theatre",
            description = "An URGENT check-in emits ca.cpa.deployment.welfare-alert.v1.",
            extensions = @Extension(name = "x-cpa-problems", value = "409"))
    @APIResponse(responseCode = "201", description = "Recorded",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CheckInView.class)))
    public Response record(@PathParam("id") UUID id, @NotNull @Valid NewCheckIn body, @Context UriInfo uri) {
        Deployment deployment = deployments.get(id);
        if (deployment.status != Deployment.Status.IN_THEATRE) {
            throw ProblemException.conflict("welfare.not-in-theatre", deployment.status);
        }
        CheckIn checkIn = new CheckIn();
        checkIn.id = UUID.randomUUID();
        checkIn.deploymentId = id;
        checkIn.wellbeing = body.wellbeing();
        checkIn.notes = body.notes();
        checkIn.recordedBy = caller.subject();
        checkIn.recordedAt = Instant.now();
        checkIn.persist();
        if (checkIn.wellbeing == CheckIn.Wellbeing.URGENT) {
            outbox.publish(new WelfareAlert(id, checkIn.id, deployment.officerId, deployment.missionId,
                    checkIn.wellbeing, checkIn.recordedAt));
        }
        return Response.created(uri.getAbsolutePathBuilder().build()).entity(CheckInView.of(checkIn)).build();
    }

    @GET
    @RolesAllowed({Roles.PERSONNEL_OFFICER, Roles.AUDITOR})
    @Operation(operationId = "listCheckIns", summary = "A deployment's check-ins", description = "Newest first.")
    public PageResponse<CheckInView> list(@PathParam("id") UUID id, @BeanParam PageParams page) {
        deployments.get(id);
        return PageResponse.of(CheckIn.find("deploymentId", Sort.by("recordedAt").descending(), id), page.request(),
                CheckInView::of);
    }
}
