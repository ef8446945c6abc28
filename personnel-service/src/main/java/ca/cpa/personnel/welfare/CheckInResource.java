package ca.cpa.personnel.welfare;

import ca.cpa.events.personnel.Wellbeing;
import ca.cpa.platform.http.ETags;
import ca.cpa.platform.http.Idempotency;
import ca.cpa.platform.paging.PageParams;
import ca.cpa.platform.paging.PageResponse;
import ca.cpa.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
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

@Path("/api/v1/deployments/{id}/check-ins")
@Tag(name = "Welfare", description = "Support of officers during their tour")
@Produces(MediaType.APPLICATION_JSON)
public class CheckInResource {

    @Schema(name = "NewCheckIn")
    public record NewCheckIn(@NotNull Wellbeing wellbeing,
                             @Schema(example = "Asked for a call with family support services.") @Size(max = 4000) String notes) {
    }

    @Inject
    WelfareService welfare;

    @Inject
    Idempotency idempotency;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.PERSONNEL_OFFICER)
    @Transactional
    @Operation(operationId = "recordCheckIn", summary = "Record a welfare check-in with an officer in theatre",
            description = "An URGENT check-in emits ca.cpa.deployment.welfare-alert.v1.",
            extensions = @Extension(name = "x-cpa-problems", value = "409,422"))
    @APIResponse(responseCode = "201", description = "Recorded",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CheckInView.class)))
    public Response record(@PathParam("id") UUID id,
                           @Parameter(description = "Makes a retried create safe") @HeaderParam(Idempotency.HEADER) String idempotencyKey,
                           @NotNull @Valid NewCheckIn body, @Context UriInfo uri) {
        return idempotency.create(idempotencyKey, "recordCheckIn " + id, body, () -> {
            CheckIn checkIn = welfare.checkIn(id, body.wellbeing(), body.notes());
            return new Idempotency.Created(uri.getAbsolutePathBuilder().path(checkIn.id.toString()).build(),
                    ETags.UNCHANGING, CheckInView.of(checkIn));
        });
    }

    @GET
    @Path("/{checkInId}")
    @RolesAllowed({Roles.PERSONNEL_OFFICER, Roles.AUDITOR})
    @Operation(operationId = "getCheckIn", summary = "Read one check-in",
            description = "The wellbeing and notes recorded during the tour; the notes stay in personnel-service.")
    @APIResponse(responseCode = "200", description = "The check-in",
            headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CheckInView.class)))
    public RestResponse<CheckInView> get(@PathParam("id") UUID id, @PathParam("checkInId") UUID checkInId) {
        return ETags.ok(CheckInView.of(welfare.checkIn(id, checkInId)), ETags.UNCHANGING);
    }

    @GET
    @RolesAllowed({Roles.PERSONNEL_OFFICER, Roles.AUDITOR})
    @Operation(operationId = "listCheckIns", summary = "A deployment's check-ins", description = "Newest first.")
    public PageResponse<CheckInView> list(@PathParam("id") UUID id, @BeanParam PageParams page) {
        return welfare.checkIns(id, page.request());
    }
}
