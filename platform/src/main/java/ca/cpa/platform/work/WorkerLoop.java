package ca.cpa.platform.work;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A background worker's thread (the outbox relay, the webhook dispatcher): round after round,
 * each when woken (a commit that gave it work) or, as a safety net, every poll interval. A round
 * that fails (the database or broker away) is tried again after a pause that doubles from 100 ms
 * to 5 s; the failure is logged once as it starts and once as it ends.
 */
public final class WorkerLoop {

    /** One round of work. */
    @FunctionalInterface
    public interface Round {
        void run() throws Exception;
    }

    private static final Duration FIRST_BACKOFF = Duration.ofMillis(100);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    private final Semaphore wakeUps = new Semaphore(0);
    private final Logger log;
    private final String waitingMessage;
    private final String resumedMessage;

    /**
     * @param waitingMessage logged (WARN, with the failure as %s) when rounds start failing
     * @param resumedMessage logged (INFO) when a round succeeds again
     */
    public WorkerLoop(Logger log, String waitingMessage, String resumedMessage) {
        this.log = log;
        this.waitingMessage = waitingMessage;
        this.resumedMessage = resumedMessage;
    }

    /** Asks for a round now; many wake-ups before it runs count as one. */
    public void wakeUp() {
        if (wakeUps.availablePermits() == 0) {
            wakeUps.release();
        }
    }

    /** Wakes the worker once the current transaction commits; asked again in that transaction, once still. */
    public void wakeUpAfterCommit(TransactionSynchronizationRegistry transactions) {
        if (transactions.getResource(this) != null) {
            return;
        }
        transactions.putResource(this, Boolean.TRUE);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    wakeUp();
                }
            }
        });
    }

    /** Runs rounds on the calling thread while {@code going} holds, or until the thread is interrupted. */
    public void run(BooleanSupplier going, Duration pollInterval, Round round) {
        Duration backoff = FIRST_BACKOFF;
        boolean failing = false;
        while (going.getAsBoolean()) {
            try {
                wakeUps.tryAcquire(pollInterval.toMillis(), TimeUnit.MILLISECONDS);
                wakeUps.drainPermits();
                round.run();
                if (failing) {
                    log.info(resumedMessage);
                }
                failing = false;
                backoff = FIRST_BACKOFF;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                if (!failing) {
                    log.warnf(waitingMessage, e.toString());
                }
                failing = true;
                try {
                    Thread.sleep(backoff.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
    }
}
