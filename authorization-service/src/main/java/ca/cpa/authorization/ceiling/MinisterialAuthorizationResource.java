package ca.cpa.authorization.ceiling;

import ca.cpa.platform.http.QueryParams;
import ca.cpa.platform.paging.PageParams;
import ca.cpa.platform.paging.PageResponse;
import ca.cpa.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;


@Path("/api/v1/ministerial-authorizations")
@Tag(name = "Ministerial Authorizations", description = "Each mission's ceiling history")
@Produces(MediaType.APPLICATION_JSON)
public class MinisterialAuthorizationResource {

    @Inject
    CeilingHistory ceilings;

    @GET
    @RolesAllowed({Roles.MISSION_PLANNER, Roles.GAC_APPROVER, Roles.PS_APPROVER, Roles.RCMP_APPROVER,
            Roles.PERSONNEL_OFFICER, Roles.AUDITOR})
    @Operation(operationId = "listMinisterialAuthorizations", summary = "List ceiling histories",
            description = "Newest first within each mission; the one in force is marked.")
    public PageResponse<MinisterialAuthorizationView> list(
            @Parameter(description = "Only this mission's history", schema = @Schema(type = SchemaType.STRING, format = "uuid"))
            @QueryParam("missionId") String missionId,
            @BeanParam PageParams page) {
        return ceilings.list(QueryParams.uuid("missionId", missionId), page.request());
    }
}
