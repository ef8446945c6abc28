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
    }
}
