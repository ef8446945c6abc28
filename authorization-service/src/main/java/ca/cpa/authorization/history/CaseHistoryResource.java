package ca.cpa.authorization.history;

import ca.cpa.authorization.cases.CaseService;
import ca.cpa.platform.paging.PageParams;
import ca.cpa.platform.paging.PageResponse;
import ca.cpa.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

@Path("/api/v1/authorization-cases/{id}/history")
@Tag(name = "Authorization cases")
@Produces(MediaType.APPLICATION_JSON)
public class CaseHistoryResource {

    @Inject
    CaseService cases;

    @Inject
    CaseHistory history;

    @GET
    @RolesAllowed({Roles.MISSION_PLANNER, Roles.GAC_APPROVER, Roles.PS_APPROVER, Roles.RCMP_APPROVER, Roles.AUDITOR})
    @Operation(operationId = "getAuthorizationCaseHistory", summary = "Read a case's audit trail",
            description = "Every action on the case, oldest first. The trail is append-only.")
    public PageResponse<CaseHistoryView> get(@PathParam("id") UUID id, @BeanParam PageParams page) {
        return history.of(cases.get(id).id, page.request());
    }
}
