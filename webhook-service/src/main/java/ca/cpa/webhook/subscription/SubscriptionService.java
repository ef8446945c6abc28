package ca.cpa.webhook.subscription;

import ca.cpa.platform.domain.NotFoundException;
import ca.cpa.platform.paging.Filter;
import ca.cpa.platform.paging.PageRequest;
import ca.cpa.platform.paging.PageResponse;
import ca.cpa.platform.problem.ProblemException;
import ca.cpa.platform.security.Caller;
import ca.cpa.platform.security.Roles;
import ca.cpa.webhook.WebhookConfig;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class SubscriptionService {

    /** What a create or a rotation made: the subscription and the secret, shown this once. */
    public record WithSecret(WebhookSubscription subscription, WebhookSecret secret) {
    }

    @Inject
    Caller caller;

    @Inject
    SecretBox secrets;

    @Inject
    Destination.HostResolver resolver;

    @Inject
    WebhookConfig config;

    @Transactional
    public WithSecret create(NewSubscription request) {
        Destination destination = Destination.of(request.url(), allowedHosts());
        destination.resolve(resolver);
        UUID id = UUID.randomUUID();
        WebhookSecret secret = WebhookSecret.generate();
        WebhookSubscription subscription = WebhookSubscription.subscribe(id, subscriber(), destination,
                request.eventTypes(), request.description(), secrets.seal(id, secret.text()), Instant.now());
        subscription.persistAndFlush();
        return new WithSecret(subscription, secret);
    }

    public WebhookSubscription get(UUID id) {
        return WebhookSubscription.<WebhookSubscription>findByIdOptional(id)
                .filter(subscription -> subscription.visibleTo(subscriber()))
                .orElseThrow(() -> new NotFoundException("webhook-subscription", id));
    }

    public PageResponse<SubscriptionView> list(SubscriptionStatus status, PageRequest page) {
        Subscriber subscriber = subscriber();
        Filter filter = new Filter()
                .and("status = :status", "status", status)
                .and("organization = :organization", "organization", subscriber.organization());
        Instant now = Instant.now();
        return PageResponse.of(WebhookSubscription.find(filter.query(), Sort.by("createdAt").and("id"), filter.parameters()),
                page, (WebhookSubscription subscription) -> SubscriptionView.of(subscription, now));
    }

    /** Deletes it with its deliveries: nothing more is sent to it, not even a delivery under way. */
    @Transactional
    public void delete(UUID id) {
        get(id).delete();
    }

    /** A rotation to the secret in force already (a resent rotation of a secret the caller made) changes nothing. */
    @Transactional
    public WithSecret rotateSecret(UUID id, SecretRotation rotation) {
        WebhookSubscription subscription = get(id);
        WebhookSecret secret = rotation.secret() == null ? WebhookSecret.generate() : new WebhookSecret(rotation.secret());
        if (rotation.secret() != null && secrets.open(id, subscription.secret).equals(secret.text())) {
            return new WithSecret(subscription, secret);
        }
        Duration overlap = rotation.overlapHours() == null ? config.secretOverlap() : Duration.ofHours(rotation.overlapHours());
        subscription.rotateSecret(secrets.seal(id, secret.text()), Instant.now().plus(overlap));
        WebhookSubscription.flush();
        return new WithSecret(subscription, secret);
    }

    @Transactional
    public WebhookSubscription reactivate(UUID id) {
        WebhookSubscription subscription = get(id);
        subscription.reactivate();
        WebhookSubscription.flush();
        return subscription;
    }

    /** A requesting partner acts for its token's organization; a token without one cannot subscribe. */
    public Subscriber subscriber() {
        if (caller.hasRole(Roles.MISSION_PLANNER) || caller.hasRole(Roles.AUDITOR)) {
            return new Subscriber(caller.subject(), null);
        }
        String organization = caller.organization()
                .orElseThrow(() -> ProblemException.forbidden("webhook.partner-without-organization"));
        return new Subscriber(caller.subject(), organization);
    }

    private List<String> allowedHosts() {
        return config.allowedHosts().orElse(List.of());
    }
}
