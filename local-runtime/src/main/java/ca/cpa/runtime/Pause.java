package ca.cpa.runtime;

import java.time.Duration;

/** Waiting between two looks at something that is starting or changing. */
final class Pause {

    static final Duration BETWEEN_POLLS = Duration.ofMillis(200);

    private Pause() {
    }

    static void of(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
