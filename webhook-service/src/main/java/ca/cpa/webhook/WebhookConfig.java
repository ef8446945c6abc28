package ca.cpa.webhook;

import io.smallrye.config.ConfigMapping;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The service's settings (application.properties, each overridable by its CPA_WEBHOOK_* variable). */
@ConfigMapping(prefix = "cpa.webhook")
public interface WebhookConfig {

    /** Hosts, as written in a url, that may be reached over http and at any address (tests, a partner's test bed). */
    Optional<List<String>> allowedHosts();

    /** Base64 of the 32-byte AES key subscription secrets are encrypted with; unset, {@link #secretKeyFile()} holds it. */
    Optional<String> secretKey();

    /** A file holding that key (dev mode: the one {@code ./cpa} keeps in its data directory). */
    Optional<String> secretKeyFile();

    /** How long the previous secret is still signed with after a rotation, unless the rotation says. */
    Duration secretOverlap();

    /** A subscription whose deliveries have all failed for this long is disabled. */
    Duration disableAfter();

    /** How long delivered deliveries are kept for their owners to read. */
    Duration retention();

    DeliverySettings delivery();

    interface DeliverySettings {
        Duration timeout();

        Duration firstRetryDelay();

        Duration longestRetryDelay();

        Duration retryPeriod();

        int concurrency();

        Duration lease();

        Duration pollInterval();

        /**
         * A lease is not renewed while its attempt is under way: it must outlast the attempt (the
         * timeout, with resolving the host and recording the outcome besides), or another replica
         * would take the delivery over and send it again meanwhile.
         */
        default void checkLeaseOutlastsAttempts() {
            if (lease().compareTo(timeout()) <= 0) {
                throw new IllegalArgumentException("cpa.webhook.delivery.lease (CPA_WEBHOOK_LEASE) is " + lease()
                        + ": it must be longer than cpa.webhook.delivery.timeout (CPA_WEBHOOK_TIMEOUT), " + timeout());
            }
        }
    }
}
