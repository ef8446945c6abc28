package ca.cpa.webhook.delivery;

import ca.cpa.platform.domain.ConflictException;
import ca.cpa.platform.domain.NotFoundException;
import ca.cpa.platform.paging.Filter;
import ca.cpa.platform.paging.PageRequest;
import ca.cpa.platform.paging.PageResponse;
import ca.cpa.webhook.subscription.SubscriptionService;
import ca.cpa.webhook.subscription.SubscriptionStatus;
import ca.cpa.webhook.subscription.WebhookSubscription;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.UUID;

@ApplicationScoped
public class DeliveryService {

    @Inject
    SubscriptionService subscriptions;

    @Inject
    Dispatcher dispatcher;

    /** The subscription's deliveries, newest first. */
    public PageResponse<DeliveryView> list(UUID subscriptionId, DeliveryStatus status, PageRequest page) {
        WebhookSubscription subscription = subscriptions.get(subscriptionId);
        Filter filter = new Filter()
                .and("subscriptionId = :subscription", "subscription", subscription.id)
                .and("status = :status", "status", status);
        return PageResponse.of(Delivery.find(filter.query(), Sort.descending("sequence"), filter.parameters()),
                page, DeliveryView::of);
    }

    @Transactional
    public Delivery retry(UUID subscriptionId, UUID deliveryId) {
        WebhookSubscription subscription = subscriptions.get(subscriptionId);
        Delivery delivery = Delivery.<Delivery>findByIdOptional(deliveryId)
                .filter(found -> found.subscriptionId.equals(subscription.id))
                .orElseThrow(() -> new NotFoundException("webhook-delivery", deliveryId));
        if (subscription.status != SubscriptionStatus.ACTIVE) {
            throw new ConflictException("webhook.delivery.subscription-disabled");
        }
        delivery.retry(Instant.now());
        Delivery.flush();
        dispatcher.wakeUp();
        return delivery;
    }
}
