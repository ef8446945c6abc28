package ca.cpa.webhook;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LeaseSettingTest {

    @Test
    void aLeaseThatAnAttemptCouldOutlastStopsTheStartAndSaysWhichSettings() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> settings(Duration.ofSeconds(10), Duration.ofSeconds(10)).checkLeaseOutlastsAttempts());
        assertTrue(refused.getMessage().contains("CPA_WEBHOOK_LEASE") && refused.getMessage().contains("CPA_WEBHOOK_TIMEOUT"),
                refused.getMessage());
        assertDoesNotThrow(() -> settings(Duration.ofSeconds(10), Duration.ofSeconds(30)).checkLeaseOutlastsAttempts());
    }

    private static WebhookConfig.DeliverySettings settings(Duration timeout, Duration lease) {
        return new WebhookConfig.DeliverySettings() {
            public Duration timeout() {
                return timeout;
            }

            public Duration firstRetryDelay() {
                return Duration.ofSeconds(5);
            }

            public Duration longestRetryDelay() {
                return Duration.ofHours(1);
            }

            public Duration retryPeriod() {
                return Duration.ofHours(24);
            }

            public int concurrency() {
                return 64;
            }

            public Duration lease() {
                return lease;
            }

            public Duration pollInterval() {
                return Duration.ofMillis(250);
            }
        };
    }
}
