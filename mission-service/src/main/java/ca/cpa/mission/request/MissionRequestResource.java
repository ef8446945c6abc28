package ca.cpa.mission.request;

import ca.cpa.events.mission.RequestStatus;
import ca.cpa.mission.request.MissionRequestPayloads.AssessmentPayload;
import ca.cpa.mission.request.MissionRequestPayloads.NewMissionRequest;
import ca.cpa.mission.request.MissionRequestPayloads.WithdrawalPayload;
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

@Path("/api/v1/mission-requests")
@Tag(name = "Mission requests", description = "Requests for Canadian police, from receipt to fulfilment")
@Produces(MediaType.APPLICATION_JSON)
public class MissionRequestResource {

    @Inject
    MissionRequestService requests;

    @Inject
    Idempotency idempotency;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.REQUESTING_PARTNER)
    @Transactional
    @Operation(operationId = "fileMissionRequest", summary = "File a request for Canadian police",
            description = "For the caller's own organization, named by its token's org claim. The request starts "
                    + "RECEIVED. Emits ca.cpa.mission-request.received.v1.",
            extensions = @Extension(name = "x-cpa-problems", value = "422"))
    @APIResponse(responseCode = "201", description = "Received",
            headers = {@Header(name = "Location", schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING))},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MissionRequestView.class)))
    public Response file(@Parameter(description = "Makes a retried create safe") @HeaderParam(Idempotency.HEADER) String idempotencyKey,
                         @NotNull @Valid NewMissionRequest body, @Context UriInfo uri) {
        return idempotency.create(idempotencyKey, "fileMissionRequest", body, () -> {
            MissionRequest request = requests.file(body);
            return new Idempotency.Created(uri.getAbsolutePathBuilder().path(request.id.toString()).build(),
                    request.version, MissionRequestView.of(request, false));
        });
    }

    @GET
    @RolesAllowed({Roles.REQUESTING_PARTNER, Roles.MISSION_PLANNER, Roles.GAC_APPROVER, Roles.PS_APPROVER,
            Roles.RCMP_APPROVER, Roles.PERSONNEL_OFFICER, Roles.AUDITOR})
    @Operation(operationId = "listMissionRequests", summary = "List mission requests",
            description = "Newest first. A requesting partner sees only its own organization's requests.")
    public PageResponse<MissionRequestView> list(
            @Parameter(description = "Only requests in this status", schema = @Schema(implementation = RequestStatus.class))
            @QueryParam("status") String status,
            @Parameter(description = "Only requests for this mission", schema = @Schema(type = SchemaType.STRING, format = "uuid"))
            @QueryParam("missionId") String missionId,
            @BeanParam PageParams page) {
        return requests.list(QueryParams.enumValue("status", status, RequestStatus.class),
                QueryParams.uuid("missionId", missionId), page.request());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.REQUESTING_PARTNER, Roles.MISSION_PLANNER, Roles.GAC_APPROVER, Roles.PS_APPROVER,
            Roles.RCMP_APPROVER, Roles.PERSONNEL_OFFICER, Roles.AUDITOR})
    @Operation(operationId = "getMissionRequest", summary = "Read a mission request",
            description = "A requesting partner reads only its own organization's requests (404 for others).")
    @APIResponse(responseCode = "200", description = "The mission request",
            headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MissionRequestView.class)))
    public RestResponse<MissionRequestView> get(@PathParam("id") UUID id) {
        return view(requests.get(id));
    }

    @POST
    @Path("/{id}/assessment")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.MISSION_PLANNER)
    @Operation(operationId = "assessMissionRequest", summary = "Record the planner's assessment",
            description = "RECEIVED → ASSESSED; an ASSESSED request may be assessed again before submission.",
            extensions = @Extension(name = "x-cpa-problems", value = "409"))
    public RestResponse<MissionRequestView> assess(@PathParam("id") UUID id, @NotNull @Valid AssessmentPayload assessment) {
        return view(requests.assess(id, assessment));
    }

    @POST
    @Path("/{id}/submission")
    @RolesAllowed(Roles.MISSION_PLANNER)
    @Operation(operationId = "submitMissionRequest", summary = "Submit the request for CPA authorization",
            description = "ASSESSED with a PROCEED recommendation → SUBMITTED. Emits "
                    + "ca.cpa.mission-request.submitted.v1, which opens the authorization case.",
            extensions = @Extension(name = "x-cpa-problems", value = "409"))
    public RestResponse<MissionRequestView> submit(@PathParam("id") UUID id) {
        return view(requests.submit(id));
    }

    @POST
    @Path("/{id}/withdrawal")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.MISSION_PLANNER, Roles.REQUESTING_PARTNER})
    @Operation(operationId = "withdrawMissionRequest", summary = "Withdraw a request",
            description = "From any state before FULFILLED or DECLINED. A requesting partner withdraws only its own "
                    + "organization's requests. Emits ca.cpa.mission-request.withdrawn.v1.",
            extensions = @Extension(name = "x-cpa-problems", value = "409"))
    public RestResponse<MissionRequestView> withdraw(@PathParam("id") UUID id, @NotNull @Valid WithdrawalPayload withdrawal) {
        return view(requests.withdraw(id, withdrawal.reason()));
    }

    private RestResponse<MissionRequestView> view(MissionRequest request) {
        return ETags.ok(MissionRequestView.of(request, !requests.isPartner()), request.version);
    }
}
