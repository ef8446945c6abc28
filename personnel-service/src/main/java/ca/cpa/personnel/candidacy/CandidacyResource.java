package ca.cpa.personnel.candidacy;

import ca.cpa.events.mission.PositionRole;
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
import jakarta.validation.constraints.NotBlank;
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

@Path("/api/v1/candidacies")
@Tag(name = "Candidacies", description = "Nomination, screening and selection of officers for a request's positions")
@Produces(MediaType.APPLICATION_JSON)
public class CandidacyResource {

    @Schema(name = "NewCandidacy")
    public record NewCandidacy(@NotNull UUID officerId, @NotNull UUID missionRequestId, @NotNull PositionRole role) {
    }

    @Schema(name = "SelectionDecision")
    public record SelectionDecision(@NotNull Decision decision) {
        @Schema(name = "SelectionChoice", description = "SELECT the candidate for the position, or DECLINE")
        public enum Decision { SELECT, DECLINE }
    }

    @Schema(name = "Release")
    public record Release(@Schema(example = "Family circumstances; withdrew before training.")
                          @NotBlank @Size(max = 2000) String reason) {
    }

    @Inject
    CandidacyService candidacies;

    @Inject
    Idempotency idempotency;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.PERSONNEL_OFFICER)
    @Transactional
    @Operation(operationId = "nominateCandidate", summary = "Nominate an officer for a request's position",
            description = "Screened at once: ELIGIBLE, or INELIGIBLE with every reason that applies.",
            extensions = @Extension(name = "x-cpa-problems", value = "409,422"))
    @APIResponse(responseCode = "201", description = "Nominated and screened",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CandidacyView.class)))
    public Response nominate(@Parameter(description = "Makes a retried create safe") @HeaderParam(Idempotency.HEADER) String idempotencyKey,
                             @NotNull @Valid NewCandidacy body, @Context UriInfo uri) {
        return idempotency.create(idempotencyKey, "nominateCandidate", body, () -> {
            Candidacy candidacy = candidacies.nominate(body.officerId(), body.missionRequestId(), body.role());
            return new Idempotency.Created(uri.getAbsolutePathBuilder().path(candidacy.id.toString()).build(),
                    candidacy.version, CandidacyView.of(candidacy));
        });
    }

    @GET
    @RolesAllowed({Roles.PERSONNEL_OFFICER, Roles.AUDITOR})
    @Operation(operationId = "listCandidacies", summary = "List candidacies", description = "Oldest first.")
    public PageResponse<CandidacyView> list(
            @Parameter(description = "Only this officer's", schema = @Schema(type = SchemaType.STRING, format = "uuid"))
            @QueryParam("officerId") String officerId,
            @Parameter(description = "Only for this mission's requests", schema = @Schema(type = SchemaType.STRING, format = "uuid"))
            @QueryParam("missionId") String missionId,
            @Parameter(description = "Only this request's", schema = @Schema(type = SchemaType.STRING, format = "uuid"))
            @QueryParam("missionRequestId") String missionRequestId,
            @Parameter(description = "Only in this status", schema = @Schema(implementation = Candidacy.Status.class))
            @QueryParam("status") String status,
            @BeanParam PageParams page) {
        return candidacies.list(QueryParams.uuid("officerId", officerId), QueryParams.uuid("missionId", missionId),
                QueryParams.uuid("missionRequestId", missionRequestId),
                QueryParams.enumValue("status", status, Candidacy.Status.class), page.request());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.PERSONNEL_OFFICER, Roles.AUDITOR})
    @Operation(operationId = "getCandidacy", summary = "Read a candidacy",
            description = "Its screening result (with the reasons an officer is ineligible) and the selection decision.")
    @APIResponse(responseCode = "200", description = "The candidacy",
            headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CandidacyView.class)))
    public RestResponse<CandidacyView> get(@PathParam("id") UUID id) {
        Candidacy candidacy = candidacies.get(id);
        return ETags.ok(CandidacyView.of(candidacy), candidacy.version);
    }

    @POST
    @Path("/{id}/selection")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @RolesAllowed(Roles.PERSONNEL_OFFICER)
    @Operation(operationId = "selectCandidate", summary = "Select or decline an eligible candidate",
            description = "SELECT → SELECTED (never more than the position's count; emits ca.cpa.candidate.selected.v1), "
                    + "DECLINE → NOT_SELECTED.",
            extensions = @Extension(name = "x-cpa-problems", value = "409,412,422"))
    @APIResponse(responseCode = "200", description = "Decided; the candidacy as it now stands",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CandidacyView.class)))
    public Response decide(@PathParam("id") UUID id,
                           @Parameter(description = "Makes a retried transition safe") @HeaderParam(Idempotency.HEADER) String idempotencyKey,
                           @Parameter(description = "The ETag last read") @HeaderParam("If-Match") String ifMatch,
                           @NotNull @Valid SelectionDecision body) {
        return idempotency.change(idempotencyKey, "selectCandidate " + id, body, () -> changed(
                candidacies.decide(id, ifMatch, body.decision() == SelectionDecision.Decision.SELECT)));
    }

    @POST
    @Path("/{id}/release")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @RolesAllowed(Roles.PERSONNEL_OFFICER)
    @Operation(operationId = "releaseCandidate", summary = "Release a candidate who has not deployed",
            description = "ELIGIBLE or SELECTED (with no deployment, or only a cancelled one) → RELEASED; a selected "
                    + "candidate's place in the position is free again.",
            extensions = @Extension(name = "x-cpa-problems", value = "409,412,422"))
    @APIResponse(responseCode = "200", description = "Released; the candidacy as it now stands",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CandidacyView.class)))
    public Response release(@PathParam("id") UUID id,
                            @Parameter(description = "Makes a retried transition safe") @HeaderParam(Idempotency.HEADER) String idempotencyKey,
                            @Parameter(description = "The ETag last read") @HeaderParam("If-Match") String ifMatch,
                            @NotNull @Valid Release body) {
        return idempotency.change(idempotencyKey, "releaseCandidate " + id, body,
                () -> changed(candidacies.release(id, ifMatch, body.reason().trim())));
    }

    private static Idempotency.Changed changed(Candidacy candidacy) {
        return new Idempotency.Changed(candidacy.version, CandidacyView.of(candidacy));
    }
}
