package ca.cpa.webhook.delivery;

import ca.cpa.platform.http.QueryParams;
import ca.cpa.platform.paging.PageParams;
import ca.cpa.platform.paging.PageResponse;
import ca.cpa.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;

import java.util.UUID;

@Path("/api/v1/webhook-subscriptions/{id}/deliveries")
@Tag(name = "Webhook subscriptions")
@Produces(MediaType.APPLICATION_JSON)
public class DeliveryResource {

    @Inject
    DeliveryService deliveries;

    @GET
    @RolesAllowed({Roles.REQUESTING_PARTNER, Roles.MISSION_PLANNER, Roles.AUDITOR})
    @Operation(operationId = "listWebhookDeliveries", summary = "List a subscription's deliveries",
            description = "Newest first: status, attempts, the last answer's code or why there was none.")
    public PageResponse<DeliveryView> list(@PathParam("id") UUID id,
                                           @Parameter(description = "Only deliveries in this status",
                                                   schema = @Schema(implementation = DeliveryStatus.class))
                                           @QueryParam("status") String status,
                                           @BeanParam PageParams page) {
        return deliveries.list(id, QueryParams.enumValue("status", status, DeliveryStatus.class), page.request());
    }

    @POST
    @Path("/{deliveryId}/retry")
    @RolesAllowed({Roles.REQUESTING_PARTNER, Roles.MISSION_PLANNER})
    @ResponseStatus(202)
    @Operation(operationId = "retryWebhookDelivery", summary = "Send a delivery again",
            description = "A FAILED or SUCCEEDED delivery is sent again now, with a new retry period; it keeps its "
                    + "webhook-id. 409 while it is still PENDING or the subscription is disabled.",
            extensions = @Extension(name = "x-cpa-problems", value = "409"))
    @APIResponse(responseCode = "202", description = "Accepted: it is on its way")
    public DeliveryView retry(@PathParam("id") UUID id, @PathParam("deliveryId") UUID deliveryId) {
        return DeliveryView.of(deliveries.retry(id, deliveryId));
    }
}
