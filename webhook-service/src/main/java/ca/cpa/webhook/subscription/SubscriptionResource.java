package ca.cpa.webhook.subscription;

import ca.cpa.platform.http.ETags;
import ca.cpa.webhook.delivery.DeliveryService;
import ca.cpa.webhook.delivery.DeliveryStatus;
import ca.cpa.webhook.delivery.DeliveryView;
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
import jakarta.ws.rs.DELETE;
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

import java.time.Instant;
import java.util.UUID;

@Path("/api/v1/webhook-subscriptions")
@Tag(name = "Webhook subscriptions", description = "Events delivered as signed HTTP callbacks (Standard Webhooks)")
@Produces(MediaType.APPLICATION_JSON)
public class SubscriptionResource {

    @Inject
    SubscriptionService subscriptions;

    @Inject
    DeliveryService deliveries;

    @Inject
    Idempotency idempotency;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.REQUESTING_PARTNER, Roles.MISSION_PLANNER})
    @Transactional
    @Operation(operationId = "createWebhookSubscription", summary = "Subscribe a url to event types",
            description = "Answers the signing secret once: it is stored encrypted and never shown again (a replay "
                    + "of the create with its Idempotency-Key answers the subscription without it; rotate to get a "
                    + "new one). A requesting partner receives only events about its own organization's requests. "
                    + "The url must be https, or http to an allow-listed host, and resolve to public addresses.",
            extensions = @Extension(name = "x-cpa-problems", value = "422"))
    @APIResponse(responseCode = "201", description = "Created",
            headers = {@Header(name = "Location", schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING))},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SubscriptionView.class)))
    public Response create(@Parameter(description = "Makes a retried create safe") @HeaderParam(Idempotency.HEADER) String idempotencyKey,
                           @NotNull @Valid NewSubscription request, @Context UriInfo uri) {
        return idempotency.create(idempotencyKey, "createWebhookSubscription", request, () -> {
            SubscriptionService.WithSecret created = subscriptions.create(request);
            WebhookSubscription subscription = created.subscription();
            Instant now = Instant.now();
            return new Idempotency.Created(uri.getAbsolutePathBuilder().path(subscription.id.toString()).build(),
                    subscription.version, SubscriptionView.withSecret(subscription, now, created.secret()),
                    SubscriptionView.of(subscription, now));
        });
    }

    @GET
    @RolesAllowed({Roles.REQUESTING_PARTNER, Roles.MISSION_PLANNER, Roles.AUDITOR})
    @Operation(operationId = "listWebhookSubscriptions", summary = "List subscriptions",
            description = "A requesting partner sees its organization's; CPA staff see all. Oldest first.")
    public PageResponse<SubscriptionView> list(
            @Parameter(description = "Only subscriptions in this status", schema = @Schema(implementation = SubscriptionStatus.class))
            @QueryParam("status") String status,
            @BeanParam PageParams page) {
        return subscriptions.list(QueryParams.enumValue("status", status, SubscriptionStatus.class), page.request());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.REQUESTING_PARTNER, Roles.MISSION_PLANNER, Roles.AUDITOR})
    @Operation(operationId = "getWebhookSubscription", summary = "Read a subscription",
            description = "Its status, and when it is failing or disabled, since when and why. Never its secret.")
    @APIResponse(responseCode = "200", description = "The subscription",
            headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SubscriptionView.class)))
    public RestResponse<SubscriptionView> get(@PathParam("id") UUID id) {
        WebhookSubscription subscription = subscriptions.get(id);
        return ETags.ok(SubscriptionView.of(subscription, Instant.now()), subscription.version);
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({Roles.REQUESTING_PARTNER, Roles.MISSION_PLANNER})
    @Operation(operationId = "deleteWebhookSubscription", summary = "Delete a subscription",
            description = "With its deliveries: nothing more is sent to its url.")
    @APIResponse(responseCode = "204", description = "Deleted")
    public void delete(@PathParam("id") UUID id) {
        subscriptions.delete(id);
    }

    @POST
    @Path("/{id}/secret-rotation")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.REQUESTING_PARTNER, Roles.MISSION_PLANNER})
    @Transactional
    @Operation(operationId = "rotateWebhookSecret", summary = "Replace the signing secret",
            description = "Answers the new secret once. During the overlap every delivery carries two signatures "
                    + "(webhook-signature: v1,<new> v1,<previous>), so the receiver may switch to the new secret "
                    + "at any time within it. A secret you make yourself (secret) makes a resent rotation harmless: "
                    + "the same secret again changes nothing. With an Idempotency-Key, a resent rotation answers "
                    + "the subscription without the secret, since it is not kept in the clear.",
            extensions = @Extension(name = "x-cpa-problems", value = "422"))
    @APIResponse(responseCode = "200", description = "Rotated: the subscription with its new secret",
            headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SubscriptionView.class)))
    public Response rotateSecret(@PathParam("id") UUID id,
                                 @Parameter(description = "Makes a resent rotation safe") @HeaderParam(Idempotency.HEADER) String idempotencyKey,
                                 @Valid SecretRotation rotation) {
        SecretRotation asked = rotation == null ? new SecretRotation(null, null) : rotation;
        return idempotency.change(idempotencyKey, "rotateWebhookSecret " + id, asked, () -> {
            SubscriptionService.WithSecret rotated = subscriptions.rotateSecret(id, asked);
            Instant now = Instant.now();
            return new Idempotency.Changed(rotated.subscription().version,
                    SubscriptionView.withSecret(rotated.subscription(), now, rotated.secret()),
                    SubscriptionView.of(rotated.subscription(), now));
        });
    }

    @POST
    @Path("/{id}/reactivation")
    @RolesAllowed({Roles.REQUESTING_PARTNER, Roles.MISSION_PLANNER})
    @Operation(operationId = "reactivateWebhookSubscription", summary = "Deliver to a disabled subscription again",
            description = "From the next event on; deliveries failed meanwhile can be retried one by one.",
            extensions = @Extension(name = "x-cpa-problems", value = "409"))
    public RestResponse<SubscriptionView> reactivate(@PathParam("id") UUID id) {
        WebhookSubscription subscription = subscriptions.reactivate(id);
        return ETags.ok(SubscriptionView.of(subscription, Instant.now()), subscription.version);
    }

    @GET
    @Path("/{id}/deliveries")
    @RolesAllowed({Roles.REQUESTING_PARTNER, Roles.MISSION_PLANNER, Roles.AUDITOR})
    @Operation(operationId = "listWebhookDeliveries", summary = "List a subscription's deliveries",
            description = "Newest first: status, attempts, the last answer's code or why there was none.")
    public PageResponse<DeliveryView> deliveries(@PathParam("id") UUID id,
                                                 @Parameter(description = "Only deliveries in this status",
                                                         schema = @Schema(implementation = DeliveryStatus.class))
                                                 @QueryParam("status") String status,
                                                 @BeanParam PageParams page) {
        return deliveries.list(id, QueryParams.enumValue("status", status, DeliveryStatus.class), page.request());
    }

    @POST
    @Path("/{id}/deliveries/{deliveryId}/retry")
    @RolesAllowed({Roles.REQUESTING_PARTNER, Roles.MISSION_PLANNER})
    @Operation(operationId = "retryWebhookDelivery", summary = "Send a delivery again",
            description = "A FAILED or SUCCEEDED delivery is PENDING again, sent at once with a new retry period; it "
                    + "keeps its webhook-id. 409 while it is still PENDING or the subscription is disabled.",
            extensions = @Extension(name = "x-cpa-problems", value = "409"))
    public DeliveryView retry(@PathParam("id") UUID id, @PathParam("deliveryId") UUID deliveryId) {
        return DeliveryView.of(deliveries.retry(id, deliveryId));
    }
}
