package ca.cpa.mission.missions;

import ca.cpa.events.mission.MissionStatus;
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

@Path("/api/v1/missions")
@Tag(name = "Missions", description = "Missions Canadian police deploy to")
@Produces(MediaType.APPLICATION_JSON)
public class MissionResource {

    @Inject
    MissionService missions;

    @Inject
    Idempotency idempotency;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.MISSION_PLANNER)
    @Transactional
    @Operation(operationId = "createMission", summary = "Create a mission",
            description = "The mission starts PLANNED, with no ceiling until the CPA partners authorize one. "
                    + "Emits ca.cpa.mission.created.v1.",
            extensions = @Extension(name = "x-cpa-problems", value = "409,422"))
    @APIResponse(responseCode = "201", description = "Created",
            headers = {@Header(name = "Location", schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING))},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MissionView.class)))
    public Response create(@Parameter(description = "Makes a retried create safe") @HeaderParam(Idempotency.HEADER) String idempotencyKey,
                           @NotNull @Valid NewMission request, @jakarta.ws.rs.core.Context UriInfo uri) {
        return idempotency.create(idempotencyKey, "createMission", request, () -> {
            Mission mission = missions.create(request);
            return new Idempotency.Created(uri.getAbsolutePathBuilder().path(mission.id.toString()).build(),
                    mission.version, MissionView.of(mission));
        });
    }

    @GET
    @RolesAllowed({Roles.MISSION_PLANNER, Roles.GAC_APPROVER, Roles.PS_APPROVER, Roles.RCMP_APPROVER,
            Roles.PERSONNEL_OFFICER, Roles.AUDITOR})
    @Operation(operationId = "listMissions", summary = "List missions", description = "Sorted by code.")
    public PageResponse<MissionView> list(
            @Parameter(description = "Only missions in this status", schema = @Schema(implementation = MissionStatus.class))
            @QueryParam("status") String status,
            @Parameter(description = "Only missions in this country (ISO 3166-1 alpha-2)", example = "HT",
                    schema = @Schema(type = SchemaType.STRING, maxLength = 2, pattern = "^[A-Z]{2}$"))
            @QueryParam("hostCountry") String hostCountry,
            @BeanParam PageParams page) {
        return missions.list(QueryParams.enumValue("status", status, MissionStatus.class),
                QueryParams.countryCode("hostCountry", hostCountry), page.request());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.MISSION_PLANNER, Roles.GAC_APPROVER, Roles.PS_APPROVER, Roles.RCMP_APPROVER,
            Roles.PERSONNEL_OFFICER, Roles.AUDITOR})
    @Operation(operationId = "getMission", summary = "Read a mission", description = "Answers an ETag for If-Match.")
    @APIResponse(responseCode = "200", description = "The mission",
            headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MissionView.class)))
    public RestResponse<MissionView> get(@PathParam("id") UUID id) {
        Mission mission = missions.get(id);
        return ETags.ok(MissionView.of(mission), mission.version);
    }

    @PATCH
    @Path("/{id}")
    @Consumes({"application/merge-patch+json", MediaType.APPLICATION_JSON})
    @RolesAllowed(Roles.MISSION_PLANNER)
    @Operation(operationId = "updateMission", summary = "Change a mission's names, partner or status",
            description = "A JSON merge patch. With If-Match, a stale version is refused (412). "
                    + "A status change emits ca.cpa.mission.status-changed.v1; an illegal one is a 409.",
            extensions = @Extension(name = "x-cpa-problems", value = "409,412"))
    public RestResponse<MissionView> update(@PathParam("id") UUID id,
                                            @Parameter(description = "The ETag last read") @HeaderParam("If-Match") String ifMatch,
                                            @NotNull @Valid MissionChanges changes) {
        Mission mission = missions.change(id, ifMatch, changes);
        return ETags.ok(MissionView.of(mission), mission.version);
    }
}
