package ca.cpa.personnel.deployment;

import ca.cpa.personnel.officer.OfficerService;
import ca.cpa.platform.paging.PageParams;
import ca.cpa.platform.paging.PageResponse;
import ca.cpa.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

/** An officer's whole history of deployments: personal information, so the read is logged. */
@Path("/api/v1/officers/{id}/deployments")
@Tag(name = "Deployments")
@Produces(MediaType.APPLICATION_JSON)
public class OfficerDeploymentsResource {

    @Inject
    OfficerService officers;

    @Inject
    DeploymentService deployments;

    @GET
    @Transactional
    @RolesAllowed({Roles.PERSONNEL_OFFICER, Roles.AUDITOR})
    @Operation(operationId = "listOfficerDeployments", summary = "An officer's deployments",
            description = "Every deployment of the officer, planned, current, past or cancelled, by start date. "
                    + "The read is recorded in the officer's access log.")
    public PageResponse<DeploymentView> list(@PathParam("id") UUID id, @BeanParam PageParams page) {
        officers.read(id);
        return deployments.list(id, null, null, page.request());
    }
}
